/**
 * The exceljs adapter: .xlsx bytes <-> plain grids. Browser-safe (no Node built-ins);
 * reading a file from disk lives in ./read-file (Node only), imported by path.
 */
export { gridsToXlsxBuffer, gridsToWorkbook } from './write-grids';
export { readWorkbookBuffer, loadWorkbookBuffer, workbookToGrids, worksheetToGrid, type ReadOptions } from './read-workbook';
export { READ_PROBLEM_CODES, WorkbookReadError, isWorkbookReadError, type ReadProblem, type ReadProblemCode } from './read-problem';
export { classifyBeforeLoad, classifyLoadFailure } from './classify';
export { dateToSerial, serialToDate } from './serial-date';
export { XlsxWorkbook } from './xlsx-workbook';
export { readXlsxRegistry, writeXlsxRegistry, mergeXlsxCells, readDefinedNames } from './registry';
export { applyXlsxChange, undoXlsxLast, peekXlsxUndo } from './undo';
