/**
 * Patch one worksheet part in place: replace or insert the `<c>` elements fill writes (formula with its cached
 * value, or a constant as an inline string), leave every other byte of the part as it was.
 */
import { columnIndex, rangeFromA1, rangeToA1, toA1, type CellRange, type CellWrite } from '../../engine';
import { PatchError } from './patch-error';
import { escapeText, parseAttrs, removeAttr, setAttr } from './xml-text';

const ROW_RE = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export interface SheetPatchContext {
  /** Sheet name, for messages. */
  sheet: string;
  /** The style index a written cell gets: its current one (or the row's/column's) with `fmt` when given. */
  styleFor(current: number | undefined, fmt: string | undefined): number | undefined;
  /** The formula a shared-formula cell stands for (from the reader, which expands them), to write it out in full. */
  expandedFormula(row: number, col: number): string | undefined;
}

function address(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new PatchError('unsupported-xml', `cannot write ${n} into a cell`);
  return String(n);
}

/** The `<c>` element for a write. `style` undefined writes no s attribute. */
export function cellXml(w: CellWrite, style: number | undefined): string {
  const ref = toA1(w.row, w.col);
  const s = style !== undefined && style !== 0 ? ` s="${style}"` : '';
  const f = w.formula !== undefined ? `<f>${escapeText(w.formula)}</f>` : '';
  if (w.error !== undefined) return `<c r="${ref}"${s} t="e">${f}<v>${escapeText(w.error)}</v></c>`;
  const v = w.value;
  if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${numberText(v)}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') {
    if (w.formula !== undefined) return `<c r="${ref}"${s} t="str">${f}<v>${escapeText(v)}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
  }
  if (w.formula !== undefined) return `<c r="${ref}"${s}>${f}</c>`;
  return style !== undefined && style !== 0 ? `<c r="${ref}"${s}/>` : '';
}

interface ParsedCell {
  col: number;
  xml: string;
  attrs: Map<string, string>;
}

function parseCells(rowInner: string, sheet: string, row: number): ParsedCell[] {
  const cells: ParsedCell[] = [];
  for (const m of rowInner.matchAll(CELL_RE)) {
    const attrs = parseAttrs(m[1]);
    const at = address(attrs.get('r') ?? '');
    if (!at || at.row !== row) throw new PatchError('unsupported-xml', `sheet '${sheet}' has a cell without its address in row ${row + 1}`);
    cells.push({ col: at.col, xml: m[0], attrs });
  }
  return cells;
}

/** Column styles from `<cols>`: what a new cell in that column shows. */
function columnStyles(xml: string): (col: number) => number | undefined {
  const spans: { min: number; max: number; style: number }[] = [];
  for (const m of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const a = parseAttrs(m[1]);
    if (a.has('style')) spans.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style: Number(a.get('style')) });
  }
  return (col) => spans.find((s) => col >= s.min && col <= s.max)?.style;
}

/** Areas an array or data-table formula owns: fill cannot write a piece of one. */
function lockedAreas(sheetData: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of sheetData.matchAll(/<f\b([^>]*?)(?:\/>|>)/g)) {
    const a = parseAttrs(m[1]);
    const t = a.get('t');
    if ((t === 'array' || t === 'dataTable') && a.has('ref')) {
      const r = rangeFromA1(a.get('ref')!);
      if (r) out.push(r);
    }
  }
  return out;
}

/** Patch a worksheet part for the writes on it (writes to one cell: the last wins). */
export function patchSheetXml(xml: string, writes: readonly CellWrite[], ctx: SheetPatchContext): string {
  if (/<\w+:(worksheet|sheetData|row|c)\b/.test(xml)) {
    throw new PatchError('unsupported-xml', `sheet '${ctx.sheet}' is written with namespace prefixes fill does not edit`);
  }
  const protection = /<sheetProtection\b([^>]*?)\/?>/.exec(xml);
  if (protection && ['1', 'true'].includes(parseAttrs(protection[1]).get('sheet') ?? '')) {
    throw new PatchError('protected', `sheet '${ctx.sheet}' is protected; unprotect it in Excel first (fill does not write into protected sheets)`);
  }
  const dataMatch = /<sheetData\s*\/>|<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  if (!dataMatch) throw new PatchError('unsupported-xml', `sheet '${ctx.sheet}' has no cell data part`);
  let sheetData = dataMatch[1] ?? '';

  const locked = lockedAreas(sheetData);
  for (const w of writes) {
    if (locked.some((r) => w.row >= r.r0 && w.row <= r.r1 && w.col >= r.c0 && w.col <= r.c1)) {
      throw new PatchError('array-formula', `${ctx.sheet}!${toA1(w.row, w.col)} is part of an array formula; fill will not break it`);
    }
  }

  const byRow = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    const line = byRow.get(w.row) ?? new Map<number, CellWrite>();
    line.set(w.col, w);
    byRow.set(w.row, line);
  }

  // A shared formula whose master cell is overwritten: write its other cells' formulas out in full first.
  const doomedMasters = new Set<string>();
  for (const m of sheetData.matchAll(CELL_RE)) {
    const fm = /<f\b([^>]*?)(?:\/>|>)/.exec(m[2] ?? '');
    if (!fm) continue;
    const fa = parseAttrs(fm[1]);
    if (fa.get('t') !== 'shared' || !fa.has('ref')) continue;
    const at = address(parseAttrs(m[1]).get('r') ?? '');
    if (at && byRow.get(at.row)?.has(at.col)) doomedMasters.add(fa.get('si') ?? '');
  }
  if (doomedMasters.size > 0) {
    sheetData = sheetData.replace(CELL_RE, (cell, attrText: string, inner?: string) => {
      const fm = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner ?? '');
      if (!fm) return cell;
      const fa = parseAttrs(fm[1]);
      if (fa.get('t') !== 'shared' || !doomedMasters.has(fa.get('si') ?? '') || fa.has('ref')) return cell;
      const at = address(parseAttrs(attrText).get('r') ?? '');
      const formula = at ? ctx.expandedFormula(at.row, at.col) : undefined;
      if (formula === undefined) {
        throw new PatchError('shared-formula', `sheet '${ctx.sheet}' shares a formula fill would have to rewrite, and its copies could not be read`);
      }
      return cell.replace(fm[0], `<f>${escapeText(formula)}</f>`);
    });
  }

  const colStyle = columnStyles(xml);
  const done = new Set<number>();
  const styleOfNew = (rowAttrs: Map<string, string> | undefined, col: number): number | undefined => {
    if (rowAttrs?.get('customFormat') === '1' && rowAttrs.has('s')) return Number(rowAttrs.get('s'));
    return colStyle(col);
  };
  const renderCells = (row: number, existing: ParsedCell[], rowAttrs: Map<string, string> | undefined): string => {
    const line = byRow.get(row)!;
    const out: ParsedCell[] = existing.filter((c) => !line.has(c.col));
    for (const [col, w] of line) {
      const old = existing.find((c) => c.col === col);
      const current = old ? (old.attrs.has('s') ? Number(old.attrs.get('s')) : undefined) : styleOfNew(rowAttrs, col);
      out.push({ col, xml: cellXml(w, ctx.styleFor(current, w.fmt)), attrs: new Map() });
    }
    return out.sort((a, b) => a.col - b.col).map((c) => c.xml).join('');
  };

  sheetData = sheetData.replace(ROW_RE, (rowXml, attrText: string, inner?: string) => {
    const attrs = parseAttrs(attrText);
    const r = Number(attrs.get('r'));
    if (!Number.isInteger(r) || r < 1) throw new PatchError('unsupported-xml', `sheet '${ctx.sheet}' has a row without its number`);
    const row = r - 1;
    if (!byRow.has(row)) return rowXml;
    done.add(row);
    // spans is only a hint for loading; dropping it is always valid, keeping it wrong is not.
    return `<row${removeAttr(attrText, 'spans')}>${renderCells(row, parseCells(inner ?? '', ctx.sheet, row), attrs)}</row>`;
  });

  const missing = [...byRow.keys()].filter((r) => !done.has(r)).sort((a, b) => a - b);
  if (missing.length > 0) {
    const rows: { row: number; xml: string }[] = [];
    for (const m of sheetData.matchAll(ROW_RE)) rows.push({ row: Number(parseAttrs(m[1]).get('r')) - 1, xml: m[0] });
    for (const row of missing) {
      const cells = renderCells(row, [], undefined);
      if (cells !== '') rows.push({ row, xml: `<row r="${row + 1}">${cells}</row>` });
    }
    // Rows must stay in order; anything between rows (none in valid files) is dropped with them.
    sheetData = rows.sort((a, b) => a.row - b.row).map((r) => r.xml).join('');
  }

  let out = xml.slice(0, dataMatch.index) + `<sheetData>${sheetData}</sheetData>` + xml.slice(dataMatch.index + dataMatch[0].length);
  out = widenDimension(out, writes);
  return out;
}

function widenDimension(xml: string, writes: readonly CellWrite[]): string {
  const m = /<dimension\b([^>]*?)\/>/.exec(xml);
  if (!m) return xml;
  const ref = parseAttrs(m[1]).get('ref');
  const range = ref ? rangeFromA1(ref) : null;
  if (!range) return xml;
  const wide = { ...range };
  for (const w of writes) {
    wide.r0 = Math.min(wide.r0, w.row);
    wide.c0 = Math.min(wide.c0, w.col);
    wide.r1 = Math.max(wide.r1, w.row);
    wide.c1 = Math.max(wide.c1, w.col);
  }
  if (wide.r0 === range.r0 && wide.c0 === range.c0 && wide.r1 === range.r1 && wide.c1 === range.c1) return xml;
  return xml.replace(m[0], `<dimension${setAttr(m[1], 'ref', rangeToA1(wide))}/>`);
}
