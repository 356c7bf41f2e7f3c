/**
 * The structure of one block: header rows (labels at the top, no figures), label columns (row labels at the left),
 * the body, and whether it is a numeric table at all.
 */
import type { CellRange } from '../grid/types';
import type { ColumnInfo, HeaderCell, RowInfo } from '../model/table';
import { EMPTY, FIGURE, TEXT, YEAR, YEAR_NUMBER, ordinalOf, ordinalUnit } from './cell-class';
import { buildHeader, columnPath, columnYear } from './header';
import { KIND_GRADE, type LabelFacts, labelFacts } from './label-facts';
import { sharedPath } from './paths';
import type { SheetView } from './sheet-view';

export interface BlockLayout {
  range: CellRange;
  headerRows: number;
  labelCols: number;
  numeric: boolean;
  /** What each header cell's text says, by index into headers. */
  headerFacts: LabelFacts[];
  headers: HeaderCell[];
  columns: ColumnInfo[];
  rows: RowInfo[];
  /** Kind hints (label-facts.ts) of the header cells and of the row labels, ORed; header cells naming a grade. */
  hints: { header: number; rows: number; grades: number };
}

const SERIAL_HEADER = /^(연번|번호|순번|순위|no\.?|쪽|페이지|page|면)$/;
const YEAR_HEADER = /(연도|년도|연차|구분|year)/;

/**
 * What each body column holds, by class: column j's counts at STATS * j + FIGURES … EMPTIES. Scratch shared by
 * every block (see columnStats): valid until the next block is read.
 */
const STATS = 4;
const FIGURES = 0;
const TEXTS = 1;
const YEAR_NUMBERS = 2;
const EMPTIES = 3;
let statsScratch = new Int32Array(STATS * 16);

/** Figures in a row (bare years count only when they cannot be header years). */
function rowHasFigures(view: SheetView, range: CellRange, row: number): boolean {
  let years = 0;
  let min = Infinity;
  let max = -Infinity;
  // Counted ordinals in runs from 1 ('1회', '2회', '3회', or '1회 2회' under each year) are header labels.
  let ordinal = 0;
  let ordinalUnitWord = '';
  for (let c = range.c0; c <= range.c1; c++) {
    const cls = view.classCode(row, c);
    if (cls === FIGURE) {
      const n = c === range.c0 ? 0 : ordinalAt(view, row, c);
      // Each run counts on from 1 and has two ordinals at least.
      if (n === 0 || (n !== ordinal + 1 && !(n === 1 && ordinal >= 2))) return true;
      const unit = ordinalUnit(view.text(row, c));
      if (ordinal > 0 && unit !== ordinalUnitWord) return true;
      ordinalUnitWord = unit;
      ordinal = n;
      continue;
    }
    if (cls === YEAR_NUMBER) {
      if (c === range.c0) return true; // a year at the left edge is a row label of a body row
      const year = Number(view.text(row, c));
      years++;
      if (year < min) min = year;
      if (year > max) max = year;
    }
  }
  if (ordinal === 1) return true;
  // Header years lie close together; a duplicated or skipped year is still a header (year.sequence reports it).
  return years > 1 && max - min > MAX_YEAR_SPAN;
}

/** The number of an ordinal written as text ('2회' → 2), or 0 (see ordinalOf). */
function ordinalAt(view: SheetView, row: number, col: number): number {
  const v = view.cell(row, col)?.v;
  return typeof v === 'string' ? ordinalOf(view.text(row, col)) : 0;
}

/** Every figure of a body column is an ordinal, counting on from 1 (words such as 계 may come between). */
function ordinalColumn(view: SheetView, col: number, r0: number, r1: number): boolean {
  let ordinal = 0;
  let unit = '';
  for (let r = r0; r <= r1; r++) {
    if (view.classCode(r, col) !== FIGURE) continue;
    const n = ordinalAt(view, r, col);
    if (n !== ordinal + 1) return false;
    const word = ordinalUnit(view.text(r, col));
    if (ordinal > 0 && word !== unit) return false;
    unit = word;
    ordinal = n;
  }
  return ordinal >= 2;
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

/** One pass over the body, row by row (the order the sheet is stored in); column j (0-based in the block) at STATS * j. */
function columnStats(view: SheetView, range: CellRange, bodyStart: number): Int32Array {
  const width = range.c1 - range.c0 + 1;
  if (statsScratch.length < STATS * width) statsScratch = new Int32Array(STATS * Math.max(width, 2 * (statsScratch.length / STATS)));
  const stats = statsScratch;
  stats.fill(0, 0, STATS * width);
  const { classes, covered, cols } = view;
  for (let r = bodyStart; r <= range.r1; r++) {
    const base = r * cols + range.c0;
    for (let j = 0; j < width; j++) {
      const cls = covered !== null && covered[base + j] === 1 ? EMPTY : classes[base + j];
      const at = STATS * j;
      if (cls === FIGURE) stats[at + FIGURES]++;
      else if (cls === YEAR_NUMBER) stats[at + YEAR_NUMBERS]++;
      else if (cls === TEXT || cls === YEAR) stats[at + TEXTS]++;
      else stats[at + EMPTIES]++;
    }
  }
  return stats;
}

/** Every figure in the column's body is a whole number: an integer value, or digits only as text. */
function integersOnly(view: SheetView, range: CellRange, bodyStart: number, col: number): boolean {
  for (let r = bodyStart; r <= range.r1; r++) {
    if (view.isCovered(r, col) || view.classCode(r, col) !== FIGURE) continue;
    const v = view.cell(r, col)?.v;
    if (typeof v === 'number' && Number.isInteger(v)) continue;
    if (!/^\d+$/.test(view.text(r, col))) return false;
  }
  return true;
}

/** Label columns: from the left, columns whose body holds labels (words, years, serial numbers), not figures. */
function countLabelCols(
  view: SheetView,
  range: CellRange,
  headerRows: number,
  stats: Int32Array,
  pathKeys: readonly string[],
  serial: Uint8Array,
  width: number,
): number {
  let count = 0;
  for (let j = 0; j < width; j++) {
    const at = STATS * j;
    const figures = stats[at + FIGURES];
    const texts = stats[at + TEXTS];
    const yearNumbers = stats[at + YEAR_NUMBERS];
    const headerKey = pathKeys[j];
    const nextIsText = j + 1 < width && stats[at + STATS + FIGURES] === 0 && stats[at + STATS + TEXTS] > 0;
    if (figures === 0 && yearNumbers === 0 && texts > 0) count++;
    else if (figures === 0 && yearNumbers > 0 && (YEAR_HEADER.test(headerKey) || stats[at + EMPTIES] > 0 || nextIsText)) count++;
    else if (
      serial[j] === 1 &&
      texts === 0 &&
      integersOnly(view, range, range.r0 + headerRows, range.c0 + j) &&
      headerRows > 0
    ) {
      count++;
    }
    else break;
  }
  return Math.min(count, width - 1);
}

/**
 * A text table: no figures to check, more words than figures, or a list wrapped into side-by-side halves (a label
 * column's header again between the figures: '분야 | 한도액 | 분야 | 한도액'). A word column between figure
 * columns (추진방법 between 예산액 and 집행액) is only a remark column of a numeric table.
 */
function isNumericBody(stats: Int32Array, pathKeys: readonly string[], serial: Uint8Array, labelCols: number, width: number): boolean {
  let figures = 0;
  let words = 0;
  let firstQuantity = -1;
  let sandwichedText = false;
  let lastText = -1;
  let blank = true;
  for (let j = labelCols; j < width; j++) {
    const at = STATS * j;
    const figureCount = stats[at + FIGURES];
    const texts = stats[at + TEXTS];
    const numbers = figureCount + stats[at + YEAR_NUMBERS];
    if (numbers + texts !== 0) blank = false;
    const key = pathKeys[j];
    const remark = key.startsWith('비고');
    const quantity = numbers > 0 && numbers >= texts && serial[j] === 0;
    if (quantity) {
      figures += numbers;
      if (firstQuantity === -1) firstQuantity = j;
      if (lastText !== -1 && lastText > firstQuantity) sandwichedText = true;
    } else if (!remark && texts > figureCount && repeatsLabelHeader(pathKeys, labelCols, key)) {
      lastText = j;
    }
    if (!remark) words += texts;
  }
  // No quantity columns: a list, unless the body is wholly blank (a template waiting for figures).
  if (firstQuantity === -1) return blank;
  return !sandwichedText && figures > words;
}

/** A column header that names a label column again (the second half of a wrapped list). */
function repeatsLabelHeader(pathKeys: readonly string[], labelCols: number, key: string): boolean {
  if (key === '') return false;
  for (let j = 0; j < labelCols; j++) if (pathKeys[j] === key) return true;
  return false;
}

/** Column paths, their keys and whether each names a serial-number column, while a block is read, by column. */
const pathScratch: string[][] = [];
const keyScratch: string[] = [];
let serialScratch = new Uint8Array(16);

export function analyzeBlock(view: SheetView, range: CellRange): BlockLayout | null {
  const width = range.c1 - range.c0 + 1;
  const height = range.r1 - range.r0 + 1;
  if (width < 2 || height < 2) return null;
  const headerRows = countHeaderRows(view, range);
  const header = buildHeader(view, range, headerRows);
  // One comparison key per column path, shared by the label-column and numeric-body tests.
  const paths = pathScratch;
  const pathKeys = keyScratch;
  if (serialScratch.length < width) serialScratch = new Uint8Array(Math.max(width, 2 * serialScratch.length));
  const serial = serialScratch;
  for (let j = 0; j < width; j++) {
    const node = columnPath(header, j);
    paths[j] = node.path as string[];
    pathKeys[j] = node.key as string;
    // The same test for every table with this header path: asked once.
    node.serial ??= SERIAL_HEADER.test(node.key as string);
    serial[j] = node.serial ? 1 : 0;
  }
  const bodyStart = range.r0 + headerRows;
  const stats = columnStats(view, range, bodyStart);
  let labelCols = countLabelCols(view, range, headerRows, stats, pathKeys, serial, width);
  // Rows named by counted ordinals ('1회', '2회', '3회') next to figures, under a header: the first column is labels,
  // though each reads as a figure.
  if (
    labelCols === 0 &&
    headerRows > 0 &&
    width > 2 &&
    stats[FIGURES] > 1 &&
    stats[STATS + FIGURES] > 0 &&
    ordinalColumn(view, range.c0, bodyStart, range.r1)
  ) {
    labelCols = 1;
  }
  const numeric = isNumericBody(stats, pathKeys, serial, labelCols, width);

  const columns: ColumnInfo[] = new Array(width);
  for (let j = 0; j < width; j++) {
    const year = columnYear(header, j);
    const col = range.c0 + j;
    const isLabel = j < labelCols;
    columns[j] = year === null ? { col, path: paths[j], isLabel } : { col, path: paths[j], isLabel, year };
  }
  const hints = { header: 0, rows: 0, grades: 0 };
  for (const facts of header.facts) {
    hints.header |= facts.kind;
    if (facts.kind & KIND_GRADE) hints.grades++;
  }
  const rows = rowPaths(view, range, bodyStart, labelCols, hints);
  return { range, headerRows, labelCols, numeric, headerFacts: header.facts, headers: header.cells, columns, rows, hints };
}

/** Per label column while row paths are read: the row's own text, the group label carried down, a deeper label. */
const ownScratch: string[] = [];
const carriedScratch: (string | null)[] = [];
const deeperScratch: boolean[] = [];
/** A row's path labels while they are gathered (see sharedPath). */
const rowLabelScratch: string[] = [];

/**
 * Row label paths. A group label (any label column but the last) merged down, or left blank under a row that had
 * a group label and a sub-label, carries on to the rows below: ['2020', '계'], ['2020', '행정소송'].
 */
function rowPaths(
  view: SheetView,
  range: CellRange,
  bodyStart: number,
  labelCols: number,
  hints: BlockLayout['hints'],
): RowInfo[] {
  const rows: RowInfo[] = new Array(range.r1 - bodyStart + 1);
  const carried = carriedScratch;
  /** The row's own label texts, and whether a label column right of j has one (deeper[j]). */
  const own = ownScratch;
  const deeper = deeperScratch;
  for (let j = 0; j < labelCols; j++) {
    carried[j] = null;
    own[j] = '';
    deeper[j] = false;
  }
  const path = rowLabelScratch;
  for (let r = bodyStart; r <= range.r1; r++) {
    for (let j = 0; j < labelCols; j++) {
      const col = range.c0 + j;
      const m = view.merge(r, col);
      own[j] = m ? view.text(m.r0, m.c0) : view.text(r, col);
    }
    let seen = false;
    for (let j = labelCols - 1; j >= 0; j--) {
      deeper[j] = seen;
      if (own[j] !== '') seen = true;
    }
    let count = 0;
    let year: number | null = null;
    for (let j = 0; j < labelCols; j++) {
      let text = own[j];
      if (text === '' && j < labelCols - 1 && carried[j] !== null && deeper[j]) text = carried[j] as string;
      // A blank names no year and no label.
      if (text === '') continue;
      const facts = labelFacts(text);
      if (year === null) year = facts.year;
      const label = facts.label;
      if (label === '') continue;
      hints.rows |= facts.kind;
      if (count === 0 || path[count - 1] !== label) path[count++] = label;
    }
    // A group label carries on only when its row also had a deeper label (a '총계' spanning the label columns does not).
    for (let j = 0; j < labelCols - 1; j++) {
      if (own[j] !== '') carried[j] = deeper[j] ? own[j] : null;
    }
    const shared = sharedPath(path, count);
    // Made whole at once: a property added later costs the object a second allocation.
    rows[r - bodyStart] = year === null ? { row: r, path: shared } : { row: r, path: shared, year };
  }
  return rows;
}
