import type { CellRange, CellRef } from './types';

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "A" -> 0, "AA" -> 26. Returns -1 for text that is not a column name. */
export function columnIndex(name: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(name)) return -1;
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row 0, col 0) -> "A1". */
export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`bad row index ${row}`);
  return `${columnName(col)}${row + 1}`;
}

export function refToA1(ref: CellRef): string {
  return toA1(ref.row, ref.col);
}

/** "B7" -> {row: 6, col: 1}; "$B$7" accepted. Returns null for anything else. */
export function fromA1(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return null;
  return { row, col };
}

export function rangeToA1(range: CellRange): string {
  const a = toA1(range.r0, range.c0);
  const b = toA1(range.r1, range.c1);
  return a === b ? a : `${a}:${b}`;
}

/** "B4:G8" or "B4" -> range; null when malformed. */
export function rangeFromA1(text: string): CellRange | null {
  const parts = text.trim().split(':');
  if (parts.length > 2) return null;
  const a = fromA1(parts[0]);
  const b = parts.length === 2 ? fromA1(parts[1]) : a;
  if (!a || !b) return null;
  return {
    r0: Math.min(a.row, b.row),
    c0: Math.min(a.col, b.col),
    r1: Math.max(a.row, b.row),
    c1: Math.max(a.col, b.col),
  };
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.r0 && row <= range.r1 && col >= range.c0 && col <= range.c1;
}
