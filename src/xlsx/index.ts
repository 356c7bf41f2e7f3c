/**
 * The exceljs adapter: .xlsx bytes <-> plain grids. Browser-safe (no Node built-ins);
 * reading a file from disk lives in ./read-file (Node only), imported by path.
 */
export { gridsToXlsxBuffer, gridsToWorkbook } from './write-grids';
export { dateToSerial, serialToDate } from './serial-date';
