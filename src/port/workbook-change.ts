import type { CellRange, CellWrite, RegistryEntry, UndoEntry } from '../engine';

/** A native chart a change draws (the bureau summary's totals by year). */
export interface ChartRequest {
  sheet: string;
  /** The data (a row of totals with seriesBy 'Rows'). */
  range: CellRange;
  /** The chart's name: a change naming a chart that exists points it at the new data instead of adding another. */
  name: string;
  title?: string;
  seriesBy?: 'Auto' | 'Columns' | 'Rows';
  /** Cells naming the points (the header's years). */
  categories?: CellRange | null;
}

/**
 * One structural change to a workbook, as data: a template insert, an adopt, a report import or the bureau
 * summary. An adapter applies it as one undoable step (see WorkbookPort.applyChange).
 */
export interface WorkbookChange {
  /** Sheets the change adds (they must not exist yet; the registry sheet is the adapter's business). */
  sheets: { name: string; state?: 'visible' | 'veryHidden' }[];
  merges: { sheet: string; range: CellRange }[];
  /** Tables to register: a registry row each and the defined name `RT_<id>` for its range. */
  register: RegistryEntry[];
  /** Cell writes (never to the registry sheet). */
  writes: CellWrite[];
  chart?: ChartRequest;
  /** The sheet to show afterwards. */
  activate?: string;
}

/** What "Undo last change" shows next to its button. */
export interface UndoSummary {
  count: number;
  last: { id: string; label: string; time: string; cells: number } | null;
}

/** What an undo did: the entry taken back (null: nothing to undo), and added sheets kept because someone typed in them. */
export interface UndoResult {
  entry: UndoEntry | null;
  keptSheets: string[];
}
