import type { CellRange } from '../../engine/grid/types';
import type { CellWrite } from '../../engine/model/cell-write';

/**
 * One structural change to a workbook, as data: the pane's template insert, adopt and report import each build
 * one, and the Office and standalone targets apply it (sheets first, then merges and names, then cells).
 */
export interface WorkbookChange {
  /** Sheets to add when missing (the registry sheet very hidden). */
  sheets: { name: string; state?: 'visible' | 'veryHidden' }[];
  merges: { sheet: string; range: CellRange }[];
  /** Workbook-scoped defined names to create or repoint: `RT_<id>` → 'Sheet'!$A$1:$F$4. */
  names: { name: string; reference: string }[];
  writes: CellWrite[];
  /** The sheet to show afterwards. */
  activate?: string;
}
