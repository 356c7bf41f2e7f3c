/**
 * The plain data the engine works on. Adapters (the Excel add-in API, exceljs) turn a workbook into
 * `SheetGrid`s; nothing in the engine knows where a grid came from.
 *
 * Coordinates are 0-based (row 0 = spreadsheet row 1, col 0 = column A).
 */

/** One cell as the spreadsheet holds it. */
export interface Cell {
  /**
   * The value shown: a number, a text, a boolean, or null for an empty cell.
   * For a formula this is its cached result; for a date it is the Excel serial number (see `date`).
   * For an error value it is null and `error` holds the code.
   */
  v: number | string | boolean | null;
  /** Formula without the leading '=' (shared formulas already expanded), if the cell has one. */
  f?: string;
  /** Error code such as '#REF!' or '#DIV/0!' when the cell (or its formula) evaluates to an error. */
  error?: string;
  /** Number format code, e.g. '#,##0;"△"#,##0;"-"' (omitted for 'General'). */
  fmt?: string;
  /** True when the value is a date (v is the Excel serial number). */
  date?: boolean;
}

/** A rectangle of cells, 0-based, inclusive on both ends. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** One worksheet as a dense, row-major array of cells. Rows may be shorter than others. */
export interface SheetGrid {
  name: string;
  /** cells[row][col]; undefined or null means empty. */
  cells: ReadonlyArray<ReadonlyArray<Cell | null | undefined>>;
  /** Merged areas; the value sits in the top-left cell. */
  merges: CellRange[];
  state?: SheetState;
  /** True when the adapter could not read merged areas (older Excel API set): detection works from values alone. */
  mergesUnknown?: boolean;
}

/** A cell, or one numeric component of a compound cell such as "22(22)" or "766(84.5%)". */
export interface CellRef {
  row: number;
  col: number;
  /** Component index inside a compound text cell; omitted for a plain cell. */
  comp?: number;
}
