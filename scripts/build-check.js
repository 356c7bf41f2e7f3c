#!/usr/bin/env node
/**
 * Checks a built dist/ against issue 3's bars: taskpane.html, commands.html, manifest.xml and every icon the
 * manifest names are there; no page loads a script from outside except Microsoft's office.js CDN (nothing at
 * all from outside in an intranet build, recognised by dist/office-js/office.js); the manifest validates
 * offline when xmllint is installed. `npm run build && node scripts/build-check.js [dist]`
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { foreignScripts, pageScriptSources, LOCAL_OFFICE_JS_DIR } = require('./webpack-helpers');

function checkDist(dist) {
  const problems = [];
  const notes = [];
  const has = (rel) => fs.existsSync(path.join(dist, rel));
  for (const rel of ['taskpane.html', 'commands.html', 'manifest.xml']) if (!has(rel)) problems.push(`missing ${rel}`);
  if (problems.length) return { problems, notes };

  const intranet = has(`${LOCAL_OFFICE_JS_DIR}/office.js`);
  notes.push(intranet ? 'intranet build (local office.js)' : 'CDN build');
  for (const page of ['taskpane.html', 'commands.html']) {
    const html = fs.readFileSync(path.join(dist, page), 'utf8');
    for (const src of foreignScripts(html, { intranet })) problems.push(`${page} loads a script from outside: ${src}`);
    for (const src of pageScriptSources(html)) {
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) && !has(src)) problems.push(`${page} loads ${src}, which is not in dist/`);
    }
  }

  const manifest = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
  const base = /<SourceLocation DefaultValue="([^"]*)taskpane\.html"/.exec(manifest)?.[1];
  if (!base) problems.push('manifest.xml has no SourceLocation ending in taskpane.html');
  else {
    notes.push(`manifest points at ${base}`);
    for (const m of manifest.matchAll(/DefaultValue="([^"]+)"/g)) {
      if (!m[1].startsWith(base)) continue;
      const rel = m[1].slice(base.length);
      if (!has(rel)) problems.push(`manifest.xml names ${m[1]}, but dist/${rel} does not exist`);
    }
  }

  const schema = path.join(__dirname, '..', '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
  const xmllint = spawnSync('xmllint', ['--noout', '--schema', schema, path.join(dist, 'manifest.xml')], { encoding: 'utf8' });
  if (xmllint.error) notes.push('xmllint not installed: manifest not validated');
  else if (!fs.existsSync(schema)) notes.push(`no schema at ${schema}: manifest not validated`);
  else if (xmllint.status !== 0) problems.push(`manifest.xml does not validate: ${xmllint.stderr.trim().split('\n')[0]}`);
  else notes.push('manifest validates offline');
  return { problems, notes };
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist'));
  const { problems, notes } = checkDist(dist);
  for (const n of notes) console.log(`build-check: ${n}`);
  for (const p of problems) console.error(`build-check: ${p}`);
  console.log(problems.length ? `build-check: ${problems.length} problem(s)` : 'build-check: dist/ meets the bars');
  process.exit(problems.length ? 1 : 0);
}

module.exports = { checkDist };
