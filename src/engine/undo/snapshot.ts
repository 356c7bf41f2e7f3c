/** Undo, pure: remember every cell a set of writes is about to change, and the writes that put them back. */
import type { Cell, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import type { UndoCell, UndoEntry } from './undo-log';

export interface SnapshotMeta {
  id?: string;
  /** ISO time; defaults to now. */
  time?: string;
  label?: string;
}

function copyCell(cell: Cell | null | undefined): UndoCell['before'] {
  if (!cell) return null;
  const out: NonNullable<UndoCell['before']> = { v: cell.v ?? null };
  if (cell.f !== undefined) out.f = cell.f;
  if (cell.error !== undefined) out.error = cell.error;
  if (cell.fmt !== undefined) out.fmt = cell.fmt;
  if (cell.date) out.date = true;
  return out;
}

/** The cells `writes` will change, as they are now (an empty cell too), once each, in write order. */
export function snapshotCells(sheets: readonly SheetGrid[], writes: readonly CellWrite[], meta: SnapshotMeta = {}): UndoEntry {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const cells: UndoCell[] = [];
  for (const w of writes) {
    const k = `${w.sheet}\u0000${w.row},${w.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const sheet = byName.get(w.sheet);
    if (!sheet) throw new Error(`snapshotCells: no sheet named '${w.sheet}'`);
    cells.push({ sheet: w.sheet, row: w.row, col: w.col, before: copyCell(sheet.cells[w.row]?.[w.col]) });
  }
  const time = meta.time ?? new Date().toISOString();
  return { id: meta.id ?? `undo-${time}`, time, label: meta.label ?? 'fill', cells };
}

/** The writes that restore an entry's cells exactly: value, formula, error, date flag and number format. */
export function undoWrites(entry: UndoEntry): CellWrite[] {
  return entry.cells.map(({ sheet, row, col, before }) => {
    const w: CellWrite = { sheet, row, col, value: before?.v ?? null, fmt: before?.fmt ?? 'General' };
    if (before?.f !== undefined) w.formula = before.f;
    if (before?.error !== undefined) w.error = before.error;
    if (before?.date) w.date = true;
    return w;
  });
}

/**
 * Apply writes to grids as a spreadsheet would (new grids; the inputs are not touched). An empty write
 * (no value, no formula, General) leaves the cell empty. Used by the standalone pane and by the tests.
 */
export function applyCellWrites(sheets: readonly SheetGrid[], writes: readonly CellWrite[]): SheetGrid[] {
  const copies = new Map<string, (Cell | null | undefined)[][]>();
  const rowsOf = (name: string) => {
    let rows = copies.get(name);
    if (!rows) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`applyCellWrites: no sheet named '${name}'`);
      rows = sheet.cells.map((line) => Array.from(line));
      copies.set(name, rows);
    }
    return rows;
  };
  for (const w of writes) {
    const rows = rowsOf(w.sheet);
    while (rows.length <= w.row) rows.push([]);
    const line = rows[w.row];
    const old = line[w.col] ?? null;
    const fmt = w.fmt === undefined ? old?.fmt : w.fmt === 'General' ? undefined : w.fmt;
    const cell: Cell = { v: w.value };
    if (w.formula !== undefined) cell.f = w.formula;
    if (w.error !== undefined) cell.error = w.error;
    if (fmt !== undefined) cell.fmt = fmt;
    if (w.date) cell.date = true;
    while (line.length <= w.col) line.push(null);
    const empty = cell.v === null && cell.f === undefined && cell.error === undefined && cell.fmt === undefined;
    line[w.col] = empty ? null : cell;
  }
  return sheets.map((s) => (copies.has(s.name) ? { ...s, cells: copies.get(s.name)! } : s));
}
