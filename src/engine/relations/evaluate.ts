/**
 * Reading and recomputing the figures of rate and 증감 relations. Inference uses this to let the numbers
 * choose between candidate relations; the checks use it to judge each cell. One place, so both agree.
 */
import type { Cell, CellRef, SheetGrid } from '../grid/types';
import type { RoundingPolicy } from '../model/options';
import type { Relation, TableLayout } from '../model/table';
import { memoByString } from '../labels';
import { readNumeric } from '../numbers/read-numeric';
import { otherPolicy, roundByPolicy, unitTolerance } from '../numbers/rounding';
import type { NumericCell, ParsedNumber } from '../numbers/types';
import { cellAt, nearlyEqual } from './axis-lines';

const readCache = new WeakMap<Cell, NumericCell>();

/**
 * readNumeric, once per cell object: grids are never changed in place, and rules read the same cells often. A
 * number the spreadsheet holds as a number is read in a few steps, cheaper than remembering it (an entry of a
 * WeakMap is a lookup on every read and work for every garbage collection): only text is remembered.
 */
export function readCell(cell: Cell | null | undefined): NumericCell {
  if (!cell) return { kind: 'empty' };
  if (typeof cell.v !== 'string') return readNumeric(cell);
  let n = readCache.get(cell);
  if (!n) {
    n = readNumeric(cell);
    readCache.set(cell, n);
  }
  return n;
}

/**
 * roundByPolicy with a shortcut: when x × 10^d lies well away from the point where the policy's answer changes
 * (the half for half-up, the whole number for truncation), binary error cannot move the result, so the plain
 * floor is exact (an integer over a power of ten is the double nearest the decimal). Near that point the
 * decimal routine decides, as the spreadsheet does.
 */
export function roundAt(x: number, decimals: number, policy: RoundingPolicy): number {
  if (!Number.isFinite(x) || decimals < 0 || decimals > 15) return roundByPolicy(x, decimals, policy);
  const pow = 10 ** decimals;
  const scaled = Math.abs(x) * pow;
  // Below 1e9 the binary error of `scaled` stays far under the guard.
  if (scaled >= 1e9) return roundByPolicy(x, decimals, policy);
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  const guard = 1e-6;
  let whole: number;
  if (policy === 'half-up') {
    if (Math.abs(frac - 0.5) < guard) return roundByPolicy(x, decimals, policy);
    whole = frac > 0.5 ? floor + 1 : floor;
  } else {
    if (frac < guard || frac > 1 - guard) return roundByPolicy(x, decimals, policy);
    whole = floor;
  }
  const out = whole / pow;
  return x < 0 && out !== 0 ? -out : out;
}

/** Units whose figures are rounded from finer ones (DESIGN.md: 원 and 천원 amounts are exact, 백만원 and 억원 are not). */
const COARSE_UNITS = new Set(['만원', '백만원', '천만원', '억원', '십억원', '조원']);

/** Units repeat on every line of a table: each one's answer is remembered. */
const coarseUnit = memoByString((unit: string) => COARSE_UNITS.has(unit.replace(/\s+/g, '')));

export function isCoarseUnit(unit: string | undefined): boolean {
  return unit !== undefined && coarseUnit(unit);
}

/**
 * Whether figures at these cells are coarse: by their columns' own units when the layout gives them (a unit line
 * naming several, '(단위 : 건, 백만원)'), else by the table's unit.
 */
export function coarseAt(layout: Pick<TableLayout, 'unit' | 'columns'>, ...refs: CellRef[]): boolean {
  const units: string[] = [];
  for (const ref of refs) {
    const column = layout.columns.find((c) => c.col === ref.col) as { unit?: string } | undefined;
    if (column?.unit) units.push(column.unit);
  }
  return units.length > 0 ? units.some(isCoarseUnit) : isCoarseUnit(layout.unit);
}

/** An operand of a relation: the figure, how many decimals it was shown with, and its unit if written. */
export interface Operand {
  value: number;
  decimals: number;
  unit?: string;
}

function reprDecimals(x: number): number {
  // Most figures are whole: their text has neither a point nor an exponent below 1e21.
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return 0;
  const text = String(x);
  if (/e/i.test(text)) return 15;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Decimals a number format shows in its first section ('#,##0.0_ ' → 1, '0.00%' → 2); null for General or none. */
export function formatDecimals(fmt: string | undefined): number | null {
  return fmt ? decimalsOfFormat(fmt) : null;
}

/** A workbook uses a handful of formats, read for every operand of every candidate rate: once per format. */
const decimalsOfFormat = memoByString((fmt: string): number | null => {
  if (/^general$/i.test(fmt)) return null;
  const section = fmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '');
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#?]/.test(section) ? 0 : null;
});

function partOperand(p: ParsedNumber): Operand {
  const op: Operand = { value: p.value, decimals: p.decimals };
  if (p.unit) op.unit = p.unit;
  return op;
}

/** A figure for arithmetic: blank and '-' are zero; a compound gives its component `comp`; anything else null. */
export function readOperand(sheet: SheetGrid, ref: CellRef): Operand | null {
  const cell = cellAt(sheet, ref.row, ref.col);
  const n = readCell(cell);
  if (ref.comp !== undefined) {
    if (n.kind !== 'compound') return null;
    const part = n.parts[ref.comp];
    return part ? partOperand(part) : null;
  }
  if (n.kind === 'empty') return { value: 0, decimals: 0 };
  if (n.kind !== 'number') return null;
  if (n.parsed) return partOperand(n.parsed);
  return { value: n.value, decimals: formatDecimals(cell?.fmt) ?? reprDecimals(n.value) };
}

/** What a rate cell states. */
export interface StatedRate {
  /** The figure in percent (a fraction with a % format is multiplied by 100 here). */
  percent: number;
  /** 100 when stored as a percentage number, 1 when stored as a fraction with a % format. */
  scale: 100 | 1;
  /** Decimals the cell shows: from its text or number format; null when neither tells (General). */
  shown: number | null;
  /** Decimals of the stored value itself. */
  stored: number;
  /** True when the cell holds a formula (its value is computed, at full precision). */
  formula: boolean;
  /** Written as '-'. */
  dash: boolean;
}

function percentFormat(cell: Cell | null): boolean {
  return !!cell?.fmt && cell.fmt.includes('%') && showsPercent(cell.fmt);
}

/** '0.0%' shows a percentage; a '%' only inside quotes or in a later section does not. */
const showsPercent = memoByString((fmt: string) => fmt.split(';')[0].replace(/"[^"]*"/g, '').includes('%'));

/** The rate a cell states, or null when it states none (blank, words, a compound without that component). */
export function readStatedRate(sheet: SheetGrid, ref: CellRef): StatedRate | null {
  const cell = cellAt(sheet, ref.row, ref.col);
  const n = readCell(cell);
  if (ref.comp !== undefined) {
    if (n.kind !== 'compound') return null;
    const part = n.parts[ref.comp];
    if (!part) return null;
    return { percent: part.value, scale: 100, shown: part.decimals, stored: part.decimals, formula: false, dash: false };
  }
  if (n.kind !== 'number') return null;
  if (n.parsed) {
    const p = n.parsed;
    return { percent: p.value, scale: 100, shown: p.decimals, stored: p.decimals, formula: false, dash: !!p.dash };
  }
  const formula = n.formula !== undefined;
  if (percentFormat(cell)) {
    const stored = reprDecimals(n.value);
    return { percent: n.value * 100, scale: 1, shown: formatDecimals(cell?.fmt), stored: Math.max(0, stored - 2), formula, dash: false };
  }
  return { percent: n.value, scale: 100, shown: formatDecimals(cell?.fmt), stored: reprDecimals(n.value), formula, dash: false };
}

/** Values at or beyond this many decimals are unrounded results (a formula =B2/C2 left in General). */
const FULL_PRECISION = 6;

/** The decimals a family of stated rates is written with: the most any of them shows (84.5 and 85 → 1). */
export function familyDecimals(stated: (StatedRate | null)[]): number | null {
  let best: number | null = null;
  for (const s of stated) {
    if (!s || s.dash) continue;
    const d = s.shown ?? (s.stored < FULL_PRECISION ? s.stored : null);
    if (d !== null && (best === null || d > best)) best = d;
  }
  return best;
}

export type RateVerdict =
  | { status: 'skip' }
  | { status: 'ok'; exact: number | null }
  | {
      status: 'other-policy' | 'inputs-rounded' | 'mismatch';
      /** Exact quotient in percent (null when the denominator is zero). */
      exact: number | null;
      /** The figure the stated rate should be under the policy (null: should be blank or '-'). */
      expected: number | null;
      stated: number;
      decimals: number;
    };

export interface RateFigures {
  stated: StatedRate | null;
  numerator: Operand | null;
  denominator: Operand | null;
  subtract?: Operand | null;
}

function operandTolerance(op: Operand, coarse: boolean): number {
  return coarse || isCoarseUnit(op.unit) ? unitTolerance(op.decimals) : 0;
}

/**
 * Judge one stated rate: right under the policy, right only under the other policy, explainable by the rounding
 * of coarse inputs (백만원 amounts), or wrong. `decimals` is the table's stated decimals for this family.
 */
export function judgeRate(f: RateFigures, decimals: number | null, policy: RoundingPolicy, coarseTable: boolean): RateVerdict {
  const { stated, numerator, denominator } = f;
  if (!stated || !numerator || !denominator) return { status: 'skip' };
  if (f.subtract === null) return { status: 'skip' };
  const sub = f.subtract?.value ?? 0;
  const top = numerator.value - sub;
  const d = decimals ?? stated.shown ?? Math.min(stated.stored, 10);
  if (denominator.value === 0) {
    // No rate exists: blank or '-' is right, and so is a 0 written for it; any other figure is wrong.
    if (stated.dash || stated.percent === 0) return { status: 'ok', exact: null };
    return { status: 'mismatch', exact: null, expected: null, stated: stated.percent, decimals: d };
  }
  const exact = (top * 100) / denominator.value;
  // An unrounded figure (a formula =B2/C2*100, or its value pasted): compare it as it is, not as rounded.
  const fullPrecision = stated.stored >= FULL_PRECISION;
  if (fullPrecision && nearlyEqual(stated.percent, exact)) return { status: 'ok', exact };
  const underPolicy = roundAt(exact, d, policy);
  if (nearlyEqual(stated.percent, underPolicy)) return { status: 'ok', exact };
  // A displayed figure with more stored precision than shown: what the reader sees is what counts.
  if (!fullPrecision && stated.shown !== null && stated.stored > stated.shown) {
    if (nearlyEqual(roundAt(stated.percent, d, 'half-up'), underPolicy)) return { status: 'ok', exact };
  }
  const base = { exact, expected: underPolicy, stated: stated.percent, decimals: d };
  // Inputs shown in 백만원 stand for an interval; the rate of the exact figures may be any in between (and then
  // which rounding the report used cannot be told either).
  const tn = operandTolerance(numerator, coarseTable) + (f.subtract ? operandTolerance(f.subtract, coarseTable) : 0);
  const td = operandTolerance(denominator, coarseTable);
  if ((tn > 0 || td > 0) && Math.abs(denominator.value) > td) {
    const corners: number[] = [];
    for (const a of [top - tn, top + tn]) for (const b of [denominator.value - td, denominator.value + td]) corners.push((a * 100) / b);
    const half = unitTolerance(d);
    const lo = Math.min(...corners) - half;
    const hi = Math.max(...corners) + half;
    // Small amounts in 백만원 leave a wide interval (67 / 81 may be 66.5 / 81.5 = 81.6 up to 67.5 / 80.5 = 83.9):
    // a stated rate anywhere in it may be the exact amounts' rate, so it is not called wrong.
    if (stated.percent >= lo - 1e-12 && stated.percent <= hi + 1e-12) return { status: 'inputs-rounded', ...base };
  }
  if (!fullPrecision && nearlyEqual(stated.percent, roundAt(exact, d, otherPolicy(policy)))) {
    return { status: 'other-policy', ...base };
  }
  return { status: 'mismatch', ...base };
}

/** The figures of a rate relation, read from the sheet. */
export function rateFigures(sheet: SheetGrid, rel: Extract<Relation, { type: 'rate' }>): RateFigures {
  const figures: RateFigures = {
    stated: readStatedRate(sheet, rel.target),
    numerator: readOperand(sheet, rel.numerator),
    denominator: readOperand(sheet, rel.denominator),
  };
  if (rel.subtract) figures.subtract = readOperand(sheet, rel.subtract);
  return figures;
}

export type DiffVerdict =
  | { status: 'skip' }
  | { status: 'ok' }
  | { status: 'rounding' | 'mismatch'; expected: number; stated: number; tolerance: number };

/** A stated difference: exact, within the rounding of coarse figures (백만원), or wrong. Blank targets are skipped. */
export function judgeDiff(
  target: Operand | null,
  later: Operand | null,
  earlier: Operand | null,
  coarseTable: boolean,
  blankTarget: boolean,
): DiffVerdict {
  if (!target || !later || !earlier || blankTarget) return { status: 'skip' };
  const decimals = Math.max(later.decimals, earlier.decimals, target.decimals);
  const gross = later.value - earlier.value;
  // Whole figures subtract exactly; figures with decimals are brought back to the decimals they show.
  const expected = decimals === 0 && Number.isInteger(gross) ? gross : roundAt(gross, Math.min(decimals, 10), 'half-up');
  if (nearlyEqual(target.value, expected)) return { status: 'ok' };
  const tolerance =
    operandTolerance(later, coarseTable) + operandTolerance(earlier, coarseTable) + operandTolerance(target, coarseTable);
  const gap = Math.abs(target.value - expected);
  if (tolerance > 0 && gap <= tolerance + 1e-9) return { status: 'rounding', expected, stated: target.value, tolerance };
  return { status: 'mismatch', expected, stated: target.value, tolerance };
}

/** True when the cell is blank (a derived cell nobody filled in yet). */
export function isBlank(sheet: SheetGrid, ref: CellRef): boolean {
  return readCell(cellAt(sheet, ref.row, ref.col)).kind === 'empty';
}
