'use strict';
/**
 * `report-tables check` of a 20-sheet workbook (read → grids → detect + check → JSON), against exceljs alone
 * loading the same file. Bar: at most twice exceljs's load time.
 */
const { promises: fs } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ExcelJS = require('exceljs');
const { lib } = require('./lib-path');
const { generateWorkbook, withFormulas } = require('./generate');
const { timeMedian, ms, ratio } = require('./timing');

const { gridsToXlsxBuffer } = lib('xlsx/index.js');
const { main } = lib('cli/main.js');

const SHEETS = 20;
const PER_SHEET = 25;

async function run(ctx) {
  const generated = generateWorkbook(SHEETS * PER_SHEET, PER_SHEET);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-bench-'));
  const file = path.join(dir, 'twenty-sheets.xlsx');
  try {
    await fs.writeFile(file, await gridsToXlsxBuffer(withFormulas(generated)));
    const size = (await fs.stat(file)).size;
    let output = '';
    const io = { stdout: (t) => void (output += t), stderr: (t) => void (output += t) };
    const code = await main(['check', file, '--json'], io);
    const parsed = JSON.parse(output);
    if (code === 2 || parsed.tables.length !== SHEETS * PER_SHEET) {
      ctx.log(`  note: check exited ${code} with ${parsed.tables ? parsed.tables.length : 0} tables (expected ${SHEETS * PER_SHEET})`);
    }
    const exceljs = await timeMedian(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
    }, 5);
    const check = await timeMedian(() => main(['check', file, '--json'], { stdout: () => {}, stderr: () => {} }), 5);
    ctx.log(`${SHEETS}-sheet workbook (${SHEETS * PER_SHEET} tables, ${(size / 1024).toFixed(0)} KB), median of 5 runs:`);
    ctx.log(`                                   wall          cpu`);
    ctx.log(`  exceljs alone (readFile):   ${ms(exceljs.median).padStart(10)}   ${ms(exceljs.cpu).padStart(10)}`);
    ctx.log(`  report-tables check --json: ${ms(check.median).padStart(10)}   ${ms(check.cpu).padStart(10)}`);
    ctx.log(`  check / exceljs:            ${ratio(check.median, exceljs.median).padStart(10)}   ${ratio(check.cpu, exceljs.cpu).padStart(10)}   [bar: ≤ 2×]`);
    return { sheets: SHEETS, tables: SHEETS * PER_SHEET, bytes: size, exceljsMs: exceljs.median, checkMs: check.median, exceljsCpuMs: exceljs.cpu, checkCpuMs: check.cpu };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

module.exports = { name: 'check vs exceljs load', run };
