import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { checkWorkbook, instantiateTemplate, toA1, type SheetGrid } from '../../engine';
import { filledTemplate } from '../../engine/templates/test-support';
import { makeBudgetByYearSpec } from '../../specs';
import { readWorkbookBuffer } from '../../xlsx/read-workbook';
import { gridsToXlsxBuffer } from '../../xlsx/write-grids';
import { XlsxWorkbook } from '../../xlsx/xlsx-workbook';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';
import type { SummaryJson } from './summary-command';

const deps = { checkWorkbook };
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-summary-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const block = instantiateTemplate(makeBudgetByYearSpec({ from: 2020, to: 2023 }), { sheet: '기획예산과', at: { row: 1, col: 1 }, title: '□ 청사 시설 개선' });

function sheets(extra: SheetGrid[] = []): SheetGrid[] {
  return [filledTemplate(block, [100, 200, 300, 400, 500, 600, 700, 800]), ...extra];
}

async function write(name: string, bytes: Uint8Array | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

function cell(grid: SheetGrid | undefined, a1: string) {
  for (const [r, line] of (grid?.cells ?? []).entries()) for (const [c, x] of (line ?? []).entries()) if (toA1(r, c) === a1) return x;
  return undefined;
}

describe('report-tables summary', () => {
  it('adds 총괄 with formulas pointing at the tables (exceljs rewrite: nothing to lose)', async () => {
    const input = await write('a.xlsx', await gridsToXlsxBuffer(sheets()));
    const output = path.join(dir, 'a-out.xlsx');
    const io = captureIo();
    expect(await main(['summary', input, '-o', output, '--json'], io, deps)).toBe(0);
    const json = JSON.parse(io.out()) as SummaryJson;
    expect(json).toMatchObject({ sheet: '총괄', created: true, yearTotals: { sheet: '총괄', range: 'D7:G7', years: [2020, 2021, 2022, 2023] } });
    const back = await readWorkbookBuffer(await fs.readFile(output));
    const summary = back.find((s) => s.name === '총괄');
    expect(cell(summary, 'E4')).toMatchObject({ f: "'기획예산과'!E7" });
    expect(cell(summary, 'E5')?.v).toBe(cell(back[0], 'E8')?.v);
    expect(cell(summary, 'A7')?.v).toBe('총계');
  });

  it('refreshes an existing 총괄 by patching it, keeping its other content and every other part', async () => {
    const withSheet = sheets([{ name: '총괄', cells: [[], [], [], [], [], [], [], [], [], [{ v: '메모' }]], merges: [] }]);
    const bytes = await gridsToXlsxBuffer(withSheet);
    // A part exceljs would drop: patching must carry it over untouched.
    const zip = await JSZip.loadAsync(bytes);
    zip.file('xl/media/image1.png', 'not really a png');
    const input = await write('b.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    const output = path.join(dir, 'b-out.xlsx');
    expect(await main(['summary', input, '-o', output], captureIo(), deps)).toBe(0);
    const out = await JSZip.loadAsync(await fs.readFile(output));
    expect(await out.file('xl/media/image1.png')!.async('string')).toBe('not really a png');
    const back = await readWorkbookBuffer(await fs.readFile(output));
    const summary = back.find((s) => s.name === '총괄');
    expect(cell(summary, 'A10')?.v).toBe('메모');
    expect(cell(summary, 'D4')?.f).toBe("'기획예산과'!D7");
  });

  it('refuses to add a sheet by rewriting a file with parts exceljs would drop, writing nothing', async () => {
    const zip = await JSZip.loadAsync(await gridsToXlsxBuffer(sheets()));
    zip.file('xl/charts/chart1.xml', '<chartSpace/>');
    const input = await write('c.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    const output = path.join(dir, 'c-out.xlsx');
    const io = captureIo();
    expect(await main(['summary', input, '-o', output, '--lang', 'en'], io, deps)).toBe(2);
    expect(io.err()).toMatch(/would lose the file's charts; nothing was written/);
    await expect(fs.stat(output)).rejects.toThrow();
  });

  it('uses the registry: a registered table moved by its name is listed where it now is', async () => {
    const book = XlsxWorkbook.fromGrids(sheets());
    await book.writeRegistry([{ id: 'b1', sheet: '기획예산과', range: block.range, kind: 'budget-by-year', spec: block.spec, created: 't', updated: 't' }]);
    const input = await write('d.xlsx', await book.toBuffer());
    const output = path.join(dir, 'd-out.xlsx');
    const io = captureIo();
    expect(await main(['summary', input, '-o', output, '--json'], io, deps)).toBe(0);
    expect((JSON.parse(io.out()) as SummaryJson).tables).toEqual(['기획예산과!B5:G9']);
    const back = await readWorkbookBuffer(await fs.readFile(output));
    expect(cell(back.find((s) => s.name === '총괄'), 'A4')?.v).toBe('청사 시설 개선');
  });

  it.each([
    [['summary'], /no input file/],
    [['summary', 'x.xlsx'], /no output file/],
  ])('usage: %j', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io, deps)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('never writes over its input, nor over an existing output without --force', async () => {
    const input = await write('e.xlsx', await gridsToXlsxBuffer(sheets()));
    expect(await main(['summary', input, '-o', input], captureIo(), deps)).toBe(2);
    const output = await write('e-out.xlsx', new Uint8Array([1, 2, 3]));
    const io = captureIo();
    expect(await main(['summary', input, '-o', output, '--lang', 'en'], io, deps)).toBe(2);
    expect(io.err()).toMatch(/already exists/);
    expect(await main(['summary', input, '-o', output, '--force'], captureIo(), deps)).toBe(0);
  });

  it('an unreadable input is one clear line', async () => {
    const input = await write('f.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]));
    const io = captureIo();
    expect(await main(['summary', input, '-o', path.join(dir, 'f-out.xlsx')], io, deps)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
