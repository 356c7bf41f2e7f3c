#!/usr/bin/env node
/**
 * Write the bundled example workbooks (examples/report-tables.xlsx with one planted mistake, and
 * examples/report-tables-clean.xlsx) from test/fixtures/example-workbooks.ts.
 *
 *   node scripts/make-examples.js
 *
 * The builder is TypeScript; this script transpiles it (and what it imports) on the fly with the project's own
 * `typescript` package, so it needs nothing beyond `npm install`. Each file is written whole or not at all.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');

// Load .ts modules by transpiling them to CommonJS (type checking is `npm run typecheck`'s job).
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

function writeWhole(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

async function main() {
  const { buildExampleWorkbooks, EXAMPLE_FILES, EXAMPLE_MISTAKE } = require(path.join(ROOT, 'test/fixtures/example-workbooks.ts'));
  const books = await buildExampleWorkbooks();
  for (const which of ['planted', 'clean']) {
    const file = path.join(ROOT, EXAMPLE_FILES[which]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeWhole(file, books[which]);
    process.stdout.write(`wrote ${EXAMPLE_FILES[which]}\n`);
  }
  const m = EXAMPLE_MISTAKE;
  process.stdout.write(`planted: ${m.sheet}!${m.cell} ${m.before} → ${m.after} (breaks ${m.totals.join(', ')})\n`);
}

main().catch((err) => {
  process.stderr.write(`make-examples: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
