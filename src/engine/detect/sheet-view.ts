/**
 * One pass over a sheet's cells: occupancy (non-empty or merged), merged areas by cell, and a lazy cell-class cache,
 * so that finding blocks and reading their structure never rescans the sheet.
 */
import type { Cell, CellRange, SheetGrid } from '../grid/types';
import { type CellClass, cellText, classifyCell } from './cell-class';

const CLASSES: readonly CellClass[] = ['empty', 'figure', 'year', 'yearNumber', 'text'];

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  /** 1 where a cell holds something or lies inside a merged area. */
  readonly occupied: Uint8Array;
  private readonly classCache: Int8Array;
  /** Merged area index + 1 by cell key (0: not merged); null when the sheet has no merged areas. */
  private readonly mergeByCell: Int32Array | null;

  constructor(readonly sheet: SheetGrid) {
    let rows = sheet.cells.length;
    let cols = 0;
    for (const line of sheet.cells) if (line && line.length > cols) cols = line.length;
    for (const m of sheet.merges) {
      rows = Math.max(rows, m.r1 + 1);
      cols = Math.max(cols, m.c1 + 1);
    }
    this.rows = rows;
    this.cols = cols;
    this.occupied = new Uint8Array(rows * cols);
    this.classCache = new Int8Array(rows * cols).fill(-1);
    sheet.cells.forEach((line, r) => {
      if (!line) return;
      for (let c = 0; c < line.length; c++) if (hasContent(line[c])) this.occupied[r * cols + c] = 1;
    });
    const merged = sheet.merges.some((m) => m.r0 !== m.r1 || m.c0 !== m.c1);
    this.mergeByCell = merged ? new Int32Array(rows * cols) : null;
    sheet.merges.forEach((m, index) => {
      if (m.r0 === m.r1 && m.c0 === m.c1) return;
      for (let r = Math.max(0, m.r0); r <= m.r1; r++) {
        for (let c = Math.max(0, m.c0); c <= m.c1; c++) {
          this.occupied[r * cols + c] = 1;
          (this.mergeByCell as Int32Array)[r * cols + c] = index + 1;
        }
      }
    });
  }

  cell(row: number, col: number): Cell | null | undefined {
    return this.sheet.cells[row]?.[col];
  }

  text(row: number, col: number): string {
    return cellText(this.cell(row, col));
  }

  isOccupied(row: number, col: number): boolean {
    return row >= 0 && col >= 0 && row < this.rows && col < this.cols && this.occupied[row * this.cols + col] === 1;
  }

  /** The merged area a cell lies in, if any. */
  merge(row: number, col: number): CellRange | undefined {
    if (this.mergeByCell === null || row < 0 || col < 0 || row >= this.rows || col >= this.cols) return undefined;
    const index = this.mergeByCell[row * this.cols + col];
    return index === 0 ? undefined : this.sheet.merges[index - 1];
  }

  /** True for a cell inside a merged area but not its top-left cell (its value sits elsewhere). */
  isCovered(row: number, col: number): boolean {
    if (this.mergeByCell === null) return false;
    const m = this.merge(row, col);
    return m !== undefined && (m.r0 !== row || m.c0 !== col);
  }

  classOf(row: number, col: number): CellClass {
    if (row < 0 || col < 0 || row >= this.rows || col >= this.cols) return 'empty';
    const key = row * this.cols + col;
    const cached = this.classCache[key];
    if (cached >= 0) return CLASSES[cached];
    const cls = this.occupied[key] === 1 ? classifyCell(this.cell(row, col)) : 'empty';
    this.classCache[key] = CLASSES.indexOf(cls);
    return cls;
  }
}

function hasContent(cell: Cell | null | undefined): boolean {
  if (!cell) return false;
  if (cell.error || cell.f !== undefined) return true;
  const v = cell.v;
  if (v === null || v === undefined) return false;
  return typeof v !== 'string' || v.trim() !== '';
}
