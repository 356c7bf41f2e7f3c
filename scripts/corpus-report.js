#!/usr/bin/env node
/**
 * Measure the engine on a generated corpus of any seed and size, outside jest:
 *   node scripts/corpus-report.js [--seed N] [--tables N] [--faults-per-table N] [--seeds N] [--out file.md]
 * With --seeds K it runs K consecutive seeds and prints one line per seed (a sweep for rare failures);
 * the report of the last seed goes to --out (default test-output/corpus-report-<seed>.md).
 * TypeScript is transpiled on the fly (no type checking: that is `npm run typecheck`'s job).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const root = path.join(__dirname, '..');
const { generateCorpus } = require(path.join(root, 'test/corpus/generate.ts'));
const { evaluateCorpus, renderReport, summary } = require(path.join(root, 'test/corpus/evaluate.ts'));

const seed0 = Number(arg('seed', '20201031'));
const tables = Number(arg('tables', '150'));
const faultsPerTable = Number(arg('faults-per-table', '2'));
const seeds = Number(arg('seeds', '1'));
let last;
for (let k = 0; k < seeds; k++) {
  const seed = seed0 + k;
  const corpus = generateCorpus(seed, { tables, faultsPerTable });
  const ev = evaluateCorpus(corpus);
  console.log(seeds > 1 ? summary(ev).replace(/\n/g, ' | ') : summary(ev));
  last = { corpus, ev, seed };
}
const out = arg('out', path.join(root, 'test-output', `corpus-report-${last.seed}.md`));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, renderReport(last.corpus, last.ev, { title: `Corpus report (seed ${last.seed}, ${tables} tables)` }));
console.log(`report: ${path.relative(process.cwd(), out)}`);
