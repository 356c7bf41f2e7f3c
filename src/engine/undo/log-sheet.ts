/**
 * The undo log as rows of the very-hidden sheet it shares with the registry, pure: which rows hold which entry,
 * the writes that append an entry or clear one, and the sheet as a grid for the registry's own row planning.
 * Both adapters (the Excel add-in and exceljs) use these, so a file's log reads the same in either.
 */
import type { SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import { decodeRegistryRows, REGISTRY_SHEET } from '../registry/registry-rows';
import { chunkText, undoEntrySchema, undoLogFromRows, MAX_CELL_CHARS, UNDO_ROW_TAG, type UndoEntry } from './undo-log';

/** Columns an undo row uses. */
export const UNDO_COLUMNS = 5;
/** A little under a cell's limit: the apostrophe that keeps a chunk text in Excel travels with it. */
export const UNDO_CHUNK_CHARS = MAX_CELL_CHARS - 16;

export interface LogSheet {
  /** First row after every row in use (where new entries go). */
  end: number;
  /** Sheet rows of each entry, by id. */
  rowsOf: Map<string, number[]>;
  /** Widths of those rows (to clear them whole). */
  widthOf: Map<number, number>;
  parsed: ReturnType<typeof undoLogFromRows>;
}

function lastFilled(line: readonly unknown[]): number {
  for (let i = line.length - 1; i >= 0; i--) if (line[i] !== '' && line[i] !== null && line[i] !== undefined) return i;
  return -1;
}

/** The sheet's rows from A1 (null for an empty row) → where the log's entries are, and the log itself. */
export function readLogSheet(rows: readonly (readonly unknown[] | null | undefined)[], end = rows.length): LogSheet {
  const rowsOf = new Map<string, number[]>();
  const widthOf = new Map<number, number>();
  const lines = rows.map((line) => line ?? []);
  lines.forEach((line, r) => {
    if (line[0] !== UNDO_ROW_TAG) return;
    const id = String(line[1] ?? '');
    rowsOf.set(id, [...(rowsOf.get(id) ?? []), r]);
    widthOf.set(r, Math.max(UNDO_COLUMNS, lastFilled(line) + 1));
  });
  return { end, rowsOf, widthOf, parsed: undoLogFromRows(lines) };
}

/** Blanks over every row of these entries. */
export function clearEntryWrites(log: LogSheet, ids: readonly string[]): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const id of ids) {
    for (const row of log.rowsOf.get(id) ?? []) {
      const width = log.widthOf.get(row) ?? UNDO_COLUMNS;
      for (let col = 0; col < width; col++) writes.push({ sheet: REGISTRY_SHEET, row, col, value: null });
    }
  }
  return writes;
}

/**
 * The entry's rows from `start` down (callers pass a row below everything in use and below any registry row
 * they are about to write), and the oldest entries' rows cleared past `maxEntries`. A damaged log is left as
 * it is (undo says so).
 */
export function appendEntryWrites(log: LogSheet, entry: UndoEntry, start: number, maxEntries: number, chunkChars = UNDO_CHUNK_CHARS): CellWrite[] {
  const writes: CellWrite[] = [];
  const chunks = chunkText(JSON.stringify(undoEntrySchema.parse(entry)), chunkChars);
  chunks.forEach((chunk, i) => {
    const cells = [UNDO_ROW_TAG, entry.id, String(i), String(chunks.length), chunk];
    cells.forEach((value, col) => writes.push({ sheet: REGISTRY_SHEET, row: start + i, col, value }));
  });
  if (log.parsed.ok) {
    const ids = log.parsed.log.entries.map((e) => e.id);
    writes.push(...clearEntryWrites(log, ids.slice(0, Math.max(0, ids.length + 1 - maxEntries))));
  }
  return writes;
}

/**
 * The sheet as a grid for `registrySheetWrites`. With `keepUnreadable`, a 'table' row that cannot be read is
 * shown as some other row, so a rewrite leaves it where it is (the check keeps reporting it) instead of reusing it.
 */
export function hiddenSheetGrid(rows: readonly (readonly unknown[] | null | undefined)[], keepUnreadable = false): SheetGrid {
  const unreadable = new Set(keepUnreadable ? decodeRegistryRows(rows).problems.map((p) => p.row) : []);
  return {
    name: REGISTRY_SHEET,
    merges: [],
    cells: rows.map((line, r) =>
      line
        ? line.map((v, c) => {
            if (v === null || v === undefined || v === '') return null;
            if (c === 0 && unreadable.has(r)) return { v: 'table?' };
            return { v: v as string | number | boolean };
          })
        : [],
    ),
  };
}

/** The last row `writes` touch (−1 for none). */
export function lastRowOf(writes: readonly CellWrite[]): number {
  return writes.reduce((m, w) => Math.max(m, w.row), -1);
}

/** Whether the sheet holds nothing once these writes are made (so a sheet the change created can go again). */
export function emptyAfter(rows: readonly (readonly unknown[] | null | undefined)[], writes: readonly CellWrite[]): boolean {
  const filled = new Set<string>();
  rows.forEach((line, r) => line?.forEach((v, c) => v !== null && v !== undefined && v !== '' && filled.add(`${r},${c}`)));
  for (const w of writes) {
    const k = `${w.row},${w.col}`;
    if (w.value === null || w.value === '') filled.delete(k);
    else filled.add(k);
  }
  return filled.size === 0;
}
