/**
 * Registered tables are checked by their spec, not by inference: the spec is laid over the registered range,
 * and when the sheet still draws it (same size, same headers and row labels) the spec's relations are checked.
 * When it does not (a column deleted, a header renamed, the name gone), that is one `spec.mismatch` finding
 * for the table, and the range is left to detection so its figures are still checked.
 */
import { rangeToA1, toA1 } from '../grid/a1';
import type { CellRange, CellRef, SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { Relation, Table } from '../model/table';
import { amountCaption, moneyFactor, unitOfColumn } from '../relations/captions';
import { specTable } from '../templates';
import { captionSpecs, sameLabel, type TableSpec } from '../../specs';
import { REGISTRY_SHEET, type RegistryEntry, type RegistryProblem, type RegistryRead } from './registry-rows';

export interface RegisteredCheck {
  /** Tables that match their spec, with the spec's relations. */
  tables: Table[];
  /** The registry entry behind each matching table, by table id. */
  entries: Map<string, RegistryEntry>;
  /** spec.mismatch findings (tables that no longer match, registry rows that cannot be read). */
  findings: Finding[];
}

function textAt(sheet: SheetGrid, row: number, col: number): string {
  const v = sheet.cells[row]?.[col]?.v;
  return v === null || v === undefined ? '' : String(v).trim();
}

function mismatch(sheet: string, cell: string, expected: string, actual: string, id: string, reason: string, table?: string): Finding {
  const f: Finding = { rule: 'spec.mismatch', severity: 'error', sheet, cell, expected, actual, params: { id, reason } };
  if (table) f.table = table;
  return f;
}

/** A row label that states its total: '공약(69)' is the label '공약'. */
function sameRowLabel(spec: string, actual: string, labelTotal: boolean): boolean {
  if (sameLabel(spec, actual)) return true;
  if (!labelTotal) return false;
  const m = /^(.*?)\s*[(（][\d,\s]*[)）]$/.exec(actual);
  return m !== null && sameLabel(spec, m[1]);
}

/** The first place the sheet no longer draws the spec, or null when it still does. */
export function specDifference(sheet: SheetGrid, spec: TableSpec, range: CellRange): { cell: string; expected: string; actual: string; reason: string } | null {
  const { table, geometry } = specTable(spec, sheet.name, { row: range.r0, col: range.c0 });
  const labelTotalRows = new Set(spec.relations.filter((r) => r.type === 'label-total').map((r) => table.rows.find((x) => x.path.join('\u0001') === (r as { row: string[] }).row.join('\u0001'))?.row));
  for (const h of geometry.headers) {
    const actual = textAt(sheet, h.row, h.col);
    if (!sameLabel(h.text, actual)) return { cell: toA1(h.row, h.col), expected: h.text, actual, reason: 'header' };
  }
  for (const h of geometry.rowLabels) {
    const actual = textAt(sheet, h.row, h.col);
    if (!sameRowLabel(h.text, actual, labelTotalRows.has(h.row))) return { cell: toA1(h.row, h.col), expected: h.text, actual, reason: 'row-label' };
  }
  const want = geometry.range;
  if (want.r1 !== range.r1 || want.c1 !== range.c1) {
    return { cell: toA1(range.r0, range.c0), expected: rangeToA1(want), actual: rangeToA1(range), reason: 'size' };
  }
  return null;
}

/**
 * Caption relations for the spec's captions, read the way detection reads them: the nearest line above the table
 * that states an amount (unit, basis and ※ lines passed over), one figure per relation — a caption's figure `i`
 * states component `i` of a compound cell ('정원 22명(현원 22명)' over '22(22)').
 */
function captionRelations(sheet: SheetGrid, spec: TableSpec, table: Table): Relation[] {
  const specs = captionSpecs(spec);
  if (specs.length === 0) return [];
  const found = amountCaption(sheet, table);
  if (!found) return [];
  const { line, amount } = found;
  const out: Relation[] = [];
  for (const c of specs) {
    if (c.year !== undefined && amount.year !== undefined && amount.year !== c.year) continue;
    const index = c.comp?.cell;
    if (index === undefined && amount.figures.length !== 1) continue;
    const fig = amount.figures[index ?? 0];
    const row = table.rows.find((r) => sameLabel(r.path.join('/'), c.row.join('/')));
    const column = table.columns.find((x) => !x.isLabel && sameLabel(x.path.join('/'), c.column.join('/')));
    if (!fig || !row || !column) continue;
    const unit = unitOfColumn(table, column.col);
    const captionFactor = moneyFactor(fig.unit);
    const tableFactor = moneyFactor(unit);
    let value = fig.value;
    if (captionFactor !== undefined && tableFactor !== undefined) value = (fig.value * captionFactor) / tableFactor;
    // An amount in 원 over a table of counts states nothing about it.
    else if (captionFactor !== undefined && unit !== undefined) continue;
    const cell: CellRef = { row: row.row, col: column.col };
    const caption: CellRef = { row: line.row, col: line.col };
    if (index !== undefined) {
      cell.comp = index;
      caption.comp = index;
    }
    const rel: Relation = { type: 'caption', caption, amount: value, cell, family: `spec:${table.id}:caption:${line.row}` };
    const year = c.year ?? amount.year;
    if (year !== undefined) rel.year = year;
    out.push(rel);
  }
  if (out.length > 0) table.captions.push({ row: line.row, col: line.col, text: line.text, kind: 'amount' });
  return out;
}

/** Registered tables of these sheets as Tables, or spec.mismatch findings where they no longer match. */
export function checkRegistered(sheets: readonly SheetGrid[], registry: RegistryRead, onlySheet?: string): RegisteredCheck {
  const tables: Table[] = [];
  const entries = new Map<string, RegistryEntry>();
  const findings: Finding[] = [];
  const visibleSheet = (name: string | undefined) => sheets.find((s) => s.name === name && s.name !== REGISTRY_SHEET);
  for (const p of registry.problems) {
    const sheet = visibleSheet(p.sheet);
    if (onlySheet !== undefined && sheet?.name !== onlySheet) continue;
    findings.push(problemFinding(p, sheet?.name ?? p.sheet ?? REGISTRY_SHEET));
  }
  for (const entry of registry.entries) {
    if (onlySheet !== undefined && entry.sheet !== onlySheet) continue;
    const sheet = visibleSheet(entry.sheet);
    const at = toA1(entry.range.r0, entry.range.c0);
    if (!sheet) {
      findings.push(mismatch(entry.sheet, at, entry.sheet, '', entry.id, 'sheet'));
      continue;
    }
    let range = entry.range;
    let diff = specDifference(sheet, entry.spec, range);
    if (diff && registry.located !== 'names') {
      const moved = locateSpec(sheet, entry.spec, range);
      if (moved) {
        range = moved;
        diff = null;
      }
    }
    const { table } = specTable(entry.spec, sheet.name, { row: range.r0, col: range.c0 });
    if (diff) {
      findings.push(mismatch(sheet.name, diff.cell, diff.expected, diff.actual, entry.id, diff.reason, table.id));
      continue;
    }
    table.relations = [...table.relations, ...captionRelations(sheet, entry.spec, table)];
    // The unit line is part of the table's captions (the report's shape, and what export copies).
    if (table.range.r0 > 0) {
      const unit = textAt(sheet, table.range.r0 - 1, table.range.c1);
      if (unit) table.captions.push({ row: table.range.r0 - 1, col: table.range.c1, text: unit, kind: 'unit' });
    }
    tables.push(table);
    entries.set(table.id, entry);
  }
  return { tables, entries, findings };
}

/**
 * Where the sheet draws the spec now, nearest the range it was registered at: without the defined names (a file
 * read as grids alone), rows inserted above a table move it away from its stored range.
 */
export function locateSpec(sheet: SheetGrid, spec: TableSpec, was: CellRange): CellRange | null {
  const { geometry } = specTable(spec, sheet.name, { row: 0, col: 0 });
  const first = geometry.headers[0];
  const height = was.r1 - was.r0;
  const width = was.c1 - was.c0;
  let best: { range: CellRange; distance: number } | null = null;
  sheet.cells.forEach((line, row) =>
    line?.forEach((cell, col) => {
      if (!cell || typeof cell.v !== 'string' || !sameLabel(cell.v, first.text)) return;
      const r0 = row - first.row;
      const c0 = col - first.col;
      if (r0 < 0 || c0 < 0) return;
      const range = { r0, c0, r1: r0 + height, c1: c0 + width };
      if (specDifference(sheet, spec, range)) return;
      const distance = Math.abs(r0 - was.r0) + Math.abs(c0 - was.c0);
      if (!best || distance < best.distance) best = { range, distance };
    }),
  );
  return best === null ? null : (best as { range: CellRange }).range;
}

function problemFinding(p: RegistryProblem, sheet: string): Finding {
  const cell = p.range ? toA1(p.range.r0, p.range.c0) : 'A1';
  return mismatch(sheet, cell, p.id ? `RT_${p.id}` : 'a registered table', p.reason, p.id ?? '', 'registry');
}
