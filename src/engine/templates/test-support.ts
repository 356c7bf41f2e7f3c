/** Test helpers: a template drawn on a sheet, its input cells filled with figures, and the registry sheet for it. */
import type { CellRange, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import { registrySheetWrites, REGISTRY_SHEET, type RegistryEntry } from '../registry';
import { applyCellWrites } from '../undo';
import { planFill } from '../fill';
import type { TableSpec } from '../../specs';
import { drawTemplate, type TemplateBlock } from './instantiate';

/** Body cells a relation reads but none writes: the figures a person types. */
export function inputCells(block: TemplateBlock): { row: number; col: number }[] {
  const k = (r: { row: number; col: number }) => `${r.row},${r.col}`;
  const written = new Set(block.writes.filter((w) => w.formula !== undefined).map(k));
  const read = new Set<string>();
  for (const rel of block.table.relations) {
    if (rel.type === 'sum') rel.parts.forEach((p) => read.add(k(p)));
    else if (rel.type === 'rate') [rel.numerator, rel.denominator].forEach((p) => read.add(k(p)));
    else if (rel.type === 'diff') [rel.later, rel.earlier].forEach((p) => read.add(k(p)));
  }
  const { range } = block;
  const out: { row: number; col: number }[] = [];
  for (let r = range.r0 + block.table.headerRows; r <= range.r1; r++) {
    for (let c = range.c0 + block.table.labelCols; c <= range.c1; c++) {
      if (!written.has(`${r},${c}`) && read.has(`${r},${c}`)) out.push({ row: r, col: c });
    }
  }
  return out;
}

/**
 * The template's sheet with `figures` typed into its input cells (cycled when fewer are given) and every
 * formula's cached value brought up to date, as a spreadsheet would on entry.
 */
export function filledTemplate(block: TemplateBlock, figures: readonly number[]): SheetGrid {
  const drawn = drawTemplate(block);
  const writes: CellWrite[] = inputCells(block).map((at, i) => ({ sheet: block.sheet, ...at, value: figures.length ? figures[i % figures.length] : 0 }));
  let sheet = applyCellWrites([drawn], writes)[0];
  const labelCol = block.range.c0 + block.table.labelCols - 1;
  const labelTotals = block.writes.filter((w) => w.col === labelCol && block.table.relations.some((r) => r.type === 'sum' && r.total.row === w.row && r.total.col === w.col));
  const isLabelTotal = (r: { row: number; col: number }) => labelTotals.some((w) => w.row === r.row && w.col === r.col);
  const plan = planFill(sheet, { ...block.table, relations: block.table.relations.filter((r) => !(r.type === 'sum' && isLabelTotal(r.total))) });
  sheet = applyCellWrites([sheet], plan.writes)[0];
  const recount: CellWrite[] = [];
  for (const rel of block.table.relations) {
    if (rel.type !== 'sum' || !isLabelTotal(rel.total)) continue;
    const total = rel.parts.reduce((n, p) => n + Number(sheet.cells[p.row]?.[p.col]?.v ?? 0), 0);
    const w = labelTotals.find((x) => x.row === rel.total.row && x.col === rel.total.col)!;
    recount.push({ ...w, value: String(w.value).replace(/\(\d+\)$/, `(${total})`) });
  }
  return applyCellWrites([sheet], recount)[0];
}

export function registryEntryFor(block: TemplateBlock, spec: TableSpec, id: string, range: CellRange = block.range): RegistryEntry {
  return { id, sheet: block.sheet, range, kind: spec.kind, spec, created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };
}

/** The very-hidden registry sheet holding these entries. */
export function registrySheet(entries: readonly RegistryEntry[]): SheetGrid {
  const empty: SheetGrid = { name: REGISTRY_SHEET, cells: [], merges: [], state: 'veryHidden' };
  return applyCellWrites([empty], registrySheetWrites(empty, entries))[0];
}
