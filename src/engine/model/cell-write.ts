/** A write the engine asks an adapter to make (fill, template insert, undo). Coordinates are 0-based. */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  /** Formula without the leading '=', or undefined to write a constant. */
  formula?: string;
  /** The constant to write, or the value the formula will compute (cached so a file unrecalculated still shows it). */
  value: number | string | boolean | null;
  /** Number format to set; undefined leaves the cell's format alone ('General' clears it). */
  fmt?: string;
  /** An error value to restore ('#REF!'): only undo writes set it, to give back a cell exactly as it was. */
  error?: string;
  /** True when `value` is a date serial (undo restores the grid's date flag with it). */
  date?: boolean;
}
