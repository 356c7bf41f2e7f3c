import type { CellRange, CellWrite, RegistryEntry, RegistryRead, SheetGrid, UndoEntry } from '../engine';
import type { UndoResult, UndoSummary, WorkbookChange } from './workbook-change';

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
  /**
   * The workbook's structured tables: the rows of the very-hidden sheet `_report_tables`, each range as its
   * `RT_<id>` defined name now holds it; unreadable rows and lost names come back as problems. Optional.
   */
  readRegistry?(): Promise<RegistryRead>;
  /** Make the registry exactly these entries (table rows and RT_ names; undo rows and other names untouched). */
  writeRegistry?(entries: RegistryEntry[]): Promise<void>;
  /** Merge these areas of a sheet (a template's headers); refused, changing nothing, over an existing merge. */
  mergeCells?(sheet: string, ranges: CellRange[]): Promise<void>;
  /**
   * Apply a structural change as one step of the workbook's undo log (kept in the very-hidden sheet, so it outlives
   * the pane and travels with the file): the entry records the cells it replaces and what structure it adds —
   * sheets, merges, registered tables and their names, a chart. Returns the entry (null for an empty change).
   */
  applyChange?(change: WorkbookChange, label: string): Promise<UndoEntry | null>;
  /**
   * Take back the newest logged change: its chart, merges, registered tables and names, cells, and the sheets it
   * added — except a sheet someone has typed in since, which is kept whole and named in the result.
   */
  undoLast?(): Promise<UndoResult>;
  /** How many changes the log can take back, and the newest. */
  peekUndo?(): Promise<UndoSummary>;
}
