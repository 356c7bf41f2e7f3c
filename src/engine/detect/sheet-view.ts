/**
 * One pass over a sheet's cells: occupancy (non-empty or merged), merged areas by cell, and every cell's class, so
 * that finding blocks and reading their structure never rescans the sheet nor classifies a cell twice.
 */
import type { Cell, CellRange, SheetGrid } from '../grid/types';
import { CELL_CLASSES, type CellClass, type CellClassCode, EMPTY, cellClassCode, cellText } from './cell-class';

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  /** 1 where a cell holds something or lies inside a merged area; by key row * cols + col. */
  readonly occupied: Uint8Array;
  /** Each cell's class code (see cell-class.ts), by key. */
  readonly classes: Uint8Array;
  /** 1 for a cell inside a merged area but not its top-left cell; null when the sheet has no merged areas. */
  readonly covered: Uint8Array | null;
  /** Merged area index + 1 by cell key (0: not merged); null when the sheet has no merged areas. */
  private readonly mergeByCell: Int32Array | null;
  /** The memory of the grids above, handed back by release(). */
  private readonly buffer: ArrayBuffer;

  constructor(readonly sheet: SheetGrid) {
    const lines = sheet.cells;
    let rows = lines.length;
    let cols = 0;
    for (let r = 0; r < lines.length; r++) {
      const line = lines[r];
      if (line && line.length > cols) cols = line.length;
    }
    for (const m of sheet.merges) {
      rows = Math.max(rows, m.r1 + 1);
      cols = Math.max(cols, m.c1 + 1);
    }
    this.rows = rows;
    this.cols = cols;
    const size = rows * cols;
    const merged = sheet.merges.some((m) => m.r0 !== m.r1 || m.c0 !== m.c1);
    // One buffer for all the grids (each typed array of its own costs a separate allocation outside the heap): the
    // byte grids, then the merge grid at a multiple of 4 bytes.
    const mergeOffset = 4 * Math.ceil((3 * size) / 4);
    const buffer = takeBuffer(merged ? mergeOffset + 4 * size : 2 * size);
    this.buffer = buffer;
    const occupied = new Uint8Array(buffer, 0, size);
    const classes = new Uint8Array(buffer, size, size);
    for (let r = 0; r < lines.length; r++) {
      const line = lines[r];
      if (!line) continue;
      const base = r * cols;
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (!cell) continue;
        const code = cellClassCode(cell);
        classes[base + c] = code;
        if (code !== EMPTY || hasContent(cell)) occupied[base + c] = 1;
      }
    }
    this.occupied = occupied;
    this.classes = classes;
    this.mergeByCell = merged ? new Int32Array(buffer, mergeOffset, size) : null;
    this.covered = merged ? new Uint8Array(buffer, 2 * size, size) : null;
    if (this.mergeByCell === null || this.covered === null) return;
    const byCell = this.mergeByCell;
    const covered = this.covered;
    const merges = sheet.merges;
    for (let index = 0; index < merges.length; index++) {
      const m = merges[index];
      if (m.r0 === m.r1 && m.c0 === m.c1) continue;
      for (let r = Math.max(0, m.r0); r <= m.r1; r++) {
        for (let c = Math.max(0, m.c0); c <= m.c1; c++) {
          occupied[r * cols + c] = 1;
          byCell[r * cols + c] = index + 1;
        }
      }
    }
    // Covered by the area that claimed the cell last (areas should not overlap, but a damaged file may have them).
    for (let index = 0; index < merges.length; index++) {
      const m = merges[index];
      if (m.r0 === m.r1 && m.c0 === m.c1) continue;
      const topLeft = m.r0 * cols + m.c0;
      for (let r = Math.max(0, m.r0); r <= m.r1; r++) {
        for (let c = Math.max(0, m.c0); c <= m.c1; c++) {
          const key = r * cols + c;
          if (byCell[key] === index + 1 && key !== topLeft) covered[key] = 1;
        }
      }
    }
  }

  /**
   * Hands the grids' memory to the next view; this view must not be read afterwards. Optional: a view never
   * released is simply collected.
   */
  release(): void {
    if (this.buffer.byteLength <= MAX_SPARE_BYTES && (spare === null || spare.byteLength < this.buffer.byteLength)) spare = this.buffer;
  }

  /** True when the sheet has merged areas (of more than one cell). */
  get hasMerges(): boolean {
    return this.mergeByCell !== null;
  }

  cell(row: number, col: number): Cell | null | undefined {
    return this.sheet.cells[row]?.[col];
  }

  text(row: number, col: number): string {
    // A blank (no value, or only spaces) reads as '' without a look at the cell: headers ask about many blanks.
    if (this.classCode(row, col) === EMPTY) return '';
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
    if (this.covered === null || row < 0 || col < 0 || row >= this.rows || col >= this.cols) return false;
    return this.covered[row * this.cols + col] === 1;
  }

  /** A cell's class code; EMPTY outside the sheet. */
  classCode(row: number, col: number): CellClassCode {
    if (row < 0 || col < 0 || row >= this.rows || col >= this.cols) return EMPTY;
    return this.classes[row * this.cols + col] as CellClassCode;
  }

  classOf(row: number, col: number): CellClass {
    return CELL_CLASSES[this.classCode(row, col)];
  }
}

/**
 * One sheet's grids kept for the next sheet: a fresh ArrayBuffer per sheet (allocated and zeroed outside the heap)
 * cost more than all the classifying. Only a released view gives its buffer back, and a view takes it for itself,
 * so two views alive at once never share memory.
 */
const MAX_SPARE_BYTES = 1 << 20;
let spare: ArrayBuffer | null = null;

/** A zeroed buffer of at least `bytes` bytes: the spare when it is large enough, else a new one. */
function takeBuffer(bytes: number): ArrayBuffer {
  const buffer = spare;
  if (buffer === null || buffer.byteLength < bytes) return new ArrayBuffer(bytes);
  spare = null;
  new Uint8Array(buffer, 0, bytes).fill(0);
  return buffer;
}

function hasContent(cell: Cell): boolean {
  if (cell.error || cell.f !== undefined) return true;
  const v = cell.v;
  if (v === null || v === undefined) return false;
  return typeof v !== 'string' || v.trim() !== '';
}
