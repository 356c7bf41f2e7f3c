import type { CellWrite } from '../../engine/model/cell-write';
import { REGISTRY_SHEET } from '../../engine/registry';
import { ExcelStructureWrites } from '../../excel/structure-writes';
import type { OfficeServices } from '../services';
import type { StructureTarget } from './structured-services';
import type { WorkbookChange } from './workbook-change';

/** The undo log's entry point when the pane's Excel services carry one (see OfficeServices.undo). */
type UndoApply = { apply(writes: CellWrite[], label: string): Promise<void> };

/** The chart the summary makes; a refresh replaces it. */
export const SUMMARY_CHART = 'RT_summary_chart';

/**
 * Excel's open workbook: sheets, merges and RT_ names in one 2-sync batch, then the registry rows, then the
 * table's cells through the workbook's undo log (plain writes when there is none).
 *
 * The registry rows are written before, and apart from, the undo log: the log appends its own rows below every
 * row in use of the same very-hidden sheet, and a registry row planned for the first free row would land on
 * them if both went in one batch. So an undo takes the cells back but leaves the registry row (the check then
 * reports the table as no longer matching its spec).
 */
export function officeTarget(office: OfficeServices, structure: Pick<ExcelStructureWrites, 'applyStructure' | 'addColumnChart'> = new ExcelStructureWrites()): StructureTarget {
  const undo = (office as OfficeServices & { undo?: UndoApply }).undo;
  const write = (writes: CellWrite[], label: string) => (undo ? undo.apply(writes, label) : office.port.writeCells(writes));
  return {
    readSheets: () => office.port.readSheets(),
    ...(office.port.readRegistry ? { readRegistry: () => office.port.readRegistry!() } : {}),
    selection: async () => {
      const s = await office.port.getSelection();
      return s ? { sheet: s.sheet, at: { row: s.range.r0, col: s.range.c0 } } : null;
    },
    apply: async (change: WorkbookChange, label: string) => {
      await structure.applyStructure({ sheets: change.sheets, merges: change.merges, names: change.names, activate: change.activate });
      const registry = change.writes.filter((w) => w.sheet === REGISTRY_SHEET);
      const cells = change.writes.filter((w) => w.sheet !== REGISTRY_SHEET);
      if (registry.length) await office.port.writeCells(registry);
      if (cells.length) await write(cells, label);
    },
    addChart: async (sheet, range, options) => {
      await structure.addColumnChart(sheet, range, { title: options.title, name: SUMMARY_CHART, seriesBy: 'Rows', categories: options.categories ?? undefined });
    },
  };
}
