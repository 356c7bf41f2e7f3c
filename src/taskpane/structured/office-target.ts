import type { OfficeServices } from '../services';
import type { StructureTarget } from './structured-services';

/** The chart the summary makes; a refresh points it at the new rows. */
export const SUMMARY_CHART = 'RT_summary_chart';

/**
 * Excel's open workbook: every change (sheets, cells, merges, registered tables and their names, the summary's
 * chart) is one entry of the workbook's undo log, written in one request by the Office.js adapter
 * (src/excel/undo-log.ts), whose registry rows and names are the ones the port's writeRegistry writes. So
 * "Undo last change" takes all of it back, and the pane's Undo button learns of the change (UndoServices.subscribe).
 */
export function officeTarget(office: OfficeServices): StructureTarget {
  const port = office.port;
  return {
    readSheets: () => port.readSheets(),
    ...(port.readRegistry ? { readRegistry: () => port.readRegistry!() } : {}),
    selection: async () => {
      const s = await port.getSelection();
      return s ? { sheet: s.sheet, at: { row: s.range.r0, col: s.range.c0 } } : null;
    },
    charts: true,
    summaryChart: SUMMARY_CHART,
    apply: async (change, label) => {
      if (office.undo?.applyChange) return office.undo.applyChange(change, label);
      if (port.applyChange) return void (await port.applyChange(change, label));
      // The pane never changes a workbook's structure outside its undo log.
      throw new Error('officeTarget: the workbook has no undo log');
    },
  };
}
