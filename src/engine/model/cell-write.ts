/** A write the engine asks an adapter to make (fill, template insert, undo). Coordinates are 0-based. */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  /** Formula without the leading '=', or undefined to write a constant. */
  formula?: string;
  /** The constant to write, or the value the formula will compute (cached so a file unrecalculated still shows it). */
  value: number | string | boolean | null;
  /** Number format to set; undefined leaves the cell's format alone. */
  fmt?: string;
}
