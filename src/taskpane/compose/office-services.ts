/// <reference types="office-js" />
import { ExcelWorkbook } from '../../excel';
import { documentSettingsAcceptanceStore } from '../acceptance';
import { documentPreferences, type PaneServices } from '../services';
import { undoServicesOver } from './undo-services';

/**
 * Excel mode: the open workbook through the Office.js adapter, navigation, and the workbook's own document
 * settings for acceptances and the rounding policy (so they travel with the file to the next reviewer).
 */
export function officeServices(): Pick<PaneServices, 'office' | 'preferences'> {
  const settings = Office.context.document.settings;
  const workbook = new ExcelWorkbook();
  return {
    office: {
      port: workbook,
      selectCell: (sheet, a1) => workbook.selectCell(sheet, a1),
      acceptances: documentSettingsAcceptanceStore(settings),
      // The workbook's own log: fills and structural changes share it (and what it remembers of the newest entry).
      undo: undoServicesOver(workbook.undoLog),
    },
    preferences: documentPreferences(settings),
  };
}
