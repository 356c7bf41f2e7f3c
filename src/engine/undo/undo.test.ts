import fc from 'fast-check';
import type { Cell, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import {
  applyCellWrites,
  chunkText,
  emptyUndoLog,
  popUndo,
  pushUndo,
  snapshotCells,
  undoLogFromRows,
  undoLogSchema,
  undoLogToRows,
  undoWrites,
  type UndoEntry,
} from '.';

const FORMATS = [undefined, '#,##0', '#,##0;"△"#,##0;"-"', '0.0', '0.0%', 'yyyy-mm-dd'];

const cellArb: fc.Arbitrary<Cell | null> = fc.oneof<fc.Arbitrary<Cell | null>[]>(
  fc.constant(null),
  fc.record({ v: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean()) }),
  fc.record({ v: fc.integer(), f: fc.constantFrom('SUM(A1:B1)', 'A1-B1', 'IF(B1=0,"",ROUND(A1/B1*100,1))') }),
  fc.record({ v: fc.constant(null), error: fc.constantFrom('#REF!', '#DIV/0!', '#VALUE!') }),
  fc.record({ v: fc.integer({ min: 1, max: 60000 }), date: fc.constant(true as const), fmt: fc.constant('yyyy-mm-dd') }),
).chain((cell) =>
  cell === null || cell.fmt ? fc.constant(cell) : fc.constantFrom(...FORMATS).map((fmt) => (fmt ? { ...cell, fmt } : cell)),
);

const sheetArb = (name: string): fc.Arbitrary<SheetGrid> =>
  fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 5 }).map((cells) => ({ name, cells, merges: [] }));

const writeArb = (sheets: string[]): fc.Arbitrary<CellWrite> =>
  fc
    .record({
      sheet: fc.constantFrom(...sheets),
      row: fc.integer({ min: 0, max: 6 }),
      col: fc.integer({ min: 0, max: 6 }),
      value: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
      formula: fc.option(fc.constantFrom('SUM(A1:C1)', 'B2-A2'), { nil: undefined }),
      fmt: fc.option(fc.constantFrom('#,##0;"△"#,##0;"-"', '0.0', 'General'), { nil: undefined }),
    })
    .map((w) => {
      const out: CellWrite = { sheet: w.sheet, row: w.row, col: w.col, value: w.value };
      if (w.formula !== undefined) out.formula = w.formula;
      if (w.fmt !== undefined) out.fmt = w.fmt;
      return out;
    });

/** Cells as a spreadsheet tells them apart: a blank cell with nothing set is no cell. */
function normal(sheets: SheetGrid[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const s of sheets) {
    s.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!cell) return;
        if (cell.v === null && cell.f === undefined && cell.error === undefined && cell.fmt === undefined) return;
        out[`${s.name}!${r},${c}`] = cell;
      }),
    );
  }
  return out;
}

describe('undo', () => {
  test('property: fill then undo gives back exactly the cells that were there', () => {
    fc.assert(
      fc.property(
        fc.tuple(sheetArb('가'), sheetArb('B')).chain((sheets) => fc.tuple(fc.constant(sheets), fc.array(writeArb(['가', 'B']), { maxLength: 12 }))),
        ([sheets, writes]) => {
          const entry = snapshotCells(sheets, writes, { time: '2026-01-01T00:00:00.000Z' });
          const filled = applyCellWrites(sheets, writes);
          // The entry survives the trip through the sheet rows.
          const back = undoLogFromRows(undoLogToRows(pushUndo(emptyUndoLog(), entry), 50));
          if (!back.ok) throw new Error(back.reason);
          const restored = applyCellWrites(filled, undoWrites(back.log.entries[0]));
          expect(normal(restored)).toEqual(normal(sheets));
        },
      ),
    );
  });

  test('the snapshot holds every cell about to change, empty ones too, once', () => {
    const sheets: SheetGrid[] = [{ name: 'S', cells: [[{ v: 5, f: 'A1', fmt: '0.0' }]], merges: [] }];
    const entry = snapshotCells(sheets, [
      { sheet: 'S', row: 0, col: 0, value: 1 },
      { sheet: 'S', row: 3, col: 2, value: 2 },
      { sheet: 'S', row: 0, col: 0, value: 3 },
    ], { id: 'x', time: 't', label: 'fill' });
    expect(entry).toEqual({
      id: 'x',
      time: 't',
      label: 'fill',
      cells: [
        { sheet: 'S', row: 0, col: 0, before: { v: 5, f: 'A1', fmt: '0.0' } },
        { sheet: 'S', row: 3, col: 2, before: null },
      ],
    });
    expect(undoWrites(entry)).toEqual([
      { sheet: 'S', row: 0, col: 0, value: 5, formula: 'A1', fmt: '0.0' },
      { sheet: 'S', row: 3, col: 2, value: null, fmt: 'General' },
    ]);
  });

  test('a write to a sheet that does not exist is a programmer error', () => {
    expect(() => snapshotCells([], [{ sheet: 'X', row: 0, col: 0, value: 1 }])).toThrow(/no sheet/);
  });
});

describe('undo log rows', () => {
  const big = (id: string, n: number): UndoEntry => ({
    id,
    time: '2026-01-01T00:00:00.000Z',
    label: 'fill',
    cells: Array.from({ length: n }, (_, i) => ({ sheet: '기획예산과', row: i, col: 1, before: { v: `값 😀 ${i}`, fmt: '#,##0;"△"#,##0;"-"' } })),
  });

  test('a large entry is split into chunks that each fit one cell, and joins back', () => {
    const log = pushUndo(pushUndo(emptyUndoLog(), big('a', 3)), big('b', 3000));
    const rows = undoLogToRows(log);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.every((cell) => cell.length <= 32767))).toBe(true);
    expect(rows.every((r) => r[0] === 'undo')).toBe(true);
    const back = undoLogFromRows([['spec', 'RT_1', '{}'], ...rows]);
    expect(back).toEqual({ ok: true, log });
  });

  test.each([
    ['a missing chunk', (rows: string[][]) => rows.slice(1)],
    ['a broken chunk', (rows: string[][]) => rows.map((r, i) => (i === 0 ? [...r.slice(0, 4), r[4].slice(0, -1) + '#'] : r))],
    ['a bad index', (rows: string[][]) => rows.map((r) => [r[0], r[1], '9', r[3], r[4]])],
  ])('%s is a reason, not a throw', (_name, damage) => {
    const rows = undoLogToRows(pushUndo(emptyUndoLog(), big('a', 2000)), 1000);
    const back = undoLogFromRows(damage(rows));
    expect(back.ok).toBe(false);
  });

  test('chunks never split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (text, max) => {
        const chunks = chunkText(text, max);
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(max);
          expect(() => encodeURIComponent(c)).not.toThrow();
        }
      }),
    );
  });

  test('the log keeps the newest entries; undo pops the last', () => {
    let log = emptyUndoLog();
    for (let i = 0; i < 25; i++) log = pushUndo(log, big(`e${i}`, 1));
    expect(log.entries.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => `e${i + 5}`));
    const { entry, log: rest } = popUndo(log);
    expect(entry?.id).toBe('e24');
    expect(rest.entries).toHaveLength(19);
    expect(popUndo(emptyUndoLog()).entry).toBeNull();
    expect(undoLogSchema.safeParse({ version: 2, entries: [] }).success).toBe(false);
  });
});
