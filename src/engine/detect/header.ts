/**
 * Header cells of a table: from merged areas, or from a pasted header's blanks. A header text followed by blanks to
 * its right spans them (never past the header cell above it); a blank under a header cell, across its whole width,
 * continues that cell downward.
 */
import type { CellRange } from '../grid/types';
import type { HeaderCell } from '../model/table';
import { normalizeLabel } from '../labels';
import type { SheetView } from './sheet-view';

export interface HeaderGrid {
  cells: HeaderCell[];
  /** owner[k * width + j]: index into cells of the header cell drawn over header row k, column j; -1 for none. */
  owner: Int32Array;
  width: number;
  rows: number;
}

export function buildHeader(view: SheetView, range: CellRange, headerRows: number): HeaderGrid {
  const width = range.c1 - range.c0 + 1;
  const owner = new Int32Array(Math.max(0, headerRows) * width).fill(-1);
  const cells: HeaderCell[] = [];
  const grid: HeaderGrid = { cells, owner, width, rows: headerRows };
  if (headerRows <= 0) return grid;
  const lastRow = range.r0 + headerRows - 1;
  const fromMerge = new Set<number>();

  const claim = (index: number, k: number, j: number): void => {
    owner[k * width + j] = index;
  };

  // Merged areas whose top-left lies in the header area.
  for (let k = 0; k < headerRows; k++) {
    for (let j = 0; j < width; j++) {
      const row = range.r0 + k;
      const col = range.c0 + j;
      if (owner[k * width + j] !== -1) continue;
      const m = view.merge(row, col);
      if (!m || m.r0 !== row || m.c0 !== col) continue;
      const r1 = Math.min(m.r1, lastRow);
      const c1 = Math.min(m.c1, range.c1);
      const index = cells.length;
      cells.push({ row, col, rowSpan: r1 - row + 1, colSpan: c1 - col + 1, text: view.text(row, col) });
      fromMerge.add(index);
      for (let kk = k; kk <= r1 - range.r0; kk++) for (let jj = j; jj <= c1 - range.c0; jj++) claim(index, kk, jj);
    }
  }

  const blank = (k: number, j: number): boolean =>
    owner[k * width + j] === -1 && view.text(range.r0 + k, range.c0 + j) === '' && !view.isCovered(range.r0 + k, range.c0 + j);

  for (let k = 0; k < headerRows; k++) {
    const row = range.r0 + k;
    // Plain cells of this row.
    for (let j = 0; j < width; j++) {
      if (owner[k * width + j] !== -1 || view.isCovered(row, range.c0 + j)) continue;
      const text = view.text(row, range.c0 + j);
      if (text === '') continue;
      const index = cells.length;
      cells.push({ row, col: range.c0 + j, rowSpan: 1, colSpan: 1, text });
      claim(index, k, j);
    }
    // A text followed by blanks spans them, within the header cell above it.
    for (let j = 0; j < width; j++) {
      const index = owner[k * width + j];
      if (index === -1 || fromMerge.has(index) || cells[index].row !== row || cells[index].col !== range.c0 + j) continue;
      const parent = k > 0 ? owner[(k - 1) * width + j] : -1;
      let end = j;
      while (end + 1 < width && blank(k, end + 1)) {
        const above = k > 0 ? owner[(k - 1) * width + end + 1] : -1;
        if (k > 0 && above !== parent) break;
        end++;
      }
      for (let jj = j + 1; jj <= end; jj++) claim(index, k, jj);
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
      for (let jj = first; allBlank && jj <= last; jj++) if (!blank(k, jj)) allBlank = false;
      if (allBlank) {
        cell.rowSpan++;
        for (let jj = first; jj <= last; jj++) claim(index, k, jj);
      }
      j = Math.max(j + 1, last + 1);
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  // Re-index owners after sorting.
  const order = new Map<HeaderCell, number>();
  cells.forEach((c, i) => order.set(c, i));
  return rebuildOwners(grid, range, order);
}

function rebuildOwners(grid: HeaderGrid, range: CellRange, order: Map<HeaderCell, number>): HeaderGrid {
  const owner = new Int32Array(grid.owner.length).fill(-1);
  for (const cell of grid.cells) {
    const index = order.get(cell) as number;
    for (let k = cell.row - range.r0; k < cell.row - range.r0 + cell.rowSpan; k++) {
      for (let j = cell.col - range.c0; j < cell.col - range.c0 + cell.colSpan; j++) owner[k * grid.width + j] = index;
    }
  }
  return { ...grid, owner };
}

/** Header path of column j (0-based in the range), outermost first, normalised, without repeats. */
export function columnPath(header: HeaderGrid, j: number): string[] {
  const path: string[] = [];
  let last = -1;
  for (let k = 0; k < header.rows; k++) {
    const index = header.owner[k * header.width + j];
    if (index === -1 || index === last) continue;
    last = index;
    const text = normalizeLabel(header.cells[index].text);
    if (text !== '') path.push(text);
  }
  return path;
}
