/**
 * Pure pieces of webpack.config.js, kept here so jest can test them without running webpack:
 * the manifest URL rewrite for a deployment, the trimmed office.js file list for intranet builds,
 * and the start-up bundle budget check.
 */
'use strict';
const zlib = require('zlib');

/** Where the dev server serves the add-in; manifest.xml is written with these URLs. */
const DEV_URL = 'https://localhost:3000/';
/** Microsoft's supported office.js (production CDN). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Folder in dist/ that holds the trimmed local office.js of an intranet build. */
const LOCAL_OFFICE_JS_DIR = 'office-js';
/** How long taskpane.html waits for office.js before starting the pane in standalone mode. */
const OFFICE_JS_TIMEOUT_MS = 6000;
/** Bar from issue 3: the pane's start-up JavaScript, gzipped. */
const STARTUP_BUDGET_BYTES = 350 * 1024;

/**
 * A deployment URL as the manifest needs it: absolute https (Office loads add-ins only over https),
 * no query or fragment, ending in '/'. Throws a one-line message for anything else.
 */
function normalizeDeployUrl(raw) {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new Error('--env url=<https://host/path/> needs a URL');
  }
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`--env url=${raw}: not an absolute URL (expected e.g. https://intranet.example/report-tables/)`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`--env url=${raw}: Office loads add-ins only over https`);
  }
  if (url.search || url.hash) {
    throw new Error(`--env url=${raw}: leave out the query string and fragment`);
  }
  if (url.username || url.password) {
    throw new Error(`--env url=${raw}: leave out user names and passwords`);
  }
  const href = url.href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * manifest.xml with every dev-server URL pointed at the deployment: 'https://localhost:3000/x' becomes
 * '<deployUrl>x' and the bare origin (AppDomain) becomes the deployment's origin.
 */
function rewriteManifestUrls(xml, deployUrl) {
  const base = normalizeDeployUrl(deployUrl);
  const origin = new URL(base).origin;
  const devOrigin = DEV_URL.replace(/\/$/, '');
  const out = xml.split(DEV_URL).join(base).split(devOrigin).join(origin);
  if (out.includes('localhost:3000')) {
    // Cannot happen with the replacements above; guards against a future manifest spelling the URL oddly.
    throw new Error('manifest.xml still names localhost:3000 after rewriting');
  }
  return out;
}

/**
 * Which files of @microsoft/office-js/dist an intranet build serves: office.js, the Excel host files,
 * the Korean and English strings and the telemetry scripts office.js asks for, in their release (not .debug)
 * builds, since the page references office.js and office.js then loads release host files only.
 * `relPaths` are paths relative to that dist folder with '/' separators.
 */
function selectOfficeJsFiles(relPaths) {
  const keep = (p) => {
    if (!p.endsWith('.js') || p.endsWith('.debug.js') || p.includes('vsdoc')) return false;
    const parts = p.split('/');
    if (parts.length === 1) {
      const name = parts[0];
      return (
        name === 'office.js' ||
        /^excel[a-z0-9.-]*\.js$/.test(name) ||
        // office.js loads this table for 2013-era hosts and a Promise polyfill where Promise is missing.
        name === 'o15apptofilemappingtable.js' ||
        name === 'es6-promise.js'
      );
    }
    if (parts.length !== 2) return false;
    const [dir, file] = parts;
    if (dir === 'ko-kr' || dir === 'en-us') return file === 'office_strings.js';
    return dir === 'telemetry';
  };
  return relPaths.filter(keep).sort();
}

/** Where the pages load office.js from. */
function officeJsUrl({ intranet }) {
  return intranet ? `${LOCAL_OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN;
}

/**
 * Start-up size of an entry point: every JS file it loads before running (its initial chunks), gzipped,
 * and whether any module of `forbiddenPackage` is in them. `files` maps file name to contents;
 * `modulesByFile` maps file name to the resource paths of the modules it holds.
 */
function startupReport({ entry, files, modulesByFile, forbiddenPackage = 'exceljs', budget = STARTUP_BUDGET_BYTES }) {
  const rows = Object.entries(files)
    .filter(([name]) => name.endsWith('.js'))
    .map(([name, source]) => ({
      file: name,
      bytes: Buffer.byteLength(source),
      gzip: zlib.gzipSync(source, { level: 9 }).length,
    }));
  const gzip = rows.reduce((sum, r) => sum + r.gzip, 0);
  const needle = `node_modules/${forbiddenPackage}/`;
  const forbidden = Object.entries(modulesByFile)
    .filter(([, mods]) => mods.some((m) => m.replace(/\\/g, '/').includes(needle)))
    .map(([file]) => file);
  const problems = [];
  if (gzip > budget) {
    problems.push(`${entry}: start-up JavaScript is ${kb(gzip)} gzipped, over the ${kb(budget)} budget`);
  }
  if (forbidden.length) problems.push(`${entry}: ${forbiddenPackage} is in the start-up chunks (${forbidden.join(', ')})`);
  return { entry, files: rows, gzip, budget, problems };
}

/**
 * Every script a built page loads: `<script src>` tags, plus what the task pane's boot gate inserts (its
 * inline config names office.js and the pane's files). Inline scripts without src are not listed.
 */
function pageScriptSources(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  const gate = /\{\s*"?officeJs"?\s*:\s*"([^"]*)"[^}]*?"?scripts"?\s*:\s*\[([^\]]*)\]/.exec(html);
  if (gate) {
    out.push(gate[1]);
    for (const m of gate[2].matchAll(/"([^"]*)"/g)) out.push(m[1]);
  }
  return out;
}

/**
 * Scripts a page loads from anywhere but its own folder, other than Microsoft's office.js CDN; with
 * `intranet`, the CDN is not allowed either. Empty means the page keeps the "nothing from outside" rule.
 */
function foreignScripts(html, { intranet = false } = {}) {
  return pageScriptSources(html).filter((src) => {
    const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src);
    if (!external) return false;
    return intranet || src !== OFFICE_JS_CDN;
  });
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}

module.exports = {
  DEV_URL,
  OFFICE_JS_CDN,
  LOCAL_OFFICE_JS_DIR,
  OFFICE_JS_TIMEOUT_MS,
  STARTUP_BUDGET_BYTES,
  normalizeDeployUrl,
  rewriteManifestUrls,
  selectOfficeJsFiles,
  officeJsUrl,
  startupReport,
  pageScriptSources,
  foreignScripts,
  kb,
};
