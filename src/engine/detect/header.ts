/**
 * Header cells of a table: from merged areas, or from a pasted header's blanks. A header text followed by blanks to
 * its right spans them (never past the header cell above it); a blank under a header cell, across its whole width,
 * continues that cell downward.
 */
import type { CellRange } from '../grid/types';
import type { HeaderCell } from '../model/table';
import { joinedKey, type LabelFacts, labelFacts } from './label-facts';
import { type PathNode, pathNode } from './paths';
import type { SheetView } from './sheet-view';

export interface HeaderGrid {
  cells: HeaderCell[];
  /** What each cell's text says (normalised label, key, year …), by index into cells: read by every column under it. */
  facts: LabelFacts[];
  /**
   * owner[k * width + j]: index into cells of the header cell drawn over header row k, column j; -1 for none.
   * Scratch shared by every header: valid until the next buildHeader.
   */
  owner: Int32Array;
  width: number;
  rows: number;
}

/** The owner grid of the header being read (see HeaderGrid.owner), grown as needed: a header is read and dropped. */
let ownerScratch = new Int32Array(64);

/**
 * Header cells while they are gathered: cell i's row, column, row span and column span at SPAN * i + 0 … 3. Plain
 * numbers, and the cells made once in their final order: writing fresh objects into a long-lived list costs a
 * write barrier each.
 */
const SPAN = 4;
let spanScratch = new Int32Array(SPAN * 64);
/** Cells by position (see sortByPosition). */
let orderScratch = new Int32Array(64);

export function buildHeader(view: SheetView, range: CellRange, headerRows: number): HeaderGrid {
  const width = range.c1 - range.c0 + 1;
  const size = Math.max(0, headerRows) * width;
  if (ownerScratch.length < size) {
    ownerScratch = new Int32Array(Math.max(size, 2 * ownerScratch.length));
    spanScratch = new Int32Array(SPAN * ownerScratch.length);
    orderScratch = new Int32Array(ownerScratch.length);
  }
  const owner = ownerScratch;
  owner.fill(-1, 0, size);
  if (headerRows <= 0) return { cells: [], facts: [], owner, width, rows: headerRows };
  // Each cell owns a position of the header at least, so `size` bounds their number.
  const spans = spanScratch;
  let count = 0;
  const lastRow = range.r0 + headerRows - 1;

  // Merged areas whose top-left lies in the header area. They come first, so an index below `mergedCells` is a
  // merged cell.
  if (view.hasMerges) {
    for (let k = 0; k < headerRows; k++) {
      for (let j = 0; j < width; j++) {
        const row = range.r0 + k;
        const col = range.c0 + j;
        if (owner[k * width + j] !== -1) continue;
        const m = view.merge(row, col);
        if (!m || m.r0 !== row || m.c0 !== col) continue;
        const r1 = Math.min(m.r1, lastRow);
        const c1 = Math.min(m.c1, range.c1);
        const index = count++;
        setSpan(spans, index, row, col, r1 - row + 1, c1 - col + 1);
        for (let kk = k; kk <= r1 - range.r0; kk++) for (let jj = j; jj <= c1 - range.c0; jj++) owner[kk * width + jj] = index;
      }
    }
  }
  const mergedCells = count;

  for (let k = 0; k < headerRows; k++) {
    const row = range.r0 + k;
    // Plain cells of this row.
    for (let j = 0; j < width; j++) {
      if (owner[k * width + j] !== -1 || view.isCovered(row, range.c0 + j)) continue;
      if (view.text(row, range.c0 + j) === '') continue;
      owner[k * width + j] = count;
      setSpan(spans, count++, row, range.c0 + j, 1, 1);
    }
    // A text followed by blanks spans them, within the header cell above it.
    for (let j = 0; j < width; j++) {
      const index = owner[k * width + j];
      if (index === -1 || index < mergedCells || spans[SPAN * index] !== row || spans[SPAN * index + 1] !== range.c0 + j) continue;
      const parent = k > 0 ? owner[(k - 1) * width + j] : -1;
      let end = j;
      while (end + 1 < width && isBlank(view, range, owner, k, end + 1)) {
        const above = k > 0 ? owner[(k - 1) * width + end + 1] : -1;
        if (k > 0 && above !== parent) break;
        end++;
      }
      for (let jj = j + 1; jj <= end; jj++) owner[k * width + jj] = index;
      spans[SPAN * index + 3] = end - j + 1;
      j = end;
    }
    // A blank row under a header cell's full width continues it downward.
    if (k === 0) continue;
    for (let j = 0; j < width; ) {
      const index = owner[(k - 1) * width + j];
      if (index === -1) {
        j++;
        continue;
      }
      const at = SPAN * index;
      const first = spans[at + 1] - range.c0;
      const last = first + spans[at + 3] - 1;
      const endsAbove = spans[at] + spans[at + 2] - 1 === row - 1;
      let allBlank = endsAbove && first === j;
      for (let jj = first; allBlank && jj <= last; jj++) if (!isBlank(view, range, owner, k, jj)) allBlank = false;
      if (allBlank) {
        spans[at + 2]++;
        for (let jj = first; jj <= last; jj++) owner[k * width + jj] = index;
      }
      j = Math.max(j + 1, last + 1);
    }
  }
  const order = sortByPosition(spans, count);
  // Owners again in the sorted order: each cell paints its area with its new index.
  owner.fill(-1, 0, size);
  const cells: HeaderCell[] = new Array(count);
  const facts: LabelFacts[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const at = SPAN * order[index];
    const row = spans[at];
    const col = spans[at + 1];
    const rowSpan = spans[at + 2];
    const colSpan = spans[at + 3];
    const text = view.text(row, col);
    cells[index] = { row, col, rowSpan, colSpan, text };
    facts[index] = labelFacts(text);
    for (let k = row - range.r0; k < row - range.r0 + rowSpan; k++) {
      for (let j = col - range.c0; j < col - range.c0 + colSpan; j++) owner[k * width + j] = index;
    }
  }
  return { cells, facts, owner, width, rows: headerRows };
}

function setSpan(spans: Int32Array, index: number, row: number, col: number, rowSpan: number, colSpan: number): void {
  const at = SPAN * index;
  spans[at] = row;
  spans[at + 1] = col;
  spans[at + 2] = rowSpan;
  spans[at + 3] = colSpan;
}

/**
 * Header cells top to bottom, left to right, as indices into spans. A header has a handful of cells, merged ones
 * first: an insertion sort (stable, like Array.prototype.sort) costs less here than the general sort's setup.
 */
function sortByPosition(spans: Int32Array, count: number): Int32Array {
  const order = orderScratch;
  for (let i = 0; i < count; i++) {
    const row = spans[SPAN * i];
    const col = spans[SPAN * i + 1];
    let k = i - 1;
    while (k >= 0) {
      const at = SPAN * order[k];
      if (!(spans[at] > row || (spans[at] === row && spans[at + 1] > col))) break;
      order[k + 1] = order[k];
      k--;
    }
    order[k + 1] = i;
  }
  return order;
}

/** A header position no cell has claimed, with no text and not under a merged area. */
function isBlank(view: SheetView, range: CellRange, owner: Int32Array, k: number, j: number): boolean {
  return owner[k * (range.c1 - range.c0 + 1) + j] === -1 && view.text(range.r0 + k, range.c0 + j) === '' && !view.isCovered(range.r0 + k, range.c0 + j);
}

/** Labels of the path being gathered (see columnPath). */
const labelScratch: string[] = [];

/**
 * Header path of column j (0-based in the range), outermost first, normalised, without repeats: a shared node
 * (see paths.ts) whose key is labelKey of the path joined, the key the label-column tests read.
 */
export function columnPath(header: HeaderGrid, j: number): PathNode {
  let count = 0;
  let last = -1;
  for (let k = 0; k < header.rows; k++) {
    const index = header.owner[k * header.width + j];
    if (index === -1 || index === last) continue;
    last = index;
    const text = header.facts[index].label;
    if (text !== '') labelScratch[count++] = text;
  }
  const node = pathNode(labelScratch, count);
  // The key is the same for every header that draws this path (a key depends on the labels only, see LabelFacts).
  if (node.key === undefined) node.key = columnKey(header, j, count);
  return node;
}

/** The innermost year column j's header names ('2020년' under '연차별 소요재원'), or null. */
export function columnYear(header: HeaderGrid, j: number): number | null {
  for (let k = header.rows - 1; k >= 0; k--) {
    const index = header.owner[k * header.width + j];
    if (index === -1) continue;
    const { label, labelYear } = header.facts[index];
    if (label !== '' && labelYear !== null) return labelYear;
  }
  return null;
}

/** labelKey of column j's path joined, given the number of labels columnPath found. */
function columnKey(header: HeaderGrid, j: number, labels: number): string {
  if (labels === 0) return '';
  // The facts of the path's labels, found the way columnPath finds them.
  const parts: LabelFacts[] = [];
  let last = -1;
  for (let k = 0; k < header.rows; k++) {
    const index = header.owner[k * header.width + j];
    if (index === -1 || index === last) continue;
    last = index;
    if (header.facts[index].label !== '') parts.push(header.facts[index]);
  }
  return parts.length === 1 ? parts[0].key : joinedKey(parts);
}
