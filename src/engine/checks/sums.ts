/**
 * Sum checks: every sum relation of a table, evaluated on the grid as it is now.
 *
 * - a total that misses its parts is `sum.row` (total column) or `sum.column` (total row);
 * - a miss no larger than the rounding of the figures, in a coarse unit (백만원, 억원, decimals), is `sum.rounding`,
 *   never an error on its own: rounded figures stand for intervals, and nothing tells a rounding gap from a slip;
 * - when one cell explains two or more failing equations at once (the row check and the column check through
 *   it fail by the same amount, or a total that is wrong both as a total and as a part) that cell is named as
 *   `sum.cell` with the value that fixes them all, and the findings it explains are dropped. In rounded figures
 *   the fixes need only agree within each equation's rounding, and at least one gap must be beyond rounding;
 * - a SUM formula in a total cell whose ranges leave out a part or take in a non-part is `sum.formula-range`.
 */
import { refToA1 } from '../grid/a1';
import type { CellRef, SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Relation, Table } from '../model/table';
import { formatReportNumber } from '../numbers';
import { figuresOf, type Figure, type TableFigures } from '../relations/sum-values';

type SumRelation = Extract<Relation, { type: 'sum' }>;

interface Failure {
  relation: SumRelation;
  total: number;
  sum: number;
  /** total − Σ parts. */
  gap: number;
  parts: Figure[];
  /** How far the total may miss its parts by rounding alone (0 for exact figures). */
  tolerance: number;
  /** Within that rounding: a warning unless a cell beyond rounding explains it. */
  soft: boolean;
  /** The total cell is blank (read as zero). */
  blankTotal: boolean;
}

/**
 * Families (one total column, one 계 row …) none of whose totals is written yet. Blank means zero in a report
 * table, so a blank total beside written ones is a missing figure; but a family with every total blank is a table
 * still waiting for fill, which is no error.
 */
function familiesStillBlank(relations: Relation[], figures: TableFigures, cells: SheetGrid['cells'], firstDataCol: number): Set<string> {
  const written = new Set<string>();
  const all = new Set<string>();
  for (const rel of relations) {
    if (rel.type !== 'sum') continue;
    all.add(rel.family);
    if (written.has(rel.family)) continue;
    const t = rel.total;
    if (storedNumber(cells, t.row, t.col, t.comp, firstDataCol) !== undefined) written.add(rel.family);
    else if (figures.figureAt(t.row, t.col, t.comp)?.empty === false) written.add(rel.family);
  }
  for (const family of written) all.delete(family);
  return all;
}

const EPS = 1e-9;

function key(ref: CellRef): string {
  return `${ref.row}:${ref.col}:${ref.comp ?? ''}`;
}

/** "10,900 + 12,500 = 23,400" — the arithmetic a message shows. */
function arithmetic(parts: Figure[], sum: number): string {
  const shown = (x: number) => formatReportNumber(x, { decimals: decimalsOf(x), negative: 'minus', zero: 'digits' });
  const terms = parts.length > 12 ? [...parts.slice(0, 11).map((p) => shown(p.value)), '…'] : parts.map((p) => shown(p.value));
  return `${terms.join(' + ')} = ${shown(sum)}`;
}

function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const text = String(Number(x.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function tidy(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

function a1(ref: CellRef): string {
  return refToA1(ref);
}

/**
 * The figure of a plain cell holding a real number (what TableFigures reads it as), or undefined for anything
 * that needs the reader: label columns (a total in a label), components, text, blanks, errors, dates.
 */
function storedNumber(cells: SheetGrid['cells'], row: number, col: number, comp: number | undefined, firstDataCol: number): number | undefined {
  if (comp !== undefined || col < firstDataCol) return undefined;
  const cell = cells[row]?.[col];
  return cell && typeof cell.v === 'number' && !cell.error && !cell.date ? cell.v : undefined;
}

/** The parts' figures of a relation already found readable. */
function partFigures(figures: TableFigures, rel: SumRelation): Figure[] {
  const parts: Figure[] = [];
  for (const p of rel.parts) parts.push(figures.figureAt(p.row, p.col, p.comp)!);
  return parts;
}

export function checkSums(sheet: SheetGrid, table: Table, options?: Partial<CheckOptions>): Finding[] {
  const findings: Finding[] = [];
  checkSumsInto(sheet, table, options, findings);
  return findings;
}

/** checkSums, appended to `findings` (checkTable gathers every check's in one list). */
export function checkSumsInto(sheet: SheetGrid, table: Table, _options: Partial<CheckOptions> | undefined, findings: Finding[]): void {
  const relations = table.relations;
  if (!relations.some(isSum)) return;
  // The figure reader is fetched when a cell first needs it (most are stored numbers: see below).
  let reader: TableFigures | undefined;
  let failures: Failure[] | undefined;

  // Stored numbers outside the label columns are their own figures: read from the grid (which the cell checks
  // just walked) they spare the figure reader's lookups; anything else asks the reader.
  const firstDataCol = table.range.c0 + table.labelCols;
  const cells = sheet.cells;
  // Asked only of a blank total (rare): most tables never need it.
  let blankFamilies: Set<string> | undefined;
  for (const rel of relations) {
    if (rel.type !== 'sum') continue;
    // A relation that cannot be evaluated (words; a blank total of a family still waiting to be filled) is passed over.
    const t = rel.total;
    let totalValue = storedNumber(cells, t.row, t.col, t.comp, firstDataCol);
    let blankTotal = false;
    if (totalValue === undefined) {
      reader ??= figuresOf(sheet, table);
      const total = reader.figureAt(t.row, t.col, t.comp);
      if (!total) continue;
      if (total.empty && (blankFamilies ??= familiesStillBlank(relations, reader, cells, firstDataCol)).has(rel.family)) continue;
      totalValue = total.value;
      blankTotal = total.empty;
    }
    let sum = 0;
    let readable = true;
    for (const p of rel.parts) {
      const stored = storedNumber(cells, p.row, p.col, p.comp, firstDataCol);
      if (stored !== undefined) {
        sum += stored;
        continue;
      }
      reader ??= figuresOf(sheet, table);
      const f = reader.figureAt(p.row, p.col, p.comp);
      if (!f) {
        readable = false;
        break;
      }
      sum += f.value;
    }
    if (!readable) continue;
    sum = tidy(sum);
    if (sameValue(totalValue, sum)) continue;
    // A miss: now the figures are wanted whole (rare, so not gathered above).
    reader ??= figuresOf(sheet, table);
    const total = reader.figureAt(t.row, t.col, t.comp)!;
    const parts = partFigures(reader, rel);
    const gap = tidy(total.value - sum);
    const all = [total, ...parts];
    const coarse = reader.tableCoarse || all.some((f) => f.rounded);
    const decimals = Math.max(...all.map((f) => f.decimals));
    const tolerance = coarse ? tidy((parts.length + 1) * 0.5 * 10 ** -decimals) : 0;
    (failures ??= []).push({ relation: rel, total: total.value, sum, gap, parts, tolerance, soft: coarse && Math.abs(gap) <= tolerance + EPS, blankTotal });
  }

  const formulas = anyFormulaTotal(relations, cells);
  if (!failures && !formulas) return;
  const base = { sheet: sheet.name, table: table.id };
  if (failures) failureFindings(failures, findings, base);
  if (formulas) for (const f of formulaRanges(sheet, table, sumsOf(relations), base)) findings.push(f);
}

const isSum = (r: Relation): r is SumRelation => r.type === 'sum';

function sumsOf(relations: Relation[]): SumRelation[] {
  return relations.filter(isSum);
}

/** `sum.cell`, `sum.rounding`, `sum.row` and `sum.column` findings for the equations that miss. */
function failureFindings(failures: Failure[], findings: Finding[], base: { sheet: string; table: string }): void {
  // Gaps within rounding that one cell would close together are still rounding (each figure was rounded on
  // its own); a cell is named only when it also explains a gap beyond rounding.
  const explained = pinpoint(failures, findings, base, (fs) => fs.some((f) => !f.soft));
  for (const f of failures) {
    if (!f.soft || explained.has(f)) continue;
    const rel = f.relation;
    // Objects made whole, keys in the order the spreads gave them: spreading into a literal copies slowly.
    const component = rel.total.comp;
    const difference = f.gap;
    const tolerance = f.tolerance;
    const sum = arithmetic(f.parts, f.sum);
    findings.push({
      sheet: base.sheet,
      table: base.table,
      rule: 'sum.rounding',
      severity: 'warning',
      cell: a1(rel.total),
      expected: f.sum,
      actual: f.total,
      related: rel.parts.map(a1),
      params: component !== undefined ? { difference, tolerance, arithmetic: sum, component } : { difference, tolerance, arithmetic: sum },
    });
  }

  for (const f of failures) {
    if (f.soft || explained.has(f)) continue;
    const rel = f.relation;
    const component = rel.total.comp;
    const difference = f.gap;
    const sum = arithmetic(f.parts, f.sum);
    const family = rel.family;
    findings.push({
      sheet: base.sheet,
      table: base.table,
      rule: rel.axis === 'column' ? 'sum.column' : 'sum.row',
      severity: 'error',
      cell: a1(rel.total),
      expected: f.sum,
      actual: f.blankTotal ? null : f.total,
      related: rel.parts.map(a1),
      params: component !== undefined ? { difference, arithmetic: sum, family, component } : { difference, arithmetic: sum, family },
    });
  }
}

/**
 * Finds cells that explain several failures at once. For a cell X in a failing equation, the value that would
 * make that equation hold is Σ parts when X is its total, or X + (total − Σ parts) when X is a part. A cell whose
 * fixes agree across two or more failing equations is the likely wrong cell; in rounded figures they need only
 * agree within each equation's rounding tolerance. Greedy: the cell explaining most failures first.
 */
function pinpoint(
  failures: Failure[],
  out: Finding[],
  base: { sheet: string; table: string },
  accept: (explained: Failure[]) => boolean = () => true,
): Set<Failure> {
  const explained = new Set<Failure>();
  if (failures.length < 2) return explained;

  interface Candidate {
    ref: CellRef;
    current: number;
    /** Blank (read as zero): the finding says so rather than showing 0. */
    blank: boolean;
    fixes: { fix: number; failure: Failure }[];
  }
  const candidates = new Map<string, Candidate>();
  const note = (ref: CellRef, current: number, blank: boolean, fix: number, failure: Failure) => {
    const k = key(ref);
    let c = candidates.get(k);
    if (!c) {
      c = { ref, current, blank, fixes: [] };
      candidates.set(k, c);
    }
    c.fixes.push({ fix: tidy(fix), failure });
  };
  for (const f of failures) {
    note(f.relation.total, f.total, f.blankTotal, f.sum, f);
    f.relation.parts.forEach((p, i) => note(p, f.parts[i].value, f.parts[i].empty, f.parts[i].value + f.gap, f));
  }
  // A fix closes an equation when it leaves no gap beyond that equation's rounding.
  const closes = (fix: number, x: { fix: number; failure: Failure }) =>
    Math.abs(fix - x.fix) <= x.failure.tolerance + EPS * Math.max(1, Math.abs(fix));

  for (;;) {
    let best: { c: Candidate; fix: number; failures: Failure[]; residual: number } | undefined;
    for (const c of candidates.values()) {
      if (c.fixes.length < 2) continue;
      for (const anchor of c.fixes) {
        if (explained.has(anchor.failure)) continue;
        const closed = c.fixes.filter((x) => !explained.has(x.failure) && closes(anchor.fix, x));
        const open = [...new Set(closed.map((x) => x.failure))];
        if (open.length < 2 || !accept(open)) continue;
        const residual = closed.reduce((s, x) => s + Math.abs(anchor.fix - x.fix), 0);
        if (!best || open.length > best.failures.length || (open.length === best.failures.length && residual < best.residual - EPS)) {
          best = { c, fix: anchor.fix, failures: open, residual };
        }
      }
    }
    if (!best) break;
    best.failures.forEach((f) => explained.add(f));
    const cell = a1(best.c.ref);
    const totals = [...new Set(best.failures.map((f) => a1(f.relation.total)).filter((t) => t !== cell))];
    const related = totals.length > 0 ? totals : [...new Set(best.failures.flatMap((f) => f.relation.parts.map(a1)))];
    out.push({
      ...base,
      rule: 'sum.cell',
      severity: 'error',
      cell,
      expected: best.fix,
      actual: best.c.blank ? null : best.c.current,
      related,
      params: {
        difference: tidy(best.c.current - best.fix),
        explains: best.failures.length,
        role: best.failures.some((f) => key(f.relation.total) === key(best.c.ref)) ? 'total' : 'part',
        arithmetic: best.failures.map((f) => `${a1(f.relation.total)}: ${arithmetic(f.parts, f.sum)}`).join('; '),
        ...(best.c.ref.comp !== undefined ? { component: best.c.ref.comp } : {}),
      },
    });
  }
  return explained;
}

/** A cell as one number for sets and maps: more columns than any sheet has, so keys never collide. */
const KEY = 1_048_576;
const cellKey = (row: number, col: number): number => row * KEY + col;
const keyToA1 = (k: number): string => refToA1({ row: Math.floor(k / KEY), col: k % KEY });

/** Cells covered by a formula made of SUM(…) calls and single references joined by '+'; null when it is not one. */
export function sumFormulaCells(formula: string): Set<string> | null {
  const keys = sumFormulaKeys(formula);
  return keys && new Set(keys.map((k) => `${Math.floor(k / KEY)}:${k % KEY}`));
}

const HAS_SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * sumFormulaCells with cells as cellKey numbers, in the order the formula names them (a cell named twice is
 * listed twice: formulas are short, and most are compared with their parts once). Reads '+'-joined terms,
 * each SUM(…) with ','- or ';'-separated references or ranges, or one bare reference; whitespace anywhere is
 * ignored. Totals' formulas are read by the thousand, so the text is scanned in place.
 */
function sumFormulaKeys(formula: string): number[] | null {
  // Formulas seldom hold spaces: read as written first, and only when that fails look for spaces to drop
  // (a space is never part of what the scan accepts, so a formula with one cannot pass as written).
  const cells = scanSumFormula(formula);
  if (cells || !HAS_SPACE.test(formula)) return cells;
  return scanSumFormula(formula.replace(SPACES, ''));
}

function scanSumFormula(formula: string): number[] | null {
  const n = formula.length;
  const start = formula.charCodeAt(0) === 61 /* = */ ? 1 : 0;
  if (start >= n) return null;
  const cells: number[] = [];
  let terms = 0;
  let sawSum = false;
  for (let t = start; ; ) {
    const plus = formula.indexOf('+', t);
    const end = plus < 0 ? n : plus;
    terms++;
    if (isSumCall(formula, t, end)) {
      sawSum = true;
      // SUM( … ): its arguments, split at ',' and ';'.
      const close = end - 1;
      for (let a = t + 4; ; ) {
        let b = a;
        while (b < close && formula.charCodeAt(b) !== 44 /* , */ && formula.charCodeAt(b) !== 59 /* ; */) b++;
        if (!addRange(formula, a, b, cells)) return null;
        if (b >= close) break;
        a = b + 1;
      }
    } else if (scanRef(formula, t) !== end || !addRange(formula, t, end, cells)) return null;
    if (plus < 0) break;
    t = plus + 1;
  }
  return sawSum || terms > 1 ? cells : null;
}

/** text[from, to) is 'SUM(' (any case) … ')'. */
function isSumCall(text: string, from: number, to: number): boolean {
  if (to - from < 5 || text.charCodeAt(to - 1) !== 41 /* ) */ || text.charCodeAt(from + 3) !== 40 /* ( */) return false;
  const s = text.charCodeAt(from) | 32;
  const u = text.charCodeAt(from + 1) | 32;
  const m = text.charCodeAt(from + 2) | 32;
  return s === 115 && u === 117 && m === 109;
}

/** Adds the cells of the reference or range at text[from, to) ('B4', '$B$4:G8'), as rangeFromA1 reads it. */
function addRange(text: string, from: number, to: number, cells: number[]): boolean {
  let end = scanRef(text, from);
  if (end < 0 || end > to) return false;
  const ra = scannedRow;
  const ca = scannedCol;
  if (end < to) {
    if (text.charCodeAt(end) !== 58 /* : */) return false;
    end = scanRef(text, end + 1);
    if (end !== to) return false;
  }
  const r0 = Math.min(ra, scannedRow);
  const r1 = Math.max(ra, scannedRow);
  const c0 = Math.min(ca, scannedCol);
  const c1 = Math.max(ca, scannedCol);
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > 10_000) return false;
  for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) cells.push(cellKey(row, col));
  return true;
}

/** The cell scanRef last read (0-based). */
let scannedRow = 0;
let scannedCol = 0;

/**
 * Reads one A1 reference at text[i…] as fromA1 does ('$'? 1–3 letters '$'? 1–7 digits, row ≥ 1) into
 * scannedRow/scannedCol; returns the index after it, or -1 when there is none.
 */
function scanRef(text: string, i: number): number {
  const n = text.length;
  if (i < n && text.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++, letters++) {
    const c = text.charCodeAt(i);
    const upper = c >= 97 && c <= 122 ? c - 32 : c;
    if (upper < 65 || upper > 90) break;
    col = col * 26 + (upper - 64);
  }
  if (letters < 1 || letters > 3) return -1;
  if (i < n && text.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++, digits++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (digits < 1 || digits > 7 || row < 1) return -1;
  scannedRow = row - 1;
  scannedCol = col - 1;
  return i;
}

/** What totalsAt holds for a cell: the axes it is a total on, whether it was looked at, how many relations. */
const AXIS_BIT: Record<SumRelation['axis'], number> = { row: 1, column: 2, cell: 4 };
const LOOKED_AT = 8;
const ONE_RELATION = 16;

/** Whether any total cell holds a formula (most tables hold plain numbers, and formulaRanges has nothing to do). */
function anyFormulaTotal(relations: Relation[], cells: SheetGrid['cells']): boolean {
  for (const r of relations) if (r.type === 'sum' && cells[r.total.row]?.[r.total.col]?.f) return true;
  return false;
}

/** `sum.formula-range` findings; asked only when anyFormulaTotal. */
function formulaRanges(sheet: SheetGrid, table: Table, sums: SumRelation[], base: { sheet: string; table: string }): Finding[] {
  const out: Finding[] = [];
  const cells = sheet.cells;
  // One number per total cell (see AXIS_BIT): a part that is itself a total may be summed through its own parts
  // instead (총계 = SUM of all leaves), and a corner cell is the total of two relations.
  const totalsAt = new Map<number, number>();
  for (const r of sums) {
    if (r.total.comp !== undefined) continue;
    const k = cellKey(r.total.row, r.total.col);
    totalsAt.set(k, ((totalsAt.get(k) ?? 0) | AXIS_BIT[r.axis]) + ONE_RELATION);
  }
  let byTotal: Map<SumRelation['axis'], Map<number, SumRelation>> | undefined;
  // Each total cell once, in the order its first relation comes.
  for (const rel of sums) {
    if (rel.total.comp !== undefined) continue;
    const { row, col } = rel.total;
    const k = cellKey(row, col);
    const seen = totalsAt.get(k)!;
    if (seen & LOOKED_AT) continue;
    totalsAt.set(k, seen | LOOKED_AT);
    const f = cells[row]?.[col]?.f;
    if (!f) continue;
    const named = sumFormulaKeys(f);
    if (!named) continue;
    const rels = seen >= 2 * ONE_RELATION ? sums.filter((r) => r.total.comp === undefined && r.total.row === row && r.total.col === col) : [rel];
    // Nearly every total's formula names exactly its parts: that settles the cell without weighing readings.
    if (rels.some((r) => namesExactlyItsParts(r, k, named, totalsAt))) continue;
    byTotal ??= totalsByAxis(sums);
    const best = closestReading(sheet, table, k, rels, new Set(named), byTotal);
    if (!best || best.missing.length + best.extra.length === 0) continue;
    out.push({
      ...base,
      rule: 'sum.formula-range',
      severity: 'warning',
      cell: a1(best.rel.total),
      expected: null,
      actual: f,
      related: best.rel.parts.map(a1),
      params: { formula: f, missing: best.missing.map(keyToA1).join(', '), extra: best.extra.map(keyToA1).join(', ') },
    });
  }
  return out;
}

/** Each axis's totals by cell (the last relation naming a cell, as closestReading expands it). */
function totalsByAxis(sums: SumRelation[]): Map<SumRelation['axis'], Map<number, SumRelation>> {
  const byTotal = new Map<SumRelation['axis'], Map<number, SumRelation>>();
  for (const r of sums) {
    if (r.total.comp !== undefined) continue;
    let m = byTotal.get(r.axis);
    if (!m) byTotal.set(r.axis, (m = new Map()));
    m.set(cellKey(r.total.row, r.total.col), r);
  }
  return byTotal;
}

/** Beyond this many cells the pairwise comparison below is no longer the cheap way; closestReading decides. */
const FEW = 32;

/**
 * The formula names the relation's parts and nothing else, and no part is a total of its own that could be
 * summed through its parts instead: closestReading would find nothing missing and nothing extra.
 */
function namesExactlyItsParts(rel: SumRelation, k: number, named: number[], totalsAt: Map<number, number>): boolean {
  const { parts } = rel;
  if (named.length > FEW || parts.length > FEW) return false;
  const axis = AXIS_BIT[rel.axis];
  for (const p of parts) {
    const d = cellKey(p.row, p.col);
    if ((d !== k && (totalsAt.get(d) ?? 0) & axis) || !named.includes(d)) return false;
  }
  for (const c of named) {
    let isPart = false;
    for (const p of parts) if (cellKey(p.row, p.col) === c) isPart = true;
    if (!isPart) return false;
  }
  return true;
}

/**
 * The reading of a total's SUM formula that leaves out fewest parts and takes in fewest non-parts: the corner
 * of a two-way table is the total of its row and of its column, and either reading is right.
 */
function closestReading(
  sheet: SheetGrid,
  table: Table,
  k: number,
  rels: SumRelation[],
  covered: Set<number>,
  byTotal: Map<SumRelation['axis'], Map<number, SumRelation>>,
): { rel: SumRelation; missing: number[]; extra: number[] } | undefined {
  const leavesOf = (axis: SumRelation['axis'], key: number, seen: Set<number>): number[] => {
    const inner = byTotal.get(axis)?.get(key);
    if (!inner || seen.has(key)) return [key];
    seen.add(key);
    return inner.parts.flatMap((p) => leavesOf(axis, cellKey(p.row, p.col), seen));
  };
  const { r0, r1, c0, c1 } = table.range;
  let best: { rel: SumRelation; missing: number[]; extra: number[] } | undefined;
  for (const rel of rels) {
    const direct = rel.parts.map((p) => cellKey(p.row, p.col));
    // A part may be summed directly or through its own parts, never both.
    const expansions = direct.map((d) => (d !== k && byTotal.get(rel.axis)?.has(d) ? leavesOf(rel.axis, d, new Set([k])) : [d]));
    const allowed = new Set(direct);
    for (const e of expansions) for (const l of e) allowed.add(l);
    const missing = direct.filter((d, i) => !covered.has(d) && !expansions[i].every((l) => covered.has(l)));
    const doubled = direct.filter((d, i) => covered.has(d) && expansions[i].some((l) => l !== d && covered.has(l)));
    const extra: number[] = [];
    for (const c of covered) {
      if (allowed.has(c)) continue;
      const r = Math.floor(c / KEY);
      const cc = c % KEY;
      const cell = sheet.cells[r]?.[cc];
      const inTable = r >= r0 && r <= r1 && cc >= c0 && cc <= c1;
      if (inTable || (cell !== null && cell !== undefined && cell.v !== null && cell.v !== '')) extra.push(c);
    }
    extra.push(...doubled);
    if (!best || missing.length + extra.length < best.missing.length + best.extra.length) best = { rel, missing, extra };
  }
  return best;
}
