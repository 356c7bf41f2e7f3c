/**
 * WorkbookPort over an exceljs workbook held in memory: read grids, apply writes, serialise.
 * Browser-safe; the CLI loads it from a path through ./read-file.
 */
import type { CellRange, CellWrite, RegistryEntry, RegistryRead, SheetGrid, UndoEntry } from '../engine';
import type { Selection, UndoResult, UndoSummary, WorkbookChange, WorkbookPort } from '../port';
import { newWorkbook, type Workbook } from './exceljs-types';
import { applyCellWrites } from './cell-writes';
import { loadWorkbookBuffer, workbookToGrids, type ReadOptions } from './read-workbook';
import { gridsToWorkbook } from './write-grids';
import { mergeXlsxCells, readXlsxRegistry, writeXlsxRegistry } from './registry';
import { applyXlsxChange, peekXlsxUndo, undoXlsxLast } from './undo';

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly workbook: Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await loadWorkbookBuffer(data, options));
  }

  static fromGrids(sheets: readonly SheetGrid[]): XlsxWorkbook {
    return new XlsxWorkbook(gridsToWorkbook(sheets));
  }

  static fromWorkbook(workbook: Workbook): XlsxWorkbook {
    return new XlsxWorkbook(workbook);
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(newWorkbook());
  }

  async readSheets(): Promise<SheetGrid[]> {
    return workbookToGrids(this.workbook);
  }

  /** A file has no selection. */
  async getSelection(): Promise<Selection | null> {
    return null;
  }

  /** Apply every write; a sheet named by a write that does not exist yet is added (template insert, import). */
  async writeCells(writes: CellWrite[]): Promise<void> {
    applyCellWrites(this.workbook, writes);
  }

  async readRegistry(): Promise<RegistryRead> {
    return readXlsxRegistry(this.workbook);
  }

  async writeRegistry(entries: RegistryEntry[]): Promise<void> {
    writeXlsxRegistry(this.workbook, entries);
  }

  async mergeCells(sheet: string, ranges: CellRange[]): Promise<void> {
    mergeXlsxCells(this.workbook, sheet, ranges);
  }

  /** A structural change as one entry of the file's undo log (the same rows Excel's adapter keeps; no chart here). */
  async applyChange(change: WorkbookChange, label: string): Promise<UndoEntry | null> {
    return applyXlsxChange(this.workbook, change, label);
  }

  async undoLast(): Promise<UndoResult> {
    return undoXlsxLast(this.workbook);
  }

  async peekUndo(): Promise<UndoSummary> {
    return peekXlsxUndo(this.workbook);
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer | Uint8Array> {
    return (await this.workbook.xlsx.writeBuffer()) as unknown as Buffer | Uint8Array;
  }
}
