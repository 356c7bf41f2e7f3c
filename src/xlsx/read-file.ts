/**
 * The `readFile` layer (Node only): a path → bytes → grids, with missing files and directories named as such.
 * Kept apart from ./read-workbook so the browser build never pulls in `fs`.
 */
import { promises as fs } from 'node:fs';
import type { SheetGrid } from '../engine';
import { makeProblem } from './classify';
import { loadWorkbookBuffer, workbookToGrids } from './read-workbook';
import { WorkbookReadError } from './read-problem';
import type { Workbook } from './exceljs-types';

/** The file's bytes, or a WorkbookReadError for a path that is missing, a directory or not readable. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookReadError(makeProblem(file, 'not-found'));
    throw new WorkbookReadError(makeProblem(file, 'unreadable', code));
  }
  if (stat.isDirectory()) throw new WorkbookReadError(makeProblem(file, 'is-directory'));
  try {
    return await fs.readFile(file);
  } catch (err) {
    throw new WorkbookReadError(makeProblem(file, 'unreadable', (err as NodeJS.ErrnoException).code));
  }
}

/** The whole workbook, fit to be changed and saved again. */
export async function loadWorkbookFile(file: string): Promise<Workbook> {
  return loadWorkbookBuffer(await readFileBytes(file), { fileName: file });
}

/** A workbook file on disk → one grid per worksheet. Rejects with WorkbookReadError only. */
export async function readWorkbookFile(file: string): Promise<SheetGrid[]> {
  return workbookToGrids(await loadWorkbookBuffer(await readFileBytes(file), { fileName: file, gridsOnly: true }));
}
