/// <reference types="office-js" />
/**
 * The table registry in Excel: rows of the very-hidden sheet `_report_tables` (shared with the undo log) and
 * workbook-scoped names `RT_<id>`, which Excel moves with the table when rows or columns are inserted.
 *
 * The pieces are queued into a caller's batch, so the undo log writes the registry in the same request as a
 * template's cells (see ./undo-log.ts): `requestHiddenSheet` + `requestNames` (read in one sync), then
 * `queueRegistryWrite`. On its own: reading takes 1 `context.sync()` (the sheet, its used range and every name
 * at once; a missing sheet gives null objects), writing 2 (that read, then every row and name).
 */
import type { CellWrite, RegistryEntry, RegistryRead } from '../engine';
import { absoluteReference, decodeRegistryRows, definedNameOf, hiddenSheetGrid, NAME_PREFIX, REGISTRY_SHEET, registrySheetWrites, toA1, withDefinedNames } from '../engine';
import type { ExcelRun } from './excel-workbook';
import { excelInput } from './cells';
import { toAdapterError } from './errors';

export interface RegistryStats {
  syncs: number;
}

export interface HiddenSheetRequest {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** `_report_tables` as read: its rows from A1 ('' read as null), and the first row after every row in use. */
export interface HiddenSheetRead {
  exists: boolean;
  rows: (unknown[] | null)[];
  end: number;
}

/** Queue the read of the very-hidden sheet (rows of the registry and the undo log alike). */
export function requestHiddenSheet(context: Excel.RequestContext): HiddenSheetRequest {
  const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,values');
  return { sheet, used };
}

export function readHiddenSheet(request: HiddenSheetRequest): HiddenSheetRead {
  if (request.sheet.isNullObject) return { exists: false, rows: [], end: 0 };
  if (request.used.isNullObject) return { exists: true, rows: [], end: 0 };
  const { rowIndex, columnIndex, rowCount } = request.used;
  const rows: (unknown[] | null)[] = Array.from({ length: rowIndex }, () => null);
  for (const line of request.used.values as unknown[][]) {
    rows.push([...Array.from({ length: columnIndex }, () => null), ...line.map((v) => (v === '' ? null : v))]);
  }
  return { exists: true, rows, end: rowIndex + rowCount };
}

/** Queue the read of every defined name (name and formula only). */
export function requestNames(context: Excel.RequestContext): Excel.NamedItemCollection {
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  return names;
}

/** name → reference without '=' (null when the formula is not text). */
export function namesOf(collection: Excel.NamedItemCollection): Map<string, string | null> {
  return new Map(collection.items.map((n) => [n.name, typeof n.formula === 'string' ? n.formula.replace(/^=/, '') : null]));
}

/** What a registry write changes besides rows: names deleted first, then names added. */
export interface NameChanges {
  remove: string[];
  add: { name: string; reference: string }[];
}

/** Rows (one range per run of cells) and names; the sheet is created very hidden first when missing. */
export function queueRegistryWrite(context: Excel.RequestContext, hidden: HiddenSheetRead, rows: readonly CellWrite[], names: NameChanges): void {
  let sheet: Excel.Worksheet;
  if (hidden.exists) sheet = context.workbook.worksheets.getItem(REGISTRY_SHEET);
  else {
    sheet = context.workbook.worksheets.add(REGISTRY_SHEET);
    sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
  }
  for (const run of rowRuns(rows)) {
    const range = sheet.getRange(`${toA1(run.row, run.col)}:${toA1(run.row, run.col + run.values.length - 1)}`);
    range.values = [run.values.map((v) => excelInput(v))];
  }
  for (const name of names.remove) context.workbook.names.getItem(name).delete();
  // Repointing is delete + add: NamedItem.formula is writable only from ExcelApi 1.7.
  for (const n of names.add) context.workbook.names.add(n.name, `=${n.reference}`);
}

/** The names that make RT_ names exactly those of `entries`: stale ones go, moved ones are repointed, equal ones stay. */
export function exactNameChanges(existing: ReadonlyMap<string, string | null>, entries: readonly RegistryEntry[]): NameChanges {
  const wanted = new Map(entries.map((e) => [definedNameOf(e.id), absoluteReference(e.sheet, e.range)]));
  const remove = [...existing.keys()].filter((n) => n.startsWith(NAME_PREFIX) && wanted.get(n) !== existing.get(n));
  const add = [...wanted].filter(([n, ref]) => existing.get(n) !== ref).map(([name, reference]) => ({ name, reference }));
  return { remove, add };
}

function counter(context: Excel.RequestContext, stats: RegistryStats): () => Promise<void> {
  return async () => {
    stats.syncs += 1;
    await context.sync();
  };
}

export class ExcelRegistry {
  lastStats: RegistryStats = { syncs: 0 };

  constructor(private readonly run: ExcelRun) {}

  /** 1 sync. */
  async read(): Promise<RegistryRead> {
    const stats: RegistryStats = { syncs: 0 };
    this.lastStats = stats;
    try {
      return await this.run(async (context) => {
        const hidden = requestHiddenSheet(context);
        const names = requestNames(context);
        await counter(context, stats)();
        return withDefinedNames(decodeRegistryRows(readHiddenSheet(hidden).rows), namesOf(names));
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: REGISTRY_SHEET });
    }
  }

  /** The registry becomes exactly `entries`: their rows (undo rows kept) and their RT_ names (stale ones deleted). 2 syncs. */
  async write(entries: RegistryEntry[]): Promise<void> {
    const stats: RegistryStats = { syncs: 0 };
    this.lastStats = stats;
    try {
      await this.run(async (context) => {
        const sync = counter(context, stats);
        const request = requestHiddenSheet(context);
        const names = requestNames(context);
        await sync();
        const hidden = readHiddenSheet(request);
        // Encoding validates every entry before anything is queued.
        const rows = registrySheetWrites(hiddenSheetGrid(hidden.rows), entries);
        queueRegistryWrite(context, hidden, rows, exactNameChanges(namesOf(names), entries));
        await sync();
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: REGISTRY_SHEET });
    }
  }
}

/** Writes grouped into one run per row of consecutive cells. */
function rowRuns(writes: readonly CellWrite[]): { row: number; col: number; values: CellWrite['value'][] }[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { row: number; col: number; values: CellWrite['value'][] }[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.row === w.row && last.col + last.values.length === w.col) last.values.push(w.value);
    else out.push({ row: w.row, col: w.col, values: [w.value] });
  }
  return out;
}
