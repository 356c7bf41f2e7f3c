/**
 * The undo log every add-in write goes through, as data (zod) and as rows for the very-hidden sheet
 * `_report_tables`: each entry is JSON split into chunks that fit a cell (Excel holds at most 32,767 characters).
 */
import { z } from 'zod';
import { undoStructureSchema } from './structure';

export const undoCellSchema = z.object({
  sheet: z.string(),
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  /** The cell as it was; null when it was empty (no value, no formula, no format). */
  before: z
    .object({
      v: z.union([z.number(), z.string(), z.boolean(), z.null()]),
      f: z.string().optional(),
      error: z.string().optional(),
      fmt: z.string().optional(),
      date: z.boolean().optional(),
    })
    .nullable(),
});
export type UndoCell = z.infer<typeof undoCellSchema>;

export const undoEntrySchema = z.object({
  id: z.string().min(1),
  /** ISO time of the change. */
  time: z.string(),
  /** What the change was ('fill', 'template', 'import' …), for the pane's "Undo last change" button. */
  label: z.string(),
  cells: z.array(undoCellSchema),
  /** What a structural change made besides cells (sheets, merges, registry, names, chart); absent for a fill. */
  structure: undoStructureSchema.optional(),
});
export type UndoEntry = z.infer<typeof undoEntrySchema>;

export const undoLogSchema = z.object({
  version: z.literal(1),
  /** Oldest first; the last entry is the one "Undo last change" reverts. */
  entries: z.array(undoEntrySchema),
});
export type UndoLog = z.infer<typeof undoLogSchema>;

/** Longest text one cell holds in Excel. */
export const MAX_CELL_CHARS = 32767;
/** The first cell of every undo row. */
export const UNDO_ROW_TAG = 'undo';
/** Entries kept: older ones fall off when a new one is pushed. */
export const DEFAULT_MAX_ENTRIES = 20;

export function emptyUndoLog(): UndoLog {
  return { version: 1, entries: [] };
}

export function pushUndo(log: UndoLog, entry: UndoEntry, maxEntries = DEFAULT_MAX_ENTRIES): UndoLog {
  const entries = [...log.entries, undoEntrySchema.parse(entry)];
  return { version: 1, entries: entries.slice(Math.max(0, entries.length - maxEntries)) };
}

/** The last entry and the log without it; null entry when there is nothing to undo. */
export function popUndo(log: UndoLog): { entry: UndoEntry | null; log: UndoLog } {
  if (log.entries.length === 0) return { entry: null, log };
  return { entry: log.entries[log.entries.length - 1], log: { version: 1, entries: log.entries.slice(0, -1) } };
}

/** Split text into pieces of at most `max` UTF-16 units, never between the halves of a surrogate pair. */
export function chunkText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('chunk size must be at least 2');
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length ? out : [''];
}

/**
 * The log as sheet rows: one row per chunk, `['undo', entry id, chunk index, chunk count, JSON chunk]`, entries
 * oldest first. Every cell stays within `maxChars` (Excel's cell limit by default).
 */
export function undoLogToRows(log: UndoLog, maxChars = MAX_CELL_CHARS): string[][] {
  const rows: string[][] = [];
  for (const entry of undoLogSchema.parse(log).entries) {
    const chunks = chunkText(JSON.stringify(entry), maxChars);
    chunks.forEach((chunk, i) => rows.push([UNDO_ROW_TAG, entry.id, String(i), String(chunks.length), chunk]));
  }
  return rows;
}

export type UndoRowsResult = { ok: true; log: UndoLog } | { ok: false; reason: string };

/**
 * Rows read back from the sheet → the log. Rows of other kinds are ignored (the registry sheet holds specs too);
 * an entry with a missing or broken chunk is a reason, never a throw.
 */
export function undoLogFromRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): UndoRowsResult {
  const order: string[] = [];
  const pieces = new Map<string, { count: number; chunks: Map<number, string> }>();
  for (const row of rows) {
    if (row[0] !== UNDO_ROW_TAG) continue;
    const id = String(row[1] ?? '');
    const index = Number(row[2]);
    const count = Number(row[3]);
    const chunk = row[4] === null || row[4] === undefined ? '' : String(row[4]);
    if (!id || !Number.isInteger(index) || !Number.isInteger(count) || index < 0 || index >= count) {
      return { ok: false, reason: `undo row for '${id}' has a bad chunk index` };
    }
    let entry = pieces.get(id);
    if (!entry) {
      entry = { count, chunks: new Map() };
      pieces.set(id, entry);
      order.push(id);
    }
    if (entry.count !== count) return { ok: false, reason: `undo entry '${id}' disagrees on its chunk count` };
    entry.chunks.set(index, chunk);
  }
  const entries: UndoEntry[] = [];
  for (const id of order) {
    const { count, chunks } = pieces.get(id)!;
    if (chunks.size !== count) return { ok: false, reason: `undo entry '${id}' is missing ${count - chunks.size} chunk(s)` };
    const text = Array.from({ length: count }, (_, i) => chunks.get(i)).join('');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: `undo entry '${id}' is not valid JSON` };
    }
    const parsed = undoEntrySchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: `undo entry '${id}' does not match the schema` };
    entries.push(parsed.data);
  }
  return { ok: true, log: { version: 1, entries } };
}
