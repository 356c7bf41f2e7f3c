import type { CellWrite, Finding, SheetGrid } from '../../engine';
import type { PaneError } from '../errors';

/** How many writes of each kind: what the preview says before anything is written. */
export interface FillCounts {
  /** Every cell to write. */
  writes: number;
  totals: number;
  rates: number;
  differences: number;
  captions: number;
  /** Typed constants that become formulas (they agree with the computed figure, or the user chose to overwrite). */
  toFormulas: number;
}

/** What Fill would do, computed on the grids it was planned on (kept, so the write can refuse a changed cell). */
export interface FillPreview {
  plannedOn: SheetGrid[];
  /** Tables the fill covers (the workbook's, or those the selection overlaps). */
  tables: number;
  /** The writes that leave every disagreeing typed constant alone. */
  writes: CellWrite[];
  counts: FillCounts;
  /** The writes when the user chose to overwrite the disagreeing constants too. */
  overwriteWrites: CellWrite[];
  overwriteCounts: FillCounts;
  /** fill.conflict findings: typed constants that disagree (expected = computed, actual = typed). */
  conflicts: Finding[];
}

export type FillScope = 'workbook' | 'table';

export type FillPhase =
  | { kind: 'none' }
  | { kind: 'busy'; step: 'planning' | 'applying' | 'undoing' }
  | { kind: 'preview'; scope: FillScope; preview: FillPreview; overwrite: boolean }
  | { kind: 'empty'; scope: FillScope }
  | { kind: 'done'; written: number; download?: { name: string; url: string } }
  | { kind: 'undone'; keptSheets?: string[] }
  | { kind: 'error'; error: PaneError };

export interface FillState {
  phase: FillPhase;
  /** Office: the log has an entry ("Undo last change" is enabled). */
  canUndo: boolean;
}

export interface FillActions {
  previewWorkbook(): Promise<void>;
  previewTable(): Promise<void>;
  setOverwrite(overwrite: boolean): void;
  apply(): Promise<void>;
  cancel(): void;
  undo(): Promise<void>;
}
