'use strict';
/**
 * Performance-work aid, not part of npm run bench: proves a faster engine gives the same answers.
 *
 *   node scripts/bench/golden.js save    [file]   write checkWorkbook's results to file (default /tmp/rt-golden.json)
 *   node scripts/bench/golden.js compare [file]   exit 1 and name the first difference if results changed
 *
 * Workbooks: the bench's generated tables (plain and with SUM formulas), the reference report's workbook, and the
 * evaluation corpus (seeds 100–112, clean and with every planted fault). Sources run from src/ through
 * TypeScript's transpiler, so no build is needed.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
require('./ts-source');

const { checkWorkbook } = require(path.join(root, 'src/engine/index.ts'));
const { generateWorkbook, withFormulas } = require('./generate');

function workbooks() {
  const out = [];
  const generated = generateWorkbook(300, 25);
  out.push(['bench', generated.grids], ['bench-formulas', withFormulas(generated)]);
  const { referenceGrids } = require(path.join(root, 'test/fixtures/reference.ts'));
  out.push(['reference', referenceGrids()]);
  const { generateCorpus } = require(path.join(root, 'test/corpus/generate.ts'));
  for (let seed = 100; seed <= 112; seed++) {
    const corpus = generateCorpus(seed, { tables: 40, faultsPerTable: 1 });
    corpus.workbooks.forEach((wb) => out.push([`corpus ${seed} ${wb.id}`, wb.sheets]));
    corpus.faults.forEach((f) => out.push([`corpus ${seed} ${f.id}`, f.sheets]));
  }
  return out;
}

function results() {
  const all = {};
  for (const [name, sheets] of workbooks()) {
    for (const rounding of ['half-up', 'truncate']) all[`${name} (${rounding})`] = checkWorkbook(structuredClone(sheets), { rounding });
  }
  return all;
}

const [mode = 'compare', file = '/tmp/rt-golden.json'] = process.argv.slice(2);
const now = results();
if (mode === 'save') {
  fs.writeFileSync(file, JSON.stringify(now));
  process.stdout.write(`saved ${Object.keys(now).length} workbook results to ${file}\n`);
} else {
  const before = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fresh = JSON.parse(JSON.stringify(now));
  let differing = 0;
  for (const key of Object.keys(before)) {
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(fresh[key]);
    if (a === b) continue;
    if (differing++ < 3) {
      let i = 0;
      while (i < a.length && a[i] === b?.[i]) i++;
      process.stdout.write(`DIFFERENT: ${key}\n  before: …${a.slice(Math.max(0, i - 200), i + 200)}\n  now:    …${(b ?? '(missing)').slice(Math.max(0, i - 200), i + 200)}\n`);
    }
  }
  process.stdout.write(differing ? `${differing} of ${Object.keys(before).length} results differ\n` : `all ${Object.keys(before).length} results identical\n`);
  process.exit(differing ? 1 : 0);
}
