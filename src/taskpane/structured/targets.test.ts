import type { SheetGrid } from '../../engine/grid/types';
import type { CellWrite } from '../../engine/model/cell-write';
import { REGISTRY_SHEET } from '../../engine/registry';
import * as xlsxModule from '../../xlsx/xlsx-workbook';
import { officeTarget } from './office-target';
import { standaloneTarget } from './standalone-target';
import { planTemplateInsert } from './structured-kit';
import { structuredServices } from './structured-services';

const NOW = '2026-11-28T00:00:00.000Z';
const { XlsxWorkbook } = xlsxModule;
// The page loads exceljs as its own chunk; here a plain import stands in for it.
const loadXlsx = async () => xlsxModule;

function template(sheets: SheetGrid[] = []) {
  const planned = planTemplateInsert(sheets, { kind: 'budget-by-year', years: { from: 2020, to: 2023 }, team: '예산팀', where: { kind: 'team-sheet' }, now: NOW });
  if (!planned.ok) throw new Error(planned.reason);
  return planned;
}

describe('standaloneTarget', () => {
  it('writes a template into a new workbook: very hidden registry, merges, RT_ name, and a file that reads back registered', async () => {
    const target = standaloneTarget(loadXlsx);
    const planned = template();
    await target.apply(planned.change, 'template');
    const file = (await target.savedFile!())!;
    expect(file.name).toBe('보고서 표.xlsx');
    const back = await XlsxWorkbook.fromBuffer(new Uint8Array(await file.arrayBuffer()));
    const sheets = await back.readSheets();
    expect(sheets.map((s) => [s.name, s.state ?? 'visible'])).toEqual([
      ['예산팀', 'visible'],
      [REGISTRY_SHEET, 'veryHidden'],
    ]);
    expect(sheets[0].merges).toEqual(expect.arrayContaining(planned.change.merges.map((m) => m.range)));
    // The target itself reads its registry through the names too.
    expect((await target.readRegistry!()).entries.map((e) => e.id)).toEqual([planned.entries[0].id]);
    const registry = await back.readRegistry();
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((e) => [e.id, e.sheet, e.range])).toEqual([[planned.entries[0].id, '예산팀', planned.entries[0].range]]);
  });

  it('changes the file the user opened, keeping its sheets; the saved file, opened again, holds the change', async () => {
    const original = XlsxWorkbook.fromGrids([{ name: '메모', cells: [[{ v: '그대로' }]], merges: [] }]);
    const bytes = (await original.toBuffer()) as Uint8Array;
    const opened = { name: 'team.xlsx', data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    const load = jest.fn(loadXlsx);
    const target = standaloneTarget(load);
    target.remember(opened);
    await target.apply(template(await target.readSheets()).change, 'template');
    const saved = (await target.savedFile!())!;
    expect(saved.name).toBe('team.xlsx');
    target.remember({ name: saved.name, data: await saved.arrayBuffer() });
    const sheets = await target.readSheets();
    expect(sheets.map((s) => s.name)).toEqual(['메모', '예산팀', REGISTRY_SHEET]);
    expect(sheets[0].cells[0][0]).toEqual({ v: '그대로' });
  });
});

describe('officeTarget', () => {
  function office(undo?: { apply: jest.Mock }) {
    const calls: string[] = [];
    const port = {
      readSheets: jest.fn(async () => [] as SheetGrid[]),
      getSelection: jest.fn(async () => ({ sheet: 'S', range: { r0: 4, c0: 2, r1: 6, c1: 3 } })),
      writeCells: jest.fn(async (writes: CellWrite[]) => void calls.push(`writeCells ${[...new Set(writes.map((w) => w.sheet))].join(',')}`)),
    };
    const structure = {
      applyStructure: jest.fn(async () => {
        calls.push('structure');
        return { syncs: 2, sheetsAdded: [] };
      }),
      addColumnChart: jest.fn(async () => ({ syncs: 2, sheetsAdded: [] })),
    };
    const services = { port, selectCell: jest.fn(), acceptances: {} as never, ...(undo ? { undo } : {}) };
    return { calls, port, structure, target: officeTarget(services as never, structure as never) };
  }

  it('makes sheets, merges and names first, then the registry rows, then the cells through the undo log', async () => {
    const calls: string[] = [];
    const undo = { apply: jest.fn(async (writes: CellWrite[], label: string) => void calls.push(`undo ${label} ${writes.length}`)) };
    const o = office(undo);
    const planned = template();
    await o.target.apply(planned.change, 'template');
    expect(o.structure.applyStructure).toHaveBeenCalledWith({ sheets: planned.change.sheets, merges: planned.change.merges, names: planned.change.names, activate: '예산팀' });
    expect(o.calls).toEqual(['structure', `writeCells ${REGISTRY_SHEET}`]);
    const cells = planned.change.writes.filter((w) => w.sheet === '예산팀');
    expect(calls).toEqual([`undo template ${cells.length}`]);
  });

  it('writes the cells plainly when the workbook has no undo log, and gives the selection as its top-left cell', async () => {
    const o = office();
    await o.target.apply(template().change, 'template');
    expect(o.calls).toEqual(['structure', `writeCells ${REGISTRY_SHEET}`, 'writeCells 예산팀']);
    await expect(o.target.selection()).resolves.toEqual({ sheet: 'S', at: { row: 4, col: 2 } });
    // This port reads no names: the list falls back to the registry rows of the sheets.
    expect(o.target.readRegistry).toBeUndefined();
  });

  it("draws the summary's chart by rows, named so a refresh replaces it", async () => {
    const o = office();
    await o.target.addChart!('총괄', { r0: 9, c0: 3, r1: 9, c1: 6 }, { title: '연도별 합계', categories: { r0: 1, c0: 3, r1: 1, c1: 6 } });
    expect(o.structure.addColumnChart).toHaveBeenCalledWith('총괄', { r0: 9, c0: 3, r1: 9, c1: 6 }, { title: '연도별 합계', name: 'RT_summary_chart', seriesBy: 'Rows', categories: { r0: 1, c0: 3, r1: 1, c1: 6 } });
  });
});

describe('structuredServices.listTables', () => {
  it("takes the adapter's registry (ranges from the RT_ names) over the rows of the sheets when it has one", async () => {
    const planned = template();
    const moved = { ...planned.entries[0], range: { ...planned.entries[0].range, r0: planned.entries[0].range.r0 + 5, r1: planned.entries[0].range.r1 + 5 } };
    const readSheets = jest.fn(async () => [] as SheetGrid[]);
    const kit = jest.fn(async () => {
      throw new Error('the kit is not needed to list');
    });
    const services = structuredServices('office', { readSheets, readRegistry: async () => ({ entries: [moved], problems: [] }), selection: async () => null, apply: async () => undefined }, kit);
    await expect(services.listTables()).resolves.toEqual([moved]);
    expect(readSheets).not.toHaveBeenCalled();
    expect(kit).not.toHaveBeenCalled();
  });
});
