'use strict';
/**
 * The bar's workbook repeats three table shapes, as a team's template does; real workbooks vary more. This part
 * runs the same comparison on 1,000 tables of the evaluation corpus (test/corpus: 징수율, 정리율, 증감, 소계/총계,
 * numbers as text, compound cells, side-by-side tables …), all sheets in one workbook, HyperFormula getting the
 * same cells with each true total as a SUM formula of its parts. It has no bar of its own: it says how far the
 * bar's ratio carries over to varied tables.
 */
const path = require('node:path');
const { root, lib } = require('./lib-path');
const { timeMedian, ms, ratio } = require('./timing');
const { runHyperFormula } = require('./engine-vs-hyperformula');

require('./ts-source');

const { checkWorkbook } = lib('engine/index.js');
const { fromA1, toA1 } = lib('engine/grid/a1.js');

/** Corpus workbooks until `tableCount` tables, their sheets renamed apart into one workbook. */
function variedWorkbook(tableCount) {
  const { generateCorpus } = require(path.join(root, 'test/corpus/generate.ts'));
  const grids = [];
  const hf = {};
  let tables = 0;
  let sums = 0;
  for (let seed = 200; tables < tableCount; seed++) {
    const corpus = generateCorpus(seed, { tables: 100, faultsPerTable: 0 });
    for (const wb of corpus.workbooks) {
      const renamed = new Map();
      for (const sheet of wb.sheets) {
        const name = `${wb.id}-${seed}-${sheet.name}`;
        renamed.set(sheet.name, name);
        grids.push({ ...sheet, name });
        hf[name] = sheet.cells.map((line) => Array.from(line ?? [], (cell) => (cell && cell.v !== undefined ? cell.v : null)));
      }
      for (const table of wb.tables) {
        const rows = hf[renamed.get(table.sheet)];
        for (const sum of table.sums) {
          const total = fromA1(sum.total);
          const parts = sum.parts.map(fromA1);
          if (!total || parts.some((p) => !p)) continue;
          rows[total.row][total.col] = `=SUM(${parts.map((p) => toA1(p.row, p.col)).join(',')})`;
          sums++;
        }
      }
      tables += wb.tables.length;
    }
  }
  return { grids, hf, tables, sums };
}

async function run(ctx) {
  const varied = variedWorkbook(ctx.quick ? 300 : 1000);
  const runs = 5;
  const engine = await timeMedian((g) => checkWorkbook(g), runs, () => structuredClone(varied.grids));
  const hf = await timeMedian(runHyperFormula, runs, () => structuredClone(varied.hf));
  ctx.log(`${varied.tables.toLocaleString('en-US')} corpus tables on ${varied.grids.length} sheets (${varied.sums.toLocaleString('en-US')} totals), median of ${runs} runs:`);
  ctx.log(`                                  wall          cpu`);
  ctx.log(`  detect + check (checkWorkbook): ${ms(engine.median).padStart(10)}   ${ms(engine.cpu).padStart(10)}`);
  ctx.log(`  HyperFormula, SUM formulas:     ${ms(hf.median).padStart(10)}   ${ms(hf.cpu).padStart(10)}`);
  ctx.log(`  HyperFormula / engine:          ${ratio(hf.median, engine.median).padStart(10)}   ${ratio(hf.cpu, engine.cpu).padStart(10)}   (no bar: the bar's workbook is above)`);
  return { tables: varied.tables, sheets: varied.grids.length, sums: varied.sums, engineMs: engine.median, hyperFormulaMs: hf.median, engineCpuMs: engine.cpu, hyperFormulaCpuMs: hf.cpu };
}

module.exports = { name: 'varied tables vs HyperFormula', run };
