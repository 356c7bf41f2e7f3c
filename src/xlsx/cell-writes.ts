/** Cell writes applied to an exceljs workbook: values, formulas with their cached results, error values, formats. */
import type { CellWrite } from '../engine';
import type { ExcelCellValue, Workbook } from './exceljs-types';
import { serialToDate } from './serial-date';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function writeValue(w: CellWrite, date1904: boolean): ExcelCellValue {
  if (w.formula !== undefined) {
    const formula = w.formula.replace(/^=/, '');
    return (w.value === null ? { formula } : { formula, result: w.value }) as ExcelCellValue;
  }
  // Undo puts back error values and dates exactly as the grid read them.
  if (w.error !== undefined) return { error: w.error } as ExcelCellValue;
  if (w.date && typeof w.value === 'number') return serialToDate(w.value, date1904);
  return w.value;
}

/** Writes are checked before any is applied, so a bad batch changes nothing. */
function checkWrite(w: CellWrite): void {
  if (!Number.isInteger(w.row) || w.row < 0 || w.row >= MAX_ROWS || !Number.isInteger(w.col) || w.col < 0 || w.col >= MAX_COLS) {
    throw new RangeError(`cell write out of the sheet: ${w.sheet}!(${w.row},${w.col})`);
  }
  if (!w.sheet) throw new RangeError('cell write without a sheet name');
}

/** Apply every write; a sheet named by a write that does not exist yet is added (template insert, import). */
export function applyCellWrites(workbook: Workbook, writes: readonly CellWrite[]): void {
  writes.forEach(checkWrite);
  for (const w of writes) {
    // exceljs would quietly redirect a write inside a merged area to its top-left cell, overwriting it.
    const ws = workbook.getWorksheet(w.sheet);
    const target = ws?.findCell(w.row + 1, w.col + 1);
    if (target?.isMerged && target.master !== target) {
      throw new RangeError(`cell write inside a merged area: ${w.sheet}!${target.address} (merged into ${target.master.address})`);
    }
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  for (const w of writes) {
    const ws = workbook.getWorksheet(w.sheet) ?? workbook.addWorksheet(w.sheet);
    const cell = ws.getCell(w.row + 1, w.col + 1);
    cell.value = writeValue(w, date1904);
    // Cells loaded from a file share style objects; setting numFmt in place would reformat every cell of
    // that style, so give this cell its own copy.
    if (w.fmt !== undefined) cell.style = { ...cell.style, numFmt: w.fmt };
  }
}
