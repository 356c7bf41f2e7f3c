/**
 * The workbook's undo log in an exceljs workbook: the same rows of the very-hidden sheet `_report_tables` as the
 * Office.js adapter writes (src/excel/undo-log.ts), so a change made on a file in the standalone page can be
 * undone in Excel later, and the other way round.
 *
 * Registry rows are planned before the entry's rows, which go below both (the two never share a row). exceljs
 * draws no charts: a change's chart is left out here.
 */
import type { CellWrite, SheetGrid, UndoEntry, UndoStructure } from '../engine';
import {
  DEFAULT_MAX_ENTRIES,
  REGISTRY_SHEET,
  absoluteReference,
  appendEntryWrites,
  clearEntryWrites,
  contentFingerprint,
  decodeRegistryRows,
  definedNameOf,
  emptyAfter,
  emptyStructure,
  hiddenSheetGrid,
  lastRowOf,
  planStructureUndo,
  popUndo,
  readLogSheet,
  registryAfterChange,
  registrySheetWrites,
  snapshotCells,
  undoWrites,
  writtenContent,
} from '../engine';
import { SheetExistsError, type UndoResult, type UndoSummary, type WorkbookChange } from '../port';
import { applyCellWrites } from './cell-writes';
import type { Workbook } from './exceljs-types';
import { worksheetToGrid } from './read-workbook';

interface DefinedNamesModel {
  name: string;
  ranges: string[];
}

function namesModel(wb: Workbook): { model: DefinedNamesModel[] } {
  return wb.definedNames as unknown as { model: DefinedNamesModel[] };
}

function hiddenRows(wb: Workbook): { exists: boolean; rows: (unknown[] | null)[] } {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return { exists: false, rows: [] };
  return { exists: true, rows: worksheetToGrid(ws).cells.map((line) => (line ? line.map((c) => c?.v ?? null) : null)) };
}

/** The cells of a sheet as typed ('=' and the formula, or the value): what the fingerprint is made of. */
function gridContent(grid: SheetGrid): { row: number; col: number; content: string | number | boolean | null }[] {
  const out: { row: number; col: number; content: string | number | boolean | null }[] = [];
  grid.cells.forEach((line, row) =>
    line?.forEach((cell, col) => {
      if (!cell) return;
      out.push({ row, col, content: cell.f !== undefined ? `=${cell.f}` : cell.error ?? cell.v });
    }),
  );
  return out;
}

/** Constant cell writes to the hidden sheet (the log's and the registry's rows hold text only). */
function writeHidden(wb: Workbook, writes: readonly CellWrite[]): void {
  const ws = wb.getWorksheet(REGISTRY_SHEET)!;
  for (const w of writes) ws.getCell(w.row + 1, w.col + 1).value = w.value as never;
}

function setNames(wb: Workbook, remove: readonly string[], add: readonly { name: string; reference: string }[]): void {
  const gone = new Set(remove);
  const model = namesModel(wb).model.filter((n) => !gone.has(n.name));
  for (const n of add) model.push({ name: n.name, ranges: [n.reference] });
  namesModel(wb).model = model;
}

function unmerge(wb: Workbook, sheet: string, range: { r0: number; c0: number; r1: number; c1: number }): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return;
  // Only a merge the change made is taken apart: a cell no longer merged is left alone.
  if (ws.findCell(range.r0 + 1, range.c0 + 1)?.isMerged) ws.unMergeCells(range.r0 + 1, range.c0 + 1, range.r1 + 1, range.c1 + 1);
}

export interface XlsxUndoOptions {
  now?: () => Date;
  maxEntries?: number;
}

let counter = 0;
function newId(now: Date): string {
  counter += 1;
  return `u${now.getTime().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** How many changes the file's log can take back, and the newest (a damaged log: nothing). */
export function peekXlsxUndo(wb: Workbook): UndoSummary {
  const log = readLogSheet(hiddenRows(wb).rows);
  if (!log.parsed.ok) return { count: 0, last: null };
  const last = log.parsed.log.entries[log.parsed.log.entries.length - 1];
  return { count: log.parsed.log.entries.length, last: last ? { id: last.id, label: last.label, time: last.time, cells: last.cells.length } : null };
}

/**
 * Apply a structural change as one entry of the file's undo log. Everything is checked before the workbook is
 * touched: a sheet to add that exists, a sheet to write that does not, an invalid registry entry.
 */
export function applyXlsxChange(wb: Workbook, change: WorkbookChange, label: string, options: XlsxUndoOptions = {}): UndoEntry | null {
  const { writes, merges, register } = change;
  if (writes.some((w) => w.sheet === REGISTRY_SHEET)) throw new RangeError(`writes to ${REGISTRY_SHEET} do not go through the undo log`);
  const added = new Map(change.sheets.filter((s) => s.name !== REGISTRY_SHEET).map((s) => [s.name, s]));
  if (!writes.length && !added.size && !merges.length && !register.length) return null;
  const present = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  const taken = [...added.keys()].find((name) => present.has(name.toLowerCase()));
  if (taken) throw new SheetExistsError(taken);
  const onExisting = (sheet: string) => !added.has(sheet);
  const existingWrites = writes.filter((w) => onExisting(w.sheet));
  const touched = [...new Set([...existingWrites.map((w) => w.sheet), ...merges.map((m) => m.sheet)].filter(onExisting))];
  const grids = touched.map((name) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new RangeError(`no sheet named '${name}'`);
    return worksheetToGrid(ws);
  });

  const hidden = hiddenRows(wb);
  const log = readLogSheet(hidden.rows);
  let registryRows: CellWrite[] = [];
  let registryBefore: UndoStructure['registryBefore'] = [];
  if (register.length) {
    const after = registryAfterChange(decodeRegistryRows(hidden.rows).entries, register);
    registryBefore = after.before;
    // Encoding validates every entry: a bad one throws before the workbook changes.
    registryRows = registrySheetWrites(hiddenSheetGrid(hidden.rows, true), after.entries);
  }
  const now = (options.now ?? (() => new Date()))();
  const entry: UndoEntry = {
    ...snapshotCells(grids, existingWrites, { id: newId(now), time: now.toISOString(), label }),
    structure: {
      sheetsAdded: [...added.keys()].map((name) => ({ name, fingerprint: contentFingerprint(writtenContent(writes, name)) })),
      merged: merges.filter((m) => onExisting(m.sheet)),
      registryAdded: register.map((e) => e.id),
      registryBefore,
      ...(hidden.exists ? {} : { hiddenSheetAdded: true }),
    },
  };
  const logWrites = appendEntryWrites(log, entry, Math.max(hidden.rows.length, lastRowOf(registryRows) + 1), options.maxEntries ?? DEFAULT_MAX_ENTRIES);

  // New sheets before the hidden one, so a new workbook's first tab is a visible sheet.
  for (const s of added.values()) wb.addWorksheet(s.name, s.state === 'veryHidden' ? { state: 'veryHidden' } : {});
  if (!hidden.exists) wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  writeHidden(wb, logWrites);
  applyCellWrites(wb, writes);
  for (const m of merges) {
    if (m.range.r0 === m.range.r1 && m.range.c0 === m.range.c1) continue;
    wb.getWorksheet(m.sheet)!.mergeCells(m.range.r0 + 1, m.range.c0 + 1, m.range.r1 + 1, m.range.c1 + 1);
  }
  if (register.length) {
    writeHidden(wb, registryRows);
    setNames(
      wb,
      register.map((e) => definedNameOf(e.id)),
      register.map((e) => ({ name: definedNameOf(e.id), reference: absoluteReference(e.sheet, e.range) })),
    );
  }
  return entry;
}

/** Take back the newest entry of the file's log: structure and cells; a sheet typed in since is kept whole. */
export function undoXlsxLast(wb: Workbook): UndoResult {
  const hidden = hiddenRows(wb);
  const log = readLogSheet(hidden.rows);
  if (!log.parsed.ok) throw Object.assign(new Error(`undo log damaged: ${log.parsed.reason}`), { name: 'UndoLogError' });
  const { entry } = popUndo(log.parsed.log);
  if (!entry) return { entry: null, keptSheets: [] };
  const structure = entry.structure ?? emptyStructure();
  const fingerprints = new Map<string, string | null>();
  for (const s of structure.sheetsAdded) {
    const ws = wb.getWorksheet(s.name);
    fingerprints.set(s.name, ws ? contentFingerprint(gridContent(worksheetToGrid(ws))) : null);
  }
  const plan = planStructureUndo(structure, {
    sheetFingerprints: fingerprints,
    registry: decodeRegistryRows(hidden.rows).entries,
    names: new Set(namesModel(wb).model.map((n) => n.name)),
    chartPresent: false,
  });
  const restore = undoWrites(entry).filter((w) => plan.restoreOn(w.sheet));
  const missing = restore.find((w) => !wb.getWorksheet(w.sheet));
  if (missing) throw new RangeError(`no sheet named '${missing.sheet}'`);

  for (const m of plan.unmerge) unmerge(wb, m.sheet, m.range);
  applyCellWrites(wb, restore);
  const registryRows = plan.registry ? registrySheetWrites(hiddenSheetGrid(hidden.rows, true), plan.registry) : [];
  if (plan.registry) {
    writeHidden(wb, registryRows);
    setNames(wb, plan.deleteNames, plan.addNames);
  }
  for (const name of plan.deleteSheets) wb.removeWorksheet(wb.getWorksheet(name)!.id);
  const cleared = clearEntryWrites(log, [entry.id]);
  // A hidden sheet the change made, with nothing left in it, goes too: the workbook is as it was.
  if (structure.hiddenSheetAdded && emptyAfter(hidden.rows, [...registryRows, ...cleared])) wb.removeWorksheet(wb.getWorksheet(REGISTRY_SHEET)!.id);
  else writeHidden(wb, cleared);
  return { entry, keptSheets: plan.keptSheets };
}
