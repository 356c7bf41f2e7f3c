'use strict';
/**
 * Detection + checks (checkWorkbook) on generated report tables, against HyperFormula building the same
 * figures with the totals as SUM formulas and evaluating them; then 100 / 1,000 / 10,000 tables for growth.
 */
const { HyperFormula } = require('hyperformula');
const { lib } = require('./lib-path');
const { generateWorkbook } = require('./generate');
const { timeMedian, ms, ratio } = require('./timing');

const { checkWorkbook } = lib('engine/index.js');

function runEngine(grids) {
  return checkWorkbook(grids);
}

function runHyperFormula(hfSheets) {
  const hf = HyperFormula.buildFromSheets(hfSheets, { licenseKey: 'gpl-v3' });
  // Read every evaluated sheet back, as a checker would have to.
  let n = 0;
  for (const name of hf.getSheetNames()) n += hf.getSheetValues(hf.getSheetId(name)).length;
  hf.destroy();
  return n;
}

async function run(ctx) {
  const sizes = ctx.quick ? [100, 1000] : [100, 1000, 10000];
  const rows = [];
  for (const size of sizes) {
    const generated = generateWorkbook(size);
    const result = runEngine(generated.grids);
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (result.tables.length !== size || errors.length > 0) {
      ctx.log(`  note: ${size} generated tables → ${result.tables.length} detected, ${errors.length} error findings (expected ${size}, 0)`);
    }
    const runs = size >= 10000 ? 3 : 5;
    // Each run gets its own copy of the data, as each check of a workbook reads its grids afresh.
    const engine = await timeMedian(runEngine, runs, () => structuredClone(generated.grids));
    const hf = await timeMedian(runHyperFormula, runs, () => structuredClone(generated.hf));
    rows.push({ tables: size, sums: generated.totals, engineMs: engine.median, hyperFormulaMs: hf.median, engineCpuMs: engine.cpu, hyperFormulaCpuMs: hf.cpu, runs, detected: result.tables.length, errors: errors.length });
  }

  const at1000 = rows.find((r) => r.tables === 1000);
  ctx.log(`1,000 tables (${at1000.sums.toLocaleString('en-US')} totals), median of ${at1000.runs} runs:`);
  ctx.log(`                                  wall          cpu`);
  ctx.log(`  detect + check (checkWorkbook): ${ms(at1000.engineMs).padStart(10)}   ${ms(at1000.engineCpuMs).padStart(10)}   [bar: ≤ 300 ms]`);
  ctx.log(`  HyperFormula, SUM formulas:     ${ms(at1000.hyperFormulaMs).padStart(10)}   ${ms(at1000.hyperFormulaCpuMs).padStart(10)}`);
  ctx.log(`  HyperFormula / engine:          ${ratio(at1000.hyperFormulaMs, at1000.engineMs).padStart(10)}   ${ratio(at1000.hyperFormulaCpuMs, at1000.engineCpuMs).padStart(10)}   [bar: ≥ 5×]`);
  ctx.log('growth (ms per table should stay flat):');
  ctx.log('  tables   engine ms   ms/table   HyperFormula ms   ms/table   (wall; cpu ms/table engine / HyperFormula)');
  for (const r of rows) {
    ctx.log(
      `  ${String(r.tables).padStart(6)}   ${r.engineMs.toFixed(1).padStart(9)}   ${(r.engineMs / r.tables).toFixed(3).padStart(8)}   ${r.hyperFormulaMs.toFixed(1).padStart(15)}   ${(r.hyperFormulaMs / r.tables).toFixed(3).padStart(8)}   ${(r.engineCpuMs / r.tables).toFixed(3)} / ${(r.hyperFormulaCpuMs / r.tables).toFixed(3)}`,
    );
  }
  return { sizes: rows };
}

module.exports = { name: 'engine vs HyperFormula', run, runHyperFormula };
