export { ExcelWorkbook, writeRuns, type ExcelRun, type ExcelWorkbookOptions, type ReadStats } from './excel-workbook';
export {
  ExcelAdapterError,
  excelProblem,
  isExcelAdapterError,
  toAdapterError,
  type ExcelProblem,
  type ExcelProblemCode,
} from './errors';
export { cellFromExcel, isDateFormat, rangesFromAreasAddress, excelInput } from './cells';
export { ExcelUndoLog, UndoLogError, StalePlanError, SheetExistsError, UNDO_SHEET, type ApplyOptions, type ExcelUndoLogOptions, type UndoSummary, type UndoResult, type UndoStats } from './undo-log';
export { ExcelRegistry } from './registry';
