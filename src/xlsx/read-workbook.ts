/**
 * .xlsx bytes → plain grids, following exceljs's own layering (readFile → read → load): this is the `load`
 * layer, free of Node built-ins so the standalone pane can use it on a file the user picked.
 */
import type { Cell, CellRange, SheetGrid } from '../engine';
import { rangeFromA1 } from '../engine';
import { newWorkbook, ValueType, type ExcelCell, type Workbook, type Worksheet } from './exceljs-types';
import { classifyBeforeLoad, classifyLoadFailure } from './classify';
import { WorkbookReadError } from './read-problem';
import { dateToSerial } from './serial-date';

export interface ReadOptions {
  /** The name to report problems under (a path or the picked file's name); also used for its extension. */
  fileName?: string;
  /**
   * Skip the sheet parts grids never use (conditional formats, data validation, page setup, drawings …).
   * Only for reading: a workbook loaded this way would lose those parts if it were saved again.
   */
  gridsOnly?: boolean;
}

/** Worksheet XML elements that carry nothing a grid holds. */
const NOT_IN_GRIDS = [
  'conditionalFormatting',
  'dataValidations',
  'extLst',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'rowBreaks',
  'picture',
  'drawing',
  'autoFilter',
  'tableParts',
  'sheetProtection',
];

type RichTextValue = { richText: { text: string }[] };
type FormulaResult = number | string | boolean | Date | { error: string } | null | undefined;

function isRichText(x: unknown): x is RichTextValue {
  return typeof x === 'object' && x !== null && Array.isArray((x as RichTextValue).richText);
}

function plainText(x: unknown): string {
  if (typeof x === 'string') return x;
  if (isRichText(x)) return x.richText.map((run) => run.text).join('');
  return x === null || x === undefined ? '' : String(x);
}

function withFormat(cell: Cell, numFmt: string | undefined): Cell {
  if (numFmt && numFmt !== 'General') cell.fmt = numFmt;
  return cell;
}

function fromResult(result: FormulaResult, date1904: boolean): Cell {
  if (result === null || result === undefined) return { v: null };
  if (result instanceof Date) return { v: dateToSerial(result, date1904), date: true };
  if (typeof result === 'object') {
    if ('error' in result) return { v: null, error: result.error };
    return { v: plainText(result) };
  }
  return { v: result };
}

/**
 * LibreOffice saves a typed TRUE/FALSE as the formula TRUE()/FALSE() and a typed #REF! as the formula #REF!:
 * constants all the same, and read as such.
 */
function isConstantSpelledAsFormula(formula: string, cell: Cell): boolean {
  if (typeof cell.v !== 'boolean' && cell.error === undefined) return false;
  const f = formula.replace(/^=/, '').trim();
  if (typeof cell.v === 'boolean') return /^(TRUE|FALSE)\(\)$/i.test(f);
  return f.toUpperCase() === (cell.error ?? '').toUpperCase();
}

/**
 * One exceljs cell as grid data, or null when it holds nothing. Each getter of an exceljs cell goes through its
 * value object (and `value` of a formula copies its model), so every cell is asked its type once and then only
 * what that type holds.
 */
export function toGridCell(c: ExcelCell, date1904: boolean): Cell | null {
  switch (c.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
    case ValueType.Boolean:
      return withFormat({ v: c.value as number | boolean }, c.numFmt);
    case ValueType.String:
    case ValueType.SharedString:
      return withFormat({ v: String(c.value) }, c.numFmt);
    case ValueType.RichText:
      return withFormat({ v: plainText(c.value) }, c.numFmt);
    case ValueType.Date:
      return withFormat({ v: dateToSerial(c.value as Date, date1904), date: true }, c.numFmt);
    case ValueType.Hyperlink:
      return withFormat({ v: plainText((c.value as { text?: unknown }).text) }, c.numFmt);
    case ValueType.Error:
      return withFormat({ v: null, error: (c.value as { error: string }).error }, c.numFmt);
    case ValueType.Formula: {
      // `formula` is the master's text for a shared-formula child already moved to this cell (B7 → C7).
      const formula = c.formula;
      // `value` drops a falsy cached result (a total of 0 would read as uncomputed); `result` keeps it.
      const cell = fromResult(c.result as FormulaResult, date1904);
      if (formula && !isConstantSpelledAsFormula(formula, cell)) cell.f = formula.charCodeAt(0) === 61 /* = */ ? formula.slice(1) : formula;
      return withFormat(cell, c.numFmt);
    }
    default: {
      const value = c.value as unknown;
      return value === null || value === undefined ? null : withFormat({ v: plainText(value) }, c.numFmt);
    }
  }
}

/** exceljs keeps merges keyed by their top-left cell; reading `model` instead would serialise every row. */
function mergesOf(ws: Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  const out: CellRange[] = [];
  if (internal) {
    for (const range of Object.values(internal)) {
      const m = range?.model;
      if (m) out.push({ r0: m.top - 1, c0: m.left - 1, r1: m.bottom - 1, c1: m.right - 1 });
    }
    return out;
  }
  for (const text of (ws.model.merges ?? []) as string[]) {
    const r = rangeFromA1(text);
    if (r) out.push(r);
  }
  return out;
}

/**
 * One worksheet as a grid trimmed to the cells that hold something: a sheet whose dimension or formatted rows
 * claim a million rows still yields only as many rows as carry values. Rows and cells are looked up where they
 * are (findRow, findCell) rather than through eachRow and eachCell, which ask every cell its type twice more.
 */
export function worksheetToGrid(ws: Worksheet, date1904 = false): SheetGrid {
  const rows: (Cell | null)[][] = [];
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    let line: (Cell | null)[] | undefined;
    const cellCount = row.cellCount;
    for (let col = 1; col <= cellCount; col++) {
      const c = row.findCell(col);
      if (!c) continue;
      const cell = toGridCell(c, date1904);
      if (!cell) continue;
      if (!line) line = [];
      while (line.length < col - 1) line.push(null);
      line[col - 1] = cell;
    }
    if (line) {
      const rowNumber = row.number;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = line;
    }
  }
  const grid: SheetGrid = { name: ws.name, cells: rows, merges: mergesOf(ws) };
  const state = ws.state as string;
  if (state === 'hidden' || state === 'veryHidden') grid.state = state;
  else grid.state = 'visible';
  return grid;
}

export function workbookToGrids(wb: Workbook): SheetGrid[] {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  return wb.worksheets.map((ws) => worksheetToGrid(ws, date1904));
}

function toUint8(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Load an exceljs workbook from bytes. A file exceljs cannot load is diagnosed (OLE, DRM, broken zip, broken
 * XML …) and rejected with a WorkbookReadError carrying the reason as data.
 */
export async function loadWorkbookBuffer(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<Workbook> {
  const bytes = toUint8(data);
  const fileName = options.fileName ?? 'workbook.xlsx';
  // Cheap checks on the first bytes come first: exceljs's errors on a non-zip are not informative.
  const early = classifyBeforeLoad(fileName, bytes);
  if (early) throw new WorkbookReadError(early);
  const wb = newWorkbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, options.gridsOnly ? { ignoreNodes: NOT_IN_GRIDS } : undefined);
  } catch (err) {
    throw new WorkbookReadError(await classifyLoadFailure(fileName, bytes, err));
  }
  // exceljs accepts any zip and yields no sheets when it is not a workbook package; every real workbook has one.
  if (wb.worksheets.length === 0) throw new WorkbookReadError(await classifyLoadFailure(fileName, bytes, undefined));
  return wb;
}

/** .xlsx bytes → one grid per worksheet (hidden and very-hidden sheets included, with their state). */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return workbookToGrids(await loadWorkbookBuffer(data, { gridsOnly: true, ...options }));
}
