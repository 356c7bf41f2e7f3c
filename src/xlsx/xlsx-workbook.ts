/**
 * WorkbookPort over an exceljs workbook held in memory: read grids, apply writes, serialise.
 * Browser-safe; the CLI loads it from a path through ./read-file.
 */
import type { CellRange, CellWrite, RegistryEntry, RegistryRead, SheetGrid } from '../engine';
import type { Selection, WorkbookPort } from '../port';
import { newWorkbook, type ExcelCellValue, type Workbook } from './exceljs-types';
import { loadWorkbookBuffer, workbookToGrids, type ReadOptions } from './read-workbook';
import { gridsToWorkbook } from './write-grids';
import { mergeXlsxCells, readXlsxRegistry, writeXlsxRegistry } from './registry';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function writeValue(w: CellWrite): ExcelCellValue {
  if (w.formula !== undefined) {
    const formula = w.formula.replace(/^=/, '');
    return (w.value === null ? { formula } : { formula, result: w.value }) as ExcelCellValue;
  }
  return w.value;
}

/** Writes are checked before any is applied, so a bad batch changes nothing. */
function checkWrite(w: CellWrite): void {
  if (!Number.isInteger(w.row) || w.row < 0 || w.row >= MAX_ROWS || !Number.isInteger(w.col) || w.col < 0 || w.col >= MAX_COLS) {
    throw new RangeError(`cell write out of the sheet: ${w.sheet}!(${w.row},${w.col})`);
  }
  if (!w.sheet) throw new RangeError('cell write without a sheet name');
}

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
    writes.forEach(checkWrite);
    for (const w of writes) {
      // exceljs would quietly redirect a write inside a merged area to its top-left cell, overwriting it.
      const ws = this.workbook.getWorksheet(w.sheet);
      const target = ws?.findCell(w.row + 1, w.col + 1);
      if (target?.isMerged && target.master !== target) {
        throw new RangeError(`cell write inside a merged area: ${w.sheet}!${target.address} (merged into ${target.master.address})`);
      }
    }
    for (const w of writes) {
      const ws = this.workbook.getWorksheet(w.sheet) ?? this.workbook.addWorksheet(w.sheet);
      const cell = ws.getCell(w.row + 1, w.col + 1);
      cell.value = writeValue(w);
      // Cells loaded from a file share style objects; setting numFmt in place would reformat every cell of
      // that style, so give this cell its own copy.
      if (w.fmt !== undefined) cell.style = { ...cell.style, numFmt: w.fmt };
    }
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

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer | Uint8Array> {
    return (await this.workbook.xlsx.writeBuffer()) as unknown as Buffer | Uint8Array;
  }
}
