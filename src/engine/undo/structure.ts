/**
 * Undo of a structural change (template insert, report import, adopt, bureau summary), pure: what the change
 * made besides cell values — sheets, merges, registered tables and their RT_ names, a chart — recorded as plain
 * JSON in the undo entry, and the plan that takes it back given how the workbook looks at undo time.
 *
 * The registry part is kept as a difference (ids the change registered, and the entries it replaced as they
 * were), not as a full copy of the registry: a full copy would put back the ranges of tables the user has since
 * moved (rows inserted above them; their RT_ names follow) and would multiply the log's size by the number of
 * tables in the workbook.
 */
import { z } from 'zod';
import { toA1 } from '../grid/a1';
import type { CellRange } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
// Lazily referenced: registry-rows imports this folder (chunkText), so its schema is read at parse time only.
import { absoluteReference, definedNameOf, registryEntrySchema, type RegistryEntry } from '../registry/registry-rows';

const cellRangeSchema = z.object({ r0: z.number().int().min(0), c0: z.number().int().min(0), r1: z.number().int().min(0), c1: z.number().int().min(0) });

export const undoStructureSchema = z.object({
  /** Sheets the change added, with a fingerprint of what it wrote there (to tell whether a user typed in them since). */
  sheetsAdded: z.array(z.object({ name: z.string().min(1), fingerprint: z.string() })),
  /** Areas the change merged on sheets that existed before it. */
  merged: z.array(z.object({ sheet: z.string(), range: cellRangeSchema })),
  /** Ids of the tables the change registered (rows of `_report_tables` and names `RT_<id>`). */
  registryAdded: z.array(z.string()),
  /** Registry entries the change replaced (same id), as they were before it. */
  registryBefore: z.array(z.lazy(() => registryEntrySchema)),
  /** Whether the change created the very-hidden sheet itself (undo removes it again when nothing is left in it). */
  hiddenSheetAdded: z.boolean().optional(),
  /** A chart the change added (undo deletes it); a chart it only pointed at new data is left. */
  chartAdded: z.object({ sheet: z.string(), name: z.string() }).optional(),
});
export type UndoStructure = z.infer<typeof undoStructureSchema>;

export function emptyStructure(): UndoStructure {
  return { sheetsAdded: [], merged: [], registryAdded: [], registryBefore: [] };
}

/** A cell's content as typed: '=' and the formula, or the constant. Formats are not content. */
export type TypedContent = string | number | boolean;

/**
 * Formula text as Excel may give it back: quotes around sheet names, `$`, spaces and case are dropped, so
 * `='기획예산과'!$D$7` and `=기획예산과!D7` are the same content.
 */
function normalFormula(text: string): string {
  return text.replace(/['$\s]/g, '').toUpperCase();
}

/** FNV-1a, two 32-bit lanes: a short, stable digest (not a security measure, a "did anything change" check). */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a & 0xff), 0x01000193) >>> 0;
  }
  return `${a.toString(36)}.${b.toString(36)}.${text.length.toString(36)}`;
}

/**
 * The fingerprint of a sheet's content: every non-empty cell's position and typed content (formulas
 * normalised, formats ignored). Both the change (from its writes) and the undo (from the sheet as read) make it.
 */
export function contentFingerprint(cells: Iterable<{ row: number; col: number; content: TypedContent | null | undefined }>): string {
  const lines: string[] = [];
  for (const { row, col, content } of cells) {
    if (content === null || content === undefined || content === '') continue;
    const text = typeof content === 'string' && content.startsWith('=') ? `=${normalFormula(content.slice(1))}` : `${typeof content}:${String(content)}`;
    lines.push(`${toA1(row, col)}\u0001${text}`);
  }
  lines.sort();
  return digest(lines.join('\u0002'));
}

/** What a write leaves in its cell, as typed (the last write to a cell wins). */
export function writtenContent(writes: readonly CellWrite[], sheet: string): { row: number; col: number; content: TypedContent | null }[] {
  const byCell = new Map<string, { row: number; col: number; content: TypedContent | null }>();
  for (const w of writes) {
    if (w.sheet !== sheet) continue;
    const content = w.formula !== undefined ? `=${w.formula}` : w.error !== undefined ? w.error : w.value;
    byCell.set(`${w.row},${w.col}`, { row: w.row, col: w.col, content });
  }
  return [...byCell.values()];
}

/** A block of typed contents read from a sheet (Excel's `formulas` of the used range, '' for empty) as cells. */
export function blockContent(origin: { row: number; col: number }, block: readonly (readonly unknown[])[]): { row: number; col: number; content: TypedContent | null }[] {
  const out: { row: number; col: number; content: TypedContent | null }[] = [];
  block.forEach((line, i) =>
    line.forEach((x, j) => {
      const content = typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? x : null;
      out.push({ row: origin.row + i, col: origin.col + j, content });
    }),
  );
  return out;
}

/** The registry a change leaves: what was there (the change's ids replaced) and the new entries. */
export function registryAfterChange(current: readonly RegistryEntry[], added: readonly RegistryEntry[]): { entries: RegistryEntry[]; before: RegistryEntry[] } {
  const ids = new Set(added.map((e) => e.id));
  return { entries: [...current.filter((e) => !ids.has(e.id)), ...added], before: current.filter((e) => ids.has(e.id)) };
}

/** How the workbook looks when the user asks to undo a structural change. */
export interface UndoObservation {
  /** Each added sheet's fingerprint now; null when the sheet is gone. */
  sheetFingerprints: ReadonlyMap<string, string | null>;
  /** The registry as its rows hold it now (readable entries only; unreadable rows are left where they are). */
  registry: readonly RegistryEntry[];
  /** Defined names that exist now. */
  names: ReadonlySet<string>;
  /** Whether the chart the change added is still there. */
  chartPresent: boolean;
}

export interface StructureUndoPlan {
  /** Added sheets to delete (unchanged since the change). */
  deleteSheets: string[];
  /** Added sheets kept because someone typed in them since: left whole (cells, merges, tables on them). */
  keptSheets: string[];
  unmerge: { sheet: string; range: CellRange }[];
  /** The registry to write, or null when the change registered nothing. */
  registry: RegistryEntry[] | null;
  deleteNames: string[];
  /** Names put back for the entries the change had replaced. */
  addNames: { name: string; reference: string }[];
  deleteChart: { sheet: string; name: string } | null;
  /** Sheets whose cells are restored from the snapshot (not on deleted or kept sheets). */
  restoreOn: (sheet: string) => boolean;
}

/** The order of the undo: everything the change made comes off; a sheet a user has typed in since stays whole. */
export function planStructureUndo(structure: UndoStructure, now: UndoObservation): StructureUndoPlan {
  const deleteSheets: string[] = [];
  const keptSheets: string[] = [];
  for (const s of structure.sheetsAdded) {
    const seen = now.sheetFingerprints.get(s.name);
    if (seen === null || seen === undefined) continue;
    (seen === s.fingerprint ? deleteSheets : keptSheets).push(s.name);
  }
  const added = new Set(structure.sheetsAdded.map((s) => s.name));
  const kept = new Set(keptSheets);
  let registry: RegistryEntry[] | null = null;
  const deleteNames: string[] = [];
  const addNames: { name: string; reference: string }[] = [];
  if (structure.registryAdded.length || structure.registryBefore.length) {
    // A table on a kept sheet stays registered: the sheet still holds it.
    const drop = new Set(structure.registryAdded.filter((id) => !now.registry.some((e) => e.id === id && kept.has(e.sheet))));
    const restored = new Map(structure.registryBefore.map((e) => [e.id, e]));
    registry = [...now.registry.filter((e) => !drop.has(e.id) && !restored.has(e.id)), ...restored.values()];
    for (const id of drop) if (!restored.has(id) && now.names.has(definedNameOf(id))) deleteNames.push(definedNameOf(id));
    for (const e of restored.values()) {
      if (now.names.has(definedNameOf(e.id))) deleteNames.push(definedNameOf(e.id));
      addNames.push({ name: definedNameOf(e.id), reference: absoluteReference(e.sheet, e.range) });
    }
  }
  const chart = structure.chartAdded;
  return {
    deleteSheets,
    keptSheets,
    unmerge: structure.merged.filter((m) => !added.has(m.sheet)),
    registry,
    deleteNames,
    addNames,
    deleteChart: chart && now.chartPresent && !kept.has(chart.sheet) && !deleteSheets.includes(chart.sheet) ? chart : null,
    restoreOn: (sheet) => !added.has(sheet),
  };
}
