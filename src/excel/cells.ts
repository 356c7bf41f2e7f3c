/**
 * Office.js range data ↔ grid cells. Pure functions: the adapter loads `values`, `formulas`, `numberFormat`
 * and `valueTypes` of a block and these turn them into `Cell`s (and back, for writes).
 */
import type { Cell, CellRange, CellWrite } from '../engine';
import { rangeFromA1 } from '../engine';

/** Excel.RangeValueType as strings, so this file needs no Office typings. */
export type ValueType = 'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue';

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/;

/**
 * True for a number format that shows a date or time: it has d, m, y, h or s outside quotes, escapes and
 * [colour]/[condition] brackets ('[h]:mm' elapsed time counts), and is not a plain number format.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  // Only the first section decides (positive numbers; dates are positive serials).
  let plain = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end + 1;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const end = format.indexOf(']', i + 1);
      const inner = format.slice(i + 1, end < 0 ? format.length : end);
      if (/^(h+|m+|s+)$/i.test(inner)) plain += 'h';
      i = end < 0 ? format.length : end + 1;
    } else if (ch === ';') {
      break;
    } else {
      plain += ch;
      i += 1;
    }
  }
  return /[dmyhs]/i.test(plain.replace(/General/gi, '')) && !/^[#0.,%\s]*$/.test(plain);
}

/**
 * One cell from what Excel returned for it. `type` comes from `valueTypes`; without it an error string such as
 * '#REF!' is taken for an error value.
 */
export function cellFromExcel(value: unknown, formula: unknown, format: unknown, type?: ValueType): Cell | null {
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  const isError = type ? type === 'Error' : typeof value === 'string' && ERROR_TEXT.test(value);
  let cell: Cell;
  if (isError) {
    cell = { v: null, error: String(value) };
  } else if (value === '' || value === null || value === undefined || type === 'Empty') {
    if (f === undefined) return null;
    cell = { v: value === undefined || value === null ? null : (value as string) };
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    cell = { v: value };
  } else {
    // A rich value (a data type card, an image in a cell): keep the text Excel would show.
    cell = { v: String(value) };
  }
  if (f !== undefined) cell.f = f;
  if (typeof format === 'string' && format !== 'General' && format !== '') {
    cell.fmt = format;
    if (typeof cell.v === 'number' && isDateFormat(format)) cell.date = true;
  }
  return cell;
}

export interface ExcelBlock {
  /** 0-based sheet row and column of values[0][0]. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes?: ValueType[][];
}

/** Writes a block into sparse sheet rows (row-major, sheet coordinates), leaving other cells alone. */
export function placeBlock(rows: (Cell | null)[][], block: ExcelBlock): void {
  block.values.forEach((line, i) => {
    const r = block.rowIndex + i;
    let target: (Cell | null)[] | undefined;
    line.forEach((value, j) => {
      const cell = cellFromExcel(value, block.formulas[i]?.[j], block.numberFormat[i]?.[j], block.valueTypes?.[i]?.[j]);
      if (!cell) return;
      if (!target) {
        while (rows.length <= r) rows.push([]);
        target = rows[r];
      }
      const c = block.columnIndex + j;
      while (target.length < c) target.push(null);
      target[c] = cell;
    });
  });
}

/**
 * The areas of a RangeAreas address ("Sheet1!A1:B2, 'My, sheet'!$C$3:$D$4") as ranges. Commas inside a quoted
 * sheet name do not split; anything unparsable (whole rows or columns) is left out.
 */
export function rangesFromAreasAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const out: CellRange[] = [];
  for (const part of parts) {
    const text = part.trim();
    if (!text) continue;
    const bang = text.lastIndexOf('!');
    const range = rangeFromA1(bang >= 0 ? text.slice(bang + 1) : text);
    if (range) out.push(range);
  }
  return out;
}

/**
 * What to put in `values`/`formulas` so Excel stores exactly `value`: Excel reads strings as if typed, so a
 * text that would turn into a number, date, formula or boolean gets the leading apostrophe that keeps it text.
 */
export function excelInput(value: number | string | boolean | null): number | string | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  if (value === '') return '';
  return /^[=+\-@'#]/.test(value) || /\d/.test(value) || /^\s*(true|false)\s*$/i.test(value) ? `'${value}` : value;
}

export interface WriteRun {
  row: number;
  col: number;
  cells: CellWrite[];
}

/**
 * Writes grouped into horizontal runs of adjacent cells that all set a format or all leave it alone, so one
 * range call covers many cells. The last write to a cell wins, as if they were applied in order.
 */
export function writeRuns(writes: CellWrite[]): WriteRun[] {
  const last = new Map<string, CellWrite>();
  for (const w of writes) last.set(`${w.row},${w.col}`, w);
  const sorted = [...last.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: WriteRun[] = [];
  for (const w of sorted) {
    const run = runs[runs.length - 1];
    if (
      run &&
      run.row === w.row &&
      run.col + run.cells.length === w.col &&
      (run.cells[0].fmt === undefined) === (w.fmt === undefined)
    ) {
      run.cells.push(w);
    } else {
      runs.push({ row: w.row, col: w.col, cells: [w] });
    }
  }
  return runs;
}
