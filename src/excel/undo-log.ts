/// <reference types="office-js" />
/**
 * Every write the add-in makes goes through here, so "Undo last change" always works: Excel may clear its own
 * undo history after an add-in writes, so the add-in keeps one of its own, in the workbook.
 *
 * Where the log lives: the very-hidden sheet `_report_tables` (shared with the table registry, whose rows start
 * with 'table'). Undo rows start with 'undo': `['undo', entry id, chunk index, chunk count, JSON chunk]`
 * (src/engine/undo). An entry's rows are appended below every row in use, so row order is entry order; undoing
 * or dropping an entry clears its rows.
 *
 * Registry rows and undo rows never collide: a change plans its registry rows first (they take old table rows,
 * blank rows, then rows below everything in use — never a row of the log, which is not blank) and then appends
 * its undo rows below both the rows in use and the last registry row it planned, all in the same request.
 *
 * A structural change (template, import, adopt, summary: `applyChange`) is one entry: the cells it replaces and
 * what it adds (src/engine/undo/structure.ts). Its undo rows are queued first in the request, so if Excel stops
 * part-way the part that was made can still be undone.
 *
 * Round trips: `applyChange` and `applyWithUndo` take 2 `context.sync()` calls (1: the cells about to change —
 * values, formulas, number formats, empty ones too — each target sheet's protection, the hidden sheet, the
 * names when tables are registered, the chart when one is drawn; 2: everything written). `undoLast` takes 2
 * (1: the hidden sheet, names, sheet names, and — for the newest entry as last seen — its sheets' protection,
 * what its added sheets hold now and its chart; 2: everything undone), plus 1 when the entry is not the one
 * expected (the log changed in another session). `peek` takes 1. A batch larger than `writeCells` cells is sent
 * in several requests.
 */
import type { Cell, CellWrite, SheetGrid } from '../engine';
import {
  DEFAULT_MAX_ENTRIES,
  REGISTRY_SHEET,
  appendEntryWrites,
  blockContent,
  clearEntryWrites,
  contentFingerprint,
  emptyAfter,
  hiddenSheetGrid,
  lastRowOf,
  readLogSheet,
  decodeRegistryRows,
  definedNameOf,
  absoluteReference,
  emptyStructure,
  planStructureUndo,
  popUndo,
  rangeToA1,
  registryAfterChange,
  registrySheetWrites,
  snapshotCells,
  toA1,
  undoWrites,
  writtenContent,
  type UndoEntry,
  type UndoLog,
  type UndoStructure,
} from '../engine';
import { SheetExistsError, type UndoResult, type UndoSummary, type WorkbookChange } from '../port';

export { SheetExistsError };
import { cellFromExcel, excelInput, writeRuns, type ValueType } from './cells';
import type { ExcelRun } from './excel-workbook';
import { ExcelAdapterError, excelErrorCode, excelProblem, toAdapterError } from './errors';
import {
  namesOf,
  queueRegistryWrite,
  readHiddenSheet,
  requestHiddenSheet,
  requestNames,
} from './registry';

export type { UndoSummary, UndoResult };

/** The very-hidden sheet holding the undo log (the registry sheet; see DESIGN.md "Structured sheets"). */
export const UNDO_SHEET = REGISTRY_SHEET;
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
  for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  return bySheet;
}

function checkWrites(writes: readonly CellWrite[]): void {
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0) {
      throw new RangeError(`bad cell (${w.row}, ${w.col}) on ${w.sheet}`);
    }
    if (w.sheet === UNDO_SHEET) throw new RangeError(`writes to ${UNDO_SHEET} do not go through the undo log`);
  }
}

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/** What the newest entry needs read before it is undone, as last seen (so the first round trip can ask for it). */
interface Expected {
  /** Sheets whose cells or merges the undo changes. */
  sheets: string[];
  /** Added sheets, whose content tells whether someone typed in them since. */
  added: string[];
  chart?: { sheet: string; name: string };
  /** Whether it registered tables (the names are read then). */
  registry: boolean;
}

function expectedOf(entry: UndoEntry | undefined): Expected {
  if (!entry) return { sheets: [], added: [], registry: false };
  const structure = entry.structure ?? emptyStructure();
  const added = new Set(structure.sheetsAdded.map((s) => s.name));
  const sheets = unique([...entry.cells.map((c) => c.sheet), ...structure.merged.map((m) => m.sheet)]).filter((s) => !added.has(s));
  const registry = structure.registryAdded.length > 0 || structure.registryBefore.length > 0;
  return { sheets, added: [...added], chart: structure.chartAdded, registry };
}

interface UndoReads {
  protections: Map<string, Excel.WorksheetProtection>;
  usedOf: Map<string, Excel.Range>;
  chart: Excel.Chart | null;
  chartKey: string | null;
  names: Excel.NamedItemCollection | null;
}

export class ExcelUndoLog {
  private readonly run: ExcelRun;
  private readonly maxEntries: number;
  private readonly writeBudget: number;
  private readonly now: () => Date;
  private counter = 0;
  /** The newest entry's needs, as last read: undo asks for them in its first round trip. */
  private expected: Expected = { sheets: [], added: [], registry: false };
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
        const request = requestHiddenSheet(context);
        stats.syncs += 1;
        await context.sync();
        const log = readLogSheet(readHiddenSheet(request).rows);
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
    return this.applyChange({ sheets: [], merges: [], register: [], writes }, label, options);
  }

  /**
   * Apply a structural change as one undo entry, in 2 round trips: sheets added, cells written, areas merged,
   * tables registered (rows and RT_ names, as writeRegistry writes them), a chart drawn, a sheet shown.
   */
  async applyChange(change: WorkbookChange, label: string, options: ApplyOptions = {}): Promise<UndoEntry | null> {
    const { writes, merges, register, chart } = change;
    checkWrites(writes);
    const added = new Map(change.sheets.filter((s) => s.name !== UNDO_SHEET).map((s) => [s.name, s]));
    if (!writes.length && !added.size && !merges.length && !register.length && !chart) return null;
    const onExisting = (sheet: string) => !added.has(sheet);
    const existingWrites = writes.filter((w) => onExisting(w.sheet));
    const bySheet = groupBySheet(existingWrites);
    const touched = unique([...bySheet.keys(), ...merges.map((m) => m.sheet), ...(chart ? [chart.sheet] : [])].filter(onExisting));
    const stats: UndoStats = { syncs: 0 };
    const sync = async (context: Excel.RequestContext) => {
      stats.syncs += 1;
      await context.sync();
    };
    try {
      return await this.run(async (context) => {
        const collection = context.workbook.worksheets;
        if (added.size) collection.load('items/name');
        const sheets = new Map<string, Excel.Worksheet>();
        const blocks: ReadBlock[] = [];
        for (const name of touched) {
          const sheet = collection.getItemOrNullObject(name);
          sheet.load('name');
          sheet.protection.load('protected');
          sheets.set(name, sheet);
          for (const run of readRuns(bySheet.get(name) ?? [])) {
            const range = sheet.getRange(rangeAddress(run.row, run.col, run.count));
            range.load(CELL_PROPERTIES);
            blocks.push({ sheet: name, row: run.row, col: run.col, range });
          }
        }
        const hiddenRequest = requestHiddenSheet(context);
        const names = register.length ? requestNames(context) : null;
        const oldChart = chart && onExisting(chart.sheet) ? sheets.get(chart.sheet)!.charts.getItemOrNullObject(chart.name) : null;
        oldChart?.load('name');
        try {
          await sync(context);
        } catch (error) {
          if (excelErrorCode(error) === 'ItemNotFound') await this.throwMissingSheet(context, touched, sync);
          throw error;
        }
        if (added.size) {
          const present = new Set(collection.items.map((s) => s.name.toLowerCase()));
          const taken = [...added.keys()].find((name) => present.has(name.toLowerCase()));
          if (taken) throw new SheetExistsError(taken);
        }
        for (const [name, sheet] of sheets) {
          if (sheet.isNullObject) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: name }));
          if (sheet.protection.protected) throw new ExcelAdapterError(excelProblem('sheet-protected', { sheet: name }));
        }

        const current = snapshotGrids(blocks);
        if (options.plannedOn) checkUnchanged(current, options.plannedOn, existingWrites);
        const hidden = readHiddenSheet(hiddenRequest);
        const log = readLogSheet(hidden.rows, hidden.end);

        // The registry first: its rows decide where the log's rows may go.
        let registryRows: CellWrite[] = [];
        let registryBefore: UndoStructure['registryBefore'] = [];
        let nameChanges = { remove: [] as string[], add: [] as { name: string; reference: string }[] };
        if (register.length) {
          const after = registryAfterChange(decodeRegistryRows(hidden.rows).entries, register);
          registryBefore = after.before;
          registryRows = registrySheetWrites(hiddenSheetGrid(hidden.rows, true), after.entries);
          const existingNames = namesOf(names!);
          nameChanges = {
            remove: register.map((e) => definedNameOf(e.id)).filter((n) => existingNames.has(n)),
            add: register.map((e) => ({ name: definedNameOf(e.id), reference: absoluteReference(e.sheet, e.range) })),
          };
        }
        const structure: UndoStructure = {
          sheetsAdded: [...added.keys()].map((name) => ({ name, fingerprint: contentFingerprint(writtenContent(writes, name)) })),
          merged: merges.filter((m) => onExisting(m.sheet)),
          registryAdded: register.map((e) => e.id),
          registryBefore,
        };
        if (!hidden.exists) structure.hiddenSheetAdded = true;
        if (chart && (!oldChart || oldChart.isNullObject)) structure.chartAdded = { sheet: chart.sheet, name: chart.name };
        const entry: UndoEntry = {
          ...snapshotCells(current, existingWrites, { id: this.newId(), time: this.now().toISOString(), label }),
          structure,
        };
        const logWrites = appendEntryWrites(log, entry, Math.max(log.end, lastRowOf(registryRows) + 1), this.maxEntries);

        const queue = new CellQueue(context, this.writeBudget, sync);
        // New sheets before the hidden one, so a new workbook's first tab is a visible sheet.
        for (const s of added.values()) {
          const sheet = collection.add(s.name);
          if (s.state === 'veryHidden') sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
        }
        if (!hidden.exists) {
          const created = collection.add(UNDO_SHEET);
          created.visibility = 'VeryHidden' as Excel.SheetVisibility;
        }
        // The entry before the change: should Excel stop part-way, what was made can still be undone.
        await queue.cells(UNDO_SHEET, logWrites);
        for (const [name, list] of groupBySheet(writes)) await queue.cells(name, list);
        for (const m of merges) {
          if (m.range.r0 === m.range.r1 && m.range.c0 === m.range.c1) continue;
          collection.getItem(m.sheet).getRange(rangeToA1(m.range)).merge(false);
        }
        if (register.length) queueRegistryWrite(context, { ...hidden, exists: true }, registryRows, nameChanges);
        if (chart) queueChart(collection.getItem(chart.sheet), chart, oldChart && !oldChart.isNullObject ? oldChart : null);
        if (change.activate) collection.getItem(change.activate).activate();
        await queue.flush();
        this.expected = expectedOf(entry);
        return entry;
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: touched.length === 1 ? touched[0] : undefined });
    } finally {
      this.lastStats = stats;
    }
  }

  /**
   * Take back the newest entry: its chart, merges, registered tables and names, cells, and the sheets it added —
   * but a sheet someone typed in since is kept whole (named in the result) — then drop the entry.
   */
  async undoLast(): Promise<UndoResult> {
    const stats: UndoStats = { syncs: 0 };
    const sync = async (context: Excel.RequestContext) => {
      stats.syncs += 1;
      await context.sync();
    };
    let sheetName: string | undefined;
    try {
      return await this.run(async (context) => {
        const collection = context.workbook.worksheets;
        const request = (withProtection: boolean) => {
          collection.load('items/name');
          const hidden = requestHiddenSheet(context);
          const reads: UndoReads = { protections: new Map(), usedOf: new Map(), chart: null, chartKey: null, names: null };
          this.requestUndoReads(context, this.expected, reads, withProtection);
          return { hidden, reads };
        };
        let first = request(true);
        try {
          await sync(context);
        } catch (error) {
          // A sheet expected from the last read is gone: look again without asking for its protection.
          if (excelErrorCode(error) !== 'ItemNotFound') throw error;
          first = request(false);
          await sync(context);
        }
        const { reads } = first;
        const hidden = readHiddenSheet(first.hidden);
        const log = readLogSheet(hidden.rows, hidden.end);
        if (!log.parsed.ok) throw new UndoLogError(log.parsed.reason);
        const { entry, log: rest } = popUndo(log.parsed.log);
        if (!entry) return { entry: null, keptSheets: [] };

        const present = new Set(collection.items.map((s) => s.name));
        const needs = expectedOf(entry);
        for (const name of needs.sheets) {
          sheetName = name;
          if (!present.has(name)) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: name }));
        }
        // What the newest entry needs and the first round trip did not ask for (another session wrote it).
        const missing: Expected = {
          sheets: needs.sheets.filter((n) => !reads.protections.has(n)),
          added: needs.added.filter((n) => !reads.usedOf.has(n)),
          chart: needs.chart && reads.chartKey !== chartKey(needs.chart) ? needs.chart : undefined,
          registry: needs.registry && !reads.names,
        };
        if (missing.sheets.length || missing.added.length || missing.chart || missing.registry) {
          this.requestUndoReads(context, missing, reads, true);
          await sync(context);
        }
        for (const name of needs.sheets) {
          sheetName = name;
          if (reads.protections.get(name)!.protected) throw new ExcelAdapterError(excelProblem('sheet-protected', { sheet: name }));
        }
        sheetName = undefined;

        const structure = entry.structure ?? emptyStructure();
        const fingerprints = new Map<string, string | null>();
        for (const name of needs.added) {
          const used = reads.usedOf.get(name)!;
          if (!present.has(name)) fingerprints.set(name, null);
          else if (used.isNullObject) fingerprints.set(name, contentFingerprint([]));
          else fingerprints.set(name, contentFingerprint(blockContent({ row: used.rowIndex, col: used.columnIndex }, used.formulas as unknown[][])));
        }
        const plan = planStructureUndo(structure, {
          sheetFingerprints: fingerprints,
          registry: decodeRegistryRows(hidden.rows).entries,
          names: new Set(reads.names ? namesOf(reads.names).keys() : []),
          chartPresent: Boolean(reads.chart && !reads.chart.isNullObject),
        });

        const queue = new CellQueue(context, this.writeBudget, sync);
        if (plan.deleteChart && reads.chart) reads.chart.delete();
        for (const m of plan.unmerge) collection.getItem(m.sheet).getRange(rangeToA1(m.range)).unmerge();
        for (const [name, list] of groupBySheet(undoWrites(entry).filter((w) => plan.restoreOn(w.sheet)))) await queue.cells(name, list);
        const registryRows = plan.registry ? registrySheetWrites(hiddenSheetGrid(hidden.rows, true), plan.registry) : [];
        if (plan.registry) queueRegistryWrite(context, hidden, registryRows, { remove: plan.deleteNames, add: plan.addNames });
        for (const name of plan.deleteSheets) collection.getItem(name).delete();
        // The entry goes last: should Excel stop part-way, the undo can be asked for again.
        const cleared = clearEntryWrites(log, [entry.id]);
        if (structure.hiddenSheetAdded && emptyAfter(hidden.rows, [...registryRows, ...cleared])) collection.getItem(UNDO_SHEET).delete();
        else await queue.cells(UNDO_SHEET, cleared);
        await queue.flush();
        this.expected = expectedOf(rest.entries[rest.entries.length - 1]);
        return { entry, keptSheets: plan.keptSheets };
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: sheetName });
    } finally {
      this.lastStats = stats;
    }
  }

  /** Queue what undoing an entry must know: its sheets' protection, what its added sheets hold, its chart. */
  private requestUndoReads(context: Excel.RequestContext, needs: Expected, reads: UndoReads, withProtection: boolean): void {
    const collection = context.workbook.worksheets;
    if (withProtection) {
      for (const name of needs.sheets) {
        const sheet = collection.getItemOrNullObject(name);
        sheet.load('name');
        sheet.protection.load('protected');
        reads.protections.set(name, sheet.protection);
      }
    }
    for (const name of needs.added) {
      // Null objects all the way down when the sheet is gone.
      const used = collection.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,formulas');
      reads.usedOf.set(name, used);
    }
    if (needs.registry) reads.names = requestNames(context);
    if (needs.chart) {
      reads.chart = collection.getItemOrNullObject(needs.chart.sheet).charts.getItemOrNullObject(needs.chart.name);
      reads.chart.load('name');
      reads.chartKey = chartKey(needs.chart);
    }
  }

  private summarize(log: UndoLog): UndoSummary {
    const last = log.entries[log.entries.length - 1];
    this.expected = expectedOf(last);
    return {
      count: log.entries.length,
      last: last ? { id: last.id, label: last.label, time: last.time, cells: last.cells.length } : null,
    };
  }

  private newId(): string {
    this.counter += 1;
    return `u${this.now().getTime().toString(36)}${this.counter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
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

function chartKey(chart: { sheet: string; name: string }): string {
  return `${chart.sheet}\u0000${chart.name}`;
}

/** A clustered column chart of the request's range, or the existing chart of that name pointed at it (keeping its styling). */
function queueChart(sheet: Excel.Worksheet, request: NonNullable<WorkbookChange['chart']>, existing: Excel.Chart | null): void {
  const source = sheet.getRange(rangeToA1(request.range));
  const seriesBy = request.seriesBy ?? 'Columns';
  let chart: Excel.Chart;
  if (existing) {
    chart = existing;
    chart.setData(source, seriesBy);
  } else {
    chart = sheet.charts.add('ColumnClustered', source, seriesBy);
    chart.name = request.name;
    // Beside the data, not over it.
    const at = { r0: request.range.r0, c0: request.range.c1 + 2, r1: request.range.r0, c1: request.range.c1 + 2 };
    chart.setPosition(sheet.getRange(rangeToA1(at)));
  }
  if (request.title) chart.title.text = request.title;
  // A row of totals has no labels of its own: name the points by the header's year cells (ExcelApi 1.7).
  if (request.categories) chart.axes.categoryAxis.setCategoryNames(sheet.getRange(rangeToA1(request.categories)));
}

/** Cell writes queued in runs, with a sync whenever a request would carry more than the budget. */
class CellQueue {
  private queued = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly sync: (context: Excel.RequestContext) => Promise<void>,
  ) {}

  async cells(name: string, list: readonly CellWrite[]): Promise<void> {
    if (list.length === 0) return;
    const sheet = this.context.workbook.worksheets.getItem(name);
    for (const run of writeRuns([...list])) {
      const range = sheet.getRange(rangeAddress(run.row, run.col, run.cells.length));
      if (run.cells[0].fmt !== undefined) range.numberFormat = [run.cells.map((w) => w.fmt as string)];
      if (run.cells.some((w) => w.formula !== undefined || w.error !== undefined)) range.formulas = [run.cells.map(inputOf)];
      else range.values = [run.cells.map(inputOf)];
      this.queued += run.cells.length;
      if (this.queued >= this.budget) {
        await this.sync(this.context);
        this.queued = 0;
      }
    }
  }

  /** The last request: always sent (structure changes may be queued without any cell). */
  async flush(): Promise<void> {
    await this.sync(this.context);
    this.queued = 0;
  }
}

function checkUnchanged(current: SheetGrid[], planned: readonly SheetGrid[], writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const now = current.find((s) => s.name === w.sheet)?.cells[w.row]?.[w.col];
    const then = planned.find((s) => s.name === w.sheet)?.cells[w.row]?.[w.col];
    if (!sameContent(now, then)) throw new StalePlanError(w.sheet, toA1(w.row, w.col));
  }
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
