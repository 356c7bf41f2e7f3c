/**
 * The shared behaviour every WorkbookPort must have (DESIGN.md: one interface, one conformance suite).
 * Framework-light on purpose: only jest's describe/it/expect globals, so the Office.js adapter can run it
 * against its mock and the exceljs adapter against real .xlsx bytes.
 *
 * Usage (in a *.test.ts):
 *   describeWorkbookPortConformance('exceljs', async (sheets) => { ...; return { port, reopen } });
 * `reopen` must give a port over the same workbook as persisted (re-read from bytes, or a fresh proxy), so
 * writes are shown to survive a save, not just to sit in a cache.
 */
import type { Cell, CellRange, CellWrite, RegistryEntry, SheetGrid } from '../engine';
import { makeCrosstabSpec } from '../specs';
import { rangeFromA1, toA1 } from '../engine';
import type { WorkbookPort } from './workbook-port';
import type { WorkbookChange } from './workbook-change';

export type MakePort = (sheets: SheetGrid[]) => Promise<{ port: WorkbookPort; reopen: () => Promise<WorkbookPort> }>;

const REPORT_FORMAT = '#,##0;"△"#,##0;"-"';

/** A sheet from A1-addressed cells (kept local so this file needs nothing from test-support). */
function sheetOf(name: string, cells: Record<string, Cell>, merges: string[] = [], state?: SheetGrid['state']): SheetGrid {
  const rows: (Cell | null)[][] = [];
  for (const [a1, cell] of Object.entries(cells)) {
    const r = rangeFromA1(a1)!;
    while (rows.length <= r.r0) rows.push([]);
    const line = rows[r.r0];
    while (line.length <= r.c0) line.push(null);
    line[r.c0] = cell;
  }
  const grid: SheetGrid = { name, cells: rows, merges: merges.map((m) => rangeFromA1(m)!) };
  if (state) grid.state = state;
  return grid;
}

/** Non-empty cells by A1 address, so grids compare whatever trailing blanks an adapter keeps. */
export function cellsByAddress(grid: SheetGrid): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  grid.cells.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (cell && (cell.v !== null || cell.f !== undefined || cell.error !== undefined)) out[toA1(r, c)] = cell;
    }),
  );
  return out;
}

function sortedMerges(merges: CellRange[]): CellRange[] {
  return [...merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

function sheetNamed(sheets: SheetGrid[], name: string): SheetGrid {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} among ${sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The budget-by-year table of DESIGN.md (B4:G8) with live SUM formulas and their cached results. */
export function conformanceWorkbook(): SheetGrid[] {
  const n = (v: number): Cell => ({ v, fmt: REPORT_FORMAT });
  const budget = sheetOf(
    '기획예산과',
    {
      B2: { v: '□ 2021년 소요예산 : 32,300천원' },
      G3: { v: '(단위 : 천원)' },
      B4: { v: '재원별' },
      C4: { v: '합계' },
      D4: { v: '연차별 소요재원' },
      D5: { v: '2020년' },
      E5: { v: '2021년' },
      F5: { v: '2022년' },
      G5: { v: '2023년' },
      B6: { v: '계' },
      C6: { v: 130300, f: 'SUM(D6:G6)', fmt: REPORT_FORMAT },
      D6: { v: 0, f: 'SUM(D7:D8)', fmt: REPORT_FORMAT },
      E6: { v: 32300, f: 'SUM(E7:E8)', fmt: REPORT_FORMAT },
      F6: { v: 49000, f: 'SUM(F7:F8)', fmt: REPORT_FORMAT },
      G6: { v: 49000, f: 'SUM(G7:G8)', fmt: REPORT_FORMAT },
      B7: { v: '시비' },
      C7: { v: 65150, f: 'SUM(D7:G7)', fmt: REPORT_FORMAT },
      D7: n(0),
      E7: n(16150),
      F7: n(24500),
      G7: n(24500),
      B8: { v: '구비' },
      C8: { v: 65150, f: 'SUM(D8:G8)', fmt: REPORT_FORMAT },
      D8: n(0),
      E8: n(16150),
      F8: n(24500),
      G8: n(24500),
      B10: { v: '승소율' },
      C10: { v: 0.945, fmt: '0.0%' },
      D10: { v: '19,000' },
      E10: { v: true },
      F10: { v: null, error: '#REF!' },
      G10: { v: null, f: 'C6/0', error: '#DIV/0!' },
    },
    ['B4:B5', 'C4:C5', 'D4:G4'],
  );
  const duties = sheetOf('업무분장', { A1: { v: '담당' }, B1: { v: '업무' }, A2: { v: '예산팀' }, B2: { v: '예산 편성' } });
  const hidden = sheetOf('숨김', { A1: { v: 1 } }, [], 'hidden');
  const registry = sheetOf('_report_tables', { A1: { v: 'id' }, B1: { v: 'spec' }, A2: { v: 'RT_1' }, B2: { v: '{"kind":"budget-by-year"}' } }, [], 'veryHidden');
  return [budget, duties, hidden, registry];
}

export function describeWorkbookPortConformance(name: string, makePort: MakePort): void {
  describe(`WorkbookPort conformance: ${name}`, () => {
    it('reads every sheet in order with its state (hidden and very hidden included)', async () => {
      const { port } = await makePort(conformanceWorkbook());
      const sheets = await port.readSheets();
      expect(sheets.map((s) => [s.name, s.state ?? 'visible'])).toEqual([
        ['기획예산과', 'visible'],
        ['업무분장', 'visible'],
        ['숨김', 'hidden'],
        ['_report_tables', 'veryHidden'],
      ]);
    });

    it('reads values, formulas with cached results (0 included), errors and number formats as given', async () => {
      const input = conformanceWorkbook();
      const { port } = await makePort(input);
      const sheets = await port.readSheets();
      for (const expected of input) {
        expect({ sheet: expected.name, cells: cellsByAddress(sheetNamed(sheets, expected.name)) }).toEqual({
          sheet: expected.name,
          cells: cellsByAddress(expected),
        });
      }
    });

    it('reads merged areas', async () => {
      const input = conformanceWorkbook();
      const { port } = await makePort(input);
      const budget = sheetNamed(await port.readSheets(), '기획예산과');
      expect(sortedMerges(budget.merges)).toEqual(sortedMerges(input[0].merges));
    });

    it('gives a selection on a real sheet, or none', async () => {
      const { port } = await makePort(conformanceWorkbook());
      const selection = await port.getSelection();
      if (selection !== null) {
        expect(conformanceWorkbook().map((s) => s.name)).toContain(selection.sheet);
        expect(selection.range.r1).toBeGreaterThanOrEqual(selection.range.r0);
      }
    });

    const writes: CellWrite[] = [
      { sheet: '기획예산과', row: 6, col: 4, value: 16500 },
      { sheet: '기획예산과', row: 6, col: 2, formula: 'SUM(D7:G7)', value: 65500 },
      { sheet: '기획예산과', row: 5, col: 4, formula: 'SUM(E7:E8)', value: 32650, fmt: '#,##0' },
      { sheet: '기획예산과', row: 9, col: 3, value: 19000, fmt: REPORT_FORMAT },
      { sheet: '기획예산과', row: 10, col: 1, value: '비고' },
      { sheet: '업무분장', row: 1, col: 1, value: null },
      { sheet: '업무분장', row: 0, col: 2, formula: 'B1&"!"', value: '업무!' },
    ];
    const expectedAfterWrites: Record<string, Record<string, Cell | undefined>> = {
      기획예산과: {
        E7: { v: 16500, fmt: REPORT_FORMAT }, // a constant keeps the cell's format when fmt is not given
        C7: { v: 65500, f: 'SUM(D7:G7)', fmt: REPORT_FORMAT },
        E6: { v: 32650, f: 'SUM(E7:E8)', fmt: '#,##0' },
        D10: { v: 19000, fmt: REPORT_FORMAT },
        B11: { v: '비고' },
        F7: { v: 24500, fmt: REPORT_FORMAT }, // untouched neighbours stay
      },
      업무분장: { B2: undefined, C1: { v: '업무!', f: 'B1&"!"' }, A2: { v: '예산팀' } },
    };

    function expectWritten(sheets: SheetGrid[]): void {
      for (const [sheet, cells] of Object.entries(expectedAfterWrites)) {
        const got = cellsByAddress(sheetNamed(sheets, sheet));
        for (const [a1, cell] of Object.entries(cells)) {
          expect({ sheet, a1, cell: got[a1] }).toEqual({ sheet, a1, cell });
        }
      }
    }

    it('applies a batch of writes (constants, formulas with cached values, formats, clears) across sheets', async () => {
      const { port } = await makePort(conformanceWorkbook());
      await port.writeCells(writes);
      expectWritten(await port.readSheets());
    });

    it('keeps the writes when the workbook is reopened', async () => {
      const { port, reopen } = await makePort(conformanceWorkbook());
      await port.writeCells(writes);
      expectWritten(await (await reopen()).readSheets());
    });

    it('leaves everything it was not asked to change', async () => {
      const input = conformanceWorkbook();
      const { port, reopen } = await makePort(input);
      await port.writeCells([{ sheet: '기획예산과', row: 6, col: 4, value: 16150 }]);
      const sheets = await (await reopen()).readSheets();
      for (const expected of input) {
        expect({ sheet: expected.name, cells: cellsByAddress(sheetNamed(sheets, expected.name)) }).toEqual({
          sheet: expected.name,
          cells: cellsByAddress(expected),
        });
      }
      expect(sortedMerges(sheetNamed(sheets, '기획예산과').merges)).toEqual(sortedMerges(input[0].merges));
    });

    it('accepts an empty batch', async () => {
      const { port } = await makePort(conformanceWorkbook());
      await port.writeCells([]);
      expect(cellsByAddress(sheetNamed(await port.readSheets(), '업무분장'))).toEqual(cellsByAddress(conformanceWorkbook()[1]));
    });
  });
}

/**
 * Registry cases for ports that have readRegistry/writeRegistry (both adapters do; run from each adapter's
 * registry.conformance test, since the Office.js one needs a fake with defined names).
 */
export function describeRegistryConformance(name: string, makePort: MakePort): void {
  describe(`WorkbookPort registry conformance: ${name}`, () => {
    const spec = makeCrosstabSpec({ rows: ['가', '나'], columns: ['갑', '을'], unit: '건' });
    const entry = (id: string, r0: number): RegistryEntry => ({
      id,
      sheet: '기획예산과',
      range: { r0, c0: 1, r1: r0 + 3, c1: 4 },
      kind: 'crosstab',
      spec,
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
    });
    const registryOf = async (port: WorkbookPort) => {
      if (!port.readRegistry || !port.writeRegistry) throw new Error(`${name} has no registry methods`);
      return { read: port.readRegistry.bind(port), write: port.writeRegistry.bind(port) };
    };

    it('an empty workbook has an empty registry', async () => {
      const { port } = await makePort(conformanceWorkbook().filter((s) => s.name !== '_report_tables'));
      expect(await (await registryOf(port)).read()).toMatchObject({ entries: [], problems: [] });
    });

    it('entries written survive reopening, on a very hidden sheet', async () => {
      const { port, reopen } = await makePort(conformanceWorkbook().filter((s) => s.name !== '_report_tables'));
      await (await registryOf(port)).write([entry('a', 3), entry('b', 20)]);
      const again = await reopen();
      expect((await (await registryOf(again)).read()).entries).toEqual([entry('a', 3), entry('b', 20)]);
      expect((await again.readSheets()).find((s) => s.name === '_report_tables')?.state).toBe('veryHidden');
    });

    it('rewriting drops tables no longer registered and keeps the sheet’s other rows', async () => {
      const { port, reopen } = await makePort(conformanceWorkbook().filter((s) => s.name !== '_report_tables'));
      const registry = await registryOf(port);
      await registry.write([entry('a', 3), entry('b', 20)]);
      await port.writeCells(['undo', 'u1', '0', '1', '{}'].map((value, col) => ({ sheet: '_report_tables', row: 6, col, value })));
      await registry.write([entry('b', 20)]);
      const again = await reopen();
      expect((await (await registryOf(again)).read()).entries.map((e) => e.id)).toEqual(['b']);
      const hidden = (await again.readSheets()).find((s) => s.name === '_report_tables');
      expect(hidden?.cells[6]?.slice(0, 2).map((c) => c?.v)).toEqual(['undo', 'u1']);
    });

    it('refuses an invalid entry, changing nothing', async () => {
      const { port, reopen } = await makePort(conformanceWorkbook().filter((s) => s.name !== '_report_tables'));
      await expect((await registryOf(port)).write([{ ...entry('a', 3), id: 'not valid!' }])).rejects.toThrow();
      expect((await (await reopen()).readSheets()).some((s) => s.name === '_report_tables')).toBe(false);
    });
  });
}

/** A workbook as a port shows it: sheets in order with state, cells by address, merges; and its registry. */
async function portState(port: WorkbookPort): Promise<unknown> {
  const sheets = await port.readSheets();
  return {
    sheets: sheets.map((s) => ({ name: s.name, state: s.state ?? 'visible', cells: cellsByAddress(s), merges: sortedMerges(s.merges) })),
    registry: port.readRegistry ? await port.readRegistry() : null,
  };
}

const TEAM_SPEC = makeCrosstabSpec({ rows: ['가', '나'], columns: ['갑', '을'], unit: '건' });

function tableEntry(id: string, sheet: string, a1: string): RegistryEntry {
  return { id, sheet, range: rangeFromA1(a1)!, kind: 'crosstab', spec: TEAM_SPEC, created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };
}

/** A crosstab as a template writes it at `at` (B2 …): header, labels, figures and live totals, with a merged caption. */
function tableWrites(sheet: string, r0: number, c0: number): CellWrite[] {
  const at = (dr: number, dc: number, rest: Omit<CellWrite, 'sheet' | 'row' | 'col'>): CellWrite => ({ sheet, row: r0 + dr, col: c0 + dc, ...rest });
  const a1 = (dr: number, dc: number) => toA1(r0 + dr, c0 + dc);
  return [
    at(0, 0, { value: '□ 분야별 현황' }),
    at(1, 0, { value: '구분' }),
    at(1, 1, { value: '갑' }),
    at(1, 2, { value: '을' }),
    at(1, 3, { value: '계' }),
    at(2, 0, { value: '가' }),
    at(2, 1, { value: 3, fmt: REPORT_FORMAT }),
    at(2, 2, { value: 4, fmt: REPORT_FORMAT }),
    at(2, 3, { formula: `SUM(${a1(2, 1)}:${a1(2, 2)})`, value: 7, fmt: REPORT_FORMAT }),
    at(3, 0, { value: '나' }),
    at(3, 1, { value: 5, fmt: REPORT_FORMAT }),
    at(3, 2, { value: 6, fmt: REPORT_FORMAT }),
    at(3, 3, { formula: `SUM(${a1(3, 1)}:${a1(3, 2)})`, value: 11, fmt: REPORT_FORMAT }),
  ];
}

interface ChangeCase {
  name: string;
  label: string;
  change: WorkbookChange;
  /** What the change must visibly have made before it is undone. */
  made: (state: { sheets: SheetGrid[]; registry: string[] }) => void;
}

const CHANGE_CASES: ChangeCase[] = [
  {
    name: 'a template on a new team sheet (sheet, merge, registered table, cells)',
    label: 'template',
    change: {
      sheets: [{ name: '예산팀', state: 'visible' }],
      merges: [{ sheet: '예산팀', range: rangeFromA1('A1:D1')! }],
      register: [tableEntry('crosstab_1', '예산팀', 'A2:D4')],
      writes: tableWrites('예산팀', 0, 0),
      activate: '예산팀',
    },
    made: ({ sheets, registry }) => {
      expect(sheetNamed(sheets, '예산팀').merges).toEqual([rangeFromA1('A1:D1')]);
      expect(registry).toEqual(['crosstab_1']);
    },
  },
  {
    name: 'a template at the selection on an existing sheet, over a typed cell',
    label: 'template',
    change: {
      sheets: [],
      merges: [{ sheet: '업무분장', range: rangeFromA1('B4:E4')! }],
      register: [tableEntry('crosstab_1', '업무분장', 'B5:E7')],
      writes: [...tableWrites('업무분장', 3, 1), { sheet: '업무분장', row: 1, col: 1, value: '덮어씀' }],
    },
    made: ({ sheets, registry }) => {
      expect(sortedMerges(sheetNamed(sheets, '업무분장').merges)).toEqual([rangeFromA1('B4:E4')]);
      expect(cellsByAddress(sheetNamed(sheets, '업무분장')).B2).toEqual({ v: '덮어씀' });
      expect(registry).toEqual(['crosstab_1']);
    },
  },
  {
    name: 'a report import: two department sheets, a table on each',
    label: 'import',
    change: {
      sheets: [{ name: '기획관', state: 'visible' }, { name: '자치행정과', state: 'visible' }],
      merges: [{ sheet: '기획관', range: rangeFromA1('B2:E2')! }, { sheet: '자치행정과', range: rangeFromA1('A1:D1')! }],
      register: [tableEntry('crosstab_1', '기획관', 'B3:E5'), tableEntry('crosstab_2', '자치행정과', 'A2:D4')],
      writes: [...tableWrites('기획관', 1, 1), ...tableWrites('자치행정과', 0, 0)],
    },
    made: ({ sheets, registry }) => {
      expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['기획관', '자치행정과']));
      expect(registry).toEqual(['crosstab_1', 'crosstab_2']);
    },
  },
  {
    name: 'an adopt: a detected table registered, nothing else',
    label: 'adopt',
    change: { sheets: [], merges: [], register: [tableEntry('budget_by_year_1', '기획예산과', 'B4:G8')], writes: [] },
    made: ({ registry }) => expect(registry).toEqual(['budget_by_year_1']),
  },
  {
    name: 'a summary: a new sheet of live formulas over another sheet',
    label: 'summary',
    change: {
      sheets: [{ name: '총괄', state: 'visible' }],
      merges: [],
      register: [],
      writes: [
        { sheet: '총괄', row: 0, col: 0, value: '사업' },
        { sheet: '총괄', row: 0, col: 1, value: '2021년' },
        { sheet: '총괄', row: 1, col: 0, value: '청사 시설' },
        { sheet: '총괄', row: 1, col: 1, formula: "'기획예산과'!E6", value: 32300, fmt: REPORT_FORMAT },
      ],
    },
    made: ({ sheets }) => expect(cellsByAddress(sheetNamed(sheets, '총괄')).B2).toMatchObject({ f: expect.stringMatching(/E6$/) }),
  },
];

/**
 * Structural changes and their undo, for ports with applyChange/undoLast (both adapters): after the undo the
 * workbook is as before — sheets, cells, merges, registry and its names — also when reopened in between.
 */
export function describeUndoConformance(name: string, makePort: MakePort): void {
  describe(`WorkbookPort undo conformance: ${name}`, () => {
    const undoOf = (port: WorkbookPort) => {
      if (!port.applyChange || !port.undoLast || !port.peekUndo) throw new Error(`${name} has no undo methods`);
      return { apply: port.applyChange.bind(port), undo: port.undoLast.bind(port), peek: port.peekUndo.bind(port) };
    };
    const base = () => conformanceWorkbook().filter((s) => s.name !== '_report_tables');
    const made = async (port: WorkbookPort) => ({
      sheets: await port.readSheets(),
      registry: port.readRegistry ? (await port.readRegistry()).entries.map((e) => e.id) : [],
    });

    it.each(CHANGE_CASES.map((c) => [c.name, c] as const))('%s is undone whole', async (_name, c) => {
      const { port } = await makePort(base());
      const before = await portState(port);
      const entry = await undoOf(port).apply(c.change, c.label);
      expect(entry?.label).toBe(c.label);
      c.made(await made(port));
      expect(await undoOf(port).peek()).toMatchObject({ count: 1, last: { label: c.label } });
      const result = await undoOf(port).undo();
      expect(result).toMatchObject({ entry: { id: entry!.id }, keptSheets: [] });
      expect(await portState(port)).toEqual(before);
      expect(await undoOf(port).peek()).toEqual({ count: 0, last: null });
    });

    it.each(CHANGE_CASES.map((c) => [c.name, c] as const))('%s is undone whole after reopening', async (_name, c) => {
      const { port, reopen } = await makePort(conformanceWorkbook());
      const before = await portState(port);
      await undoOf(port).apply(c.change, c.label);
      const again = await reopen();
      expect(await undoOf(again).undo()).toMatchObject({ keptSheets: [] });
      expect(await portState(again)).toEqual(before);
    });

    it('two changes are undone newest first, each back to the state before it', async () => {
      const { port } = await makePort(base());
      const states = [await portState(port)];
      await undoOf(port).apply(CHANGE_CASES[0].change, 'template');
      states.push(await portState(port));
      await undoOf(port).apply(CHANGE_CASES[3].change, 'adopt');
      expect((await made(port)).registry).toEqual(['crosstab_1', 'budget_by_year_1']);
      await undoOf(port).undo();
      expect(await portState(port)).toEqual(states[1]);
      await undoOf(port).undo();
      expect(await portState(port)).toEqual(states[0]);
    });

    it('an added sheet someone typed in since is kept whole and named; the rest is undone', async () => {
      const { port } = await makePort(base());
      const before = (await port.readSheets()).map((s) => s.name);
      await undoOf(port).apply(CHANGE_CASES[2].change, 'import');
      await port.writeCells([{ sheet: '자치행정과', row: 9, col: 0, value: '내 메모' }]);
      const result = await undoOf(port).undo();
      expect(result.keptSheets).toEqual(['자치행정과']);
      const sheets = await port.readSheets();
      expect(sheets.map((s) => s.name).filter((n) => n !== '_report_tables')).toEqual([...before, '자치행정과']);
      const kept = cellsByAddress(sheetNamed(sheets, '자치행정과'));
      expect(kept.A10).toEqual({ v: '내 메모' });
      expect(kept.A2).toEqual({ v: '구분' });
      expect(sheetNamed(sheets, '자치행정과').merges).toEqual([rangeFromA1('A1:D1')]);
      // The table on the kept sheet stays registered; the other one is gone with its sheet.
      expect((await made(port)).registry).toEqual(['crosstab_2']);
    });

    it('refuses to add a sheet that exists already, changing nothing', async () => {
      const { port } = await makePort(base());
      const before = await portState(port);
      const change: WorkbookChange = { sheets: [{ name: '업무분장' }], merges: [{ sheet: '업무분장', range: rangeFromA1('A11:D11')! }], register: [tableEntry('crosstab_1', '업무분장', 'A12:D14')], writes: tableWrites('업무분장', 10, 0) };
      await expect(undoOf(port).apply(change, 'template')).rejects.toMatchObject({ problem: { code: 'sheet-exists', sheet: '업무분장' } });
      expect(await portState(port)).toEqual(before);
    });

    it('registry rows and undo rows never share a row, across changes, fills and undos', async () => {
      const { port } = await makePort(base());
      await undoOf(port).apply(CHANGE_CASES[0].change, 'template');
      await undoOf(port).apply({ sheets: [], merges: [], register: [], writes: [{ sheet: '업무분장', row: 5, col: 5, value: 1 }] }, 'fill');
      await undoOf(port).apply(CHANGE_CASES[3].change, 'adopt');
      const hidden = sheetNamed(await port.readSheets(), '_report_tables');
      const tags = hidden.cells.map((line) => line?.[0]?.v ?? null).filter((v) => v !== null);
      expect(tags.filter((t) => t === 'table')).toHaveLength(2);
      expect(tags.filter((t) => t === 'undo')).toHaveLength(3);
      expect(await undoOf(port).peek()).toMatchObject({ count: 3, last: { label: 'adopt' } });
      expect((await made(port)).registry).toEqual(['crosstab_1', 'budget_by_year_1']);
      await undoOf(port).undo();
      expect((await made(port)).registry).toEqual(['crosstab_1']);
      expect(await undoOf(port).peek()).toMatchObject({ count: 2, last: { label: 'fill' } });
    });
  });
}
