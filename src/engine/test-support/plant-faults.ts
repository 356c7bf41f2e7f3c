/**
 * Planted faults for measuring checks: copies of a grid, each with one mistake of a kind DESIGN.md's quality bar
 * names (a part or a total changed, a year header duplicated or skipped, a caption amount or a rate changed, a
 * typo'd number), and for each the cells where a finding counts as finding it: the changed cell, or a total it
 * feeds in its row or column (or, for years and captions, the cell it clashes with).
 */
import { fromA1, rangeFromA1 } from '../grid/a1';
import type { Cell, SheetGrid } from '../grid/types';

export type FaultKind = 'part' | 'total' | 'year-duplicate' | 'year-skip' | 'caption-amount' | 'rate' | 'typo';

export const FAULT_KINDS: readonly FaultKind[] = ['part', 'total', 'year-duplicate', 'year-skip', 'caption-amount', 'rate', 'typo'];

/** What plant-faults needs to know about a table: its place and its relations, all in A1 form. */
export interface FaultTable {
  sheet: string;
  /** Header rows and body. */
  range: string;
  headerRows: number;
  labelCols: number;
  /**
   * Sum relations: a total cell and its part cells. A reference may name one figure of a compound cell:
   * 'A12[1]' is the second figure of "22(22)" (현원), 'A33[0]' the 69 of the label "공약(69)".
   */
  sums: { total: string; parts: string[] }[];
  /** Year header cells (or year row labels), in the order they appear. */
  years?: string[];
  /** Caption lines stating an amount, with the table cell the amount is. */
  captions?: { cell: string; target: string }[];
  /** Cells stating a rate: "766(84.5%)", "84.5%", 84.5. */
  rates?: string[];
}

export interface PlantedChange {
  cell: string;
  before: Cell | null;
  after: Cell;
}

export interface PlantedFault {
  kind: FaultKind;
  sheet: string;
  /** The cell the fault was planted in (the first one, when a year skip shifts several). */
  cell: string;
  changes: PlantedChange[];
  /** A finding on any of these cells counts as finding the fault. */
  acceptable: string[];
  /** A copy of the input grid with the fault in it. */
  grid: SheetGrid;
  /** In words, for test names: "part D45: 19,000 → 29,000". */
  description: string;
}

/** A plain figure written as text, maybe with a unit word or a footnote mark: "19,000", "4회", "61,800 ¹⁾". */
const FIGURE_TEXT = /^([-△]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*[가-힣]{0,3}\s*[¹²³⁴⁵⁶⁷⁸⁹⁰⁾*]*)$/;

interface Figure {
  value: number;
  /** Rebuild the cell with another value, written the same way. */
  rewrite(value: number): Cell;
  /** The figure as text, as a person would type it. */
  typed: string;
}

function group(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

function readFigure(cell: Cell | null | undefined): Figure | null {
  if (!cell || cell.f !== undefined || cell.error !== undefined) return null;
  const v = cell.v;
  if (typeof v === 'number') {
    const grouped = cell.fmt?.includes(',') ?? false;
    return {
      value: v,
      rewrite: (x) => ({ ...cell, v: x }),
      typed: grouped ? group(v) : String(v),
    };
  }
  if (typeof v !== 'string') return null;
  const m = FIGURE_TEXT.exec(v.trim());
  if (!m) return null;
  const [, sign, int, frac = '', suffix] = m;
  const grouped = int.includes(',');
  const value = Number(int.replace(/,/g, '') + frac) * (sign ? -1 : 1);
  return {
    value,
    rewrite: (x) => {
      const abs = Math.abs(x);
      const body = grouped || abs >= 1000 ? group(abs) : String(abs);
      return { ...cell, v: `${x < 0 ? sign || '-' : ''}${body}${suffix}` };
    },
    typed: v.trim(),
  };
}

/** A different, clearly wrong figure: the leading digit raised by one (19,000 → 29,000; 7 → 8; 9 → 10). */
export function bump(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0) return 1;
  const step = 10 ** Math.floor(Math.log10(abs) + 1e-9);
  return value < 0 ? value - step : value + step;
}

/** "19,000" → "19,0O0": a zero typed as the letter O, else a one as l, else a stray space after the first digit. */
export function typo(text: string): string {
  const zero = text.lastIndexOf('0', text.length - 2);
  if (zero > 0) return text.slice(0, zero) + 'O' + text.slice(zero + 1);
  if (text.lastIndexOf('0') > 0) return text.slice(0, -1) + 'O';
  const one = text.indexOf('1');
  if (one >= 0) return text.slice(0, one) + 'l' + text.slice(one + 1);
  const digit = text.search(/\d/);
  return text.slice(0, digit + 1) + ' ' + text.slice(digit + 1);
}

/** The k-th figure written in a compound text cell ("6(7)", "공약(69)"), rewritable in place. */
function readComponent(cell: Cell | null | undefined, comp: number): Figure | null {
  if (!cell || typeof cell.v !== 'string' || cell.f !== undefined) return null;
  const text = cell.v;
  const matches = Array.from(text.matchAll(/\d[\d,]*(?:\.\d+)?/g));
  const m = matches[comp];
  if (!m || m.index === undefined) return null;
  const start = m.index;
  const grouped = m[0].includes(',');
  return {
    value: Number(m[0].replace(/,/g, '')),
    rewrite: (x) => ({ ...cell, v: text.slice(0, start) + (grouped ? group(x) : String(x)) + text.slice(start + m[0].length) }),
    typed: text,
  };
}

/** 'A12' or 'A12[1]'. */
function splitRef(ref: string): { a1: string; comp?: number } {
  const m = /^([A-Z]{1,3}\d+)(?:\[(\d+)\])?$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return m[2] === undefined ? { a1: m[1] } : { a1: m[1], comp: Number(m[2]) };
}

function cellOf(grid: SheetGrid, a1: string): Cell | null {
  const p = fromA1(a1);
  if (!p) throw new Error(`bad address ${a1}`);
  return grid.cells[p.row]?.[p.col] ?? null;
}

function withChanges(grid: SheetGrid, changes: PlantedChange[]): SheetGrid {
  const cells = grid.cells.map((line) => Array.from(line));
  for (const change of changes) {
    const p = fromA1(change.cell);
    if (!p) throw new Error(`bad address ${change.cell}`);
    while (cells.length <= p.row) cells.push([]);
    const line = cells[p.row];
    while (line.length <= p.col) line.push(null);
    line[p.col] = change.after;
  }
  return { ...grid, cells, merges: grid.merges.map((m) => ({ ...m })) };
}

function describeCell(cell: Cell | null): string {
  return cell === null || cell.v === null ? '(blank)' : String(cell.v);
}

function fault(grid: SheetGrid, kind: FaultKind, changes: PlantedChange[], acceptable: string[]): PlantedFault {
  const what = changes.map((c) => `${c.cell}: ${describeCell(c.before)} → ${describeCell(c.after)}`).join(', ');
  return {
    kind,
    sheet: grid.name,
    cell: changes[0].cell,
    changes,
    acceptable: Array.from(new Set(acceptable)),
    grid: withChanges(grid, changes),
    description: `${kind} ${what}`,
  };
}

function yearShift(cell: Cell, by: number): Cell {
  if (typeof cell.v === 'number') return { ...cell, v: cell.v + by };
  return { ...cell, v: String(cell.v).replace(/(19|20)\d{2}/g, (y) => String(Number(y) + by)) };
}

function yearOf(cell: Cell | null): number | null {
  if (!cell || cell.v === null) return null;
  const m = /(19|20)\d{2}/.exec(String(cell.v));
  return m ? Number(m[0]) : null;
}

/** Every fault that can be planted in a table, one per candidate cell (or position) and kind. */
export function plantAllFaults(grid: SheetGrid, table: FaultTable): PlantedFault[] {
  if (grid.name !== table.sheet) throw new Error(`grid ${grid.name} is not sheet ${table.sheet}`);
  if (!rangeFromA1(table.range)) throw new Error(`bad range ${table.range}`);
  const totals = new Set(table.sums.map((s) => s.total));
  const feeds = new Map<string, string[]>();
  for (const s of table.sums) for (const p of s.parts) feeds.set(p, [...(feeds.get(p) ?? []), s.total]);
  // A changed table cell also makes the caption that states it wrong: a finding there counts too.
  for (const c of table.captions ?? []) feeds.set(c.target, [...(feeds.get(c.target) ?? []), c.cell]);
  const figureCells = Array.from(new Set([...totals, ...table.sums.flatMap((s) => s.parts)]));
  const faults: PlantedFault[] = [];

  for (const ref of figureCells) {
    const { a1, comp } = splitRef(ref);
    const before = cellOf(grid, a1);
    const figure = comp === undefined ? readFigure(before) : readComponent(before, comp);
    if (!figure || figure.value === 0) continue;
    const kind: FaultKind = totals.has(ref) ? 'total' : 'part';
    const acceptable = [a1, ...(feeds.get(ref) ?? []).map((t) => splitRef(t).a1)];
    faults.push(fault(grid, kind, [{ cell: a1, before, after: figure.rewrite(bump(figure.value)) }], acceptable));
    // A typo inside a compound cell makes it a label, not a mistyped number: only plain figures get one.
    if (comp === undefined && Math.abs(figure.value) >= 10) {
      // Typed text keeps the cell's number format, as it would in a spreadsheet.
      const after: Cell = { ...(before as Cell), v: typo(figure.typed) };
      faults.push(fault(grid, 'typo', [{ cell: a1, before, after }], acceptable));
    }
  }

  const years = table.years ?? [];
  const yearCells = years.map((a1) => ({ a1, cell: cellOf(grid, a1) }));
  if (yearCells.length >= 2 && yearCells.every((y) => y.cell && yearOf(y.cell) !== null)) {
    const step = Math.sign((yearOf(yearCells[1].cell) ?? 0) - (yearOf(yearCells[0].cell) ?? 0)) || 1;
    for (let k = 1; k < yearCells.length; k++) {
      const prev = yearCells[k - 1];
      const cur = yearCells[k];
      // The year repeated: this header says what the one before it says.
      const dup = yearShift(cur.cell as Cell, (yearOf(prev.cell) ?? 0) - (yearOf(cur.cell) ?? 0));
      faults.push(fault(grid, 'year-duplicate', [{ cell: cur.a1, before: cur.cell, after: dup }], [cur.a1, prev.a1]));
      // A year left out: this header and all after it move on by one.
      const shifted = yearCells.slice(k).map((y) => ({ cell: y.a1, before: y.cell, after: yearShift(y.cell as Cell, step) }));
      faults.push(fault(grid, 'year-skip', shifted, [...shifted.map((c) => c.cell), prev.a1]));
    }
  }

  for (const caption of table.captions ?? []) {
    const before = cellOf(grid, caption.cell);
    const text = typeof before?.v === 'string' ? before.v : null;
    const m = text ? /([:：]\s*)(\d{1,3}(?:,\d{3})+|\d+)(\s*(?:천원|백만원|억원|원))/.exec(text) : null;
    if (!before || !text || !m) continue;
    const amount = Number(m[2].replace(/,/g, ''));
    const after: Cell = { ...before, v: text.replace(m[0], `${m[1]}${group(bump(amount))}${m[3]}`) };
    faults.push(fault(grid, 'caption-amount', [{ cell: caption.cell, before, after }], [caption.cell, splitRef(caption.target).a1]));
  }

  for (const a1 of table.rates ?? []) {
    const before = cellOf(grid, a1);
    if (!before) continue;
    let after: Cell | null = null;
    if (typeof before.v === 'number') after = { ...before, v: before.v + (before.fmt?.includes('%') ? 0.01 : 1) };
    else if (typeof before.v === 'string') {
      const m = /(\d+)(\.\d+)?%/.exec(before.v);
      if (m) after = { ...before, v: before.v.replace(m[0], `${Number(m[1]) + 1}${m[2] ?? ''}%`) };
    }
    if (after) faults.push(fault(grid, 'rate', [{ cell: a1, before, after }], [a1]));
  }
  return faults;
}

/**
 * One fault of each kind that the table allows. `pick` chooses among the candidates of each kind
 * (0 → the first; any integer works, it wraps), so a test can sweep them with a seed.
 */
export function plantFaults(grid: SheetGrid, table: FaultTable, options: { pick?: number } = {}): PlantedFault[] {
  const all = plantAllFaults(grid, table);
  const pick = options.pick ?? 0;
  return FAULT_KINDS.flatMap((kind) => {
    const ofKind = all.filter((f) => f.kind === kind);
    if (ofKind.length === 0) return [];
    return [ofKind[((pick % ofKind.length) + ofKind.length) % ofKind.length]];
  });
}
