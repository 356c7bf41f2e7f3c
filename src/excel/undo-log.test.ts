import fc from 'fast-check';
import type { Cell, CellWrite, SheetGrid } from '../engine';
import { fromA1, undoLogFromRows } from '../engine';
import { grid } from '../engine/test-support';
import { ExcelAdapterError } from './errors';
import { FakeExcel, budgetSheet, type FakeSheet } from './test-support';
import { ExcelUndoLog, UNDO_SHEET, UndoLogError } from './undo-log';

const FMT = '#,##0;"△"#,##0;"-"';

function logOver(excel: FakeExcel, options: { maxEntries?: number; writeCells?: number } = {}) {
  return new ExcelUndoLog({ run: excel.run, ...options });
}

/** Every cell of the workbook but the log sheet, as Excel holds it ('General' and no format are the same). */
function state(excel: FakeExcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of excel.sheets) {
    if (sheet.name === UNDO_SHEET) continue;
    for (const [k, cell] of sheet.cells) {
      const format = cell.format === 'General' ? undefined : cell.format;
      if (cell.input === undefined && format === undefined) continue;
      out[`${sheet.name}!${k}`] = { input: cell.input, format };
    }
  }
  return out;
}

function logRows(sheet: FakeSheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  for (const [k, cell] of sheet?.cells ?? []) {
    const [r, c] = k.split(',').map(Number);
    while (rows.length <= r) rows.push([]);
    rows[r][c] = cell.input;
  }
  return rows.map((line) => Array.from(line, (x) => x ?? ''));
}

const w = (sheet: string, a1: string, rest: Omit<CellWrite, 'sheet' | 'row' | 'col'>): CellWrite => {
  const { row, col } = fromA1(a1)!;
  return { sheet, row, col, ...rest };
};

async function refusal(promise: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelAdapterError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ExcelUndoLog on the fake Excel', () => {
  const fillWrites = (sheet: string): CellWrite[] => [
    w(sheet, 'C6', { formula: 'SUM(D6:G6)', value: 0, fmt: FMT }),
    w(sheet, 'C7', { formula: 'SUM(D7:G7)', value: 0 }),
    w(sheet, 'D6', { formula: 'SUM(D7:D8)', value: 0, fmt: FMT }),
    w(sheet, 'K20', { value: 5, fmt: '0.0' }),
  ];

  it('a fill takes 2 syncs, creates the very-hidden log sheet, and its undo (2 syncs) gives back every cell', async () => {
    const excel = FakeExcel.fromGrids([budgetSheet('팀01', 1)]);
    const before = state(excel);
    const log = logOver(excel);
    const entry = await log.applyWithUndo(fillWrites('팀01'), 'fill');
    expect(log.lastStats.syncs).toBe(2);
    expect(entry?.label).toBe('fill');
    const sheet = excel.sheetNamed(UNDO_SHEET);
    expect(sheet?.visibility).toBe('VeryHidden');
    expect(excel.sheetNamed('팀01')!.cells.get('19,10')).toEqual({ input: 5, format: '0.0' });
    expect(state(excel)).not.toEqual(before);
    const rows = logRows(sheet);
    expect(rows.every((r) => r[0] === 'undo')).toBe(true);
    const read = undoLogFromRows(rows);
    expect(read.ok && read.log.entries.map((e) => e.id)).toEqual([entry!.id]);

    const undone = await log.undoLast();
    expect(log.lastStats.syncs).toBe(2);
    expect(undone.entry?.id).toBe(entry!.id);
    expect(undone.keptSheets).toEqual([]);
    expect(state(excel)).toEqual(before);
    expect(logRows(excel.sheetNamed(UNDO_SHEET)).filter((r) => r[0] === 'undo')).toEqual([]);
    expect(await log.undoLast()).toEqual({ entry: null, keptSheets: [] });
  });

  it('the snapshot keeps empty cells, format-only cells, error constants, text that looks like numbers and dates', async () => {
    const excel = FakeExcel.fromGrids([
      grid(
        [
          [{ v: null, fmt: '0.0%' }, { v: null, error: '#REF!' }, { v: '19,000' }, { v: 45000, fmt: 'yyyy-mm-dd', date: true }, null],
          [{ v: 3, f: 'A2+0', fmt: FMT }, true, '=A1'],
        ],
        { name: 'S' },
      ),
    ]);
    const before = state(excel);
    const log = logOver(excel);
    const writes = ['A1', 'B1', 'C1', 'D1', 'E1', 'A2', 'B2', 'C2'].map((a1) => w('S', a1, { formula: 'ROW()', value: 1, fmt: FMT }));
    await log.applyWithUndo(writes, 'fill');
    expect(excel.sheetNamed('S')!.cells.get('0,1')).toEqual({ input: '=ROW()', format: FMT });
    await log.undoLast();
    expect(state(excel)).toEqual(before);
    expect(excel.sheetNamed('S')!.cells.get('0,1')?.input).toEqual({ error: '#REF!' });
  });

  it('the log survives a new pane: a fresh instance sees the entry (1 sync) and undoes it in 2', async () => {
    const excel = FakeExcel.fromGrids([budgetSheet('팀01', 1), budgetSheet('팀02', 2)]);
    const before = state(excel);
    await logOver(excel).applyWithUndo(fillWrites('팀01'), 'fill');
    const second = await logOver(excel).applyWithUndo(fillWrites('팀02'), 'template');
    const reopened = logOver(excel);
    const summary = await reopened.peek();
    expect(reopened.lastStats.syncs).toBe(1);
    expect(summary).toEqual({ count: 2, last: { id: second!.id, label: 'template', time: second!.time, cells: 4 } });
    await reopened.undoLast();
    expect(reopened.lastStats.syncs).toBe(2);
    expect((await reopened.peek()).count).toBe(1);
    await reopened.undoLast();
    expect(state(excel)).toEqual(before);
    expect(await reopened.peek()).toEqual({ count: 0, last: null });
  });

  it('shares the sheet with registry rows: leaves them alone, appends below them', async () => {
    const registry = grid([['table', 'budget_1', '팀01', 'B4:G8', 'budget-by-year', 't', 't', '1', '{}']], { name: UNDO_SHEET, state: 'veryHidden' });
    const excel = FakeExcel.fromGrids([budgetSheet('팀01', 1), registry]);
    const log = logOver(excel);
    await log.applyWithUndo(fillWrites('팀01'), 'fill');
    const rows = logRows(excel.sheetNamed(UNDO_SHEET));
    expect(rows[0].slice(0, 2)).toEqual(['table', 'budget_1']);
    expect(rows[1][0]).toBe('undo');
    await log.undoLast();
    const after = logRows(excel.sheetNamed(UNDO_SHEET));
    expect(after).toHaveLength(1);
    expect(after[0][8]).toBe('{}');
    expect(excel.sheets.filter((s) => s.name === UNDO_SHEET)).toHaveLength(1);
  });

  it('keeps the newest entries only', async () => {
    const excel = FakeExcel.fromGrids([grid([[1]], { name: 'S' })]);
    const log = logOver(excel, { maxEntries: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await log.applyWithUndo([w('S', 'A1', { value: i + 10 })], `step ${i}`))!.id);
    const read = undoLogFromRows(logRows(excel.sheetNamed(UNDO_SHEET)));
    expect(read.ok && read.log.entries.map((e) => e.id)).toEqual(ids.slice(2));
    await log.undoLast();
    expect(excel.sheetNamed('S')!.cells.get('0,0')?.input).toBe(13);
  });

  it('refuses a protected or missing sheet before writing anything, and a cell in edit mode', async () => {
    const excel = FakeExcel.fromGrids([budgetSheet('팀01', 1), budgetSheet('팀02', 2)]);
    excel.sheetNamed('팀02')!.protected = true;
    const before = state(excel);
    const log = logOver(excel);
    const protectedError = await refusal(log.applyWithUndo([...fillWrites('팀01'), ...fillWrites('팀02')], 'fill'));
    expect(protectedError.problem).toMatchObject({ code: 'sheet-protected', sheet: '팀02' });
    expect(state(excel)).toEqual(before);
    expect(excel.sheetNamed(UNDO_SHEET)).toBeUndefined();

    const missing = await refusal(log.applyWithUndo(fillWrites('없음'), 'fill'));
    expect(missing.problem).toMatchObject({ code: 'sheet-not-found', sheet: '없음' });

    excel.editing = true;
    expect((await refusal(log.applyWithUndo(fillWrites('팀01'), 'fill'))).problem.code).toBe('cell-editing');
    expect((await refusal(log.undoLast())).problem.code).toBe('cell-editing');
    excel.editing = false;
    expect(state(excel)).toEqual(before);
  });

  it('refuses to undo into a sheet protected since, leaving the entry in place', async () => {
    const excel = FakeExcel.fromGrids([budgetSheet('팀01', 1)]);
    const log = logOver(excel);
    await log.applyWithUndo(fillWrites('팀01'), 'fill');
    const after = state(excel);
    excel.sheetNamed('팀01')!.protected = true;
    const reopened = logOver(excel); // knows nothing yet: checks the protection in one more round trip
    expect((await refusal(reopened.undoLast())).problem).toMatchObject({ code: 'sheet-protected', sheet: '팀01' });
    expect(reopened.lastStats.syncs).toBe(2);
    expect(state(excel)).toEqual(after);
    expect((await reopened.peek()).count).toBe(1);
  });

  it('a damaged log is said so on undo, never thrown as JSON trouble; peek shows nothing to undo', async () => {
    const excel = FakeExcel.fromGrids([grid([['undo', 'x', '0', '2', '{"id":']], { name: UNDO_SHEET, state: 'veryHidden' })]);
    const log = logOver(excel);
    await expect(log.undoLast()).rejects.toBeInstanceOf(UndoLogError);
    expect(await log.peek()).toEqual({ count: 0, last: null });
  });

  it('writes to the log sheet itself are programmer misuse', async () => {
    const excel = FakeExcel.fromGrids([grid([[1]], { name: 'S' })]);
    await expect(logOver(excel).applyWithUndo([w(UNDO_SHEET, 'A1', { value: 1 })], 'x')).rejects.toThrow(RangeError);
  });
});

describe('property: fill then undo gives back exactly the cells that were there', () => {
  const FORMATS = [undefined, FMT, '0.0', '0.0%', 'yyyy-mm-dd'];
  const cellArb: fc.Arbitrary<Cell | null> = fc
    .oneof<fc.Arbitrary<Cell | null>[]>(
      fc.constant(null),
      fc.record({ v: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0.5, -2.25, 84.5)) }),
      fc.record({ v: fc.constantFrom('계', '합계', '19,000', '△1,200', '-', 'TRUE', '=A1', '#REF!', "'x") }),
      fc.record({ v: fc.boolean() }),
      fc.record({ v: fc.constant(0), f: fc.constantFrom('SUM(A1:B2)', 'A1*2', 'IF(B1=0,"",A1/B1)', '1/0') }),
      fc.record({ v: fc.constant(null), error: fc.constantFrom('#REF!', '#DIV/0!', '#N/A') }),
      fc.constant({ v: null, fmt: '0.0%' }),
    )
    .chain((cell) =>
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
        value: fc.oneof(fc.integer(), fc.constant(null), fc.constantFrom('계', '12')),
        formula: fc.option(fc.constantFrom('SUM(A1:C1)', 'B2-A2', 'ROUND(A1/3*100,1)'), { nil: undefined }),
        fmt: fc.option(fc.constantFrom(FMT, '0.0', 'General'), { nil: undefined }),
      })
      .map(({ formula, fmt, ...rest }) => ({ ...rest, ...(formula !== undefined ? { formula } : {}), ...(fmt !== undefined ? { fmt } : {}) }));

  it('on random grids and random writes, within 2 syncs each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(sheetArb('가'), sheetArb('B')).chain((sheets) => fc.tuple(fc.constant(sheets), fc.array(writeArb(['가', 'B']), { minLength: 1, maxLength: 12 }))),
        async ([sheets, writes]) => {
          const excel = FakeExcel.fromGrids(sheets);
          const before = state(excel);
          const log = logOver(excel);
          await log.applyWithUndo(writes, 'fill');
          expect(log.lastStats.syncs).toBeLessThanOrEqual(2);
          await log.undoLast();
          expect(log.lastStats.syncs).toBeLessThanOrEqual(2);
          expect(state(excel)).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('consent given on a preview stays true', () => {
  it('a target cell typed into after planning stops the batch before anything is written', async () => {
    const planned = [grid([['계', null, 5]], { name: 'S' })];
    const excel = FakeExcel.fromGrids([grid([['계', 7, 5]], { name: 'S' })]);
    const before = state(excel);
    const log = logOver(excel);
    const writes = [w('S', 'B1', { formula: 'C1', value: 5 })];
    await expect(log.applyWithUndo(writes, 'fill', { plannedOn: planned })).rejects.toMatchObject({ name: 'StalePlanError', cell: 'B1' });
    expect(log.lastStats.syncs).toBe(1);
    expect(state(excel)).toEqual(before);
    // A formula cell whose figure moved (its parts were edited) is still the cell that was planned.
    const live = FakeExcel.fromGrids([grid([['계', '=C1', 6]], { name: 'S' })]);
    const plannedLive = [grid([['계', { v: 5, f: 'C1' }, 5]], { name: 'S' })];
    await expect(logOver(live).applyWithUndo([w('S', 'B1', { formula: 'C1*1', value: 6 })], 'fill', { plannedOn: plannedLive })).resolves.not.toBeNull();
  });
});
