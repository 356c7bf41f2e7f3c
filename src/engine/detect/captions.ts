/**
 * Caption lines of each table: walking up from the header over unit/basis lines and notes to the heading that names
 * the table (stopping at another table), then notes and footnotes directly under it.
 */
import type { CaptionLine, TableLayout } from '../model/table';
import { captionFacts, type CaptionFacts } from '../labels';
import type { CellRange } from '../grid/types';
import { FIGURE } from './cell-class';
import type { SheetView } from './sheet-view';

const MAX_BLANK_ABOVE = 3;
const MAX_LINES_ABOVE = 6;
const MAX_BLANK_BELOW = 1;
const MAX_LINES_BELOW = 4;
/** How far above and below a table a table to its left still counts as its neighbour (see leftNeighbourEdge). */
const NEIGHBOUR_LOOK = MAX_LINES_ABOVE * 2 + MAX_BLANK_ABOVE;

/**
 * Zeroed memory kept from one sheet to the next: a fresh ArrayBuffer per sheet (allocated and zeroed outside the
 * heap) cost more than the walk it serves. attachCaptions is never re-entered and each store has one use in it,
 * so no two lists ever share memory.
 */
class KeptMemory {
  private static readonly MAX_BYTES = 1 << 20;
  private buffer = new ArrayBuffer(1024);

  /** A zeroed buffer of at least `bytes` bytes, valid until the next take. */
  take(bytes: number): ArrayBuffer {
    if (bytes > KeptMemory.MAX_BYTES) return new ArrayBuffer(bytes);
    if (this.buffer.byteLength < bytes) {
      this.buffer = new ArrayBuffer(Math.min(KeptMemory.MAX_BYTES, Math.max(bytes, 2 * this.buffer.byteLength)));
    } else {
      new Uint8Array(this.buffer, 0, bytes).fill(0);
    }
    return this.buffer;
  }
}

const rowIndexMemory = new KeptMemory();
const claimedMemory = new KeptMemory();

/** Tables covering each row, for "is another table in the way" without rescanning. */
class RowIndex {
  /** The tables covering row r are tables[start[r]] … tables[start[r + 1] - 1] (rows past the last table: none). */
  private readonly start: Int32Array;
  private readonly tables: Int32Array;
  private readonly rows: number;

  constructor(private readonly ranges: readonly CellRange[]) {
    let rows = 0;
    let entries = 0;
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i];
      rows = Math.max(rows, range.r1 + 1);
      entries += Math.max(0, range.r1 - Math.max(0, range.r0) + 1);
    }
    this.rows = rows;
    // One allocation for the three lists (each typed array of its own costs a separate allocation outside the heap).
    const length = 2 * rows + 1 + entries;
    const all = new Int32Array(rowIndexMemory.take(4 * length), 0, length);
    const start = all.subarray(0, rows + 1);
    const fill = all.subarray(rows + 1, 2 * rows + 1);
    const tables = all.subarray(2 * rows + 1);
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i];
      for (let r = Math.max(0, range.r0); r <= range.r1; r++) start[r + 1]++;
    }
    for (let r = 0; r < rows; r++) start[r + 1] += start[r];
    fill.set(start.subarray(0, rows));
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i];
      for (let r = Math.max(0, range.r0); r <= range.r1; r++) tables[fill[r]++] = i;
    }
    this.start = start;
    this.tables = tables;
  }

  blocked(row: number, c0: number, c1: number, self: number): boolean {
    if (row < 0 || row >= this.rows) return false;
    for (let k = this.start[row]; k < this.start[row + 1]; k++) {
      const i = this.tables[k];
      if (i !== self && this.ranges[i].c0 <= c1 && this.ranges[i].c1 >= c0) return true;
    }
    return false;
  }

  /**
   * The right edge of the nearest table left of `range` whose rows or caption zone (`look` rows above it) come
   * near this table's rows or caption zone, or -1.
   */
  leftNeighbourEdge(range: CellRange, self: number, look: number): number {
    let edge = -1;
    const last = Math.min(range.r1 + look, this.rows - 1);
    for (let r = Math.max(0, range.r0 - look); r <= last; r++) {
      for (let k = this.start[r]; k < this.start[r + 1]; k++) {
        const i = this.tables[k];
        const other = this.ranges[i];
        if (i === self || other.c1 >= range.c0) continue;
        if (other.r0 - look <= range.r1 && range.r0 - look <= other.r1) edge = Math.max(edge, other.c1);
      }
    }
    return edge;
  }
}

/**
 * The cells with a text in one row (cells covered by a merge left out), gathered into shared arrays: every table
 * looks at a few rows around it, and most of what it finds there it does not keep. The arrays are only written
 * up to `count` (emptying an array by its length would drop its storage and make the next push allocate again).
 */
const scratch = { count: 0, cols: [] as number[], texts: [] as string[] };

function readLine(view: SheetView, row: number, c0: number, c1: number): number {
  scratch.count = 0;
  for (let c = c0; c <= c1; c++) addCell(view, row, c);
  return scratch.count;
}

/** Adds a cell to the scratch line if it has a text; true if it did. */
function addCell(view: SheetView, row: number, col: number): boolean {
  if (!view.isOccupied(row, col) || view.isCovered(row, col)) return false;
  const text = view.text(row, col);
  if (text === '') return false;
  scratch.cols[scratch.count] = col;
  scratch.texts[scratch.count] = text;
  scratch.count++;
  return true;
}

/** Puts the spacer column's cell first in the scratch line when it is a line no table took (not a footnote). */
function addSpacerTitle(view: SheetView, row: number, col: number, claimed: Uint8Array): void {
  if (claimed[row * view.cols + col] === 1 || view.classCode(row, col) === FIGURE) return;
  if (!view.isOccupied(row, col) || view.isCovered(row, col)) return;
  const text = view.text(row, col);
  if (text === '' || captionFacts(text).kind === 'footnote') return;
  const { cols, texts } = scratch;
  for (let i = scratch.count; i > 0; i--) {
    cols[i] = cols[i - 1];
    texts[i] = texts[i - 1];
  }
  cols[0] = col;
  texts[0] = text;
  scratch.count++;
}

function dropLastCell(): void {
  scratch.count--;
}

/** A table's caption lines above it while they are gathered (bottom up), with their facts; see scratch. */
const lineScratch: CaptionLine[] = [];
const lineFactsScratch: CaptionFacts[] = [];
/** The facts of the scratch line's texts. */
const rowFactsScratch: CaptionFacts[] = [];
/** Footnotes of a table while they are gathered. */
const belowScratch: CaptionLine[] = [];

export interface CaptionResult {
  captions: CaptionLine[];
  title?: string;
  /** Units the nearest unit or basis line above names, in order (empty when none does). Shared: do not change. */
  units: readonly string[];
}

/** Attach captions to every table of a sheet (tables in reading order). */
export function attachCaptions(view: SheetView, tables: readonly Pick<TableLayout, 'range'>[]): CaptionResult[] {
  const ranges: CellRange[] = new Array(tables.length);
  for (let i = 0; i < tables.length; i++) ranges[i] = tables[i].range;
  const index = new RowIndex(ranges);
  const cells = view.rows * view.cols;
  // One allocation outside the heap for both lists: the left edges (at a multiple of 4 bytes) after the cells.
  const leftsOffset = 4 * Math.ceil(cells / 4);
  const buffer = claimedMemory.take(leftsOffset + 4 * ranges.length);
  /** 1 for a cell already taken as some table's caption line, by key row * cols + col. */
  const claimed = new Uint8Array(buffer, 0, cells);
  const lefts = new Int32Array(buffer, leftsOffset, ranges.length);
  const cols = view.cols;
  const results: CaptionResult[] = new Array(ranges.length);
  const lines = lineScratch;
  const linesFacts = lineFactsScratch;
  const facts = rowFactsScratch;

  for (let self = 0; self < ranges.length; self++) {
    const range = ranges[self];
    const edge = index.leftNeighbourEdge(range, self, NEIGHBOUR_LOOK);
    const left = edge === -1 ? 0 : Math.min(range.c0, edge + 2);
    lefts[self] = left;
    let count = 0;
    let blanks = 0;
    let sawNote = false;
    for (let row = range.r0 - 1; row >= 0 && count < MAX_LINES_ABOVE; row--) {
      if (index.blocked(row, left, range.c1, self)) {
        // Notes right under the table above (one blank row at most) and nearer to it than to this table are that
        // table's notes, not this one's captions.
        let edge = row;
        while (count > 0) {
          const line = lines[count - 1];
          // A note with this table's caption lines right under it (no blank row) leads into this table.
          const leadsIn = line.row + 1 === range.r0 || leadsInto(lines, count, line.row + 1);
          if (line.kind !== 'note' || leadsIn || line.row - edge > 2 || line.row - row >= range.r0 - line.row) break;
          count--;
          claimed[line.row * cols + line.col] = 0;
          edge = line.row;
        }
        break;
      }
      // A line typed one column early, in the empty column between this table and its left neighbour ('○ B표' over
      // the spacer), is this table's: the left one's own lines sit over its own columns (its unit line one past
      // its edge is claimed by it first).
      readLine(view, row, left, range.c1);
      if (edge !== -1 && left === edge + 2) addSpacerTitle(view, row, left - 1, claimed);
      // A unit line right-aligned one column past the table's edge still belongs to it.
      const outside = range.c1 + 1;
      if (outside < view.cols && addCell(view, row, outside)) {
        const kind = captionFacts(scratch.texts[scratch.count - 1]).kind;
        if (!((kind === 'unit' || kind === 'basis') && !index.blocked(row, outside, outside, self))) dropLastCell();
      }
      const cells = scratch.count;
      if (cells === 0) {
        if (++blanks > MAX_BLANK_ABOVE) break;
        continue;
      }
      blanks = 0;
      let stop = false;
      let figures = 0;
      for (let i = 0; i < cells; i++) {
        const col = scratch.cols[i];
        if (claimed[row * cols + col] === 1) stop = true;
        if (view.classCode(row, col) === FIGURE) figures++;
      }
      if (stop || figures >= 2) break;
      for (let i = 0; i < cells; i++) facts[i] = captionFacts(scratch.texts[i]);
      // A footnote, or a conclusion drawn from the prose above it (⇒ …), is never a caption of the table below.
      for (let i = 0; i < cells && !stop; i++) stop = facts[i].kind === 'footnote' || facts[i].arrow;
      if (stop) break;
      for (let i = 0; i < cells; i++) {
        const { kind: captionKind, noteMark } = facts[i];
        let kind: CaptionLine['kind'] | null = null;
        if (captionKind === 'unit' || captionKind === 'basis') kind = captionKind;
        else if (captionKind === 'title' || captionKind === 'amount') {
          kind = captionKind;
          stop = true;
        } else if (noteMark) {
          kind = 'note';
          sawNote = true;
        } else if (!sawNote) {
          // The nearest plain line above a table (a bullet, a title typed in A1) names it.
          kind = 'title';
          stop = true;
        } else stop = true;
        if (kind === null) continue;
        lines[count] = { row, col: scratch.cols[i], text: scratch.texts[i], kind };
        linesFacts[count] = facts[i];
        count++;
        claimed[row * cols + scratch.cols[i]] = 1;
      }
      if (stop) break;
    }
    results[self] = titleAndUnit(lines, linesFacts, count);
  }

  for (let self = 0; self < ranges.length; self++) {
    const below = footnotes(view, ranges[self], lefts[self], index, self, claimed);
    if (below === 0) continue;
    const result = results[self];
    const above = result.captions.length;
    const captions: CaptionLine[] = new Array(above + below);
    for (let i = 0; i < above; i++) captions[i] = result.captions[i];
    for (let i = 0; i < below; i++) captions[above + i] = belowScratch[i];
    result.captions = captions;
  }
  return results;
}

/** Some of the lines gathered so far (lines[0 … count - 1]) sits in `row` and is not a note. */
function leadsInto(lines: readonly CaptionLine[], count: number, row: number): boolean {
  for (let i = 0; i < count; i++) if (lines[i].row === row && lines[i].kind !== 'note') return true;
  return false;
}

/** The footnotes under a table, into belowScratch; their count. */
function footnotes(
  view: SheetView,
  range: CellRange,
  left: number,
  index: RowIndex,
  self: number,
  claimed: Uint8Array,
): number {
  let count = 0;
  let blanks = 0;
  for (let row = range.r1 + 1; row < view.rows && count < MAX_LINES_BELOW; row++) {
    if (index.blocked(row, left, range.c1, self)) break;
    // Most rows under a table are blank: look at the cells' classes before reading any text.
    if (blankLine(view, row, left, range.c1) || readLine(view, row, left, range.c1) === 0) {
      if (++blanks > MAX_BLANK_BELOW) break;
      continue;
    }
    blanks = 0;
    const col = scratch.cols[0];
    if (scratch.count !== 1 || claimed[row * view.cols + col] === 1) break;
    const text = scratch.texts[0];
    const facts = captionFacts(text);
    let kind: CaptionLine['kind'];
    if (facts.kind === 'footnote') kind = 'footnote';
    else if (facts.noteMark && !facts.headingMark) kind = 'note';
    else if (facts.bullet && nextLineIsArrow(view, row, left, range.c1)) kind = 'note';
    else break;
    belowScratch[count++] = { row, col, text, kind };
    claimed[row * view.cols + col] = 1;
  }
  return count;
}

/** No cell of the row holds anything (a quick test before reading texts). */
function blankLine(view: SheetView, row: number, c0: number, c1: number): boolean {
  const base = row * view.cols;
  for (let c = Math.max(0, c0); c <= c1 && c < view.cols; c++) if (view.occupied[base + c] === 1) return false;
  return true;
}

/** The next non-blank line starts with ⇒ or ☞ (a conclusion drawn from the bullet above it, such as a stated rate). */
function nextLineIsArrow(view: SheetView, row: number, c0: number, c1: number): boolean {
  for (let r = row + 1; r <= row + 2 && r < view.rows; r++) {
    if (readLine(view, r, c0, c1) === 0) continue;
    return captionFacts(scratch.texts[0]).arrow;
  }
  return false;
}

/**
 * The result for one table from its lines above, gathered bottom up (lines[0] is the nearest): the lines top to
 * bottom, and the title and unit they give.
 */
function titleAndUnit(lines: readonly CaptionLine[], facts: readonly CaptionFacts[], count: number): CaptionResult {
  const captions: CaptionLine[] = new Array(count);
  for (let i = 0; i < count; i++) captions[i] = lines[count - 1 - i];
  let units: readonly string[] = NO_UNITS;
  for (let i = 0; i < count && units.length === 0; i++) {
    if (lines[i].kind === 'unit' || lines[i].kind === 'basis') units = facts[i].units;
  }
  let heading = -1;
  let note = -1;
  for (let i = 0; i < count && heading === -1; i++) {
    const kind = lines[i].kind;
    if (kind === 'title' || kind === 'amount') heading = i;
    else if (kind === 'note' && note === -1) note = i;
  }
  const named = heading !== -1 ? heading : note;
  return named === -1 ? { captions, units } : { captions, units, title: facts[named].title };
}

const NO_UNITS: readonly string[] = [];
