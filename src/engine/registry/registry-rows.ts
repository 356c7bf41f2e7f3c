/**
 * The workbook's table registry as data: one row per structured table in the very-hidden sheet
 * `_report_tables` (which the undo log shares: its rows start with 'undo', ours with 'table'), and a
 * workbook-scoped defined name `RT_<id>` for the table's range, which Excel keeps up to date when rows move.
 *
 * Row: ['table', id, sheet, range (A1), kind, created, updated, chunk count, spec JSON chunk 1, chunk 2, …].
 * A spec longer than a cell holds (32,767 characters) goes on in the next cells of its row.
 */
import { z } from 'zod';
import { rangeFromA1, rangeToA1 } from '../grid/a1';
import type { CellRange, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import { TABLE_KINDS } from '../model/table';
import { chunkText, MAX_CELL_CHARS } from '../undo';
import { parseTableSpec, tableSpecSchema } from '../../specs';

export const REGISTRY_SHEET = '_report_tables';
export const REGISTRY_ROW_TAG = 'table';
export const NAME_PREFIX = 'RT_';
/** Columns before the spec's chunks. */
const FIXED_COLUMNS = 8;

const cellRangeSchema = z.object({ r0: z.number().int().min(0), c0: z.number().int().min(0), r1: z.number().int().min(0), c1: z.number().int().min(0) });

export const registryEntrySchema = z.object({
  /** Letters, digits and underscores: `RT_<id>` must be a valid defined name that cannot read as a cell. */
  id: z.string().regex(/^[A-Za-z0-9_]{1,200}$/, 'letters, digits and _ only'),
  sheet: z.string().min(1).max(31),
  range: cellRangeSchema.refine((r) => r.r0 <= r.r1 && r.c0 <= r.c1, 'the range is upside down'),
  kind: z.enum(TABLE_KINDS),
  spec: tableSpecSchema,
  created: z.string(),
  updated: z.string(),
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

/** A registry row that could not be read (kept as data; the check reports it, nothing throws). */
export interface RegistryProblem {
  /** 0-based row of the registry sheet. */
  row: number;
  id?: string;
  sheet?: string;
  range?: CellRange;
  reason: string;
}

export interface RegistryRead {
  entries: RegistryEntry[];
  problems: RegistryProblem[];
  /**
   * 'names' when each range is what its RT_ name holds (adapters); otherwise the ranges are as last written in
   * the registry rows, and a table the sheet has since moved (rows inserted above it) is looked for nearby.
   */
  located?: 'names' | 'rows';
}

export function definedNameOf(id: string): string {
  return `${NAME_PREFIX}${id}`;
}

export function idOfDefinedName(name: string): string | null {
  return name.startsWith(NAME_PREFIX) && name.length > NAME_PREFIX.length ? name.slice(NAME_PREFIX.length) : null;
}

/** 'Sheet'!$B$4:$G$8: the reference a defined name holds. */
export function absoluteReference(sheet: string, range: CellRange): string {
  const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const [from, to] = rangeToA1(range).split(':');
  const body = to ? `${abs(from)}:${abs(to)}` : `${abs(from)}:${abs(from)}`;
  return `'${sheet.replace(/'/g, "''")}'!${body}`;
}

/** A defined name's reference back to sheet and range; null for anything else (#REF!, constants, several areas). */
export function parseReference(text: string): { sheet: string; range: CellRange } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!:,\s]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const range = rangeFromA1(m[3].replace(/\$/g, ''));
  return range ? { sheet, range } : null;
}

/** Entries as registry rows. Invalid entries are programmer misuse and throw. */
export function encodeRegistryRows(entries: readonly RegistryEntry[], maxChars = MAX_CELL_CHARS): string[][] {
  const ids = new Set<string>();
  return entries.map((e) => {
    const entry = registryEntrySchema.parse(e);
    if (ids.has(entry.id)) throw new RangeError(`two registered tables share the id '${entry.id}'`);
    ids.add(entry.id);
    const chunks = chunkText(JSON.stringify(entry.spec), maxChars);
    return [REGISTRY_ROW_TAG, entry.id, entry.sheet, rangeToA1(entry.range), entry.kind, entry.created, entry.updated, String(chunks.length), ...chunks];
  });
}

const text = (x: unknown): string => (x === null || x === undefined ? '' : String(x));

/** Registry rows back to entries; every broken row is a problem, the others still come through. */
export function decodeRegistryRows(rows: ReadonlyArray<ReadonlyArray<unknown> | null | undefined>): RegistryRead {
  const entries: RegistryEntry[] = [];
  const problems: RegistryProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    if (!row || row[0] !== REGISTRY_ROW_TAG) return;
    const id = text(row[1]);
    const sheet = text(row[2]);
    const range = rangeFromA1(text(row[3])) ?? undefined;
    const problem = (reason: string) => problems.push({ row: r, id: id || undefined, sheet: sheet || undefined, range, reason });
    const count = Number(row[7]);
    if (!Number.isInteger(count) || count < 1) return problem('the spec chunk count is missing');
    const chunks = Array.from({ length: count }, (_, i) => row[FIXED_COLUMNS + i]);
    if (chunks.some((c) => typeof c !== 'string')) return problem(`the spec is cut short (${count} chunks expected)`);
    let json: unknown;
    try {
      json = JSON.parse(chunks.join(''));
    } catch {
      return problem('the spec is not valid JSON');
    }
    const spec = parseTableSpec(json);
    if (!spec.ok) return problem(`the spec is invalid: ${spec.problems.map((p) => `${p.path.join('.') || '(root)'}: ${p.message}`).join('; ')}`);
    const parsed = registryEntrySchema.safeParse({ id, sheet, range, kind: text(row[4]), spec: spec.spec, created: text(row[5]), updated: text(row[6]) });
    if (!parsed.success) return problem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (parsed.data.kind !== parsed.data.spec.kind) return problem(`the row says ${parsed.data.kind} but its spec is ${parsed.data.spec.kind}`);
    if (seen.has(id)) return problem(`the id '${id}' is registered twice`);
    seen.add(id);
    entries.push(parsed.data);
  });
  return { entries, problems };
}

/** The registry as the workbook's sheets hold it (ranges as last written: without the defined names). */
export function registryFromSheets(sheets: readonly SheetGrid[]): RegistryRead {
  const sheet = sheets.find((s) => s.name === REGISTRY_SHEET);
  if (!sheet) return { entries: [], problems: [] };
  return decodeRegistryRows(sheet.cells.map((line) => (line ? line.map((c) => c?.v ?? null) : null)));
}

/**
 * Apply what the defined names say: a name moves its table's range (rows inserted above it); an entry whose name
 * is gone or points nowhere (#REF!, its columns deleted) keeps its stored range and becomes a problem.
 */
export function withDefinedNames(read: RegistryRead, names: ReadonlyMap<string, string | null>): RegistryRead {
  const entries: RegistryEntry[] = [];
  const problems = [...read.problems];
  read.entries.forEach((e) => {
    const name = definedNameOf(e.id);
    if (!names.has(name)) {
      problems.push({ row: -1, id: e.id, sheet: e.sheet, range: e.range, reason: `the defined name ${name} is gone` });
      return;
    }
    const ref = parseReference(names.get(name) ?? '');
    if (!ref) {
      problems.push({ row: -1, id: e.id, sheet: e.sheet, range: e.range, reason: `the defined name ${name} no longer points at a range` });
      return;
    }
    entries.push({ ...e, sheet: ref.sheet, range: ref.range });
  });
  return { entries, problems, located: 'names' };
}

/**
 * The writes that make the registry sheet hold exactly these entries, leaving every other row (the undo log's)
 * where it is: table rows go into the rows old table rows or blank lines used, then below; left-over old table
 * rows are cleared.
 */
export function registrySheetWrites(existing: SheetGrid | undefined, entries: readonly RegistryEntry[], maxChars = MAX_CELL_CHARS): CellWrite[] {
  const rows = encodeRegistryRows(entries, maxChars);
  const old = existing?.cells ?? [];
  const free: number[] = [];
  old.forEach((line, r) => {
    const first = line?.[0]?.v ?? null;
    const blank = !line || line.every((c) => !c || c.v === null || c.v === '');
    if (first === REGISTRY_ROW_TAG || blank) free.push(r);
  });
  let next = old.length;
  const writes: CellWrite[] = [];
  rows.forEach((cells) => {
    const r = free.length ? free.shift()! : next++;
    const width = Math.max(cells.length, old[r]?.length ?? 0);
    for (let c = 0; c < width; c++) writes.push({ sheet: REGISTRY_SHEET, row: r, col: c, value: c < cells.length ? cells[c] : null });
  });
  for (const r of free) {
    const line = old[r];
    if (!line || line[0]?.v !== REGISTRY_ROW_TAG) continue;
    line.forEach((cell, c) => {
      if (cell) writes.push({ sheet: REGISTRY_SHEET, row: r, col: c, value: null });
    });
  }
  return writes;
}

/** A fresh id for a new table: kind and a counter, unique among those given. */
export function newTableId(kind: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = kind.replace(/[^A-Za-z0-9]/g, '_');
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!used.has(id)) return id;
  }
}
