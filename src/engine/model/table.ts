import type { CellRange, CellRef } from '../grid/types';

/** Table kind ids (a stable contract, see DESIGN.md "Structured sheets"). */
export const TABLE_KINDS = [
  'budget-by-year',
  'budget-size',
  'staffing',
  'pledge-counts',
  'participatory-budget',
  'lawsuits',
  'legal-advice',
  'bylaws',
  'council-sessions',
  'counts-by-field',
  'crosstab',
  'text',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** A line of text that belongs to a table but sits outside its range (above it, or a footnote under it). */
export interface CaptionLine {
  row: number;
  col: number;
  text: string;
  /**
   * title: a heading naming the table ("□ 2021년 소요예산 : 19,000천원" is also 'amount');
   * amount: a caption stating an amount to check against the table;
   * unit: "(단위 : 천원)"; basis: "(2020. 10월말 기준, 단위 : 건)" (may also carry a unit);
   * note: "※ …" or anything else; footnote: "1) …" under the table.
   */
  kind: 'title' | 'amount' | 'unit' | 'basis' | 'note' | 'footnote';
}

/** One header cell as drawn (after merges, or after blank-continuation of a pasted header). */
export interface HeaderCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** A body column of a table with its header path, outermost first: ['처리현황', '종결', '소계']. */
export interface ColumnInfo {
  col: number;
  path: string[];
  /** Year this column stands for, when its header names one ('2020년', "'20", '2021년(예산)'). */
  year?: number;
  /** True for label columns (left of the numeric body). */
  isLabel: boolean;
  /**
   * The column's own unit when the unit line names several ('(단위 : 건, 백만원)': 건수 → '건', 금액 → '백만원';
   * a rate column → '%'). Omitted when the table has one unit (see TableLayout.unit) or the column's is unclear.
   */
  unit?: string;
}

/** A body row with its label path, outermost first: ['2020', '계']. */
export interface RowInfo {
  row: number;
  path: string[];
  year?: number;
}

export type Evidence = 'label' | 'formula-header' | 'numbers' | 'spec';

/** Relations are cell-level equations; `family` groups the equations one rule proposed (one total column, say). */
export type Relation =
  | {
      type: 'sum';
      /** 'row': total and parts lie in one row (a total column); 'column': in one column (a total row); 'cell': anything else. */
      axis: 'row' | 'column' | 'cell';
      total: CellRef;
      parts: CellRef[];
      evidence: Evidence;
      family: string;
    }
  | {
      type: 'rate';
      target: CellRef;
      numerator: CellRef;
      denominator: CellRef;
      /** When present the rate is (numerator − subtract) / denominator: a 증감률 with no 증감 line to divide. */
      subtract?: CellRef;
      /** 100 when the rate is stored as a percentage number (84.5), 1 when stored as a fraction with a % format. */
      scale: 100 | 1;
      /** Decimal places the rate is stated with. */
      decimals: number;
      evidence: Evidence;
      family: string;
    }
  | {
      type: 'diff';
      target: CellRef;
      later: CellRef;
      earlier: CellRef;
      evidence: Evidence;
      family: string;
    }
  | {
      type: 'caption';
      /** The caption line's position (col is where its text sits). */
      caption: CellRef;
      /** The amount the caption states, in the table's unit. */
      amount: number;
      /** The table cell the caption refers to (계 row × the caption's year column). */
      cell: CellRef;
      year?: number;
      family: string;
    };

/** A table found on a sheet (or declared by a registered spec). */
export interface TableLayout {
  /** Stable within one check: `${sheet}!${A1 range}`. */
  id: string;
  sheet: string;
  /** Header rows + body, without captions and footnotes. */
  range: CellRange;
  /** Number of header rows at the top of `range`. */
  headerRows: number;
  /** Number of label columns at the left of `range`. */
  labelCols: number;
  kind: TableKind;
  /** The heading that names the table, if one was found. */
  title?: string;
  /**
   * '천원', '백만원', '억원', '원', '건', '명', '회' … from the unit line or the header. When the unit line names several
   * ('(단위 : 건, 백만원)'), the money unit: the one whose rounding matters (columns say their own, ColumnInfo.unit).
   */
  unit?: string;
  captions: CaptionLine[];
  headers: HeaderCell[];
  /** One entry per column of `range`, left to right. */
  columns: ColumnInfo[];
  /** One entry per body row (header rows excluded), top to bottom. */
  rows: RowInfo[];
}

/** A table with the relations inferred (or declared) for it. */
export interface Table extends TableLayout {
  relations: Relation[];
}
