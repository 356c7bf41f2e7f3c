import type { SheetGrid } from '../../engine/grid/types';
import { REGISTRY_SHEET } from '../../engine/registry';
import * as xlsxModule from '../../xlsx/xlsx-workbook';
import { officeTarget, SUMMARY_CHART } from './office-target';
import { standaloneTarget } from './standalone-target';
import { planTemplateInsert, structuredKit } from './structured-kit';
import { structuredServices } from './structured-services';
import { excelOverFake } from './test-support';

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

describe('standaloneTarget and undo', () => {
  it("logs each change in the file's own undo log, so the saved file opened again (or in Excel) undoes it whole", async () => {
    const original = XlsxWorkbook.fromGrids([{ name: '메모', cells: [[{ v: '그대로' }]], merges: [] }]);
    const before = await original.readSheets();
    const bytes = (await original.toBuffer()) as Uint8Array;
    const target = standaloneTarget(loadXlsx);
    target.remember({ name: 'team.xlsx', data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    await target.apply(template(await target.readSheets()).change, 'template');
    const saved = (await target.savedFile!())!;
    const again = await XlsxWorkbook.fromBuffer(new Uint8Array(await saved.arrayBuffer()));
    expect(await again.peekUndo()).toMatchObject({ count: 1, last: { label: 'template' } });
    expect(await again.undoLast()).toMatchObject({ keptSheets: [] });
    expect(await again.readSheets()).toEqual(before);
    expect((await again.readRegistry()).entries).toEqual([]);
  });
});

describe('officeTarget (the Office.js adapter on a fake Excel)', () => {
  const base = (): SheetGrid[] => [{ name: '메모', cells: [[{ v: '그대로' }]], merges: [] }];

  it('a template is one undo entry: the Undo the pane offers takes back the sheet, merges, name, registry row and cells', async () => {
    const fake = excelOverFake(base());
    const before = fake.state();
    const heard = jest.fn();
    fake.office.undo!.subscribe!(heard);
    const target = officeTarget(fake.office);
    const planned = template(await target.readSheets());
    await target.apply(planned.change, 'template');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(fake.excel.sheetNamed('예산팀')!.merges.length).toBe(planned.change.merges.length);
    expect(fake.names.get(`RT_${planned.entries[0].id}`)).toMatch(/^'예산팀'!/);
    expect(fake.registryRows()).toEqual([planned.entries[0].id]);
    expect((await target.readRegistry!()).entries.map((e) => e.id)).toEqual([planned.entries[0].id]);
    await expect(fake.office.undo!.peek()).resolves.toEqual({ count: 1, label: 'template' });

    await expect(fake.office.undo!.undoLast()).resolves.toEqual({ keptSheets: [] });
    expect(heard).toHaveBeenCalledTimes(2);
    expect(fake.state()).toEqual(before);
    await expect(fake.office.undo!.peek()).resolves.toEqual({ count: 0, label: null });
  });

  it('writes through the port when the services carry no undo log, and gives the selection as its top-left cell', async () => {
    const fake = excelOverFake(base());
    const target = officeTarget({ ...fake.office, undo: undefined });
    await target.apply(template(await target.readSheets()).change, 'template');
    expect(await fake.workbook.peekUndo()).toMatchObject({ count: 1, last: { label: 'template' } });
    // The template showed its sheet; the selection is read there.
    await expect(target.selection()).resolves.toEqual({ sheet: '예산팀', at: { row: 0, col: 0 } });
  });

  it("the summary's chart is drawn by rows in the same change, and one undo takes back the sheet and the chart", async () => {
    const fake = excelOverFake(base());
    const target = officeTarget(fake.office);
    await target.apply(template(await target.readSheets()).change, 'template');
    const before = fake.state();
    const services = structuredServices('office', target, async () => structuredKit);
    const outcome = await services.buildSummary();
    expect(outcome).toMatchObject({ ok: true, chart: true });
    expect(fake.excel.sheetNamed('총괄')!.charts).toEqual([expect.objectContaining({ name: SUMMARY_CHART, seriesBy: 'Rows', title: '연도별 합계' })]);
    await fake.office.undo!.undoLast();
    expect(fake.state()).toEqual(before);
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
