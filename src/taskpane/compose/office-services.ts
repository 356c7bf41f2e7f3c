/// <reference types="office-js" />
import { ExcelUndoLog, ExcelWorkbook } from '../../excel';
import { documentSettingsAcceptanceStore } from '../acceptance';
import { documentPreferences, type PaneServices } from '../services';

/**
 * Excel mode: the open workbook through the Office.js adapter, navigation, and the workbook's own document
 * settings for acceptances and the rounding policy (so they travel with the file to the next reviewer).
 */
export function officeServices(): Pick<PaneServices, 'office' | 'preferences'> {
  const settings = Office.context.document.settings;
  const workbook = new ExcelWorkbook();
  const log = new ExcelUndoLog();
  return {
    office: {
      port: workbook,
      selectCell: (sheet, a1) => workbook.selectCell(sheet, a1),
      acceptances: documentSettingsAcceptanceStore(settings),
      undo: {
        peek: async () => {
          const summary = await log.peek();
          return { count: summary.count, label: summary.last?.label ?? null };
        },
        apply: async (writes, label, plannedOn) => {
          await log.applyWithUndo(writes, label, { plannedOn });
        },
        undoLast: async () => {
          await log.undoLast();
        },
      },
    },
    preferences: documentPreferences(settings),
  };
}
