import type { CellRange, CellWrite, SheetGrid } from '../engine';

/** Where the user is: the active sheet and selected range (Office), or nothing (a file). */
export interface Selection {
  sheet: string;
  range: CellRange;
}

/**
 * The one interface every workbook adapter implements: Office.js (src/excel), exceljs in Node and in the
 * browser (src/xlsx). The conformance suite in ./conformance.ts runs against each.
 */
export interface WorkbookPort {
  /** Every sheet's used range as plain grids (hidden and very-hidden sheets included, with their state). */
  readSheets(): Promise<SheetGrid[]>;
  /** The current selection, or null where there is none (a file on disk). */
  getSelection(): Promise<Selection | null>;
  /** Apply writes in one batch: values, formulas (with cached values where the adapter can) and number formats. */
  writeCells(writes: CellWrite[]): Promise<void>;
}
