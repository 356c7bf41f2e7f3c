import * as fs from 'fs';
import * as path from 'path';
import {
  DEV_URL,
  OFFICE_JS_CDN,
  foreignScripts,
  normalizeDeployUrl,
  pageScriptSources,
  officeJsUrl,
  rewriteManifestUrls,
  selectOfficeJsFiles,
  startupReport,
} from './webpack-helpers';

const manifest = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');

describe('normalizeDeployUrl', () => {
  it.each([
    ['https://intranet.example/report-tables/', 'https://intranet.example/report-tables/'],
    ['https://intranet.example/report-tables', 'https://intranet.example/report-tables/'],
    ['https://intranet.example', 'https://intranet.example/'],
    ['  https://10.0.0.5:8443/addins/rt  ', 'https://10.0.0.5:8443/addins/rt/'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeDeployUrl(raw)).toBe(expected);
  });

  it.each([
    ['', /needs a URL/],
    ['intranet.example/rt', /not an absolute URL/],
    ['http://intranet.example/rt/', /only over https/],
    ['https://intranet.example/rt/?v=1', /query string/],
    ['https://intranet.example/rt/#x', /query string/],
    ['https://user:pw@intranet.example/rt/', /user names/],
  ])('refuses %j', (raw, message) => {
    expect(() => normalizeDeployUrl(raw)).toThrow(message);
  });
});

describe('rewriteManifestUrls', () => {
  const out = rewriteManifestUrls(manifest, 'https://intranet.example/report-tables');

  it('leaves no dev-server URL behind', () => {
    expect(manifest).toContain(DEV_URL);
    expect(out).not.toContain('localhost');
  });

  it('points pages and icons under the deployment path', () => {
    const urls = [...out.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith('https://intranet.example/report-tables/')).toBe(true);
    expect(out).toContain('<SourceLocation DefaultValue="https://intranet.example/report-tables/taskpane.html"/>');
    expect(out).toContain('DefaultValue="https://intranet.example/report-tables/assets/icon-80.png"');
    expect(out).toContain('DefaultValue="https://intranet.example/report-tables/commands.html"');
  });

  it('turns the AppDomain into the deployment origin', () => {
    expect(out).toContain('<AppDomain>https://intranet.example</AppDomain>');
  });

  it('changes nothing else', () => {
    const strip = (xml: string) => xml.replace(/https:\/\/[^"<]+/g, 'URL');
    expect(strip(out)).toBe(strip(manifest));
  });

  it('refuses a non-https deployment', () => {
    expect(() => rewriteManifestUrls(manifest, 'http://intranet.example/')).toThrow(/https/);
  });
});

describe('selectOfficeJsFiles', () => {
  const dist = path.join(__dirname, '..', 'node_modules', '@microsoft', 'office-js', 'dist');
  const listing = (dir: string, prefix = ''): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? listing(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );

  it('keeps office.js, Excel host files, ko-kr/en-us strings and telemetry, release builds only', () => {
    const picked = selectOfficeJsFiles([
      'office.js',
      'office.debug.js',
      'office.d.ts',
      'office-vsdoc.js',
      'excel-win32-16.01.js',
      'excel-win32-16.01.debug.js',
      'excel-web-16.00-core.js',
      'excelwebapp-15.js',
      'word-win32-16.01.js',
      'outlook-15.js',
      'o15apptofilemappingtable.js',
      'ko-kr/office_strings.js',
      'ko-kr/outlook_strings.js',
      'en-us/office_strings.js',
      'ja-jp/office_strings.js',
      'telemetry/oteljs_agave.js',
      'telemetry/oteljs_agave.debug.js',
      'ariatelemetry/aria-web-telemetry.js',
      'excel/nested/file.js',
    ]);
    expect(picked).toEqual([
      'en-us/office_strings.js',
      'excel-web-16.00-core.js',
      'excel-win32-16.01.js',
      'excelwebapp-15.js',
      'ko-kr/office_strings.js',
      'o15apptofilemappingtable.js',
      'office.js',
      'telemetry/oteljs_agave.js',
    ]);
  });

  it('on the installed package: every Excel host file, far less than the whole package', () => {
    const all = listing(dist);
    const picked = selectOfficeJsFiles(all);
    const size = (files: string[]) => files.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
    expect(picked).toContain('office.js');
    expect(picked).toContain('telemetry/oteljs_agave.js');
    const hostFiles = all.filter((f) => /^excel[^/]*\.js$/.test(f) && !f.endsWith('.debug.js'));
    expect(hostFiles.length).toBeGreaterThan(5);
    for (const f of hostFiles) expect(picked).toContain(f);
    expect(size(picked)).toBeLessThan(size(all) / 4);
  });
});

describe('officeJsUrl', () => {
  it('uses the CDN by default and the local copy in an intranet build', () => {
    expect(officeJsUrl({ intranet: false })).toBe(OFFICE_JS_CDN);
    expect(officeJsUrl({ intranet: true })).toBe('office-js/office.js');
  });
});

describe('startupReport', () => {
  it('sums gzipped start-up JS and flags exceljs modules and an overrun budget', () => {
    const big = Array.from({ length: 20000 }, (_, i) => `var v${i}=${(i * 7919) % 104729};`).join('');
    const ok = startupReport({
      entry: 'taskpane',
      files: { 'a.js': 'console.log(1)', 'a.css': 'body{}' },
      modulesByFile: { 'a.js': ['/x/node_modules/react/index.js'] },
    });
    expect(ok.problems).toEqual([]);
    expect(ok.files.map((f) => f.file)).toEqual(['a.js']);

    const bad = startupReport({
      entry: 'taskpane',
      files: { 'a.js': big },
      modulesByFile: { 'a.js': ['C:\\w\\node_modules\\exceljs\\dist\\exceljs.min.js'] },
      budget: 1000,
    });
    expect(bad.gzip).toBeGreaterThan(1000);
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]).toMatch(/over the 1\.0 KB budget/);
    expect(bad.problems[1]).toMatch(/exceljs is in the start-up chunks \(a\.js\)/);
  });
});

describe('pageScriptSources / foreignScripts', () => {
  const gate = (officeJs: string, scripts: string[]) =>
    `<script>!function(e){}({officeJs:${JSON.stringify(officeJs)},timeoutMs:6e3,scripts:${JSON.stringify(scripts)}});</script>`;

  it('lists script tags and what the boot gate inserts (minified or not)', () => {
    const html = `<head><script src=${OFFICE_JS_CDN}></script><script defer src="commands.1.js"></script></head>`;
    expect(pageScriptSources(html)).toEqual([OFFICE_JS_CDN, 'commands.1.js']);
    expect(pageScriptSources(gate(OFFICE_JS_CDN, ['react.1.js', 'taskpane.1.js']))).toEqual([OFFICE_JS_CDN, 'react.1.js', 'taskpane.1.js']);
    const pretty = `<script>(function (c) {})(${JSON.stringify({ officeJs: 'office-js/office.js', timeoutMs: 6000, scripts: ['taskpane.js'] })});</script>`;
    expect(pageScriptSources(pretty)).toEqual(['office-js/office.js', 'taskpane.js']);
  });

  it('allows only the office.js CDN from outside, and nothing from outside in an intranet build', () => {
    const cdn = gate(OFFICE_JS_CDN, ['taskpane.1.js']);
    expect(foreignScripts(cdn)).toEqual([]);
    expect(foreignScripts(cdn, { intranet: true })).toEqual([OFFICE_JS_CDN]);
    expect(foreignScripts(gate('office-js/office.js', ['taskpane.1.js']), { intranet: true })).toEqual([]);
    const sneaky = `${cdn}<script src="https://cdn.example.com/lib.js"></script><script src='//evil.example/x.js'></script>`;
    expect(foreignScripts(sneaky)).toEqual(['https://cdn.example.com/lib.js', '//evil.example/x.js']);
  });
});
