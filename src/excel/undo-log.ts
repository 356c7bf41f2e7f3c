/// <reference types="office-js" />
/**
 * Every write the add-in makes goes through here, so "Undo last change" always works: Excel may clear its own
 * undo history after an add-in writes, so the add-in keeps one of its own, in the workbook.
 *
 * Where the log lives: the very-hidden sheet `_report_tables` (shared with the table registry, whose rows start
 * with 'table'). Undo rows start with 'undo': `['undo', entry id, chunk index, chunk count, JSON chunk]`
 * (src/engine/undo). An entry's rows are appended below every row in use, so row order is entry order; undoing
 * or dropping an entry clears its rows (the registry may reuse blank rows).
 *
 * Round trips: `applyWithUndo` takes 2 `context.sync()` calls (1: the cells about to change — values, formulas,
 * number formats, empty ones too — each target sheet's protection, and the log; 2: every write and the new log
 * rows). `undoLast` takes 2 (1: the log, sheet names, and the protection of the sheets the last known entry
 * touches; 2: the restoring writes and the cleared rows), plus 1 when the entry names a sheet it did not expect.
 * `peek` takes 1. A batch larger than `writeCells` cells is sent in several requests.
 */
import type { Cell, CellWrite, SheetGrid } from '../engine';
import {
  MAX_CELL_CHARS,
  UNDO_ROW_TAG,
  DEFAULT_MAX_ENTRIES,
  REGISTRY_SHEET,
  chunkText,
  popUndo,
  snapshotCells,
  toA1,
  undoEntrySchema,
  undoLogFromRows,
  undoWrites,
  type UndoEntry,
  type UndoLog,
} from '../engine';
import { cellFromExcel, excelInput, type ValueType } from './cells';
import { writeRuns, type ExcelRun } from './excel-workbook';
import { ExcelAdapterError, excelErrorCode, excelProblem, toAdapterError } from './errors';

/** The very-hidden sheet holding the undo log (the registry sheet; see DESIGN.md "Structured sheets"). */
export const UNDO_SHEET = REGISTRY_SHEET;
/** Columns an undo row uses. */
const UNDO_COLUMNS = 5;
/** A little under Excel's cell limit: the apostrophe that keeps a chunk text travels with it. */
const CHUNK_CHARS = MAX_CELL_CHARS - 16;
const DEFAULT_WRITE_CELLS = 50_000;
const CELL_PROPERTIES = 'values,formulas,numberFormat,valueTypes';

export interface ExcelUndoLogOptions {
  /** Runs a batch; defaults to `Excel.run`. Tests pass a fake. */
  run?: ExcelRun;
  /** Entries kept; the oldest fall off. */
  maxEntries?: number;
  /** Most cells one write request carries. */
  writeCells?: number;
  now?: () => Date;
}

/** What the pane shows next to "Undo last change". */
export interface UndoSummary {
  count: number;
  last: { id: string; label: string; time: string; cells: number } | null;
}

/** Round trips of the last call, for tests and the bench. */
export interface UndoStats {
  syncs: number;
}

/** The log's rows could not be read back (edited by hand, cut short): said in both languages, never a throw of JSON. */
export class UndoLogError extends Error {
  readonly problem = {
    code: 'undo-log-damaged' as const,
    message: {
      ko: '되돌리기 기록이 손상되어 되돌릴 수 없습니다. 필요하면 저장된 이전 파일을 여세요.',
      en: 'The undo log in this workbook is damaged, so the last change cannot be undone. Open an earlier saved copy if needed.',
    },
  };

  constructor(readonly reason: string) {
    super(`undo log damaged: ${reason}`);
    this.name = 'UndoLogError';
  }
}

/** The cells changed between planning the writes and applying them: nothing was written; plan again. */
export class StalePlanError extends Error {
  readonly problem: { code: 'changed-since-preview'; message: { ko: string; en: string }; sheet: string };

  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(`${sheet}!${cell} changed after the preview`);
    this.name = 'StalePlanError';
    this.problem = {
      code: 'changed-since-preview',
      sheet,
      message: {
        ko: `미리 보기 뒤에 '${sheet}'!${cell} 셀이 바뀌어 아무것도 쓰지 않았습니다. 다시 미리 보고 채우세요.`,
        en: `Cell '${sheet}'!${cell} changed after the preview, so nothing was written. Preview the fill again.`,
      },
    };
  }
}

export interface ApplyOptions {
  /**
   * The grids the writes were planned on. A target cell whose value or formula is no longer what they hold (someone
   * typed in it since) stops the batch before anything is written, so a consent given on the preview stays true.
   */
  plannedOn?: readonly SheetGrid[];
}

/** Same content as far as a fill's consent goes: the formula for formula cells, else the value or error. */
function sameContent(now: Cell | null | undefined, planned: Cell | null | undefined): boolean {
  const empty = (c: Cell | null | undefined) => !c || (c.v === null || c.v === '') && c.f === undefined && c.error === undefined;
  if (empty(now) || empty(planned)) return empty(now) && empty(planned);
  if (planned!.f !== undefined || now!.f !== undefined) return planned!.f === now!.f;
  return planned!.v === now!.v && planned!.error === now!.error;
}

interface LogRead {
  exists: boolean;
  /** First row after every row in use (where new entries go). */
  end: number;
  /** Sheet rows of each entry, by id. */
  rowsOf: Map<string, number[]>;
  /** Widths of those rows (to clear them whole). */
  widthOf: Map<number, number>;
  parsed: ReturnType<typeof undoLogFromRows>;
}

interface LogRequest {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

function requestLog(context: Excel.RequestContext): LogRequest {
  const sheet = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount,values');
  return { sheet, used };
}

function readLog(request: LogRequest): LogRead {
  const rowsOf = new Map<string, number[]>();
  const widthOf = new Map<number, number>();
  if (request.sheet.isNullObject) return { exists: false, end: 0, rowsOf, widthOf, parsed: { ok: true, log: { version: 1, entries: [] } } };
  if (request.used.isNullObject) return { exists: true, end: 0, rowsOf, widthOf, parsed: { ok: true, log: { version: 1, entries: [] } } };
  const { rowIndex, columnIndex, rowCount } = request.used;
  const values = request.used.values as unknown[][];
  // Rows as the sheet holds them from column A (the used range may start further right).
  const rows: unknown[][] = values.map((line) => [...Array<unknown>(columnIndex).fill(''), ...line]);
  rows.forEach((line, i) => {
    if (line[0] !== UNDO_ROW_TAG) return;
    const r = rowIndex + i;
    const id = String(line[1] ?? '');
    rowsOf.set(id, [...(rowsOf.get(id) ?? []), r]);
    widthOf.set(r, Math.max(UNDO_COLUMNS, lastFilled(line) + 1));
  });
  return { exists: true, end: rowIndex + rowCount, rowsOf, widthOf, parsed: undoLogFromRows(rows) };
}

function lastFilled(line: unknown[]): number {
  for (let i = line.length - 1; i >= 0; i--) if (line[i] !== '' && line[i] !== null && line[i] !== undefined) return i;
  return -1;
}

/** A cell as Excel holds it, for the snapshot: a cell with only a number format is kept too (undo restores it). */
function snapshotCell(value: unknown, formula: unknown, format: unknown, type: ValueType | undefined): Cell | null {
  const cell = cellFromExcel(value, formula, format, type);
  if (cell) return cell;
  return typeof format === 'string' && format !== '' && format !== 'General' ? { v: null, fmt: format } : null;
}

interface ReadBlock {
  sheet: string;
  row: number;
  col: number;
  range: Excel.Range;
}

/** Horizontal runs of adjacent distinct cells: one range read covers each. */
function readRuns(writes: readonly CellWrite[]): { row: number; col: number; count: number }[] {
  const cells = [...new Map(writes.map((w) => [`${w.row},${w.col}`, w])).values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; count: number }[] = [];
  for (const w of cells) {
    const run = runs[runs.length - 1];
    if (run && run.row === w.row && run.col + run.count === w.col) run.count += 1;
    else runs.push({ row: w.row, col: w.col, count: 1 });
  }
  return runs;
}

function rangeAddress(row: number, col: number, count: number): string {
  return `${toA1(row, col)}:${toA1(row, col + count - 1)}`;
}

/** What to assign so Excel stores the write exactly: an error literal is typed as such, text stays text. */
function inputOf(w: CellWrite): number | string | boolean {
  // A formula whose result is an error is restored as the formula; only an error constant is typed as one.
  if (w.formula !== undefined) return `=${w.formula}`;
  if (w.error !== undefined) return w.error;
  return excelInput(w.value);
}

function groupBySheet(writes: readonly CellWrite[]): Map<string, CellWrite[]> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0) {
      throw new RangeError(`bad cell (${w.row}, ${w.col}) on ${w.sheet}`);
    }
    if (w.sheet === UNDO_SHEET) throw new RangeError(`writes to ${UNDO_SHEET} do not go through the undo log`);
    bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  }
  return bySheet;
}

export class ExcelUndoLog {
  private readonly run: ExcelRun;
  private readonly maxEntries: number;
  private readonly writeBudget: number;
  private readonly now: () => Date;
  private counter = 0;
  /** Sheets the newest entry touches, as last read: undo checks their protection in its first round trip. */
  private expectedSheets: string[] = [];
  lastStats: UndoStats = { syncs: 0 };

  constructor(options: ExcelUndoLogOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.writeBudget = Math.max(1, options.writeCells ?? DEFAULT_WRITE_CELLS);
    this.now = options.now ?? (() => new Date());
  }

  /** How many changes can be undone, and the newest (1 round trip). A damaged log counts as nothing to undo. */
  async peek(): Promise<UndoSummary> {
    const stats: UndoStats = { syncs: 0 };
    try {
      return await this.run(async (context) => {
        const request = requestLog(context);
        stats.syncs += 1;
        await context.sync();
        const log = readLog(request);
        if (!log.parsed.ok) return { count: 0, last: null };
        return this.summarize(log.parsed.log);
      });
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      this.lastStats = stats;
    }
  }

  /**
   * Write `writes` and remember what they replace, in 2 round trips. Missing or protected sheets are refused
   * before anything is written. Returns the entry added to the log (null when there was nothing to write).
   */
  async applyWithUndo(writes: CellWrite[], label: string, options: ApplyOptions = {}): Promise<UndoEntry | null> {
    if (writes.length === 0) return null;
    const bySheet = groupBySheet(writes);
    const stats: UndoStats = { syncs: 0 };
    const sync = async (context: Excel.RequestContext) => {
      stats.syncs += 1;
      await context.sync();
    };
    try {
      return await this.run(async (context) => {
        const sheets = new Map<string, Excel.Worksheet>();
        const blocks: ReadBlock[] = [];
        for (const [name, list] of bySheet) {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          sheet.load('name');
          sheet.protection.load('protected');
          sheets.set(name, sheet);
          for (const run of readRuns(list)) {
            const range = sheet.getRange(rangeAddress(run.row, run.col, run.count));
            range.load(CELL_PROPERTIES);
            blocks.push({ sheet: name, row: run.row, col: run.col, range });
          }
        }
        const logRequest = requestLog(context);
        try {
          await sync(context);
        } catch (error) {
          if (excelErrorCode(error) === 'ItemNotFound') await this.throwMissingSheet(context, [...bySheet.keys()], sync);
          throw error;
        }
        for (const [name, sheet] of sheets) {
          if (sheet.isNullObject) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: name }));
          if (sheet.protection.protected) throw new ExcelAdapterError(excelProblem('sheet-protected', { sheet: name }));
        }

        const current = snapshotGrids(blocks);
        if (options.plannedOn) checkUnchanged(current, options.plannedOn, writes);
        const entry = snapshotCells(current, writes, { id: this.newId(), time: this.now().toISOString(), label });
        const log = readLog(logRequest);
        const logWrites = this.appendWrites(log, entry);

        if (!log.exists) {
          const created = context.workbook.worksheets.add(UNDO_SHEET);
          created.visibility = 'VeryHidden' as Excel.SheetVisibility;
        }
        await this.queueWrites(context, writes, logWrites, sync);
        this.expectedSheets = [...bySheet.keys()];
        return entry;
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: bySheet.size === 1 ? [...bySheet.keys()][0] : undefined });
    } finally {
      this.lastStats = stats;
    }
  }

  /** Put back every cell the newest entry changed (values, formulas, number formats) and drop the entry. */
  async undoLast(): Promise<UndoEntry | null> {
    const stats: UndoStats = { syncs: 0 };
    const sync = async (context: Excel.RequestContext) => {
      stats.syncs += 1;
      await context.sync();
    };
    let sheetName: string | undefined;
    try {
      return await this.run(async (context) => {
        const logRequest = requestLog(context);
        const collection = context.workbook.worksheets;
        collection.load('items/name');
        const protections = new Map<string, Excel.WorksheetProtection>();
        for (const name of this.expectedSheets) {
          const sheet = collection.getItemOrNullObject(name);
          sheet.load('name');
          sheet.protection.load('protected');
          protections.set(name, sheet.protection);
        }
        try {
          await sync(context);
        } catch (error) {
          // A sheet expected from the last read is gone: look again without asking for its protection.
          if (excelErrorCode(error) !== 'ItemNotFound') throw error;
          protections.clear();
          const retry = requestLog(context);
          collection.load('items/name');
          await sync(context);
          Object.assign(logRequest, retry);
        }
        const log = readLog(logRequest);
        if (!log.parsed.ok) throw new UndoLogError(log.parsed.reason);
        const { entry, log: rest } = popUndo(log.parsed.log);
        if (!entry) return null;

        const present = new Set(collection.items.map((s) => s.name));
        const touched = [...new Set(entry.cells.map((c) => c.sheet))];
        for (const name of touched) {
          sheetName = name;
          if (!present.has(name)) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: name }));
        }
        const unknown = touched.filter((name) => !protections.has(name));
        if (unknown.length) {
          for (const name of unknown) {
            const sheet = collection.getItem(name);
            protections.set(name, sheet.protection);
            sheet.protection.load('protected');
          }
          await sync(context);
        }
        for (const name of touched) {
          sheetName = name;
          if (protections.get(name)!.protected) throw new ExcelAdapterError(excelProblem('sheet-protected', { sheet: name }));
        }
        sheetName = undefined;
        const clear = this.clearWrites(log, [entry.id]);
        await this.queueWrites(context, undoWrites(entry), clear, sync);
        const next = rest.entries[rest.entries.length - 1];
        this.expectedSheets = next ? [...new Set(next.cells.map((c) => c.sheet))] : [];
        return entry;
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: sheetName });
    } finally {
      this.lastStats = stats;
    }
  }

  private summarize(log: UndoLog): UndoSummary {
    const last = log.entries[log.entries.length - 1];
    this.expectedSheets = last ? [...new Set(last.cells.map((c) => c.sheet))] : [];
    return {
      count: log.entries.length,
      last: last ? { id: last.id, label: last.label, time: last.time, cells: last.cells.length } : null,
    };
  }

  private newId(): string {
    this.counter += 1;
    return `u${this.now().getTime().toString(36)}${this.counter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  }

  /** The new entry's rows below everything in use, and the oldest entries' rows cleared past `maxEntries`. */
  private appendWrites(log: LogRead, entry: UndoEntry): CellWrite[] {
    const writes: CellWrite[] = [];
    const chunks = chunkText(JSON.stringify(undoEntrySchema.parse(entry)), CHUNK_CHARS);
    chunks.forEach((chunk, i) => {
      const cells = [UNDO_ROW_TAG, entry.id, String(i), String(chunks.length), chunk];
      cells.forEach((value, col) => writes.push({ sheet: UNDO_SHEET, row: log.end + i, col, value }));
    });
    // A damaged log is left as it is (undo will say so); a readable one keeps the newest entries only.
    if (log.parsed.ok) {
      const ids = log.parsed.log.entries.map((e) => e.id);
      const drop = ids.slice(0, Math.max(0, ids.length + 1 - this.maxEntries));
      writes.push(...this.clearWrites(log, drop));
    }
    return writes;
  }

  private clearWrites(log: LogRead, ids: string[]): CellWrite[] {
    const writes: CellWrite[] = [];
    for (const id of ids) {
      for (const row of log.rowsOf.get(id) ?? []) {
        const width = log.widthOf.get(row) ?? UNDO_COLUMNS;
        for (let col = 0; col < width; col++) writes.push({ sheet: UNDO_SHEET, row, col, value: null });
      }
    }
    return writes;
  }

  /** The workbook writes and the log rows, in one request unless the batch is larger than the write budget. */
  private async queueWrites(
    context: Excel.RequestContext,
    writes: CellWrite[],
    logWrites: CellWrite[],
    sync: (context: Excel.RequestContext) => Promise<void>,
  ): Promise<void> {
    let queued = 0;
    const groups: [string, CellWrite[]][] = [...groupBySheetUnchecked(writes), [UNDO_SHEET, logWrites]];
    for (const [name, list] of groups) {
      if (list.length === 0) continue;
      const sheet = context.workbook.worksheets.getItem(name);
      for (const run of writeRuns(list)) {
        const range = sheet.getRange(rangeAddress(run.row, run.col, run.cells.length));
        if (run.cells[0].fmt !== undefined) range.numberFormat = [run.cells.map((w) => w.fmt as string)];
        if (run.cells.some((w) => w.formula !== undefined || w.error !== undefined)) range.formulas = [run.cells.map(inputOf)];
        else range.values = [run.cells.map(inputOf)];
        queued += run.cells.length;
        if (queued >= this.writeBudget) {
          await sync(context);
          queued = 0;
        }
      }
    }
    if (queued > 0) await sync(context);
  }

  private async throwMissingSheet(
    context: Excel.RequestContext,
    names: string[],
    sync: (context: Excel.RequestContext) => Promise<void>,
  ): Promise<void> {
    const lookups = names.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('name');
      return { name, sheet };
    });
    await sync(context);
    const missing = lookups.find((l) => l.sheet.isNullObject);
    if (missing) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: missing.name }));
  }
}

function checkUnchanged(current: SheetGrid[], planned: readonly SheetGrid[], writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const now = current.find((s) => s.name === w.sheet)?.cells[w.row]?.[w.col];
    const then = planned.find((s) => s.name === w.sheet)?.cells[w.row]?.[w.col];
    if (!sameContent(now, then)) throw new StalePlanError(w.sheet, toA1(w.row, w.col));
  }
}

function groupBySheetUnchecked(writes: readonly CellWrite[]): Map<string, CellWrite[]> {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  return bySheet;
}

/** The snapshot blocks as sparse grids, one per sheet (only the cells about to change are filled in). */
function snapshotGrids(blocks: ReadBlock[]): SheetGrid[] {
  const bySheet = new Map<string, (Cell | null)[][]>();
  for (const b of blocks) {
    const rows = bySheet.get(b.sheet) ?? [];
    bySheet.set(b.sheet, rows);
    const values = b.range.values as unknown[][];
    const formulas = b.range.formulas as unknown[][];
    const formats = b.range.numberFormat as unknown[][];
    const types = b.range.valueTypes as unknown as ValueType[][];
    values[0].forEach((value, j) => {
      while (rows.length <= b.row) rows.push([]);
      const line = rows[b.row];
      while (line.length <= b.col + j) line.push(null);
      line[b.col + j] = snapshotCell(value, formulas[0][j], formats[0][j], types[0][j]);
    });
  }
  return [...bySheet].map(([name, cells]) => ({ name, cells, merges: [] }));
}
