/**
 * A template: a spec placed on a sheet as a report-shaped block — title, caption lines with live amounts, the
 * unit line, merged headers, labels, an empty body with the report's number formats, and live totals and rates.
 * Formulas come from the fill plan (planFill) run over the spec's relations, so they are written one way only.
 */
import { toA1 } from '../grid/a1';
import type { Cell, CellRange, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import type { Relation, Table, CaptionLine } from '../model/table';
import { planFill } from '../fill';
import {
  captionCell,
  captionSpecs,
  captionText,
  rateTargets,
  resolveRelations,
  specGeometry,
  unitLine,
  type SpecGeometry,
  type TableSpec,
} from '../../specs';

export interface TemplatePlacement {
  /** The sheet to write on (default: the team's name, else the kind). */
  sheet?: string;
  /** Where the block's first line goes (its title, or its first caption), 0-based. Default A1. */
  at?: { row: number; col: number };
  title?: string;
  /** The team the table belongs to: its sheet by default (DESIGN: one sheet per team). */
  team?: string;
}

export interface TemplateBlock {
  sheet: string;
  /** Every cell of the block, formulas with their cached values, in an order a spreadsheet can apply. */
  writes: CellWrite[];
  /** Merged areas to make (headers and row groups). */
  merges: CellRange[];
  /** The table's registered range: header rows and body, without captions. */
  range: CellRange;
  /** Everything the block covers, captions included. */
  block: CellRange;
  /** The table as the spec declares it at this place (relations with evidence 'spec'). */
  table: Table;
  /** The spec to register for it (with the placement's title). */
  spec: TableSpec;
}

const key = (r: { row: number; col: number }) => `${r.row},${r.col}`;

function setCell(rows: (Cell | null)[][], row: number, col: number, cell: Cell): void {
  while (rows.length <= row) rows.push([]);
  const line = rows[row];
  while (line.length <= col) line.push(null);
  line[col] = cell;
}

/** The table a spec declares when its header starts at `origin` (no captions: those depend on the lines above). */
export function specTable(spec: TableSpec, sheet: string, origin: { row: number; col: number }): { table: Table; geometry: SpecGeometry } {
  const geometry = specGeometry(spec, origin);
  const id = `${sheet}!${toA1(geometry.range.r0, geometry.range.c0)}:${toA1(geometry.range.r1, geometry.range.c1)}`;
  const table: Table = {
    id,
    sheet,
    range: geometry.range,
    headerRows: geometry.headerRows,
    labelCols: geometry.labelCols,
    kind: spec.kind,
    captions: [],
    headers: [...geometry.headers, ...geometry.rowLabels],
    columns: geometry.columns,
    rows: geometry.rows,
    relations: resolveRelations(spec, geometry, id),
  };
  if (spec.title) table.title = spec.title;
  if (spec.unit !== '') table.unit = spec.unit;
  return { table, geometry };
}

/** The cell writes, merges and range of a new table of this spec. */
export function instantiateTemplate(spec: TableSpec, placement: TemplatePlacement = {}): TemplateBlock {
  const sheet = placement.sheet ?? placement.team ?? spec.kind;
  const at = placement.at ?? { row: 0, col: 0 };
  if (!Number.isInteger(at.row) || !Number.isInteger(at.col) || at.row < 0 || at.col < 0) throw new RangeError('a template goes at a cell on the sheet');
  const title = placement.title ?? spec.title;
  // A caption over one component of a compound cell ('정원 22명(현원 22명)') describes text a template never
  // writes (its body holds plain figures), so only plain captions become live caption lines.
  const captions = captionSpecs(spec).filter((c) => c.comp?.cell === undefined);
  const unitText = unitLine(spec.unit);
  const headerRow = at.row + (title ? 1 : 0) + captions.length + (unitText ? 1 : 0);
  const { table, geometry } = specTable(spec, sheet, { row: headerRow, col: at.col });
  if (title) table.title = title;

  const rows: (Cell | null)[][] = [];
  const captionLines: CaptionLine[] = [];
  let line = at.row;
  if (title) {
    setCell(rows, line, at.col, { v: title });
    captionLines.push({ row: line, col: at.col, text: title, kind: 'title' });
    line++;
  }
  const captionRelations: Relation[] = [];
  for (const c of captions) {
    const text = captionText(c, '0', spec.unit);
    setCell(rows, line, at.col, { v: text });
    captionLines.push({ row: line, col: at.col, text, kind: 'amount' });
    captionRelations.push({ type: 'caption', caption: { row: line, col: at.col }, amount: 0, cell: captionCell(c, geometry), year: c.year, family: `spec:${table.id}:caption:${c.year}` });
    line++;
  }
  if (unitText) {
    // The report right-aligns the unit line over the table's last column.
    setCell(rows, line, geometry.range.c1, { v: unitText });
    captionLines.push({ row: line, col: geometry.range.c1, text: unitText, kind: 'unit' });
  }
  table.captions = captionLines;
  table.relations = [...table.relations, ...captionRelations];

  const merges: CellRange[] = [];
  for (const h of [...geometry.headers, ...geometry.rowLabels]) {
    setCell(rows, h.row, h.col, { v: h.text });
    if (h.rowSpan > 1 || h.colSpan > 1) merges.push({ r0: h.row, c0: h.col, r1: h.row + h.rowSpan - 1, c1: h.col + h.colSpan - 1 });
  }
  const rates = rateTargets(table.relations);
  const bodyTop = geometry.range.r0 + geometry.headerRows;
  for (let r = bodyTop; r <= geometry.range.r1; r++) {
    for (let c = geometry.range.c0 + geometry.labelCols; c <= geometry.range.c1; c++) {
      setCell(rows, r, c, { v: null, fmt: rates.has(key({ row: r, col: c })) ? spec.formats.rate : spec.formats.amount });
    }
  }

  // A label that states its total ('공약(N)') stays a constant: fill would replace a formula there with a number,
  // and the check and fill already say what such a label should read.
  const labelTotals = new Set<string>();
  for (const rel of table.relations) {
    if (rel.type === 'sum' && rel.total.col < geometry.range.c0 + geometry.labelCols) {
      const label = geometry.rowLabels.find((h) => h.row === rel.total.row && h.col === rel.total.col)?.text ?? '';
      setCell(rows, rel.total.row, rel.total.col, { v: `${label}(0)` });
      labelTotals.add(key(rel.total));
    }
  }

  const grid: SheetGrid = { name: sheet, cells: rows, merges };
  const plan = planFill(grid, { ...table, relations: table.relations.filter((r) => !(r.type === 'sum' && labelTotals.has(key(r.total)))) });
  const writes = new Map<string, CellWrite>();
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (!cell) return;
      const w: CellWrite = { sheet, row: r, col: c, value: cell.v };
      if (cell.f !== undefined) w.formula = cell.f;
      if (cell.fmt !== undefined) w.fmt = cell.fmt;
      writes.set(key({ row: r, col: c }), w);
    }),
  );
  for (const w of plan.writes) {
    const before = writes.get(key(w));
    writes.set(key(w), { ...w, fmt: w.fmt ?? before?.fmt });
    if (writes.get(key(w))!.fmt === undefined) delete writes.get(key(w))!.fmt;
  }
  const block: CellRange = { r0: at.row, c0: at.col, r1: geometry.range.r1, c1: geometry.range.c1 };
  const registered: TableSpec = title ? { ...spec, title } : spec;
  return { sheet, writes: orderWrites([...writes.values()], plan.writes), merges, range: geometry.range, block, table, spec: registered };
}

/** Constants first, then formulas in the fill plan's dependency order. */
function orderWrites(all: CellWrite[], planned: readonly CellWrite[]): CellWrite[] {
  const rank = new Map(planned.map((w, i) => [key(w), i]));
  const constants = all.filter((w) => w.formula === undefined);
  const formulas = all.filter((w) => w.formula !== undefined);
  formulas.sort((a, b) => (rank.get(key(a)) ?? -1) - (rank.get(key(b)) ?? -1));
  return [...constants, ...formulas];
}

/** A template's block drawn onto a sheet grid (new grid; the given one is not touched). */
export function drawTemplate(block: TemplateBlock, base?: SheetGrid): SheetGrid {
  const rows: (Cell | null | undefined)[][] = (base?.cells ?? []).map((l) => Array.from(l));
  for (const w of block.writes) {
    const cell: Cell = { v: w.value };
    if (w.formula !== undefined) cell.f = w.formula;
    if (w.fmt !== undefined) cell.fmt = w.fmt;
    while (rows.length <= w.row) rows.push([]);
    while (rows[w.row].length <= w.col) rows[w.row].push(null);
    rows[w.row][w.col] = cell.v === null && cell.f === undefined && cell.fmt === undefined ? null : cell;
  }
  return { ...(base ?? { name: block.sheet, merges: [] }), name: block.sheet, cells: rows, merges: [...(base?.merges ?? []), ...block.merges] };
}

