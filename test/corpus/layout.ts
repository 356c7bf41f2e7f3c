/**
 * Writing drafts into sheets the way people paste tables into Excel: captions above, at some offset,
 * stacked with blank rows between or side by side with an empty column, headers merged or left as a first
 * cell followed by blanks, figures as numbers or as text, zero as '-', 0 or blank, negatives as △, (…) or -.
 * Rendering is deterministic given a plan, so a fault is planted by rendering the same plan with one override.
 */
import type { Cell, CellRange, SheetGrid } from '../../src/engine';
import { group, type Draft, type DraftCell, type NumCell, type Pos } from './kinds';
import { hashInts, type Rng } from './prng';

export interface TableStyle {
  /** Header cells (and group labels) merged, or left blank as a tab-separated paste leaves them. */
  merged: boolean;
  /** Share of figures written as text ("19,000"): 0, some, or all. */
  textShare: number;
  zero: 'dash' | 'zero' | 'blank' | 'format';
  negative: 'triangle' | 'paren' | 'minus' | 'format';
  /** Rates written as text ("97.3") rather than numbers with a 0.0 format. */
  rateText: boolean;
  /** Thousands separators in figures written as text. */
  grouped: boolean;
  /** Unit line at the table's right edge rather than above its first column. */
  unitRight: boolean;
  /** A blank row between the captions and the header. */
  gapAfterCaptions: boolean;
  /** Header text broken before its parenthesis ("징수율\n(%)"), as text pasted from a word processor is. */
  wrapHeaders: boolean;
  /** The title line merged across the table's width. */
  mergeTitle: boolean;
  /** Header words spaced out letter by letter ("부 과 액"), as word-processor tables are. */
  spacedHeaders: boolean;
  /** Figures written as text keep a stray space from the paste ("19,000 "). */
  paddedText: boolean;
  /** Rates kept as fractions with a % format (0.973 shown 97.3%) rather than percentage numbers. */
  rateFraction: boolean;
}

export interface PlacedTable {
  draft: Draft;
  style: TableStyle;
  /** Sheet position of the table's top-left header cell. */
  top: number;
  left: number;
  /** Sheet rows of the caption lines (same order as draft.captions) and the column each starts in. */
  captionAt: { row: number; col: number }[];
  footnoteRow?: number;
  /** Per-table salt for per-cell choices (which figures are text). */
  salt: number;
  /** Alone in its band of rows, or the left/right one of two tables side by side. */
  arrangement: 'stacked' | 'left' | 'right';
}

export interface SheetPlan {
  name: string;
  /** A heading line of the whole sheet ("1. 세무1과 주요 통계"), if any. */
  heading?: { row: number; col: number; text: string };
  tables: PlacedTable[];
}

/** One planted change, applied when rendering: a figure's new value or a cell's new text. */
export interface Override {
  table: number;
  /** A body/header cell, or a caption line. */
  at: { pos: Pos } | { captionLine: number };
  n?: number;
  text?: string | number;
}

export function randomStyle(rng: Rng): TableStyle {
  const t = rng.next();
  return {
    merged: rng.chance(0.55),
    textShare: t < 0.55 ? 0 : t < 0.8 ? 0.3 : 1,
    zero: rng.pick(['dash', 'dash', 'zero', 'blank', 'format'] as const),
    negative: rng.pick(['triangle', 'paren', 'minus', 'format'] as const),
    rateText: rng.chance(0.2),
    grouped: rng.chance(0.85),
    unitRight: rng.chance(0.4),
    gapAfterCaptions: rng.chance(0.25),
    wrapHeaders: rng.chance(0.15),
    mergeTitle: rng.chance(0.2),
    spacedHeaders: rng.chance(0.15),
    paddedText: rng.chance(0.15),
    rateFraction: rng.chance(0.12),
  };
}

export function tableWidth(d: Draft): number {
  return Math.max(...d.rows.map((r) => r.length));
}

/** Lay out a sheet's tables: 1–4 stacked, the first two maybe side by side. */
export function placeTables(rng: Rng, name: string, drafts: Draft[], styles: TableStyle[]): SheetPlan {
  const plan: SheetPlan = { name, tables: [] };
  let row = rng.int(0, 4);
  const left0 = rng.int(0, 3);
  if (rng.chance(0.25)) {
    plan.heading = { row, col: left0, text: rng.pick([`${name} 주요 현황`, `1. ${name} 통계`, `[${name}] 2020년 실적`]) };
    row += 2;
  }
  let i = 0;
  while (i < drafts.length) {
    const sideBySide = i === 0 && drafts.length >= 2 && rng.chance(0.3);
    const band = sideBySide ? [0, 1] : [i];
    const capHeight = Math.max(...band.map((k) => drafts[k].captions.length + (styles[k].gapAfterCaptions ? 1 : 0)));
    const top = row + capHeight;
    let left = left0 + (sideBySide ? 0 : rng.int(0, 1));
    let bottom = top;
    for (const k of band) {
      const d = drafts[k];
      const style = styles[k];
      const w = tableWidth(d);
      const capTop = top - d.captions.length - (style.gapAfterCaptions ? 1 : 0);
      const captionAt = d.captions.map((_, j) => ({
        row: capTop + j,
        col: j === d.unitLine && style.unitRight ? left + w - 1 : left,
      }));
      const arrangement = !sideBySide ? 'stacked' : k === band[0] ? 'left' : 'right';
      const placed: PlacedTable = { draft: d, style, top, left, captionAt, salt: rng.int(0, 1 << 30), arrangement };
      const end = top + d.rows.length;
      if (d.footnote && !sideBySide) placed.footnoteRow = end;
      plan.tables.push(placed);
      bottom = Math.max(bottom, end + (placed.footnoteRow !== undefined ? 1 : 0));
      left += w + (rng.chance(0.8) ? 1 : 2);
    }
    row = bottom + rng.int(1, 3);
    i += band.length;
  }
  return plan;
}

function headerText(text: string, style: TableStyle): string {
  let out = text;
  // Only short words of Hangul are spaced out; years and parentheses stay as they are.
  if (style.spacedHeaders) out = out.replace(/^([가-힣]{2,4})(?=$|\()/, (w) => w.split('').join(' '));
  if (style.wrapHeaders) out = out.replace(/\s*\(/, '\n(');
  return out;
}

function isNum(c: DraftCell): c is NumCell {
  return typeof c === 'object' && c !== null;
}

const FORMAT_AMOUNT = '#,##0;"△"#,##0;"-"';

/** One figure written in the table's style; `asText` decided per cell. */
export function writeFigure(cell: NumCell, style: TableStyle, asText: boolean): Cell | null {
  const { n, role } = cell;
  if (role === 'rate') {
    const d = cell.decimals ?? 1;
    if (style.rateFraction) return { v: Number((n / 100).toFixed(d + 2)), fmt: d === 0 ? '0%' : `0.${'0'.repeat(d)}%` };
    if (style.rateText || asText) return { v: signed(n.toFixed(d).replace('-', ''), n < 0, style) };
    return { v: n, fmt: d === 0 ? '0' : `0.${'0'.repeat(d)}` };
  }
  if (cell.suffix) return { v: `${style.grouped ? group(n) : String(n)}${cell.suffix}` };
  if (n === 0) {
    switch (style.zero) {
      case 'dash':
        return { v: '-' };
      case 'zero':
        return { v: 0, fmt: '#,##0' };
      case 'blank':
        return null;
      case 'format':
        return { v: 0, fmt: FORMAT_AMOUNT };
    }
  }
  const abs = Math.abs(n);
  if (asText) return { v: signed(style.grouped ? group(abs) : String(abs), n < 0, style) + (style.paddedText ? ' ' : '') };
  if (n < 0 && (style.negative === 'triangle' || style.negative === 'paren')) return { v: signed(group(abs), true, style) };
  return { v: n, fmt: n < 0 && style.negative === 'format' ? FORMAT_AMOUNT : style.negative === 'format' ? FORMAT_AMOUNT : '#,##0' };
}

function signed(body: string, negative: boolean, style: TableStyle): string {
  if (!negative) return body;
  if (style.negative === 'triangle' || style.negative === 'format') return `△${body}`;
  if (style.negative === 'paren') return `(${body})`;
  return `-${body}`;
}

function figureAsText(t: PlacedTable, r: number, c: number): boolean {
  if (t.style.textShare >= 1) return true;
  if (t.style.textShare <= 0) return false;
  return hashInts(t.salt, r, c) < t.style.textShare;
}

function toCell(x: string | number | null): Cell | null {
  if (x === null || x === '') return null;
  return { v: x };
}

/** The sheet a plan describes, with the overrides (planted faults) applied. */
export function renderSheet(plan: SheetPlan, overrides: Override[] = []): SheetGrid {
  const cells: (Cell | null)[][] = [];
  const merges: CellRange[] = [];
  const put = (r: number, c: number, cell: Cell | null) => {
    if (!cell) return;
    while (cells.length <= r) cells.push([]);
    const line = cells[r];
    while (line.length <= c) line.push(null);
    line[c] = cell;
  };
  if (plan.heading) put(plan.heading.row, plan.heading.col, { v: plan.heading.text });
  plan.tables.forEach((t, ti) => {
    const d = t.draft;
    const mine = overrides.filter((o) => o.table === ti);
    d.captions.forEach((text, j) => {
      const o = mine.find((x) => 'captionLine' in x.at && x.at.captionLine === j);
      put(t.captionAt[j].row, t.captionAt[j].col, toCell(o?.text ?? text));
    });
    d.rows.forEach((line, r) => {
      line.forEach((x, c) => {
        const o = mine.find((m) => 'pos' in m.at && m.at.pos[0] === r && m.at.pos[1] === c);
        let cell: Cell | null;
        if (o?.text !== undefined) cell = toCell(o.text);
        else if (isNum(x)) cell = writeFigure(o?.n !== undefined ? { ...x, n: o.n } : x, t.style, figureAsText(t, r, c));
        else if (typeof x === 'string' && r < d.headerRows && (t.style.wrapHeaders || t.style.spacedHeaders)) cell = toCell(headerText(x, t.style));
        else cell = toCell(x as string | number | null);
        put(t.top + r, t.left + c, cell);
      });
    });
    if (t.style.merged) {
      for (const [r0, c0, r1, c1] of [...d.headerMerges, ...d.labelMerges]) {
        merges.push({ r0: t.top + r0, c0: t.left + c0, r1: t.top + r1, c1: t.left + c1 });
      }
    }
    // A title centred over the table: merged across its width (never the unit line, which may sit at the right).
    if (t.style.mergeTitle && d.captions.length > 1 && d.unitLine !== 0 && !d.caption) {
      const at = t.captionAt[0];
      merges.push({ r0: at.row, c0: at.col, r1: at.row, c1: t.left + tableWidth(d) - 1 });
    }
    if (t.footnoteRow !== undefined && d.footnote) put(t.footnoteRow, t.left, { v: d.footnote });
  });
  return { name: plan.name, cells, merges };
}
