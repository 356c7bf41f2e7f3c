/**
 * The table registry in an exceljs workbook: the very-hidden sheet `_report_tables` (rows shared with the undo
 * log) and workbook-scoped defined names `RT_<id>`. exceljs drops a name whose reference is #REF! when it
 * loads a file, so a table whose range was deleted reads as "name gone": a finding either way.
 */
import type { CellRange, CellWrite } from '../engine';
import {
  absoluteReference,
  decodeRegistryRows,
  definedNameOf,
  encodeRegistryRows,
  NAME_PREFIX,
  REGISTRY_SHEET,
  registrySheetWrites,
  withDefinedNames,
  type RegistryEntry,
  type RegistryRead,
} from '../engine';
import type { Workbook } from './exceljs-types';
import { worksheetToGrid } from './read-workbook';

interface DefinedNamesModel {
  name: string;
  ranges: string[];
}

function namesOf(wb: Workbook): DefinedNamesModel[] {
  return (wb.definedNames as unknown as { model: DefinedNamesModel[] }).model;
}

/** Defined names and the one reference each holds (null when it holds several areas). */
export function readDefinedNames(wb: Workbook): Map<string, string | null> {
  return new Map(namesOf(wb).map((n) => [n.name, n.ranges.length === 1 ? n.ranges[0] : null]));
}

export function readXlsxRegistry(wb: Workbook): RegistryRead {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return { entries: [], problems: [], located: 'names' };
  const grid = worksheetToGrid(ws);
  const rows = decodeRegistryRows(grid.cells.map((line) => (line ? line.map((c) => c?.v ?? null) : null)));
  return withDefinedNames(rows, readDefinedNames(wb));
}

/** Apply plain writes (constants only) to a worksheet. */
function applyConstants(wb: Workbook, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet)!;
    ws.getCell(w.row + 1, w.col + 1).value = w.value as never;
  }
}

/**
 * Make the registry exactly `entries`: the sheet's table rows (undo rows stay where they are) and the RT_ names
 * (every other name is left alone). The sheet is created very hidden when missing.
 */
export function writeXlsxRegistry(wb: Workbook, entries: readonly RegistryEntry[]): void {
  // Encoding validates every entry: a bad one throws before the workbook changes.
  encodeRegistryRows(entries);
  let ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) ws = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  else ws.state = 'veryHidden';
  const writes = registrySheetWrites(worksheetToGrid(ws), entries);
  const names = namesOf(wb).filter((n) => !n.name.startsWith(NAME_PREFIX));
  for (const e of entries) names.push({ name: definedNameOf(e.id), ranges: [absoluteReference(e.sheet, e.range)] });
  applyConstants(wb, writes);
  (wb.definedNames as unknown as { model: DefinedNamesModel[] }).model = names;
}

/** Merge areas (a template's headers); an area overlapping an existing merge is refused before any change. */
export function mergeXlsxCells(wb: Workbook, sheet: string, ranges: readonly CellRange[]): void {
  const ws = wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet);
  const wanted = ranges.filter((m) => m.r0 !== m.r1 || m.c0 !== m.c1);
  for (const m of wanted) {
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) {
        if (ws.findCell(r + 1, c + 1)?.isMerged) throw new RangeError(`${sheet}: the area to merge overlaps a merged area at row ${r + 1}, column ${c + 1}`);
      }
    }
  }
  for (const m of wanted) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
}
