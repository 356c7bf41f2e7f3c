/**
 * The exceljs module, loaded in a way that works under ts-jest (CommonJS), tsc's CommonJS output and webpack.
 * exceljs ships CommonJS with `module.exports = ExcelJS`; a default import relies on esModuleInterop.
 */
import ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type ExcelCell = ExcelJS.Cell;
export type ExcelCellValue = ExcelJS.CellValue;

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

export const ValueType = ExcelJS.ValueType;
