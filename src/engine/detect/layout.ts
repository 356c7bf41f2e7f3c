/**
 * The structure of one block: header rows (labels at the top, no figures), label columns (row labels at the left),
 * the body, and whether it is a numeric table at all.
 */
import type { CellRange } from '../grid/types';
import type { ColumnInfo, HeaderCell, RowInfo } from '../model/table';
import { labelKey, normalizeLabel, parseYearLabel } from '../labels';
import type { CellClass } from './cell-class';
import { buildHeader, columnPath, type HeaderGrid } from './header';
import type { SheetView } from './sheet-view';

export interface BlockLayout {
  range: CellRange;
  headerRows: number;
  labelCols: number;
  numeric: boolean;
  header: HeaderGrid;
  headers: HeaderCell[];
  columns: ColumnInfo[];
  rows: RowInfo[];
}

const SERIAL_HEADER = /^(연번|번호|순번|순위|no\.?|쪽|페이지|page|면)$/;
const YEAR_HEADER = /(연도|년도|연차|구분|year)/;

interface ColumnStats {
  figure: number;
  text: number;
  yearNumber: number;
  empty: number;
  integersOnly: boolean;
}

/** Figures in a row (bare years count only when they cannot be header years). */
function rowHasFigures(view: SheetView, range: CellRange, row: number): boolean {
  const years: number[] = [];
  for (let c = range.c0; c <= range.c1; c++) {
    const cls = view.classOf(row, c);
    if (cls === 'figure') return true;
    if (cls === 'yearNumber') {
      if (c === range.c0) return true; // a year at the left edge is a row label of a body row
      years.push(Number(view.text(row, c)));
    }
  }
  // Header years lie close together; a duplicated or skipped year is still a header (year.sequence reports it).
  return years.length > 1 && Math.max(...years) - Math.min(...years) > MAX_YEAR_SPAN;
}

/** Widest spread of bare years one header row holds (a ten-year plan and then some). */
const MAX_YEAR_SPAN = 15;

function rowHasOnlyFirstCell(view: SheetView, range: CellRange, row: number): boolean {
  if (view.text(row, range.c0) === '') return false;
  for (let c = range.c0 + 1; c <= range.c1; c++) if (view.isOccupied(row, c)) return false;
  return true;
}

/** Header rows: the rows at the top without figures. A table without any figures gets one header row (two when a pasted header continues into the second row). */
function countHeaderRows(view: SheetView, range: CellRange): number {
  const height = range.r1 - range.r0 + 1;
  let rows = 0;
  while (rows < height) {
    const row = range.r0 + rows;
    if (rowHasFigures(view, range, row)) break;
    if (rows > 0 && rowHasOnlyFirstCell(view, range, row)) break;
    rows++;
  }
  if (rows < height) return rows;
  // No figures anywhere: a text table.
  let header = 1;
  if (height > 2 && continuesHeader(view, range, range.r0, range.r0 + 1)) header = 2;
  return Math.min(header, height - 1);
}

/** True when `next` fills a cell left blank to the right of a text in `row` (a two-row pasted header). */
function continuesHeader(view: SheetView, range: CellRange, row: number, next: number): boolean {
  let afterText = false;
  for (let c = range.c0; c <= range.c1; c++) {
    const filled = view.text(row, c) !== '' || view.isCovered(row, c);
    if (filled) afterText = view.text(row, c) !== '';
    else if (afterText && view.text(next, c) !== '') return true;
  }
  return false;
}

function columnStats(view: SheetView, range: CellRange, bodyStart: number, col: number): ColumnStats {
  const stats: ColumnStats = { figure: 0, text: 0, yearNumber: 0, empty: 0, integersOnly: true };
  for (let r = bodyStart; r <= range.r1; r++) {
    const cls: CellClass = view.isCovered(r, col) ? 'empty' : view.classOf(r, col);
    if (cls === 'figure') {
      stats.figure++;
      const cell = view.cell(r, col);
      if (!(typeof cell?.v === 'number' && Number.isInteger(cell.v)) && !/^\d+$/.test(view.text(r, col))) stats.integersOnly = false;
    } else if (cls === 'yearNumber') stats.yearNumber++;
    else if (cls === 'text' || cls === 'year') stats.text++;
    else stats.empty++;
  }
  return stats;
}

/** Label columns: from the left, columns whose body holds labels (words, years, serial numbers), not figures. */
function countLabelCols(
  view: SheetView,
  range: CellRange,
  headerRows: number,
  stats: ColumnStats[],
  paths: string[][],
): number {
  const width = range.c1 - range.c0 + 1;
  let count = 0;
  for (let j = 0; j < width; j++) {
    const s = stats[j];
    const headerKey = labelKey(paths[j].join(''));
    const nextIsText = j + 1 < width && stats[j + 1].figure === 0 && stats[j + 1].text > 0;
    if (s.figure === 0 && s.yearNumber === 0 && s.text > 0) count++;
    else if (s.figure === 0 && s.yearNumber > 0 && (YEAR_HEADER.test(headerKey) || s.empty > 0 || nextIsText)) count++;
    else if (SERIAL_HEADER.test(headerKey) && s.text === 0 && s.integersOnly && headerRows > 0) count++;
    else break;
  }
  return Math.min(count, width - 1);
}

/** A text table: no figures to check, or words woven between the figures (a list laid out in columns). */
function isNumericBody(stats: ColumnStats[], paths: string[][], labelCols: number): boolean {
  let figures = 0;
  let words = 0;
  let firstQuantity = -1;
  let sandwichedText = false;
  let lastText = -1;
  for (let j = labelCols; j < stats.length; j++) {
    const s = stats[j];
    const key = labelKey(paths[j].join(''));
    const remark = /^비고/.test(key);
    const quantity = s.figure + s.yearNumber > 0 && s.figure + s.yearNumber >= s.text && !SERIAL_HEADER.test(key);
    if (quantity) {
      figures += s.figure + s.yearNumber;
      if (firstQuantity === -1) firstQuantity = j;
      if (lastText !== -1 && lastText > firstQuantity) sandwichedText = true;
    } else if (!remark && s.text > s.figure) {
      lastText = j;
    }
    if (!remark) words += s.text;
  }
  // No quantity columns: a list, unless the body is wholly blank (a template waiting for figures).
  if (firstQuantity === -1) return stats.slice(labelCols).every((s) => s.figure + s.yearNumber + s.text === 0);
  return !sandwichedText && figures > words;
}

export function analyzeBlock(view: SheetView, range: CellRange): BlockLayout | null {
  const width = range.c1 - range.c0 + 1;
  const height = range.r1 - range.r0 + 1;
  if (width < 2 || height < 2) return null;
  const headerRows = countHeaderRows(view, range);
  const header = buildHeader(view, range, headerRows);
  const paths: string[][] = [];
  for (let j = 0; j < width; j++) paths.push(columnPath(header, j));
  const bodyStart = range.r0 + headerRows;
  const stats: ColumnStats[] = [];
  for (let j = 0; j < width; j++) stats.push(columnStats(view, range, bodyStart, range.c0 + j));
  const labelCols = countLabelCols(view, range, headerRows, stats, paths);
  const numeric = isNumericBody(stats, paths, labelCols);

  const columns: ColumnInfo[] = paths.map((path, j) => {
    const info: ColumnInfo = { col: range.c0 + j, path, isLabel: j < labelCols };
    const year = yearOfPath(path);
    if (year !== null) info.year = year;
    return info;
  });
  const rows = rowPaths(view, range, bodyStart, labelCols);
  return { range, headerRows, labelCols, numeric, header, headers: header.cells, columns, rows };
}

/** The innermost year a path names. */
function yearOfPath(path: string[]): number | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const year = parseYearLabel(path[i]);
    if (year !== null) return year;
  }
  return null;
}

/**
 * Row label paths. A group label (any label column but the last) merged down, or left blank under a row that had
 * a group label and a sub-label, carries on to the rows below: ['2020', '계'], ['2020', '행정소송'].
 */
function rowPaths(view: SheetView, range: CellRange, bodyStart: number, labelCols: number): RowInfo[] {
  const rows: RowInfo[] = [];
  const carried: (string | null)[] = new Array(labelCols).fill(null);
  for (let r = bodyStart; r <= range.r1; r++) {
    const own: string[] = [];
    for (let j = 0; j < labelCols; j++) {
      const col = range.c0 + j;
      const m = view.merge(r, col);
      own.push(m ? view.text(m.r0, m.c0) : view.text(r, col));
    }
    const labels: string[] = [];
    for (let j = 0; j < labelCols; j++) {
      let text = own[j];
      if (text === '' && j < labelCols - 1 && carried[j] !== null && own.slice(j + 1).some((t) => t !== '')) {
        text = carried[j] as string;
      }
      labels.push(text);
    }
    // A group label carries on only when its row also had a deeper label (a '총계' spanning the label columns does not).
    for (let j = 0; j < labelCols - 1; j++) {
      if (own[j] !== '') carried[j] = own.slice(j + 1).some((t) => t !== '') ? own[j] : null;
    }
    const path: string[] = [];
    for (const text of labels) {
      const label = normalizeLabel(text);
      if (label !== '' && path[path.length - 1] !== label) path.push(label);
    }
    const info: RowInfo = { row: r, path };
    const year = yearOfRow(labels);
    if (year !== null) info.year = year;
    rows.push(info);
  }
  return rows;
}

function yearOfRow(labels: string[]): number | null {
  for (const label of labels) {
    const year = parseYearLabel(label);
    if (year !== null) return year;
  }
  return null;
}
