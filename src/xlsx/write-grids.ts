/**
 * Plain grids → an .xlsx package (values, formulas with cached results, number formats, merges, sheet state).
 * Used to build fixture workbooks in tests and by adapters that need a fresh file; no Node built-ins here.
 */
import type { Cell, SheetGrid } from '../engine';
import { newWorkbook, type ExcelCellValue, type Workbook, type Worksheet } from './exceljs-types';

/** A date cell with no number format of its own still has to display as a date (and read back as one). */
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

/** The exceljs cell value for one grid cell (undefined: leave the cell empty). */
export function toExcelValue(cell: Cell): ExcelCellValue | undefined {
  if (cell.f !== undefined) {
    const result = cell.error !== undefined ? { error: cell.error } : (cell.v ?? undefined);
    return { formula: cell.f, result } as ExcelCellValue;
  }
  if (cell.error !== undefined) return { error: cell.error } as ExcelCellValue;
  if (cell.v === null) return undefined;
  return cell.v;
}

export function numberFormatFor(cell: Cell): string | undefined {
  if (cell.fmt !== undefined) return cell.fmt;
  return cell.date ? DEFAULT_DATE_FORMAT : undefined;
}

function writeSheet(ws: Worksheet, sheet: SheetGrid): void {
  sheet.cells.forEach((line, r) => {
    line?.forEach((cell, c) => {
      if (!cell) return;
      const value = toExcelValue(cell);
      const fmt = numberFormatFor(cell);
      if (value === undefined && fmt === undefined) return;
      const target = ws.getCell(r + 1, c + 1);
      if (value !== undefined) target.value = value;
      if (fmt !== undefined) target.numFmt = fmt;
    });
  });
  // Merge after the values: Excel keeps only the top-left value of a merged area, and so does exceljs.
  for (const m of sheet.merges) {
    if (m.r0 === m.r1 && m.c0 === m.c1) continue;
    ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
}

/** Build an exceljs workbook from grids (sheet order kept). */
export function gridsToWorkbook(sheets: readonly SheetGrid[]): Workbook {
  const wb = newWorkbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.state ?? 'visible' });
    writeSheet(ws, sheet);
  }
  return wb;
}

/** Serialise grids to .xlsx bytes (a Buffer in Node, a Uint8Array-compatible buffer in the browser). */
export async function gridsToXlsxBuffer(sheets: readonly SheetGrid[]): Promise<Buffer | Uint8Array> {
  const out = await gridsToWorkbook(sheets).xlsx.writeBuffer();
  return out as unknown as Buffer | Uint8Array;
}
