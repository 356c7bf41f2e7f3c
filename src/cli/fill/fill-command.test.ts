import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { checkWorkbook, fromA1, type SheetGrid } from '../../engine';
import { CHANGE_TSV, COLLECTION_TSV, GROUPED_TSV, shapeSheet } from '../../engine/fill/test-support/shapes';
import { grid, type Plain } from '../../engine/test-support';
import { readWorkbookBuffer } from '../../xlsx/read-workbook';
import { badInputs, materialise, validXlsx } from '../../xlsx/test-support/bad-inputs';
import { gridsToXlsxBuffer } from '../../xlsx/write-grids';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';
import type { FillJson } from './fill-command';

const deps = { checkWorkbook };
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-fill-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function emptied(sheet: SheetGrid, cells: string[]): SheetGrid {
  const rows = sheet.cells.map((l) => Array.from(l));
  for (const a of cells) {
    const p = fromA1(a)!;
    rows[p.row][p.col] = null;
  }
  return { ...sheet, cells: rows };
}

async function writeBook(name: string, sheets: SheetGrid[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, new Uint8Array(await gridsToXlsxBuffer(sheets)));
  return file;
}

const hash = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

async function fill(args: string[]) {
  const io = captureIo();
  const code = await main(['fill', ...args], io, deps);
  return { code, out: io.out(), err: io.err() };
}

describe('report-tables fill', () => {
  test('fills emptied totals, rates and 증감 with formulas and cached values; exit 0; input unchanged', async () => {
    const input = await writeBook('shapes.xlsx', [
      emptied(shapeSheet('증감', CHANGE_TSV), ['B4', 'C4', 'D4', 'D5', 'D6']),
      emptied(shapeSheet('징수', COLLECTION_TSV), ['B3', 'C3', 'D3', 'D4', 'D5']),
      emptied(shapeSheet('소계', GROUPED_TSV), ['C3', 'D3', 'C4', 'D4', 'C7', 'D7']),
    ]);
    const before = await hash(input);
    const output = path.join(dir, 'shapes-out.xlsx');
    const r = await fill([input, '-o', output, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as FillJson;
    expect(json.conflicts).toEqual([]);
    expect(json.writes).toEqual(expect.arrayContaining([{ sheet: '징수', cell: 'D4', formula: 'IF(B4=0,"",ROUND(C4/B4*100,1))', value: 92.9, format: '0.0' }]));
    expect(await hash(input)).toBe(before);
    const back = await readWorkbookBuffer(await fs.readFile(output));
    expect(back.find((s) => s.name === '소계')!.cells[2][2]).toMatchObject({ f: 'SUM(C4,C7)', v: 47 });
  });

  test('a typed constant that disagrees is left alone: exit 1 with the conflict; --overwrite replaces it', async () => {
    const s = shapeSheet('S', CHANGE_TSV);
    const wrong = { ...s, cells: s.cells.map((l, r) => (r === 3 ? l.map((c, i) => (i === 1 ? { v: 99 } : c)) : l)) };
    const input = await writeBook('wrong.xlsx', [wrong]);
    const out1 = path.join(dir, 'wrong-out.xlsx');
    const r = await fill([input, '-o', out1, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as FillJson;
    expect(json.conflicts).toEqual([expect.objectContaining({ sheet: 'S', cell: 'B4', expected: 100, actual: 99 })]);
    expect(json.writes.some((w) => w.cell === 'B4')).toBe(false);
    expect((await readWorkbookBuffer(await fs.readFile(out1)))[0].cells[3][1]).toEqual({ v: 99 });
    const out2 = path.join(dir, 'wrong-over.xlsx');
    const r2 = await fill([input, '-o', out2, '--overwrite', '--json']);
    expect(r2.code).toBe(0);
    expect((await readWorkbookBuffer(await fs.readFile(out2)))[0].cells[3][1]).toMatchObject({ f: 'SUM(B5:B6)', v: 100 });
  });

  test('--values writes constants; the text report names the file', async () => {
    const input = await writeBook('values.xlsx', [emptied(shapeSheet('S', CHANGE_TSV), ['B4'])]);
    const output = path.join(dir, 'values-out.xlsx');
    const r = await fill([input, '-o', output, '--values', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/values\.xlsx → .*values-out\.xlsx: filled \d+ cells/);
    const b4 = (await readWorkbookBuffer(await fs.readFile(output)))[0].cells[3][1];
    expect(b4).toMatchObject({ v: 100 });
    expect(b4?.f).toBeUndefined();
  });

  test('--force replaces an existing output', async () => {
    const input = await writeBook('force.xlsx', [shapeSheet('S', CHANGE_TSV)]);
    const output = path.join(dir, 'force-out.xlsx');
    await fs.writeFile(output, 'old');
    expect((await fill([input, '-o', output, '--force'])).code).toBe(0);
    expect((await fs.readFile(output)).subarray(0, 2).toString()).toBe('PK');
  });

  test('the bundled examples: the clean workbook fills without conflicts, the planted mistake is left alone and named', async () => {
    const clean = await fill(['examples/report-tables-clean.xlsx', '-o', path.join(dir, 'clean-out.xlsx'), '--json']);
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.out) as FillJson).writes.length).toBeGreaterThan(100);
    const planted = await fill(['examples/report-tables.xlsx', '-o', path.join(dir, 'planted-out.xlsx'), '--json']);
    expect(planted.code).toBe(1);
    const json = JSON.parse(planted.out) as FillJson;
    // E99 (시비 2022년) was typed 13,500 for 12,500: the totals it breaks keep their typed figures.
    expect(json.conflicts.map((c) => c.cell).sort()).toEqual(['B99', 'E98']);
    expect(json.writes.some((w) => w.cell === 'E99')).toBe(false);
  }, 30000);

  test('a part typed as text ("61,800 ¹⁾"): its totals are left alone with the reason; --values writes their figures', async () => {
    const budget = grid([
      ['재원별', '합계', '2020년', '2021년'],
      ['계', null, null, null],
      ['시비', 10000, 5000, 5000],
      ['구비', null, 6000, '61,800 ¹⁾'],
    ], { name: '예산' });
    const input = await writeBook('footnote.xlsx', [budget]);
    const formulas = await fill([input, '-o', path.join(dir, 'footnote-formulas.xlsx'), '--json', '--lang', 'en']);
    expect(formulas.code).toBe(0);
    const json = JSON.parse(formulas.out) as FillJson;
    const d2 = json.skipped.find((s) => s.cell === 'D2');
    expect(d2).toMatchObject({ reason: 'text-input', related: ['D4'], message: expect.stringContaining("D4 holds '61,800 ¹⁾' as text") });
    expect(json.writes.some((w) => w.cell === 'D2' || w.cell === 'B4')).toBe(false);
    expect(json.writes.find((w) => w.cell === 'C2')).toMatchObject({ formula: 'SUM(C3:C4)', value: 11000 });
    const text = await fill([input, '-o', path.join(dir, 'footnote-text.xlsx')]);
    expect(text.out).toContain("D4의 '61,800 ¹⁾'은(는) 텍스트라");

    const values = await fill([input, '-o', path.join(dir, 'footnote-values.xlsx'), '--json', '--values']);
    expect(values.code).toBe(0);
    const written = JSON.parse(values.out) as FillJson;
    expect(written.skipped).toEqual([]);
    expect(Object.fromEntries(written.writes.map((w) => [w.cell, [w.formula, w.value]]))).toMatchObject({ D2: [null, 66800], B4: [null, 67800], B2: [null, 77800] });
    // The text figure itself is left as typed, footnote mark and all.
    const back = await readWorkbookBuffer(await fs.readFile(path.join(dir, 'footnote-values.xlsx')));
    expect(back[0].cells[3][3]?.v).toBe('61,800 ¹⁾');
  });

  test('usage mistakes exit 2', async () => {
    expect((await fill([])).code).toBe(2);
    expect((await fill(['a.xlsx'])).code).toBe(2);
    expect((await fill(['a.xlsx', '-o', 'b.xlsx', '--rounding', 'up'])).code).toBe(2);
  });
});

/** One line naming the file and the reason; no stack trace. */
function expectOneLine(err: string, name: string) {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(err).not.toMatch(/\n\s+at /);
}

async function listing(): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('bad input: unreadable files exit 2 with one line and leave no output', () => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])('case %i', async (i) => {
    const cases = await badInputs();
    const bad = cases[i];
    const file = await materialise(dir, bad);
    const output = path.join(dir, `out-${i}.xlsx`);
    const before = bad.content instanceof Uint8Array ? await hash(file) : null;
    const r = await fill([file, '-o', output]);
    expect([bad.name, r.code]).toEqual([bad.name, 2]);
    expectOneLine(r.err, bad.fileName);
    expect(r.out).toBe('');
    await expect(fs.stat(output)).rejects.toThrow();
    if (before) expect(await hash(file)).toBe(before);
  });
  test('the table has every kind', async () => {
    expect((await badInputs()).length).toBeGreaterThanOrEqual(15);
  });
});

describe('bad output: nothing left behind, input unchanged', () => {
  test.each([
    ['an output folder that does not exist', (d: string) => path.join(d, 'no-such-folder', 'out.xlsx'), /folder does not exist|폴더가 없습니다/],
    ['an output under a file (cannot be written)', (d: string) => path.join(d, 'plain-file.txt', 'out.xlsx'), /folder does not exist|폴더가 없습니다|cannot write|쓸 수 없습니다/],
    ['an output in /proc (not writable)', () => '/proc/report-tables-out.xlsx', /cannot write|쓸 수 없습니다/],
  ])('%s', async (_name, where, says) => {
    await fs.writeFile(path.join(dir, 'plain-file.txt'), 'x');
    const input = await writeBook('ok.xlsx', [emptied(shapeSheet('S', CHANGE_TSV), ['B4'])]);
    const before = await hash(input);
    const files = await listing();
    const output = where(dir);
    const r = await fill([input, '-o', output]);
    expect(r.code).toBe(2);
    expectOneLine(r.err, output);
    expect(r.err).toMatch(says);
    expect(await listing()).toEqual(files);
    expect(await hash(input)).toBe(before);
  });

  test('an existing output without --force is refused and kept', async () => {
    const input = await writeBook('exists.xlsx', [shapeSheet('S', CHANGE_TSV)]);
    const output = path.join(dir, 'exists-out.xlsx');
    await fs.writeFile(output, 'keep me');
    const files = await listing();
    const r = await fill([input, '-o', output]);
    expect(r.code).toBe(2);
    expectOneLine(r.err, output);
    expect(await fs.readFile(output, 'utf8')).toBe('keep me');
    expect(await listing()).toEqual(files);
  });

  test('a protected sheet it would write to is refused: one line, no output', async () => {
    const zip = await JSZip.loadAsync(new Uint8Array(await gridsToXlsxBuffer([emptied(shapeSheet('S', CHANGE_TSV), ['B4'])])));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'));
    const input = path.join(dir, 'protected.xlsx');
    await fs.writeFile(input, await zip.generateAsync({ type: 'uint8array' }));
    const output = path.join(dir, 'protected-out.xlsx');
    const r = await fill([input, '-o', output, '--lang', 'en']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, input);
    expect(r.err).toMatch(/cannot fill safely: sheet 'S' is protected/);
    await expect(fs.stat(output)).rejects.toThrow();
  });

  test('the input as its own output is refused, even with --force', async () => {
    const input = await writeBook('self.xlsx', [emptied(shapeSheet('S', CHANGE_TSV), ['B4'])]);
    const before = await hash(input);
    const r = await fill([input, '-o', input, '--force']);
    expect(r.code).toBe(2);
    expect(await hash(input)).toBe(before);
  });
});

async function millionRows(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await validXlsx());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '<row r="1000000"><c r="A1000000"><v>7</v></c></row></sheetData>'));
  return zip.generateAsync({ type: 'uint8array' });
}

const TABLE = (a: Plain, b: Plain): Plain[][] => [
  ['구분', '2020년', '2021년'],
  ['계', null, null],
  ['구비', a, 20],
  ['시비', b, 30],
];

describe('odd but readable: valid JSON, exit 0 or 1, never a crash', () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ['no tables at all', async () => new Uint8Array(await gridsToXlsxBuffer([grid([['메모만 있습니다']], { name: 'S' })]))],
    ['a sheet of 1,000,000 rows', millionRows],
    ['#REF! and #DIV/0! cells', async () => new Uint8Array(await gridsToXlsxBuffer([grid(TABLE({ v: null, error: '#REF!' }, { v: null, error: '#DIV/0!' }), { name: 'S' })]))],
    ['1e308', async () => new Uint8Array(await gridsToXlsxBuffer([grid(TABLE(1e308, 1e308), { name: 'S' })]))],
    ['dates where numbers belong', async () => new Uint8Array(await gridsToXlsxBuffer([grid(TABLE({ v: 44000, date: true, fmt: 'yyyy-mm-dd' }, 5), { name: 'S' })]))],
    ['merged cells crossing the table\'s edge', async () => new Uint8Array(await gridsToXlsxBuffer([grid(TABLE(10, 5), { name: 'S', merges: ['C2:D3'] })]))],
    ['△ and (1,200) negatives', async () => new Uint8Array(await gridsToXlsxBuffer([grid(TABLE('△1,200', '(1,200)'), { name: 'S' })]))],
    ['hidden and very hidden sheets', async () =>
      new Uint8Array(await gridsToXlsxBuffer([grid(TABLE(10, 5), { name: 'S' }), grid(TABLE(1, 2), { name: 'H', state: 'hidden' }), grid([['{}']], { name: '_report_tables', state: 'veryHidden' })]))],
    ['fifty empty sheets', async () => new Uint8Array(await gridsToXlsxBuffer(Array.from({ length: 50 }, (_, i) => grid([], { name: `빈 시트 ${i + 1}` }))))],
  ];
  test.each(cases)('%s', async (name, build) => {
    const file = path.join(dir, `odd-${cases.findIndex((c) => c[0] === name)}.xlsx`);
    await fs.writeFile(file, await build());
    const output = `${file}.out.xlsx`;
    const r = await fill([file, '-o', output, '--json']);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect([name, r.code === 0 || r.code === 1]).toEqual([name, true]);
    const json = JSON.parse(r.out) as FillJson;
    expect(Array.isArray(json.writes) && Array.isArray(json.conflicts)).toBe(true);
    await readWorkbookBuffer(await fs.readFile(output));
  });
});
