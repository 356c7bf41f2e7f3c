/**
 * Small builders for tests: a grid from rows of plain values, placed at any A1 offset.
 * Strings that look like formulas ("=SUM(B2:C2)") become formula cells with no cached value unless given.
 */
import { fromA1, rangeFromA1 } from '../grid/a1';
import type { Cell, CellRange, SheetGrid } from '../grid/types';

export type Plain = number | string | boolean | null | undefined | Cell;

function isCell(x: Plain): x is Cell {
  return typeof x === 'object' && x !== null && 'v' in x;
}

export function toCell(x: Plain): Cell | null {
  if (x === null || x === undefined || x === '') return null;
  if (isCell(x)) return x;
  if (typeof x === 'string' && x.startsWith('=')) return { v: null, f: x.slice(1) };
  return { v: x };
}

export interface GridOptions {
  name?: string;
  /** Where rows[0][0] lands, e.g. 'B3'. Default 'A1'. */
  at?: string;
  /** Merged areas in A1 form, in sheet coordinates ('B3:B5'). */
  merges?: string[];
  state?: SheetGrid['state'];
}

/** Build a sheet from rows of values. */
export function grid(rows: Plain[][], options: GridOptions = {}): SheetGrid {
  const origin = fromA1(options.at ?? 'A1');
  if (!origin) throw new Error(`bad origin ${options.at}`);
  const cells: (Cell | null)[][] = [];
  for (let r = 0; r < origin.row; r++) cells.push([]);
  for (const row of rows) {
    const line: (Cell | null)[] = new Array(origin.col).fill(null);
    for (const x of row) line.push(toCell(x));
    cells.push(line);
  }
  const merges: CellRange[] = (options.merges ?? []).map((m) => {
    const r = rangeFromA1(m);
    if (!r) throw new Error(`bad merge ${m}`);
    return r;
  });
  return { name: options.name ?? 'Sheet1', cells, merges, state: options.state };
}

/** Build a sheet from tab-separated lines (the report's text form: merged header cells are empty fields). */
export function gridFromTsv(tsv: string, options: GridOptions = {}): SheetGrid {
  const rows = tsv
    .replace(/^\n+|\n+$/g, '')
    .split('\n')
    .map((line) => line.split('\t').map((field): Plain => (field === '' ? null : field)));
  return grid(rows, options);
}

/** Put several blocks on one sheet: each block's rows at its own origin. Later blocks overwrite earlier cells. */
export function sheet(name: string, blocks: { at: string; rows: Plain[][]; merges?: string[] }[]): SheetGrid {
  const cells: (Cell | null)[][] = [];
  const merges: CellRange[] = [];
  for (const block of blocks) {
    const g = grid(block.rows, { at: block.at, merges: block.merges });
    g.cells.forEach((line, r) => {
      line.forEach((cell, c) => {
        if (!cell) return;
        while (cells.length <= r) cells.push([]);
        const target = cells[r];
        while (target.length <= c) target.push(null);
        target[c] = cell;
      });
    });
    merges.push(...g.merges);
  }
  return { name, cells, merges };
}

/** Read a cell back by A1 address (tests' shorthand). */
export function at(g: SheetGrid, a1: string): Cell | null {
  const p = fromA1(a1);
  if (!p) throw new Error(`bad address ${a1}`);
  return g.cells[p.row]?.[p.col] ?? null;
}
