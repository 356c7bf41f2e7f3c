/// <reference types="office-js" />
/**
 * The table registry in Excel: rows of the very-hidden sheet `_report_tables` (shared with the undo log) and
 * workbook-scoped names `RT_<id>`, which Excel moves with the table when rows or columns are inserted.
 *
 * Round trips: reading takes 2 `context.sync()` calls (1: the sheet and every name; 2: the sheet's rows — skipped
 * when there is no registry sheet). Writing takes 3 (the same 2 to read what is there, 1 to write), 2 when the
 * registry sheet is new: the undo rows the sheet also holds must stay where they are, so they are read first.
 */
import type { CellWrite, RegistryEntry, RegistryRead, SheetGrid } from '../engine';
import { absoluteReference, decodeRegistryRows, definedNameOf, NAME_PREFIX, REGISTRY_SHEET, registrySheetWrites, toA1, withDefinedNames } from '../engine';
import type { ExcelRun } from './excel-workbook';
import { excelInput } from './cells';
import { toAdapterError } from './errors';

export interface RegistryStats {
  syncs: number;
}

interface Snapshot {
  rows: unknown[][];
  origin: { row: number; col: number };
  exists: boolean;
  names: Map<string, string | null>;
}

async function readSnapshot(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Snapshot> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  sheet.load('name');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  await sync();
  const map = new Map<string, string | null>(names.items.map((n) => [n.name, typeof n.formula === 'string' ? n.formula.replace(/^=/, '') : null]));
  if (sheet.isNullObject) return { rows: [], origin: { row: 0, col: 0 }, exists: false, names: map };
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await sync();
  if (used.isNullObject) return { rows: [], origin: { row: 0, col: 0 }, exists: true, names: map };
  return { rows: used.values as unknown[][], origin: { row: used.rowIndex, col: used.columnIndex }, exists: true, names: map };
}

/** The used range's values placed at their sheet position, with Excel's '' as empty. */
function rowsAt(s: Snapshot): (unknown[] | null)[] {
  const out: (unknown[] | null)[] = Array.from({ length: s.origin.row }, () => null);
  for (const line of s.rows) out.push([...Array.from({ length: s.origin.col }, () => null), ...line.map((v) => (v === '' ? null : v))]);
  return out;
}

function asGrid(s: Snapshot): SheetGrid {
  return { name: REGISTRY_SHEET, merges: [], cells: rowsAt(s).map((line) => (line ? line.map((v) => (v === null || v === undefined ? null : { v: v as string | number | boolean })) : [])) };
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

  async read(): Promise<RegistryRead> {
    const stats: RegistryStats = { syncs: 0 };
    this.lastStats = stats;
    try {
      return await this.run(async (context) => {
        const snapshot = await readSnapshot(context, counter(context, stats));
        return withDefinedNames(decodeRegistryRows(rowsAt(snapshot)), snapshot.names);
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: REGISTRY_SHEET });
    }
  }

  /** The registry becomes exactly `entries`: their rows (undo rows kept) and their RT_ names (stale ones deleted). */
  async write(entries: RegistryEntry[]): Promise<void> {
    const stats: RegistryStats = { syncs: 0 };
    this.lastStats = stats;
    try {
      await this.run(async (context) => {
        const sync = counter(context, stats);
        const snapshot = await readSnapshot(context, sync);
        // Encoding validates every entry before anything is queued.
        const writes = registrySheetWrites(asGrid(snapshot), entries);
        let sheet: Excel.Worksheet;
        if (snapshot.exists) sheet = context.workbook.worksheets.getItem(REGISTRY_SHEET);
        else {
          sheet = context.workbook.worksheets.add(REGISTRY_SHEET);
          sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
        }
        for (const row of rowsOf(writes)) {
          const range = sheet.getRange(`${toA1(row.row, row.col)}:${toA1(row.row, row.col + row.values.length - 1)}`);
          range.values = [row.values.map((v) => excelInput(v))];
        }
        for (const name of snapshot.names.keys()) {
          if (name.startsWith(NAME_PREFIX)) context.workbook.names.getItem(name).delete();
        }
        for (const e of entries) context.workbook.names.add(definedNameOf(e.id), `=${absoluteReference(e.sheet, e.range)}`);
        await sync();
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: REGISTRY_SHEET });
    }
  }
}

/** Writes grouped into one run per row of consecutive cells. */
function rowsOf(writes: readonly CellWrite[]): { row: number; col: number; values: CellWrite['value'][] }[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { row: number; col: number; values: CellWrite['value'][] }[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.row === w.row && last.col + last.values.length === w.col) last.values.push(w.value);
    else out.push({ row: w.row, col: w.col, values: [w.value] });
  }
  return out;
}
