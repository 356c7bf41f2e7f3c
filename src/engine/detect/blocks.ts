/**
 * Blocks: rectangles of touching non-empty cells (4-neighbours, merged areas count as filled). Two tables side by
 * side with an empty column between them are two blocks. Caption lines glued to a block (a title in A1 directly
 * above, a footnote directly under, a unit line between two stacked tables) are peeled off, and what remains is
 * split again.
 */
import type { CellRange } from '../grid/types';
import { type CaptionFacts, captionFacts, parseYearLabel } from '../labels';
import { EMPTY, FIGURE, YEAR, YEAR_NUMBER, isSpace } from './cell-class';
import type { SheetView } from './sheet-view';

/**
 * Rows to leave out of a search for blocks: marks[row - base] is 1 for a caption row that splits a block. Null for
 * none (the usual case, so nothing is allocated for it).
 */
export interface SkipRows {
  base: number;
  marks: Uint8Array;
}

function skipped(skip: SkipRows | null, row: number): boolean {
  if (skip === null) return false;
  const i = row - skip.base;
  return i >= 0 && i < skip.marks.length && skip.marks[i] === 1;
}

/** Largest area (in cells) whose search grids are kept between searches: some 2 MB. */
const MAX_KEPT_SCRATCH = 1 << 18;

/**
 * Scratch of findBlocks, grown as needed (an area's cells: 1 usable, 2 seen; a stack of cells to visit): a search
 * is over before the next one starts.
 */
let usableScratch = new Uint8Array(1024);
let stackScratch = new Int32Array(2 * 1024);

/** Connected components of occupied cells inside `area`, skipping `skip`'s rows; their bounding boxes, merged when they overlap. */
export function findBlocks(view: SheetView, area: CellRange, skip: SkipRows | null = null): CellRange[] {
  const width = area.c1 - area.c0 + 1;
  const height = area.r1 - area.r0 + 1;
  if (width <= 0 || height <= 0) return [];
  const cols = view.cols;
  // usable[key] for key = (r - area.r0) * width + (c - area.c0): occupied and not in a skipped row. Cells outside
  // the sheet are never occupied.
  const whole = skip === null && area.r0 === 0 && area.c0 === 0 && area.r1 === view.rows - 1 && area.c1 === cols - 1;
  const size = width * height;
  if (usableScratch.length < size && size <= MAX_KEPT_SCRATCH) {
    usableScratch = new Uint8Array(Math.min(MAX_KEPT_SCRATCH, Math.max(size, 2 * usableScratch.length)));
    stackScratch = new Int32Array(2 * usableScratch.length);
  }
  // A huge area gets grids of its own, dropped after the search, rather than keeping megabytes for good.
  const kept = size <= usableScratch.length;
  const usable = kept ? usableScratch : new Uint8Array(size);
  if (whole) usable.set(view.occupied);
  else {
    usable.fill(0, 0, size);
    for (let r = Math.max(area.r0, 0); r <= area.r1 && r < view.rows; r++) {
      if (skipped(skip, r)) continue;
      const from = r * cols;
      const to = (r - area.r0) * width - area.c0;
      for (let c = Math.max(area.c0, 0); c <= area.c1 && c < cols; c++) usable[to + c] = view.occupied[from + c];
    }
  }
  const boxes: CellRange[] = [];
  // Cells waiting to be visited, as (row, column) pairs inside the area; each cell enters at most once.
  const stack = kept ? stackScratch : new Int32Array(2 * size);
  for (let i = 0, start = 0; i < height; i++) {
    for (let j = 0; j < width; j++, start++) {
      if (usable[start] !== 1) continue;
      usable[start] = 2; // 2: seen
      let top = 0;
      stack[top++] = i;
      stack[top++] = j;
      let i0 = i;
      let j0 = j;
      let i1 = i;
      let j1 = j;
      while (top > 0) {
        const y = stack[top - 2];
        const x = stack[top - 1];
        top -= 2;
        if (y < i0) i0 = y;
        if (y > i1) i1 = y;
        if (x < j0) j0 = x;
        if (x > j1) j1 = x;
        const key = y * width + x;
        if (y > 0 && usable[key - width] === 1) {
          usable[key - width] = 2;
          stack[top++] = y - 1;
          stack[top++] = x;
        }
        if (y + 1 < height && usable[key + width] === 1) {
          usable[key + width] = 2;
          stack[top++] = y + 1;
          stack[top++] = x;
        }
        if (x > 0 && usable[key - 1] === 1) {
          usable[key - 1] = 2;
          stack[top++] = y;
          stack[top++] = x - 1;
        }
        if (x + 1 < width && usable[key + 1] === 1) {
          usable[key + 1] = 2;
          stack[top++] = y;
          stack[top++] = x + 1;
        }
      }
      boxes.push({ r0: area.r0 + i0, c0: area.c0 + j0, r1: area.r0 + i1, c1: area.c0 + j1 });
    }
  }
  return joinSpacedHeaders(view, mergeOverlapping(boxes, looseCaptions(view, boxes)), skip);
}

/** Most header rows a table has (the lawsuit table's three, and some). */
const MAX_HEADER_ROWS = 4;

/** Most caption lines that touch a header block (they are peeled off later). */
const MAX_GLUED_CAPTIONS = 4;

/** Most blank rows a paste leaves between a header and its body. */
const MAX_SPACER_ROWS = 2;

/**
 * A header block and the body under it, one or two blank spacer rows apart ('구분 | 계 | 매매' / blank / '계 | 60 | 40'),
 * are one table; so are body rows set apart by one blank row. The upper block must look like a header (no figures,
 * its last row two labels or more over the body's columns) or end with body rows, and the lower one must start with
 * figures: a blank row before a title, caption or a new header still separates two tables.
 */
function joinSpacedHeaders(view: SheetView, boxes: CellRange[], skip: SkipRows | null): CellRange[] {
  const n = boxes.length;
  if (n < 2) return boxes;
  // Box indices by bottom row (then by index): the candidates for a header ending on a given row lie together.
  // Joining moves tops only, so the order holds throughout.
  const byBottom = new Int32Array(n);
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    byBottom[i] = i;
    if (i > 0 && boxes[i - 1].r1 > boxes[i].r1) inOrder = false;
  }
  // Boxes often come out in that order already; a typed array's sort with a comparator costs much even then.
  if (!inOrder) byBottom.sort((a, b) => boxes[a].r1 - boxes[b].r1 || a - b);
  let joined = false;
  for (const body of boxes) {
    for (let gap = 1; gap <= MAX_SPACER_ROWS; gap++) {
      if (!joinAbove(view, boxes, byBottom, body, gap, skip)) continue;
      joined = true;
      break;
    }
  }
  // The rest of a body split by a blank column now lies inside the joined block: merge it in.
  return joined ? mergeOverlapping(boxes.filter((b) => b.r0 <= b.r1)) : boxes;
}

/** The first position in byBottom whose box ends on `row` or below. */
function firstEndingOn(boxes: readonly CellRange[], byBottom: Int32Array, row: number): number {
  let lo = 0;
  let hi = byBottom.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boxes[byBottom[mid]].r1 < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Header boxes over one body (see joinAbove), by index into boxes. */
const overScratch: number[] = [];

/**
 * Joins to `body` the header ending `gap` blank rows above it, if there is one; true when it did. A header row with
 * a blank cell in it (a blank corner, a pasted group header) may lie in several blocks: all of those over the body's
 * columns make the header.
 */
function joinAbove(
  view: SheetView,
  boxes: CellRange[],
  byBottom: Int32Array,
  body: CellRange,
  gap: number,
  skip: SkipRows | null,
): boolean {
  const bottom = body.r0 - gap - 1;
  let k = firstEndingOn(boxes, byBottom, bottom);
  if (k === byBottom.length || boxes[byBottom[k]].r1 !== bottom) return false;
  for (let r = body.r0 - gap; r < body.r0; r++) if (skipped(skip, r)) return false;
  const over = overScratch;
  let count = 0;
  for (; k < byBottom.length && boxes[byBottom[k]].r1 === bottom; k++) {
    const head = boxes[byBottom[k]];
    if (head.r0 <= head.r1 && head.c1 >= body.c0 - 1 && head.c0 <= body.c1 + 1) over[count++] = byBottom[k];
  }
  if (count === 0) return false;
  let head: CellRange = boxes[over[0]];
  if (count > 1) {
    head = { ...head };
    for (let o = 0; o < count; o++) {
      const b = boxes[over[o]];
      head.r0 = Math.min(head.r0, b.r0);
      head.c0 = Math.min(head.c0, b.c0);
      head.c1 = Math.max(head.c1, b.c1);
    }
  }
  if (!(headsBody(view, head, body) || (gap === 1 && count === 1 && continuesBody(view, head, body)))) return false;
  // The spacer rows are blank across both (another block may end or start beside them).
  const c0 = Math.min(head.c0, body.c0);
  const c1 = Math.max(head.c1, body.c1);
  for (let r = body.r0 - gap; r < body.r0; r++) if (scanRow(view, r, c0, c1, 1).count !== 0) return false;
  body.r0 = head.r0;
  body.c0 = c0;
  body.c1 = c1;
  for (let o = 0; o < count; o++) boxes[over[o]].r0 = boxes[over[o]].r1 + 1; // emptied: taken into the body's block
  return true;
}

/**
 * Body rows a blank row under a table's figures, in the table's columns ('계' set apart at the bottom, or the rows
 * under a 계 row on top): the same table. A new table would start with its header or title, not with figures.
 */
function continuesBody(view: SheetView, above: CellRange, below: CellRange): boolean {
  if (below.c0 !== above.c0 || below.c1 > above.c1 || below.c1 < above.c1 - 1) return false;
  const first = scanRow(view, below.r0, below.c0, below.c1);
  // A row label then figures, as the rows above have them.
  if (!first.figure || first.first !== below.c0 || view.classCode(below.r0, below.c0) === FIGURE) return false;
  return scanRow(view, above.r1, above.c0, above.c1).figure && view.classCode(above.r1, above.c0) !== FIGURE;
}

function headsBody(view: SheetView, head: CellRange, body: CellRange): boolean {
  // Caption lines glued on top of the header (a title merged across, a unit line on the header) come with it.
  if (head.r1 - head.r0 >= MAX_HEADER_ROWS + MAX_GLUED_CAPTIONS) return false;
  // Over the body's columns, starting with them (a blank corner aside). The body may stop short of the header's
  // right end: a column left blank (zero as blank) splits the body rows into blocks, which the header spans.
  if (head.c0 < body.c0 - 1 || head.c0 > body.c0 + 1 || head.c1 < body.c1 - 1) return false;
  if (!scanRow(view, body.r0, body.c0, body.c1).figure) return false;
  for (let r = head.r0; r <= head.r1; r++) if (scanRow(view, r, head.c0, head.c1).figure) return false;
  const last = scanRow(view, head.r1, head.c0, head.c1);
  if (last.count >= 2) return true;
  // One label over a merged area across the columns (a merged header cell) also reads as a header row.
  const merge = last.first === -1 ? undefined : view.merge(head.r1, last.first);
  return merge !== undefined && merge.c1 > merge.c0;
}

/** A cell over an empty column whose neighbours below are both filled: a line over the gap between two tables. */
function overSpacer(view: SheetView, row: number, col: number): boolean {
  return !view.isOccupied(row + 1, col) && view.isOccupied(row + 1, col - 1) && view.isOccupied(row + 1, col + 1);
}

/**
 * Single cells holding a marked caption line ('○ B표', '(단위 : 천원)'), or any line over the empty column between two
 * tables side by side (the right one's title typed one column early): such a cell must not glue the tables, so it
 * joins a block only from above or below. Null for none (the usual case).
 */
function looseCaptions(view: SheetView, boxes: readonly CellRange[]): Set<CellRange> | null {
  let loose: Set<CellRange> | null = null;
  for (const box of boxes) {
    if (box.r0 !== box.r1 || box.c0 !== box.c1) continue;
    const cls = view.classCode(box.r0, box.c0);
    if (cls === EMPTY || cls === FIGURE || view.merge(box.r0, box.c0) !== undefined) continue;
    if (!overSpacer(view, box.r0, box.c0) && !isMarkedLine(view.text(box.r0, box.c0))) continue;
    loose ??= new Set();
    loose.add(box);
  }
  return loose;
}

/**
 * Boxes that overlap, or lie side by side with no empty row or column between them (corners touching do not count).
 * A pasted header leaves blanks that cut cells off: the label column under a blank corner (재원별 over a blank, then
 * 계), or a 비고 header over an empty column after a group header's blank continuation. Tables side by side stay
 * apart: an empty column lies between them.
 */
function touches(a: CellRange, b: CellRange): boolean {
  const rowsOverlap = a.r0 <= b.r1 && b.r0 <= a.r1;
  const colsOverlap = a.c0 <= b.c1 && b.c0 <= a.c1;
  const rowsTouch = a.r0 <= b.r1 + 1 && b.r0 <= a.r1 + 1;
  const colsTouch = a.c0 <= b.c1 + 1 && b.c0 <= a.c1 + 1;
  return (rowsOverlap && colsTouch) || (rowsTouch && colsOverlap);
}

/** Boxes top to bottom, then left to right (most often already so: then the sort is skipped). */
function byPosition(boxes: CellRange[]): CellRange[] {
  for (let i = 1; i < boxes.length; i++) {
    const a = boxes[i - 1];
    const b = boxes[i];
    if (a.r0 > b.r0 || (a.r0 === b.r0 && a.c0 > b.c0)) return boxes.sort((x, y) => x.r0 - y.r0 || x.c0 - y.c0);
  }
  return boxes;
}

/** Whether b touches a only side by side (rows overlap, no column in common). */
function sideBySide(a: CellRange, b: CellRange): boolean {
  return !(a.c0 <= b.c1 && b.c0 <= a.c1);
}

/** Boxes of the sweep that may still touch the next box (see mergeOverlapping), in the order they were kept. */
const activeScratch: CellRange[] = [];

/**
 * Boxes that touch become one (a sweep over rows keeps this near-linear); `loose` boxes only from above or below.
 * Works in place: `boxes` is reordered and the boxes merged into another are dropped from it.
 */
function mergeOverlapping(boxes: CellRange[], loose: Set<CellRange> | null = null): CellRange[] {
  const current = byPosition(boxes);
  const active = activeScratch;
  for (let changed = true; changed; ) {
    changed = false;
    let kept = 0;
    let live = 0;
    for (let k = 0; k < current.length; k++) {
      const box = current[k];
      let stillLive = 0;
      for (let i = 0; i < live; i++) if (active[i].r1 + 1 >= box.r0) active[stillLive++] = active[i];
      live = stillLive;
      let hit: CellRange | undefined;
      for (let i = 0; i < live && hit === undefined; i++) {
        const other = active[i];
        if (!touches(other, box)) continue;
        if (loose !== null && (loose.has(other) || loose.has(box)) && sideBySide(other, box)) continue;
        hit = other;
      }
      if (hit) {
        loose?.delete(hit);
        hit.r0 = Math.min(hit.r0, box.r0);
        hit.c0 = Math.min(hit.c0, box.c0);
        hit.r1 = Math.max(hit.r1, box.r1);
        hit.c1 = Math.max(hit.c1, box.c1);
        changed = true;
        continue;
      }
      current[kept++] = box;
      active[live++] = box;
    }
    current.length = kept;
    byPosition(current);
  }
  // The scratch keeps no sheet's boxes alive.
  active.fill(EMPTY_BOX);
  return current;
}

const EMPTY_BOX: CellRange = { r0: 0, c0: 0, r1: -1, c1: -1 };

/**
 * What one row of a box holds, counting the cells with a value (cells covered by a merge are left out). Filled by
 * scanRow into one shared object: these questions are asked for every row of every block, and most rows are table
 * rows whose first two cells already rule out a caption line.
 */
interface RowSummary {
  /** Cells with a value (stops growing at the scan's limit). */
  count: number;
  /** Some of them are figures. */
  figure: boolean;
  /** Column of the first and second of them, -1 for none. */
  first: number;
  second: number;
}

const summary: RowSummary = { count: 0, figure: false, first: -1, second: -1 };

function scanRow(view: SheetView, row: number, c0: number, c1: number, limit = Infinity): RowSummary {
  summary.count = 0;
  summary.figure = false;
  summary.first = -1;
  summary.second = -1;
  if (row < 0 || row >= view.rows) return summary;
  const base = row * view.cols;
  const { occupied, classes, covered } = view;
  const last = Math.min(c1, view.cols - 1);
  for (let c = Math.max(c0, 0); c <= last && summary.count < limit; c++) {
    const key = base + c;
    if (occupied[key] !== 1 || (covered !== null && covered[key] === 1)) continue;
    const cls = classes[key];
    if (cls === EMPTY) continue;
    if (cls === FIGURE) summary.figure = true;
    if (summary.count === 0) summary.first = c;
    else if (summary.count === 1) summary.second = c;
    summary.count++;
  }
  return summary;
}

/** Whether a row of a box holds a figure. */
function hasFigure(view: SheetView, row: number, c0: number, c1: number): boolean {
  return scanRow(view, row, c0, c1).figure;
}

/** Whether every value cell of a row passes `test` (figures read as ''), for the rare rows that need them all. */
function everyRowText(view: SheetView, row: number, c0: number, c1: number, test: (text: string) => boolean): boolean {
  for (let c = c0; c <= c1; c++) {
    if (!view.isOccupied(row, c) || view.isCovered(row, c)) continue;
    const cls = view.classCode(row, c);
    if (cls !== EMPTY && !test(cls === FIGURE ? '' : view.text(row, c))) return false;
  }
  return true;
}

/** A caption by its own words: unit/basis/amount/heading/footnote lines, notes (※ …) and bullets (- …). */
function captionLike(facts: CaptionFacts): boolean {
  return facts.kind !== 'note' || facts.noteMark || facts.bullet;
}

function isTopCaptionRow(view: SheetView, box: CellRange, row: number): boolean {
  const { count, figure, first } = scanRow(view, row, box.c0, box.c1);
  if (count === 0) return true;
  if (figure) return false;
  if (count === 1) {
    const merge = view.merge(row, first);
    if (merge && merge.r1 > row) return false; // merged down: a header cell
    if (captionLike(captionFacts(view.text(row, first)))) return true;
    const fullWidth = merge !== undefined && merge.c0 <= box.c0 && merge.c1 >= box.c1;
    // Alone at the left edge (or across the whole width): a title typed above the table.
    return fullWidth || first === box.c0;
  }
  // Titles and unit lines of tables side by side, all in one row ('○ A표 … (단위 : 건) ○ B표 … (단위 : 건)').
  if (isMarkedLine(view.text(row, first)) && everyRowText(view, row, box.c0, box.c1, isMarkedLine)) return true;
  // Most such rows are a header's first row: rule out a unit line before asking about every text.
  if (count <= 3 && !everyRowText(view, row, box.c0, box.c1, cannotBeUnitLine)) {
    // A unit or basis line beside at most one plain text (a title typed on the same row).
    let unitOrBasis = false;
    let plain = 0;
    for (let c = box.c0; c <= box.c1; c++) {
      if (!view.isOccupied(row, c) || view.isCovered(row, c)) continue;
      const cls = view.classCode(row, c);
      if (cls === EMPTY) continue;
      const facts = captionFacts(cls === FIGURE ? '' : view.text(row, c));
      if (facts.kind === 'unit' || facts.kind === 'basis') unitOrBasis = true;
      if (!captionLike(facts)) plain++;
    }
    if (unitOrBasis) return plain <= 1;
  }
  return false;
}

function hasNoteMark(text: string): boolean {
  return captionFacts(text).noteMark;
}

/** A line with a caption's own mark: a heading, note or footnote mark, or a unit, basis or amount line. */
function isMarkedLine(text: string): boolean {
  const facts = captionFacts(text);
  const kind = facts.kind;
  return facts.headingMark || facts.noteMark || kind === 'unit' || kind === 'basis' || kind === 'amount';
}

/**
 * True for a text that cannot be a unit or basis line: those open with a bracket or 단 once bold marks and spaces
 * are cleaned off (see classifyCaption), so the first other character tells.
 */
function cannotBeUnitLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x2a || isSpace(ch)) continue; // '*' or a space
    // ( （ [ < 〈 《 ［ 단
    return !(ch === 0x28 || ch === 0xff08 || ch === 0x5b || ch === 0x3c || ch === 0x3008 || ch === 0x300a || ch === 0xff3b || ch === 0xb2e8);
  }
  return true;
}

function isBottomCaptionRow(view: SheetView, box: CellRange, row: number): boolean {
  const { count, figure, first } = scanRow(view, row, box.c0, box.c1);
  if (count === 0) return true;
  if (figure) return false;
  if (count === 1) {
    const facts = captionFacts(view.text(row, first));
    return captionLike(facts) || facts.clean.length >= 25;
  }
  return everyRowText(view, row, box.c0, box.c1, hasNoteMark);
}

/** The text of a row's only value cell, or null when it has none, several, or a figure. */
function loneText(view: SheetView, row: number, c0: number, c1: number): string | null {
  const { count, figure, first } = scanRow(view, row, c0, c1, 2);
  return count === 1 && !figure ? view.text(row, first) : null;
}

/** A caption line by its own marks: unit, basis, amount, heading, note, footnote, bullet. */
function isMarkedCaption(text: string, facts: CaptionFacts): boolean {
  const kind = facts.kind;
  if (kind === 'unit' || kind === 'basis' || kind === 'amount' || kind === 'footnote') return true;
  return facts.headingMark || facts.noteMark || (facts.bullet && text.length >= 10);
}

/** A caption line inside a block: a row whose only cell is a marked caption. */
function isMarkedCaptionRow(view: SheetView, box: CellRange, row: number): boolean {
  const text = loneText(view, row, box.c0, box.c1);
  return text !== null && isMarkedCaption(text, captionFacts(text));
}

const MAX_DEPTH = 64;

/** Longest section label a table carries in a row of its own ('1. 일반회계', '【특별회계】'). */
const SECTION_LABEL_MAX = 12;

/**
 * A row inside a block that separates two tables packed without blank rows: a marked caption line, or a plain line
 * (a title such as '주요사업 목록') right after figures and right before another caption line or a header row.
 */
function isSplitRow(view: SheetView, box: CellRange, row: number): boolean {
  const own = loneText(view, row, box.c0, box.c1);
  if (own === null) return false;
  const facts = captionFacts(own);
  const kind = facts.kind;
  if (kind === 'unit' || kind === 'basis' || kind === 'amount' || kind === 'footnote' || facts.noteMark) return true;
  const { figure: afterFigure, count: afterCount } = scanRow(view, row + 1, box.c0, box.c1);
  // A short line with figures right after it is a section label inside the table ('1. 일반회계', '<특별회계>').
  if (afterFigure && facts.clean.length <= SECTION_LABEL_MAX) return false;
  if (isMarkedCaption(own, facts)) return true;
  if (!hasFigure(view, row - 1, box.c0, box.c1)) return false;
  return isMarkedCaptionRow(view, box, row + 1) || afterCount >= 2;
}

/**
 * Peel caption rows off a block's top and bottom and split it at caption rows inside it; the rest is searched for
 * blocks again (a title merged across two side-by-side tables glued them). Blocks smaller than 2×2 are dropped.
 */
export function refineBlock(view: SheetView, box: CellRange, depth = 0): CellRange[] {
  if (box.r1 - box.r0 < 1 || box.c1 - box.c0 < 1) return [];
  let top = box.r0;
  let bottom = box.r1;
  while (top < bottom && isTopCaptionRow(view, box, top)) top++;
  while (bottom > top && isBottomCaptionRow(view, box, bottom)) bottom--;
  let skip: SkipRows | null = null;
  for (let r = top + 1; r < bottom; r++) {
    if (!isSplitRow(view, box, r)) continue;
    skip ??= { base: box.r0, marks: new Uint8Array(box.r1 - box.r0 + 1) };
    skip.marks[r - box.r0] = 1;
  }
  const cuts = yearHeaderCuts(view, box, top, bottom, skip);
  if (top === box.r0 && bottom === box.r1 && skip === null && cuts.length === 0) return [box];
  // Every step below works on a strictly smaller area, so this only guards against a mistake.
  if (depth > MAX_DEPTH || bottom - top < 1) return [];
  if (cuts.length > 0) {
    const starts = [top, ...cuts];
    return starts.flatMap((r0, i) => {
      const area = { r0, c0: box.c0, r1: i + 1 < starts.length ? starts[i + 1] - 1 : bottom, c1: box.c1 };
      return findBlocks(view, area, skip).flatMap((b) => refineBlock(view, b, depth + 1));
    });
  }
  const area = { r0: top, c0: box.c0, r1: bottom, c1: box.c1 };
  if (skip === null && !bridges(view, box, top, bottom)) {
    // Only lone caption cells came off the edges: what remains is still one block, just tighter.
    const tight = tighten(view, area);
    // With the same columns, refining again would ask every row the same questions (they depend on the box's
    // columns only) and get the same answers: nothing more comes off.
    if (tight.c0 === box.c0 && tight.c1 === box.c1) return [tight];
    return refineBlock(view, tight, depth + 1);
  }
  return findBlocks(view, area, skip).flatMap((b) => refineBlock(view, b, depth + 1));
}

/**
 * Rows, below figures, that are year headers ('구분 | 2019년 | 2020년'): tables stacked right under one another without
 * a blank or caption row between them.
 */
function yearHeaderCuts(view: SheetView, box: CellRange, top: number, bottom: number, skip: SkipRows | null): number[] {
  const cuts: number[] = [];
  for (let r = top + 2; r < bottom; r++) {
    if (skipped(skip, r) || skipped(skip, r - 1) || (cuts.length > 0 && r - cuts[cuts.length - 1] < 2)) continue;
    if (isYearHeaderRow(view, box, r) && hasFigure(view, r - 1, box.c0, box.c1)) cuts.push(r);
  }
  return cuts;
}

/** Bare years of a header a few years apart at most. */
const MAX_HEADER_YEAR_STEP = 5;

function isYearHeaderRow(view: SheetView, box: CellRange, row: number): boolean {
  // Strictly one way, a few years apart: cutting a table in two needs a clear header, not body figures near 2000.
  let count = 0;
  let previous = 0;
  let step = 0;
  for (let c = box.c0 + 1; c <= box.c1; c++) {
    const cls = view.classCode(row, c);
    if (cls === FIGURE) return false;
    let year: number;
    if (cls === YEAR) year = parseYearLabel(view.text(row, c)) ?? 0;
    else if (cls === YEAR_NUMBER) year = Number(view.text(row, c));
    else continue;
    if (count === 1) step = Math.sign(year - previous);
    if (count >= 1) {
      const d = year - previous;
      if (d === 0 || Math.sign(d) !== step || Math.abs(d) > MAX_HEADER_YEAR_STEP) return false;
    }
    previous = year;
    count++;
  }
  if (count < 2) return false;
  return view.classCode(row, box.c0) !== FIGURE;
}

/** Whether a peeled row could have joined two blocks: two touching cells side by side, or a merge across columns. */
function bridges(view: SheetView, box: CellRange, top: number, bottom: number): boolean {
  for (let r = box.r0; r <= box.r1; r++) {
    if (r >= top && r <= bottom) continue;
    for (let c = box.c0; c <= box.c1; c++) {
      if (!view.isOccupied(r, c)) continue;
      if (c < box.c1 && view.isOccupied(r, c + 1)) return true;
      const m = view.merge(r, c);
      if (m && m.c0 !== m.c1) return true;
    }
  }
  return false;
}

/** The bounding box of the occupied cells of `area`. */
function tighten(view: SheetView, area: CellRange): CellRange {
  let c0 = area.c1;
  let c1 = area.c0;
  const { occupied, cols } = view;
  const lastRow = Math.min(area.r1, view.rows - 1);
  const lastCol = Math.min(area.c1, cols - 1);
  for (let r = Math.max(area.r0, 0); r <= lastRow; r++) {
    const base = r * cols;
    for (let c = Math.max(area.c0, 0); c <= lastCol; c++) {
      if (occupied[base + c] !== 1) continue;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  return c1 < c0 ? area : { r0: area.r0, c0, r1: area.r1, c1 };
}
