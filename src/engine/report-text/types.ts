import type { CaptionLine } from '../model/table';

/** A line of the report kept with a table: a caption above it or a comment under it. */
export interface ReportLine {
  /** 1-based line number in the report text. */
  line: number;
  /** The line's text, cleaned (markup and bold marks removed, trimmed). */
  text: string;
  kind: CaptionLine['kind'];
}

/** One tab-separated table of the report. */
export interface ReportTable {
  /** 1-based line number of the table's first row. */
  line: number;
  /** Cleaned fields, one array per row, every row padded to `width`; '' stands for an empty (merged) field. */
  rows: string[][];
  width: number;
  /** Caption lines directly above the table, top to bottom (heading, amount, notes, unit, basis). */
  captions: ReportLine[];
  /** The heading that names the table (the caption of kind 'title' or 'amount'), if any. */
  title?: string;
  /** The unit its unit or basis line states: '천원' from "(단위 : 천원)", '건' from "(…, 단위 : 건)". */
  unit?: string;
  /** Lines right under the table that comment on it ("⇒ 종결사건(92건) 승소율 : 94.5%", "※ …"). */
  comments: ReportLine[];
  /**
   * Rows before the first row holding a figure beyond the first column (at least 1):
   * a deterministic guess used for header merges, not a detection result.
   */
  headerRows: number;
}

export interface ReportTextBlock {
  type: 'text';
  line: number;
  text: string;
}

export interface ReportTableBlock {
  type: 'table';
  table: ReportTable;
}

export type ReportBlock = ReportTextBlock | ReportTableBlock;

/** One department's part of the report ('기획예산과' and its teams). */
export interface ReportSection {
  department: string;
  /** 1-based line number of the department heading (0 for an implicit section without one). */
  line: number;
  teams: string[];
  /** Prose lines and tables in report order; lines kept as a table's captions or comments are not repeated here. */
  blocks: ReportBlock[];
  /** The section's tables in order (the same objects as in `blocks`). */
  tables: ReportTable[];
}

/** The bureau title page: '기획재정국' followed by its list of departments. */
export interface ReportBureau {
  name: string;
  line: number;
  departments: string[];
}

export interface ReportDocument {
  /** The report's first non-blank line. */
  title?: string;
  bureau?: ReportBureau;
  /** Text before the first section (title page). */
  preamble: ReportTextBlock[];
  sections: ReportSection[];
}
