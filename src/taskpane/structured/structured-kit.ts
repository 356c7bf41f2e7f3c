/**
 * The structured-sheet work the pane asks for, as pure functions over grids: templates placed, detected tables
 * adopted, report text imported, tables exported for the clipboard. It pulls in the specs (zod) and most of the
 * engine, so the pane loads it as its own chunk on first use (see ./load-kit.ts).
 */
import type { CellRange, SheetGrid } from '../../engine/grid/types';
import type { CellWrite } from '../../engine/model/cell-write';
import type { HeaderCell, Table, TableLayout } from '../../engine/model/table';
import { rangeToA1 } from '../../engine/grid/a1';
import { instantiateTemplate } from '../../engine/templates';
import { adoptTable, newTableId, REGISTRY_SHEET, registryFromSheets, type RegistryEntry } from '../../engine/registry';
import { exportTable } from '../../engine/export';
import { importReportText } from '../../engine/import-report';
import { checkWorkbook } from '../../engine/check-workbook';
import { buildBudgetSummary } from '../../engine/summary';
import { safeSheetName, uniqueSheetName } from '../../engine/report-text';
import {
  defaultSpecs,
  makeBudgetByYearSpec,
  makeCouncilSessionsSpec,
  makeCountsByFieldSpec,
  makeLawsuitsSpec,
  makeLegalAdviceSpec,
  makeParticipatoryBudgetSpec,
  specGeometry,
  type SpecKind,
  type SpecProblem,
  type TableSpec,
} from '../../specs';
import type { WorkbookChange } from './workbook-change';

/** Kinds whose spec takes a year span. */
const YEAR_KINDS = new Set<SpecKind>(['budget-by-year', 'participatory-budget', 'lawsuits', 'legal-advice', 'council-sessions', 'counts-by-field']);

export interface YearSpan {
  from: number;
  to: number;
}

export interface KindPreview {
  kind: SpecKind;
  takesYears: boolean;
  unit: string;
  /** The header layout as drawn from A1 (label-column headers and the column tree), with spans. */
  headers: HeaderCell[];
  headerRows: number;
  columns: number;
}

/** The spec of a kind for a year span (kinds without years ignore it). */
export function templateSpec(kind: SpecKind, years: YearSpan): TableSpec {
  const { from, to } = years;
  switch (kind) {
    case 'budget-by-year':
      return makeBudgetByYearSpec({ from, to, planYear: Math.min(from + 1, to) });
    case 'participatory-budget':
      return makeParticipatoryBudgetSpec({ from, to });
    case 'lawsuits':
      return makeLawsuitsSpec({ from, to });
    case 'legal-advice':
      return makeLegalAdviceSpec({ from, to });
    case 'council-sessions':
      return makeCouncilSessionsSpec({ from, to });
    case 'counts-by-field':
      return makeCountsByFieldSpec({ fields: ['행정', '복지', '경제'], from, to });
    default:
      return defaultSpecs(to)[kind];
  }
}

/** Every kind with a preview of its header for this span: what the gallery draws. */
export function galleryKinds(years: YearSpan): KindPreview[] {
  return (Object.keys(defaultSpecs()) as SpecKind[]).map((kind) => {
    const spec = templateSpec(kind, years);
    const geo = specGeometry(spec, { row: 0, col: 0 });
    return {
      kind,
      takesYears: YEAR_KINDS.has(kind),
      unit: spec.unit,
      headers: geo.headers,
      headerRows: geo.headerRows,
      columns: geo.range.c1 - geo.range.c0 + 1,
    };
  });
}

export type Where = { kind: 'team-sheet' } | { kind: 'selection'; sheet: string; at: { row: number; col: number } };

export interface InsertRequest {
  kind: SpecKind;
  years: YearSpan;
  team: string;
  title?: string;
  where: Where;
  /** ISO time for the registry row (the caller's clock). */
  now: string;
}

export type Planned =
  | { ok: true; change: WorkbookChange; entries: RegistryEntry[]; summary: { sheet: string; range: string; id: string }[] }
  /** `problems`: why a table cannot be registered, as data (code, path, params) for the pane's words. */
  | { ok: false; reason: PlanRefusal; detail?: string; problems?: SpecProblem[] };

export type PlanRefusal = 'occupied' | 'bad-span' | 'no-team' | 'not-adoptable' | 'no-tables' | 'no-budget-tables';

function lastUsedRow(sheet: SheetGrid | undefined): number {
  if (!sheet) return -1;
  for (let r = sheet.cells.length - 1; r >= 0; r--) {
    if (sheet.cells[r]?.some((c) => c && (c.v !== null || c.f !== undefined))) return r;
  }
  return -1;
}

function occupiedIn(sheet: SheetGrid | undefined, area: CellRange): string | null {
  if (!sheet) return null;
  for (let r = area.r0; r <= area.r1; r++) {
    for (let c = area.c0; c <= area.c1; c++) {
      const cell = sheet.cells[r]?.[c];
      if (cell && (cell.v !== null || cell.f !== undefined)) return rangeToA1({ r0: r, c0: c, r1: r, c1: c });
    }
    if (sheet.merges.some((m) => m.r0 <= r && r <= m.r1 && !(m.c1 < area.c0 || m.c0 > area.c1))) return `row ${r + 1}`;
  }
  return null;
}

function takenIds(sheets: readonly SheetGrid[]): string[] {
  return registryFromSheets(sheets).entries.map((e) => e.id);
}

/** A template at the selection, or on the team's sheet (below what it holds, or on a new sheet named after the team). */
export function planTemplateInsert(sheets: readonly SheetGrid[], request: InsertRequest): Planned {
  const { from, to } = request.years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 30) return { ok: false, reason: 'bad-span' };
  const team = safeSheetName(request.team, '');
  if (request.where.kind === 'team-sheet' && team === '') return { ok: false, reason: 'no-team' };
  let spec: TableSpec;
  try {
    spec = templateSpec(request.kind, request.years);
  } catch (e) {
    return { ok: false, reason: 'bad-span', detail: String(e) };
  }
  const sheetName = request.where.kind === 'selection' ? request.where.sheet : team;
  const existing = sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  const at = request.where.kind === 'selection' ? request.where.at : { row: lastUsedRow(existing) < 0 ? 0 : lastUsedRow(existing) + 3, col: 0 };
  const title = request.title?.trim() || undefined;
  const block = instantiateTemplate(spec, { sheet: existing?.name ?? sheetName, at, title, team: request.team });
  const clash = occupiedIn(existing, block.block);
  if (clash) return { ok: false, reason: 'occupied', detail: clash };
  const id = newTableId(spec.kind, takenIds(sheets));
  const entry: RegistryEntry = { id, sheet: block.sheet, range: block.range, kind: spec.kind, spec: title ? { ...spec, title } : spec, created: request.now, updated: request.now };
  return {
    ok: true,
    entries: [entry],
    summary: [{ sheet: block.sheet, range: rangeToA1(block.range), id }],
    change: {
      sheets: existing ? [] : [{ name: block.sheet, state: 'visible' as const }],
      merges: block.merges.map((range) => ({ sheet: block.sheet, range })),
      register: [entry],
      writes: block.writes,
      activate: block.sheet,
    },
  };
}

export interface AdoptRequest {
  table: Table;
  notTotalRows: number[];
  notPartColumns: number[];
  title?: string;
  unit?: string;
  now: string;
}

/** A detected table registered as structured, with the user's corrections. */
export function planAdopt(sheets: readonly SheetGrid[], request: AdoptRequest): Planned {
  const adopted = adoptTable(request.table, {
    notTotalRows: request.notTotalRows,
    notPartColumns: request.notPartColumns,
    title: request.title,
    unit: request.unit,
  });
  if (!adopted.ok) return { ok: false, reason: 'not-adoptable', problems: adopted.problems };
  const t = request.table;
  const id = newTableId(t.kind, takenIds(sheets));
  const entry: RegistryEntry = { id, sheet: t.sheet, range: t.range, kind: adopted.spec.kind, spec: adopted.spec, created: request.now, updated: request.now };
  return { ok: true, entries: [entry], summary: [{ sheet: t.sheet, range: rangeToA1(t.range), id }], change: { sheets: [], merges: [], register: [entry], writes: [] } };
}

export interface ReportPreview {
  tables: number;
  sheets: { name: string; tables: number }[];
}

function cellWrites(sheet: SheetGrid, name: string): CellWrite[] {
  const writes: CellWrite[] = [];
  sheet.cells.forEach((line, row) =>
    line?.forEach((cell, col) => {
      if (!cell || (cell.v === null && cell.f === undefined)) return;
      const w: CellWrite = { sheet: name, row, col, value: cell.v };
      if (cell.f !== undefined) w.formula = cell.f;
      if (cell.fmt !== undefined) w.fmt = cell.fmt;
      writes.push(w);
    }),
  );
  return writes;
}

/**
 * The report's text into the open workbook: one new sheet per department section (renamed '… (2)' where the
 * workbook already has that name), every table registered beside the tables already there.
 */
export function planReportImport(sheets: readonly SheetGrid[], text: string, now: string): Planned & { preview?: ReportPreview } {
  const imported = importReportText(text, { now });
  const departments = imported.sheets.filter((s) => s.name !== REGISTRY_SHEET);
  if (departments.length === 0) return { ok: false, reason: 'no-tables' };
  const taken = new Set(sheets.map((s) => s.name));
  const rename = new Map<string, string>();
  for (const s of departments) {
    const name = uniqueSheetName(s.name, taken);
    taken.add(name);
    rename.set(s.name, name);
  }
  const ids = takenIds(sheets);
  const added: RegistryEntry[] = registryFromSheets(imported.sheets).entries.map((e) => {
    const id = newTableId(e.kind, ids);
    ids.push(id);
    return { ...e, id, sheet: rename.get(e.sheet) ?? e.sheet };
  });
  const preview = previewOf(imported.tables.map((t) => rename.get(t.sheet) ?? t.sheet), departments.map((s) => rename.get(s.name)!));
  return {
    ok: true,
    preview,
    entries: added,
    summary: added.map((e) => ({ sheet: e.sheet, range: rangeToA1(e.range), id: e.id })),
    change: {
      sheets: departments.map((s) => ({ name: rename.get(s.name)!, state: 'visible' as const })),
      merges: departments.flatMap((s) => s.merges.map((range) => ({ sheet: rename.get(s.name)!, range }))),
      register: added,
      writes: departments.flatMap((s) => cellWrites(s, rename.get(s.name)!)),
      activate: rename.get(departments[0].name),
    },
  };
}

function previewOf(tableSheets: string[], sheetNames: string[]): ReportPreview {
  return {
    tables: tableSheets.length,
    sheets: sheetNames.map((name) => ({ name, tables: tableSheets.filter((s) => s === name).length })),
  };
}

/** What pasting this text would make, before anything is written. */
export function previewReport(sheets: readonly SheetGrid[], text: string): ReportPreview {
  const planned = planReportImport(sheets, text, '1970-01-01T00:00:00.000Z');
  return planned.ok && planned.preview ? planned.preview : { tables: 0, sheets: [] };
}

/** The workbook's structured tables, as its registry sheet holds them. */
export function structuredTables(sheets: readonly SheetGrid[]): RegistryEntry[] {
  return registryFromSheets(sheets).entries;
}

/** A table as report HTML (unit line, merged headers, report number style) and as TSV for plain-text targets. */
export function tableForClipboard(sheets: readonly SheetGrid[], sheet: string, range: CellRange, table?: TableLayout): { html: string; text: string } | null {
  const grid = sheets.find((s) => s.name === sheet);
  if (!grid) return null;
  return { html: exportTable(grid, range, 'html', { table }), text: exportTable(grid, range, 'tsv', { table }) };
}

export interface PlannedSummary {
  change: WorkbookChange;
  /** The 총계 row's year cells (what the chart plots) and the header's year cells above them (its categories). */
  chart: { sheet: string; range: CellRange; categories: CellRange | null } | null;
  tables: number;
}

/** The summary header's cells over the year totals: the row whose first cell the header starts with. */
function headerCells(writes: readonly CellWrite[], totals: CellRange): CellRange | null {
  const first = writes.find((w) => w.col === totals.c0 && typeof w.value === 'string' && /^\d{4}/.test(w.value) && w.row < totals.r0);
  return first ? { r0: first.row, c0: totals.c0, r1: first.row, c1: totals.c1 } : null;
}

/** The bureau summary sheet built or refreshed from every budget table the check finds. */
export function planSummary(sheets: readonly SheetGrid[]): PlannedSummary | null {
  const summary = buildBudgetSummary(sheets, checkWorkbook([...sheets]).tables);
  if (summary.tables.length === 0) return null;
  return {
    tables: summary.tables.length,
    change: { sheets: summary.create ? [{ name: summary.sheet, state: 'visible' }] : [], merges: [], register: [], writes: summary.writes, activate: summary.sheet },
    chart: summary.yearTotals ? { ...summary.yearTotals, categories: headerCells(summary.writes, summary.yearTotals.range) } : null,
  };
}

export const structuredKit = {
  planSummary, galleryKinds, planTemplateInsert, planAdopt, planReportImport, previewReport, structuredTables, tableForClipboard };
export type StructuredKit = typeof structuredKit;
