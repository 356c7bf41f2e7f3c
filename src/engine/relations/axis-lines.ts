/**
 * A table seen as lines: its body columns and its body rows, each with a header path, so that the
 * rate and 증감 rules can be written once and work whether a derived figure is a column or a row.
 */
import type { Cell, CellRef, SheetGrid } from '../grid/types';
import { memoByString } from '../labels/memo';
import type { TableLayout } from '../model/table';

export type Axis = 'col' | 'row';

/** One body column (axis 'col') or body row (axis 'row'). */
export interface Line {
  axis: Axis;
  /** Sheet column (axis 'col') or sheet row (axis 'row'). */
  index: number;
  /** Header path as drawn, outermost first. */
  path: string[];
  /** Header path normalised (no spaces, no markdown), outermost first; empty levels dropped. */
  norm: string[];
  /** The innermost normalised label ('' when the line has no header). */
  leaf: string;
  year?: number;
}

/** Spaces, markdown emphasis and full-width parentheses out; what people type differently in the same label. */
export const normalizeText = memoByString((text: string): string =>
  text
    .normalize('NFC')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[％]/g, '%')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ''),
);

const TOTAL_LABELS = new Set(['계', '합계', '총계', '소계', '총합계', '합', '전체', '누계']);

/** 계, 합계, 총계, 소계 … (after normalisation, with a trailing parenthetical allowed: '합계(A)'). */
export const isTotalLabel = memoByString((label: string): boolean =>
  TOTAL_LABELS.has(normalizeText(label).replace(/\([^)]*\)$/, '')),
);

function makeLine(axis: Axis, index: number, path: string[], year: number | undefined): Line {
  const norm = path.map(normalizeText).filter((p) => p !== '');
  const line: Line = { axis, index, path, norm, leaf: norm.length ? norm[norm.length - 1] : '' };
  if (year !== undefined) line.year = year;
  return line;
}

/** The numeric (non-label) columns of a table, left to right. */
export function columnLines(layout: TableLayout): Line[] {
  return layout.columns.filter((c) => !c.isLabel).map((c) => makeLine('col', c.col, c.path, c.year));
}

/** The body rows of a table, top to bottom. */
export function rowLines(layout: TableLayout): Line[] {
  return layout.rows.map((r) => makeLine('row', r.row, r.path, r.year));
}

/**
 * A table's column and row lines, each made once when first asked: the rules of one inference (rates, 증감,
 * captions) share them. The arrays are only read.
 */
export class TableLines {
  private cols: Line[] | undefined;
  private bodyRows: Line[] | undefined;

  constructor(private readonly layout: TableLayout) {}

  columns(): Line[] {
    return (this.cols ??= columnLines(this.layout));
  }

  rows(): Line[] {
    return (this.bodyRows ??= rowLines(this.layout));
  }

  /** The lines of one axis. */
  of(axis: Axis): Line[] {
    return axis === 'col' ? this.columns() : this.rows();
  }

  /** The lines crossing those of `axis`. */
  crossOf(axis: Axis): Line[] {
    return axis === 'col' ? this.rows() : this.columns();
  }

  /**
   * Whether any header label of the lines of `axis`, as drawn, passes `test`. A rule that needs a word in a
   * label asks this first: most tables have no such line, and then none of their lines is made. Labels repeat
   * from table to table, so `test` is best memoised (memoByString), normalising inside.
   */
  anyLabel(axis: Axis, test: (label: string) => boolean): boolean {
    if (axis === 'col') {
      for (const c of this.layout.columns) if (!c.isLabel && someLabel(c.path, test)) return true;
    } else {
      for (const r of this.layout.rows) if (someLabel(r.path, test)) return true;
    }
    return false;
  }
}

function someLabel(path: readonly string[], test: (label: string) => boolean): boolean {
  for (const label of path) if (test(label)) return true;
  return false;
}

/** A path's innermost normalised label, as its Line's `leaf` ('' when it has none). */
export function pathLeaf(path: readonly string[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const norm = normalizeText(path[i]);
    if (norm !== '') return norm;
  }
  return '';
}

/** How many levels of a path are left once normalised, as its Line's `norm.length`. */
export function pathDepth(path: readonly string[]): number {
  let n = 0;
  for (const label of path) if (normalizeText(label) !== '') n++;
  return n;
}

/** The lines of one axis. */
export function linesOf(layout: TableLayout, axis: Axis): Line[] {
  return axis === 'col' ? columnLines(layout) : rowLines(layout);
}

/** The lines crossing those of `axis` (rows for columns, columns for rows). */
export function crossLinesOf(layout: TableLayout, axis: Axis): Line[] {
  return axis === 'col' ? rowLines(layout) : columnLines(layout);
}

/** The cell where `line` meets `cross`. */
export function cellOf(line: Line, cross: Line, comp?: number): CellRef {
  const ref: CellRef = line.axis === 'col' ? { row: cross.index, col: line.index } : { row: line.index, col: cross.index };
  if (comp !== undefined) ref.comp = comp;
  return ref;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell | null {
  return sheet.cells[row]?.[col] ?? null;
}

/** The path without its last level, joined: lines with the same parent sit in the same header group. */
export function parentKey(line: Line): string {
  return line.norm.slice(0, -1).join('/');
}

/** Length of the common leading part of two paths. */
export function commonPrefix(a: Line, b: Line): number {
  let n = 0;
  while (n < a.norm.length && n < b.norm.length && a.norm[n] === b.norm[n]) n++;
  return n;
}

/** Family id for relations one rule proposed along one line. */
export function familyId(kind: string, line: Line): string {
  return `${kind}:${line.axis}${line.index}`;
}

/** Equal up to binary noise (values read from a spreadsheet, or computed here). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-11 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The year a header label names: '2020년', '2020', "'20", '2021년(예산)', '2018년 (2019년 예산)' (the first one).
 * Null for anything else ('2020. 10월말 기준' is a date, but its year still counts when it leads the label).
 */
export const yearInLabel = memoByString((label: string): number | null => {
  const text = normalizeText(label);
  const full = /^(?:\(?)((?:19|20)\d{2})(?:년|$|\(|\.|년도)/.exec(text);
  if (full) return Number(full[1]);
  const short = /^[‘'’](\d{2})(?:년|$|\(|\.)/.exec(text);
  if (short) return 2000 + Number(short[1]);
  return null;
});

/** Index of the path level that names the line's year (the line's own year field wins when set). */
export function yearLevel(line: Line): number {
  return line.norm.findIndex((p) => yearInLabel(p) !== null);
}

/**
 * The year of a line, as the layout says. Detection decides what is a year header; reading one out of any
 * label here would take dates in a label column ('2020. 3. 5.') for years.
 */
export function lineYear(line: Line): number | undefined {
  return line.year;
}
