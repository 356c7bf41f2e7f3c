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

/** Header cells while they are gathered (copied out at their exact count). */
const cellScratch: HeaderCell[] = [];

export function buildHeader(view: SheetView, range: CellRange, headerRows: number): HeaderGrid {
  const width = range.c1 - range.c0 + 1;
  const size = Math.max(0, headerRows) * width;
  if (ownerScratch.length < size) ownerScratch = new Int32Array(Math.max(size, 2 * ownerScratch.length));
  const owner = ownerScratch;
  owner.fill(-1, 0, size);
  if (headerRows <= 0) return { cells: [], facts: [], owner, width, rows: headerRows };
  const cells = cellScratch;
  let count = 0;
  const lastRow = range.r0 + headerRows - 1;

  // Merged areas whose top-left lies in the header area. They come first in `cells`, so an index below
  // `mergedCells` is a merged cell.
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
        const index = count;
        cells[count++] = { row, col, rowSpan: r1 - row + 1, colSpan: c1 - col + 1, text: view.text(row, col) };
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
      const text = view.text(row, range.c0 + j);
      if (text === '') continue;
      owner[k * width + j] = count;
      cells[count++] = { row, col: range.c0 + j, rowSpan: 1, colSpan: 1, text };
    }
    // A text followed by blanks spans them, within the header cell above it.
    for (let j = 0; j < width; j++) {
      const index = owner[k * width + j];
      if (index === -1 || index < mergedCells || cells[index].row !== row || cells[index].col !== range.c0 + j) continue;
      const parent = k > 0 ? owner[(k - 1) * width + j] : -1;
      let end = j;
      while (end + 1 < width && isBlank(view, range, owner, k, end + 1)) {
        const above = k > 0 ? owner[(k - 1) * width + end + 1] : -1;
        if (k > 0 && above !== parent) break;
        end++;
      }
      for (let jj = j + 1; jj <= end; jj++) owner[k * width + jj] = index;
      cells[index].colSpan = end - j + 1;
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
      const cell = cells[index];
      const first = cell.col - range.c0;
      const last = first + cell.colSpan - 1;
      const endsAbove = cell.row + cell.rowSpan - 1 === row - 1;
      let allBlank = endsAbove && first === j;
      for (let jj = first; allBlank && jj <= last; jj++) if (!isBlank(view, range, owner, k, jj)) allBlank = false;
      if (allBlank) {
        cell.rowSpan++;
        for (let jj = first; jj <= last; jj++) owner[k * width + jj] = index;
      }
      j = Math.max(j + 1, last + 1);
    }
  }
  sortByPosition(cells, count);
  // Owners again in the sorted order: each cell paints its area with its new index.
  owner.fill(-1, 0, size);
  const sorted: HeaderCell[] = new Array(count);
  const facts: LabelFacts[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const cell = cells[index];
    sorted[index] = cell;
    facts[index] = labelFacts(cell.text);
    for (let k = cell.row - range.r0; k < cell.row - range.r0 + cell.rowSpan; k++) {
      for (let j = cell.col - range.c0; j < cell.col - range.c0 + cell.colSpan; j++) owner[k * width + j] = index;
    }
  }
  return { cells: sorted, facts, owner, width, rows: headerRows };
}

/**
 * Header cells top to bottom, left to right. A header has a handful of cells, merged ones first: an insertion sort
 * (stable, like Array.prototype.sort) costs less here than the general sort's setup.
 */
function sortByPosition(cells: HeaderCell[], count: number): void {
  for (let i = 1; i < count; i++) {
    const cell = cells[i];
    let k = i - 1;
    while (k >= 0 && (cells[k].row > cell.row || (cells[k].row === cell.row && cells[k].col > cell.col))) {
      cells[k + 1] = cells[k];
      k--;
    }
    cells[k + 1] = cell;
  }
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
