/// <reference types="office-js" />
/**
 * WorkbookPort over Office.js. Moves whole grids in few round trips: reading every sheet takes 2
 * `context.sync()` calls whatever the number of sheets (names and visibility; then every used range's values,
 * formulas, formats, value types and merged areas at once). A workbook too big for one request (Excel on the
 * web caps a response at 5 MB) is read again in row chunks, one sync per chunk.
 *
 * Every property read here was loaded first: real Excel throws on unloaded properties.
 */
import type { Cell, CellRange, CellWrite, RegistryEntry, RegistryRead, SheetGrid, SheetState, UndoEntry } from '../engine';
import { rangeFromA1, toA1 } from '../engine';
import type { Selection, UndoResult, UndoSummary, WorkbookChange, WorkbookPort } from '../port';
import { placeBlock, rangesFromAreasAddress, excelInput, writeRuns, type ValueType } from './cells';

export { writeRuns };
import { ExcelAdapterError, TOO_LARGE_CODES, excelErrorCode, excelProblem, toAdapterError } from './errors';
import { ExcelRegistry } from './registry';
import { ExcelUndoLog } from './undo-log';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Runs a batch; defaults to `Excel.run`. Tests pass a fake. */
  run?: ExcelRun;
  /** Whether merged areas can be read (ExcelApi 1.13); defaults to `Office.context.requirements.isSetSupported`. */
  supportsMergedAreas?: () => boolean;
  /** Whether a selection of several areas can be read (ExcelApi 1.9); same default. */
  supportsSelectedRanges?: () => boolean;
  /** Most cells one chunked read asks for (values, formulas, formats and types of each). */
  chunkCells?: number;
  /** Most cells one write request carries; a larger batch is written in several requests. */
  writeCells?: number;
  /** The workbook's undo log; by default one over the same `run`. */
  undoLog?: ExcelUndoLog;
}

/** What readSheets did, for tests and the bench: round trips and whether it had to read in chunks. */
export interface ReadStats {
  syncs: number;
  chunked: boolean;
  chunks: number;
}

/** Up to ~60 bytes a cell over the four arrays (a report format string alone is ~25): 50k cells stay near 3 MB, under Excel on the web's 5 MB response cap. */
const DEFAULT_CHUNK_CELLS = 50_000;
const DEFAULT_WRITE_CELLS = 50_000;
const CELL_PROPERTIES = 'values,formulas,numberFormat,valueTypes';
const SIZE_PROPERTIES = 'rowIndex,columnIndex,rowCount,columnCount';

const VISIBILITY: Record<string, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

function excelApiSupported(version: string): () => boolean {
  return () => {
    try {
      return Office.context.requirements.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  };
}

interface SheetHandle {
  name: string;
  state: SheetState;
  sheet: Excel.Worksheet;
}

interface MergeRequest {
  areas: Excel.RangeAreas;
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly supportsMergedAreas: () => boolean;
  private readonly supportsSelectedRanges: () => boolean;
  private readonly chunkCells: number;
  private readonly writeBudget: number;
  /** Round trips of the last readSheets call. */
  lastRead: ReadStats = { syncs: 0, chunked: false, chunks: 0 };
  /** The workbook's own undo log (in the very-hidden sheet): structural changes and fills go through it. */
  readonly undoLog: ExcelUndoLog;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun();
    this.supportsMergedAreas = options.supportsMergedAreas ?? excelApiSupported('1.13');
    this.supportsSelectedRanges = options.supportsSelectedRanges ?? excelApiSupported('1.9');
    this.chunkCells = Math.max(1, options.chunkCells ?? DEFAULT_CHUNK_CELLS);
    this.writeBudget = Math.max(1, options.writeCells ?? DEFAULT_WRITE_CELLS);
    this.undoLog = options.undoLog ?? new ExcelUndoLog({ run: this.run, writeCells: this.writeBudget });
  }

  async readSheets(): Promise<SheetGrid[]> {
    const stats: ReadStats = { syncs: 0, chunked: false, chunks: 0 };
    const sync = async (context: Excel.RequestContext) => {
      stats.syncs += 1;
      await context.sync();
    };
    try {
      return await this.run(async (context) => {
        const collection = context.workbook.worksheets;
        collection.load('items/name,items/visibility');
        await sync(context);
        const handles: SheetHandle[] = collection.items.map((sheet) => ({
          name: sheet.name,
          state: VISIBILITY[sheet.visibility] ?? 'visible',
          sheet,
        }));
        const withMerges = this.supportsMergedAreas();

        // Second round trip: everything, for every sheet at once.
        const used = handles.map((h) => {
          const range = h.sheet.getUsedRangeOrNullObject(true);
          range.load(`${SIZE_PROPERTIES},${CELL_PROPERTIES}`);
          return range;
        });
        const merges = withMerges ? handles.map((h) => requestMerges(h.sheet)) : null;
        try {
          await sync(context);
        } catch (error) {
          if (!TOO_LARGE_CODES.has(excelErrorCode(error) ?? '')) throw error;
          stats.chunked = true;
          return await this.readInChunks(context, handles, withMerges, sync, stats);
        }
        return handles.map((h, i) => {
          const rows: (Cell | null)[][] = [];
          const range = used[i];
          if (!range.isNullObject) placeBlock(rows, blockOf(range));
          return gridOf(h, rows, merges ? mergedAreasOf(merges[i]) : null);
        });
      });
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      this.lastRead = stats;
    }
  }

  /**
   * The fallback for a workbook too big for one response: sizes and merged areas first, then the used ranges
   * in slices of whole rows, packed so no request asks for more than `chunkCells` cells.
   */
  private async readInChunks(
    context: Excel.RequestContext,
    handles: SheetHandle[],
    withMerges: boolean,
    sync: (context: Excel.RequestContext) => Promise<void>,
    stats: ReadStats,
  ): Promise<SheetGrid[]> {
    const sizes = handles.map((h) => {
      const range = h.sheet.getUsedRangeOrNullObject(true);
      range.load(SIZE_PROPERTIES);
      return range;
    });
    let merges = withMerges ? handles.map((h) => requestMerges(h.sheet)) : null;
    try {
      await sync(context);
    } catch (error) {
      // More than 512 merged areas on a sheet makes Excel refuse them: read values alone rather than nothing.
      if (!merges || excelErrorCode(error) === 'InvalidOperationInCellEditMode') throw error;
      merges = null;
      sizes.forEach((range) => range.load(SIZE_PROPERTIES));
      await sync(context);
    }
    const slices: { sheet: number; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[] = [];
    sizes.forEach((range, sheet) => {
      if (range.isNullObject) return;
      const rowsPerSlice = Math.max(1, Math.floor(this.chunkCells / Math.max(1, range.columnCount)));
      for (let r = 0; r < range.rowCount; r += rowsPerSlice) {
        slices.push({
          sheet,
          rowIndex: range.rowIndex + r,
          columnIndex: range.columnIndex,
          rowCount: Math.min(rowsPerSlice, range.rowCount - r),
          columnCount: range.columnCount,
        });
      }
    });
    const rows: (Cell | null)[][][] = handles.map(() => []);
    let pending: { sheet: number; rowIndex: number; columnIndex: number; range: Excel.Range }[] = [];
    let pendingCells = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await sync(context);
      stats.chunks += 1;
      for (const p of pending) placeBlock(rows[p.sheet], blockOf(p.range, p));
      pending = [];
      pendingCells = 0;
    };
    for (const slice of slices) {
      const cells = slice.rowCount * slice.columnCount;
      if (pendingCells > 0 && pendingCells + cells > this.chunkCells) await flush();
      const address = `${toA1(slice.rowIndex, slice.columnIndex)}:${toA1(slice.rowIndex + slice.rowCount - 1, slice.columnIndex + slice.columnCount - 1)}`;
      const range = handles[slice.sheet].sheet.getRange(address);
      range.load(CELL_PROPERTIES);
      pending.push({ sheet: slice.sheet, rowIndex: slice.rowIndex, columnIndex: slice.columnIndex, range });
      pendingCells += cells;
    }
    await flush();
    const mergeLists = merges;
    return handles.map((h, i) => gridOf(h, rows[i], mergeLists ? mergedAreasOf(mergeLists[i]) : null));
  }

  /**
   * The active sheet and the selected range (1 sync). Several areas selected with Ctrl (Excel refuses
   * getSelectedRange then) give the rectangle around them, where ExcelApi 1.9 can list them (1 more sync);
   * a shape or chart selected gives null.
   */
  async getSelection(): Promise<Selection | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load(SIZE_PROPERTIES);
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        try {
          await context.sync();
        } catch (error) {
          if (excelErrorCode(error) !== 'InvalidSelection' || !this.supportsSelectedRanges()) throw error;
          const areas = context.workbook.getSelectedRanges();
          areas.load('address');
          const active = context.workbook.worksheets.getActiveWorksheet();
          active.load('name');
          await context.sync();
          const ranges = rangesFromAreasAddress(areas.address);
          if (ranges.length === 0) return null;
          return {
            sheet: active.name,
            range: {
              r0: Math.min(...ranges.map((r) => r.r0)),
              c0: Math.min(...ranges.map((r) => r.c0)),
              r1: Math.max(...ranges.map((r) => r.r1)),
              c1: Math.max(...ranges.map((r) => r.c1)),
            },
          };
        }
        return {
          sheet: sheet.name,
          range: {
            r0: range.rowIndex,
            c0: range.columnIndex,
            r1: range.rowIndex + range.rowCount - 1,
            c1: range.columnIndex + range.columnCount - 1,
          },
        };
      });
    } catch (error) {
      // A shape or chart selected: there is no cell selection, which is an answer, not a failure.
      if (excelErrorCode(error) === 'InvalidSelection') return null;
      throw toAdapterError(error);
    }
  }

  /**
   * Writes a batch in 2 round trips: first every target sheet is looked up (missing or protected sheets are
   * refused before anything is written, so a batch is never half applied for those reasons), then all writes
   * go in one request. Formulas are written as formulas (Excel computes them); `value` is only for adapters
   * that cannot compute.
   */
  async writeCells(writes: CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of writes) {
      if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0) {
        throw new RangeError(`writeCells: bad cell (${w.row}, ${w.col}) on ${w.sheet}`);
      }
      const list = bySheet.get(w.sheet) ?? [];
      list.push(w);
      bySheet.set(w.sheet, list);
    }
    let currentSheet: string | undefined;
    try {
      await this.run(async (context) => {
        const sheets = new Map<string, Excel.Worksheet>();
        for (const name of bySheet.keys()) {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          sheet.load('name');
          sheet.protection.load('protected');
          sheets.set(name, sheet);
        }
        try {
          await context.sync();
        } catch (error) {
          // Asking for a missing sheet's protection may fail the whole lookup: find which sheet is missing.
          if (excelErrorCode(error) !== 'ItemNotFound') throw error;
          const lookups = [...bySheet.keys()].map((name) => {
            const sheet = context.workbook.worksheets.getItemOrNullObject(name);
            sheet.load('name');
            return { name, sheet };
          });
          await context.sync();
          const missing = lookups.find((l) => l.sheet.isNullObject);
          throw missing ? new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: missing.name })) : error;
        }
        for (const [name, sheet] of sheets) {
          if (sheet.isNullObject) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: name }));
          if (sheet.protection.protected) throw new ExcelAdapterError(excelProblem('sheet-protected', { sheet: name }));
        }
        let queued = 0;
        for (const [name, list] of bySheet) {
          currentSheet = name;
          const sheet = sheets.get(name)!;
          for (const run of writeRuns(list)) {
            const range = sheet.getRange(`${toA1(run.row, run.col)}:${toA1(run.row, run.col + run.cells.length - 1)}`);
            if (run.cells[0].fmt !== undefined) range.numberFormat = [run.cells.map((w) => w.fmt as string)];
            if (run.cells.some((w) => w.formula !== undefined)) {
              range.formulas = [run.cells.map((w) => (w.formula !== undefined ? `=${w.formula}` : excelInput(w.value)))];
            } else {
              range.values = [run.cells.map((w) => excelInput(w.value))];
            }
            queued += run.cells.length;
            // A very large batch goes in several requests to stay under the request size cap.
            if (queued >= this.writeBudget) {
              await context.sync();
              queued = 0;
            }
          }
        }
        if (queued > 0) await context.sync();
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: bySheet.size === 1 ? [...bySheet.keys()][0] : currentSheet });
    }
  }

  /** The table registry: very-hidden sheet rows and RT_ names (1 sync; see ./registry). */
  async readRegistry(): Promise<RegistryRead> {
    return new ExcelRegistry(this.run).read();
  }

  /** Make the registry exactly these entries (2 syncs). */
  async writeRegistry(entries: RegistryEntry[]): Promise<void> {
    await new ExcelRegistry(this.run).write(entries);
  }

  /** A structural change as one undo entry (2 syncs; see ./undo-log). */
  async applyChange(change: WorkbookChange, label: string): Promise<UndoEntry | null> {
    return this.undoLog.applyChange(change, label);
  }

  /** Take back the newest entry, structure included (2 syncs). */
  async undoLast(): Promise<UndoResult> {
    return this.undoLog.undoLast();
  }

  async peekUndo(): Promise<UndoSummary> {
    return this.undoLog.peek();
  }

  /** Shows a cell: activates its sheet and selects it ('B7' or 'B4:G8'). Hidden sheets are refused with a message. */
  async selectCell(sheetName: string, a1: string): Promise<void> {
    if (!rangeFromA1(a1)) throw new RangeError(`selectCell: bad address ${a1}`);
    try {
      await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load('visibility');
        await context.sync();
        if (sheet.isNullObject) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet: sheetName }));
        if (sheet.visibility !== 'Visible') throw new ExcelAdapterError(excelProblem('sheet-hidden', { sheet: sheetName }));
        sheet.activate();
        sheet.getRange(a1).select();
        await context.sync();
      });
    } catch (error) {
      throw toAdapterError(error, { sheet: sheetName });
    }
  }
}

function requestMerges(sheet: Excel.Worksheet): MergeRequest {
  const areas = sheet.getRange().getMergedAreasOrNullObject();
  areas.load('address');
  return { areas };
}

function mergedAreasOf(request: MergeRequest): CellRange[] {
  return request.areas.isNullObject ? [] : rangesFromAreasAddress(request.areas.address);
}

/** A loaded range as a block; `at` gives its position when only the cell properties were loaded (chunks). */
function blockOf(range: Excel.Range, at?: { rowIndex: number; columnIndex: number }) {
  return {
    rowIndex: at ? at.rowIndex : range.rowIndex,
    columnIndex: at ? at.columnIndex : range.columnIndex,
    values: range.values as unknown[][],
    formulas: range.formulas as unknown[][],
    numberFormat: range.numberFormat as unknown[][],
    valueTypes: range.valueTypes as unknown as ValueType[][],
  };
}

function gridOf(handle: SheetHandle, rows: (Cell | null)[][], merges: CellRange[] | null): SheetGrid {
  const grid: SheetGrid = { name: handle.name, cells: rows, merges: merges ?? [], state: handle.state };
  if (!merges) grid.mergesUnknown = true;
  return grid;
}
