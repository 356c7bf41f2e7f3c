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
