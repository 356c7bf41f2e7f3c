/** For tests: the pane's Excel services over the real Office.js adapter and undo log, on a fake Excel with names. */
import type { SheetGrid } from '../../engine/grid/types';
import { REGISTRY_SHEET } from '../../engine/registry';
import { ExcelWorkbook } from '../../excel/excel-workbook';
import { FakeExcel } from '../../excel/test-support/fake-excel';
import { runWithNames } from '../../excel/test-support/fake-names';
import { memoryAcceptanceStore } from '../acceptance';
import { undoServicesOver } from '../compose/undo-services';
import type { OfficeServices } from '../services';

export function excelOverFake(sheets: SheetGrid[]) {
  const excel = FakeExcel.fromGrids(sheets);
  const names = new Map<string, string>();
  const workbook = new ExcelWorkbook({ run: runWithNames(excel, names), supportsMergedAreas: () => true });
  const office: OfficeServices = {
    port: workbook,
    selectCell: async () => undefined,
    acceptances: memoryAcceptanceStore(),
    undo: undoServicesOver(workbook.undoLog),
  };
  /** Everything a user or an undo could tell apart: sheets in order, their cells and merges, names, charts. */
  const state = () => ({
    sheets: excel.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: Object.fromEntries([...s.cells].filter(([, c]) => c.input !== undefined || (c.format ?? 'General') !== 'General').sort()),
      merges: [...s.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0),
      charts: s.charts?.length ?? 0,
    })),
    names: Object.fromEntries([...names].sort()),
  });
  /** The registry rows of the hidden sheet (column A tags and ids), without the undo log's rows. */
  const registryRows = () =>
    [...(excel.sheetNamed(REGISTRY_SHEET)?.cells ?? [])]
      .filter(([k, c]) => k.endsWith(',0') && c.input === 'table')
      .map(([k]) => excel.sheetNamed(REGISTRY_SHEET)!.cells.get(k.replace(/,0$/, ',1'))?.input);
  return { excel, names, workbook, office, state, registryRows };
}
