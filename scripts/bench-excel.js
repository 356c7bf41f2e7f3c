#!/usr/bin/env node
/**
 * Bench part: the Office.js adapter's round trips (context.sync() calls) against the fake Excel of its tests.
 * Sync counts are what Excel on the web and desktop pay for; the fake's milliseconds mean little and are shown
 * only as a sanity check. Run alone with `node scripts/bench-excel.js`, or as part of `npm run bench`.
 *
 * src/excel is not in lib/ (it is browser code), so this part compiles it on the fly with TypeScript.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/** Lets Node require src/**\/*.ts (transpiled, CommonJS) and maps office-addin-manifest as jest does. */
function registerTypeScript() {
  if (registerTypeScript.done) return;
  registerTypeScript.done = true;
  const ts = require('typescript');
  const compile = Module.prototype._compile;
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    compile.call(module, out.outputText, filename);
  };
  // office-addin-mock requires office-addin-manifest, whose full entry needs packages npm did not hoist right.
  const resolve = Module._resolveFilename;
  const officeApp = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'lib', 'officeApp.js');
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'office-addin-manifest') return officeApp;
    return resolve.call(this, request, ...rest);
  };
}

function load() {
  registerTypeScript();
  const { ExcelWorkbook } = require(path.join(SRC, 'excel', 'excel-workbook.ts'));
  const { FakeExcel, manySheetWorkbook } = require(path.join(SRC, 'excel', 'test-support', 'index.ts'));
  return { ExcelWorkbook, FakeExcel, manySheetWorkbook };
}

async function run(ctx = { log: console.log, quick: false }) {
  const { ExcelWorkbook, FakeExcel, manySheetWorkbook } = load();
  const port = (excel, options = {}) => new ExcelWorkbook({ run: excel.run, supportsMergedAreas: () => true, ...options });
  const result = { read: [], write: null, chunked: null };

  for (const sheets of ctx.quick ? [3, 30] : [3, 10, 30, 100]) {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(sheets));
    const started = process.hrtime.bigint();
    const grids = await port(excel).readSheets();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cells = grids.reduce((n, g) => n + g.cells.reduce((m, line) => m + line.filter(Boolean).length, 0), 0);
    result.read.push({ sheets, syncs: excel.syncCount, cells, fakeMs: Math.round(ms) });
    ctx.log(`readSheets, ${sheets} sheets (${cells} cells): ${excel.syncCount} syncs${sheets === 30 ? ' (bar ≤ 2)' : ''}`);
  }

  {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(30));
    const writes = [];
    for (let i = 0; i < 28; i++) {
      const sheet = `팀${String(i + 1).padStart(2, '0')}`;
      for (let c = 3; c <= 6; c++) writes.push({ sheet, row: 5, col: c, formula: `SUM(${'DEFG'[c - 3]}7:${'DEFG'[c - 3]}8)`, value: 0 });
    }
    await port(excel).writeCells(writes);
    result.write = { sheets: 28, cells: writes.length, syncs: excel.syncCount };
    ctx.log(`writeCells, ${writes.length} formulas on 28 sheets: ${excel.syncCount} syncs (bar ≤ 2)`);
  }

  {
    // Excel on the web refuses responses over 5 MB; the fake refuses over 3,000 cells to force chunking.
    const excel = FakeExcel.fromGrids(manySheetWorkbook(30, 40), { maxResponseCells: 3000 });
    const p = port(excel, { chunkCells: 2500 });
    await p.readSheets();
    result.chunked = { sheets: 30, syncs: excel.syncCount, chunks: p.lastRead.chunks };
    ctx.log(
      `readSheets, 30 sheets too big for one response: ${excel.syncCount} syncs = names + refused read + sizes + ${p.lastRead.chunks} chunks`,
    );
  }

  const thirty = result.read.find((r) => r.sheets === 30);
  result.ok = Boolean(thirty && thirty.syncs <= 2 && result.write.syncs <= 2);
  if (!result.ok) ctx.log('OVER: the adapter took more round trips than the bar allows');
  return result;
}

module.exports = { name: 'excel-adapter-syncs', run };

if (require.main === module) {
  run().then(
    (r) => process.exit(r.ok ? 0 : 1),
    (error) => {
      console.error(`bench-excel: ${error && error.message ? error.message : error}`);
      process.exit(2);
    },
  );
}
