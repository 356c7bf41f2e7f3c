/**
 * Fill, then have LibreOffice recalculate (forced) and read back: every figure fill wrote equals the report's and
 * the value fill cached. One workbook holds the reference report's tables and generated shapes the report does not
 * have (소계/총계 groups, 징수율 with a zero denominator, 증감 and 증감률, a caption), so LibreOffice runs once for
 * them; further runs check --rounding truncate, open the workbook with a chart, an image, a comment, conditional
 * formatting and data validation, and patch a workbook LibreOffice itself wrote.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromA1, refToA1, type Cell, type SheetGrid } from '../../engine';
import { tablesWithAllRelations } from '../../engine/fill/test-support/all-relations';
import { CHANGE_TSV, COLLECTION_TSV, COLLECTION_ZERO_TSV, GROUPED_TSV, GROWTH_TSV, shapeSheet, TRUNCATED_TSV } from '../../engine/fill/test-support/shapes';
import { gridsToXlsxBuffer } from '../../xlsx/write-grids';
import { buildRichWorkbook } from '../../xlsx/patch/test-support/rich-workbook';
import { referenceGrids } from '../../../test/fixtures/reference';
import { recalcGrids, recalcXlsx } from '../../../test/support/libreoffice';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';
import type { FillJson } from './fill-command';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-fill-interop-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const isFigure = (c: Cell | null | undefined) => c === null || c === undefined || typeof c.v === 'number' || c.v === '-';
const figureOf = (c: Cell | null | undefined) => (c && typeof c.v === 'number' ? c.v : 0);

/** Every total, subtotal, rate and 증감 cell that holds a figure, by sheet. */
function targets(sheets: SheetGrid[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of tablesWithAllRelations(sheets).tables) {
    const sheet = sheets.find((s) => s.name === t.sheet)!;
    for (const r of t.relations) {
      if (r.type === 'caption') continue;
      const ref = r.type === 'sum' ? r.total : r.target;
      if (ref.comp !== undefined || !isFigure(sheet.cells[ref.row]?.[ref.col])) continue;
      out.set(t.sheet, [...new Set([...(out.get(t.sheet) ?? []), refToA1(ref)])]);
    }
  }
  return out;
}

function emptied(sheets: SheetGrid[], cells: Map<string, string[]>): SheetGrid[] {
  return sheets.map((s) => {
    const rows = s.cells.map((l) => Array.from(l));
    for (const a of cells.get(s.name) ?? []) {
      const p = fromA1(a)!;
      if (rows[p.row]) rows[p.row][p.col] = null;
    }
    return { ...s, cells: rows };
  });
}

async function runFill(input: string, output: string): Promise<{ code: number; json: FillJson }> {
  const io = captureIo();
  const code = await main(['fill', input, '-o', output, '--json'], io);
  if (io.err()) throw new Error(io.err());
  return { code, json: JSON.parse(io.out()) as FillJson };
}

test('the report\'s tables and generated shapes: LibreOffice recalculates every filled figure to the report\'s', async () => {
  const original = [
    ...referenceGrids({ numbers: 'values', mergeHeaders: true }),
    shapeSheet('증감', CHANGE_TSV),
    shapeSheet('징수율', COLLECTION_TSV),
    shapeSheet('소계총계', GROUPED_TSV),
    shapeSheet('징수율0', COLLECTION_ZERO_TSV),
    shapeSheet('증감률', GROWTH_TSV),
  ];
  const goal = targets(original);
  const total = [...goal.values()].reduce((n, l) => n + l.length, 0);
  expect(total).toBeGreaterThan(120);
  const input = path.join(dir, 'emptied.xlsx');
  await fs.writeFile(input, new Uint8Array(await gridsToXlsxBuffer(emptied(original, goal))));
  const output = path.join(dir, 'filled.xlsx');
  const { code, json } = await runFill(input, output);
  expect(code).toBe(0);

  const recalculated = await recalcGrids(new Uint8Array(await fs.readFile(output)));
  const at = (sheet: string, a1: string) => {
    const p = fromA1(a1)!;
    return recalculated.find((s) => s.name === sheet)?.cells[p.row]?.[p.col] ?? null;
  };

  // Every write: LibreOffice computes the value fill cached (text results too: the live caption).
  for (const w of json.writes) {
    const got = at(w.sheet, w.cell);
    const expected = w.value === '' ? null : w.value;
    expect([w.sheet, w.cell, w.formula, got?.v ?? null]).toEqual([w.sheet, w.cell, w.formula, expected]);
  }
  // Every emptied figure comes back as the report's figure, written as a live formula — totals over parts that are
  // all "-" (계 of an empty year column) and 법률 자문's 합계, whose 비고(소송지휘) part only the kind's spec shows
  // once the totals are gone, included.
  const skipped = new Map(json.skipped.map((s) => [`${s.sheet}!${s.cell}`, s]));
  const written = new Set(json.writes.map((w) => `${w.sheet}!${w.cell}`));
  const mismatches: string[] = [];
  const unwritten: string[] = [];
  const left: string[] = [];
  for (const [sheet, cells] of goal) {
    const before = original.find((s) => s.name === sheet)!;
    for (const a1 of cells) {
      const k = `${sheet}!${a1}`;
      if (skipped.has(k)) {
        left.push(k);
        continue;
      }
      const p = fromA1(a1)!;
      if ((at(sheet, a1)?.v ?? 0) !== figureOf(before.cells[p.row]?.[p.col])) mismatches.push(k);
      if (!written.has(k)) unwritten.push(k);
    }
  }
  expect(mismatches).toEqual([]);
  expect(unwritten).toEqual([]);
  // Only the totals over "61,800 ¹⁾" (a figure with a footnote mark, text a formula cannot add) are left alone,
  // each with the reason and the input behind it.
  expect(left.sort()).toEqual(['기획예산과!B208', '기획예산과!B209', '기획예산과!E208']);
  for (const k of left) expect(skipped.get(k)).toMatchObject({ reason: 'text-input', related: [expect.stringMatching(/^E20[89]$/)] });
  expect(json.writes.some((w) => w.sheet === '증감' && w.cell === 'A1' && w.formula?.includes('TEXT('))).toBe(true);
  expect(at('소계총계', 'C3')?.v).toBe(47);
  expect(at('징수율', 'D3')?.v).toBe(83.3);
  expect(at('징수율0', 'D6')).toMatchObject({ v: null, f: expect.stringContaining('IF(B6=0,""') }); // blank, not #DIV/0!
  expect(at('징수율0', 'D6')?.error).toBeUndefined();
  expect(at('증감률', 'E4')?.v).toBe(25);
});

test('--rounding truncate: typed rates that agree become ROUNDDOWN formulas that recalculate to the stated figures', async () => {
  // The stated rates stay typed (an emptied rate column no longer says which columns it divides): each agrees with
  // ROUNDDOWN, so fill turns it into a live formula, and LibreOffice must land on the same figure.
  const original = [shapeSheet('승소율', TRUNCATED_TSV)];
  const input = path.join(dir, 'truncated.xlsx');
  await fs.writeFile(input, new Uint8Array(await gridsToXlsxBuffer(original)));
  const output = path.join(dir, 'truncated-filled.xlsx');
  const io = captureIo();
  const code = await main(['fill', input, '-o', output, '--json', '--rounding', 'truncate'], io);
  expect([code, io.err()]).toEqual([0, '']);
  const json = JSON.parse(io.out()) as FillJson;
  const recalculated = await recalcGrids(new Uint8Array(await fs.readFile(output)));
  for (const [a1, stated] of [['E3', 94.5], ['E4', 95], ['E5', 94.2]] as const) {
    const p = fromA1(a1)!;
    expect([a1, recalculated[0].cells[p.row]?.[p.col]?.v]).toEqual([a1, stated]);
    expect(json.writes.find((w) => w.cell === a1)).toMatchObject({ value: stated, formula: expect.stringContaining('ROUNDDOWN(') });
  }
});

test('the workbook with a chart, an image, a comment, CF and DV opens in LibreOffice and recalculates', async () => {
  const table = shapeSheet('기획예산과', CHANGE_TSV);
  const goal = targets([table]);
  const input = path.join(dir, 'rich.xlsx');
  await fs.writeFile(input, await buildRichWorkbook(emptied([table], goal)[0]));
  const output = path.join(dir, 'rich-filled.xlsx');
  const { code, json } = await runFill(input, output);
  expect(code).toBe(0);
  expect(json.writes.length).toBeGreaterThanOrEqual(goal.get('기획예산과')!.length);
  const recalculated = await recalcGrids(new Uint8Array(await fs.readFile(output)));
  const sheet = recalculated.find((s) => s.name === '기획예산과')!;
  for (const a1 of goal.get('기획예산과')!) {
    const p = fromA1(a1)!;
    expect([a1, sheet.cells[p.row]?.[p.col]?.v]).toEqual([a1, table.cells[p.row]?.[p.col]?.v]);
  }
  expect(recalculated.map((s) => s.name)).toEqual(['기획예산과', '차트', '기타']);
});

test('a workbook LibreOffice wrote (its own shared strings, styles and row attributes) is patched and recalculates', async () => {
  const original = [shapeSheet('소계총계', GROUPED_TSV), shapeSheet('징수율', COLLECTION_TSV)];
  const goal = targets(original);
  const foreign = await recalcXlsx(new Uint8Array(await gridsToXlsxBuffer(emptied(original, goal))));
  const input = path.join(dir, 'written-by-libreoffice.xlsx');
  await fs.writeFile(input, foreign);
  const output = path.join(dir, 'written-by-libreoffice-filled.xlsx');
  const { code, json } = await runFill(input, output);
  expect(code).toBe(0);
  expect(json.writes.length).toBeGreaterThanOrEqual(8);
  const recalculated = await recalcGrids(new Uint8Array(await fs.readFile(output)));
  for (const [sheet, cells] of goal) {
    const before = original.find((s) => s.name === sheet)!;
    const after = recalculated.find((s) => s.name === sheet)!;
    for (const a1 of cells) {
      const p = fromA1(a1)!;
      expect([sheet, a1, after.cells[p.row]?.[p.col]?.v ?? 0]).toEqual([sheet, a1, figureOf(before.cells[p.row]?.[p.col])]);
    }
  }
  for (const w of json.writes) {
    const p = fromA1(w.cell)!;
    expect([w.cell, recalculated.find((s) => s.name === w.sheet)!.cells[p.row]?.[p.col]?.v]).toEqual([w.cell, w.value]);
  }
});
