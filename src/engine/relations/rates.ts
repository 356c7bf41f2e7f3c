/**
 * Rate lines (집행률, 징수율, 정리율, 승소율, 달성률, 참여율, 증감률, headers with "(%)", and compound rows
 * such as "집행액 (집행률)" holding "766(84.5%)") and the figures they divide. Labels propose numerator and
 * denominator (집행액 / 예산액·편성액, 징수액 / 부과액·조정액 …); where several fit, the numbers choose.
 */
import type { CellRef, SheetGrid } from '../grid/types';
import type { CheckOptions, RoundingPolicy } from '../model/options';
import type { Evidence, Relation, TableLayout } from '../model/table';
import { memoByString } from '../labels/memo';
import {
  type Axis,
  type Line,
  cellAt,
  cellOf,
  commonPrefix,
  familyId,
  isTotalLabel,
  normalizeText,
  TableLines,
} from './axis-lines';
import { type RateName, rateNameOf } from './derived-labels';
import { RATE_CHARS, evidenceOf, isDerivedLine, isDiffLine, laterEarlierFor, tally } from './diffs';
import {
  type Operand as Figure,
  type RateFigures,
  type StatedRate,
  familyDecimals,
  isCoarseUnit,
  judgeRate,
  readCell,
  readOperand,
  readStatedRate,
} from './evaluate';


const AXES: readonly Axis[] = ['col', 'row'];
/** What each known rate divides: words for its numerator and its denominator lines, most specific first. */
const RATE_PARTS: Record<string, { num: string[]; den: string[] }> = {
  집행: { num: ['집행액', '집행', '지출액'], den: ['예산현액', '예산액', '배정액', '편성액', '교부액', '예산', '편성', '배정', '교부'] },
  징수: { num: ['징수액', '수납액', '징수', '수납'], den: ['조정액', '부과액', '징수결정액', '결정액', '고지액', '조정', '부과', '징수결정'] },
  수납: { num: ['수납액', '수납', '징수액'], den: ['조정액', '부과액', '징수결정액', '고지액', '조정', '부과'] },
  정리: { num: ['정리액', '정리'], den: ['체납액', '이월체납액', '체납', '정리대상'] },
  승소: { num: ['승소'], den: ['종결', '처리'] },
  달성: { num: ['실적', '달성'], den: ['목표', '계획'] },
  참여: { num: ['참여'], den: ['대상', '정원', '모집', '전체'] },
  처리: { num: ['처리'], den: ['접수', '신청'] },
  충원: { num: ['현원'], den: ['정원'] },
  취업: { num: ['취업'], den: ['수료', '대상'] },
  회수: { num: ['회수'], den: ['대상', '발생'] },
};

/** Rates of amounts: their denominator is an amount too. */
const MONEY_RATES = new Set(['집행', '징수', '수납', '정리']);

interface Operand {
  line: Line;
  comp?: number;
}

interface Candidate {
  num: Operand;
  den: Operand;
  sub?: Operand;
  evidence: Evidence;
  /** Lower is preferred when the numbers do not choose. */
  rank: number;
}

/** The text a line is matched by: its leaf, or for a 소계/계 line its group and leaf ('종결소계'). */
function matchText(line: Line): string {
  const leaf = line.leaf.replace(/\([^()]*\)$/, '');
  if (isTotalLabel(leaf) && line.norm.length >= 2) return line.norm[line.norm.length - 2] + leaf;
  return line.leaf;
}

/** Where the best of `words` matches: later end and longer word win (the head noun comes last in Korean). */
function bestMatch(text: string, words: string[]): { end: number; len: number; order: number } | null {
  let best: { end: number; len: number; order: number } | null = null;
  words.forEach((w, order) => {
    const at = text.lastIndexOf(w);
    if (at < 0) return;
    const m = { end: at + w.length, len: w.length, order };
    if (!best || m.end > best.end || (m.end === best.end && m.len > best.len)) best = m;
  });
  return best;
}

type Role = 'num' | 'den';

function roleOf(line: Line, parts: { num: string[]; den: string[] }): { role: Role; order: number } | null {
  const text = matchText(line);
  const n = bestMatch(text, parts.num);
  const d = bestMatch(text, parts.den);
  if (n && (!d || n.end > d.end || (n.end === d.end && n.len > d.len))) return { role: 'num', order: n.order };
  if (d) return { role: 'den', order: d.order };
  return null;
}

function proximity(a: Line, b: Line): number {
  return Math.abs(a.index - b.index) / 1000 + (commonPrefix(a, b) < a.norm.length - 1 ? 0.5 : 0);
}

/** Components of the cells a line holds in compound cells (the 편성현황 row's "35건/ 906백만원"). */
function compOptions(sheet: SheetGrid, line: Line, cross: Line[]): (number | undefined)[] {
  let max = 0;
  let moneyComp: number | undefined;
  for (const c of cross) {
    const ref = cellOf(line, c);
    const n = readCell(cellAt(sheet, ref.row, ref.col));
    if (n.kind !== 'compound') continue;
    max = Math.max(max, n.parts.length);
    const money = n.parts.findIndex((p) => !!p.unit && p.unit.endsWith('원'));
    if (money >= 0 && moneyComp === undefined) moneyComp = money;
  }
  if (max === 0) return [undefined];
  const all = Array.from({ length: max }, (_, i) => i);
  // An amount divides an amount: the money component first.
  return moneyComp === undefined ? all : [moneyComp, ...all.filter((i) => i !== moneyComp)];
}

/** Lines of counts written with their unit ("5회/137명") are a poor denominator for an amount rate. */
function countsOnly(sheet: SheetGrid, line: Line, cross: Line[]): boolean {
  let counts = 0;
  let money = 0;
  for (const c of cross) {
    const ref = cellOf(line, c);
    const n = readCell(cellAt(sheet, ref.row, ref.col));
    const parts = n.kind === 'compound' ? n.parts : n.kind === 'number' && n.parsed ? [n.parsed] : [];
    for (const p of parts) {
      if (p.unit?.endsWith('원')) money++;
      else if (p.unit) counts++;
    }
  }
  return counts > 0 && money === 0;
}

function labelCandidates(sheet: SheetGrid, rate: RateName, target: Line, lines: Line[], cross: Line[]): Candidate[] {
  const parts = RATE_PARTS[rate.stem] ?? (rate.amountLabel ? RATE_PARTS[rate.amountLabel.replace(/액$/, '')] : undefined);
  const others = lines.filter((l) => l !== target && !isDerivedLine(l));
  const out: Candidate[] = [];
  const nums: { op: Operand; rank: number; byLabel: boolean }[] = [];
  const dens: { op: Operand; rank: number; byLabel: boolean }[] = [];
  if (rate.amountLabel) {
    // "집행액 (집행률)": the amount is the first figure of the same cell.
    nums.push({ op: { line: target, comp: 0 }, rank: 0, byLabel: true });
  }
  for (const l of others) {
    const role = parts ? roleOf(l, parts) : null;
    if (role?.role === 'num' && !rate.amountLabel) nums.push({ op: { line: l }, rank: role.order + proximity(target, l), byLabel: true });
    if (role?.role === 'den') {
      const penalty = MONEY_RATES.has(rate.stem) && countsOnly(sheet, l, cross) ? 50 : 0;
      compOptions(sheet, l, cross).forEach((comp, i) => {
        const op: Operand = comp === undefined ? { line: l } : { line: l, comp };
        dens.push({ op, rank: penalty + role.order + i * 0.1 + proximity(target, l), byLabel: true });
      });
    }
    if (!parts && !rate.amountLabel && rate.stem.length >= 2 && l.leaf.startsWith(rate.stem)) {
      nums.push({ op: { line: l }, rank: proximity(target, l), byLabel: true });
    }
  }
  // Names the table does not explain: any figure may be a part, and only the numbers can tell.
  if (nums.length === 0) for (const l of others) nums.push({ op: { line: l }, rank: 10 + proximity(target, l), byLabel: false });
  if (dens.length === 0) for (const l of others) dens.push({ op: { line: l }, rank: 10 + proximity(target, l), byLabel: false });
  for (const n of nums) {
    for (const d of dens) {
      if (n.op.line === d.op.line && n.op.comp === d.op.comp) continue;
      out.push({ num: n.op, den: d.op, evidence: n.byLabel && d.byLabel ? 'label' : 'numbers', rank: n.rank + d.rank });
    }
  }
  return out;
}

function increaseCandidates(rate: RateName, target: Line, lines: Line[]): Candidate[] {
  const pair = laterEarlierFor(target, lines);
  if (!pair) return [];
  const evidence = evidenceOf(pair.source);
  const out: Candidate[] = [];
  const diff = lines.find((l) => {
    if (l === target || !isDiffLine(l)) return false;
    const p = laterEarlierFor(l, lines);
    return !!p && p.later === pair.later && p.earlier === pair.earlier;
  });
  if (rate.kind === 'versus') out.push({ num: { line: pair.later }, den: { line: pair.earlier }, evidence, rank: 0 });
  if (diff) out.push({ num: { line: diff }, den: { line: pair.earlier }, evidence, rank: 1 });
  out.push({ num: { line: pair.later }, sub: { line: pair.earlier }, den: { line: pair.earlier }, evidence, rank: 2 });
  return out;
}

/** The cell of the rate itself: the percent component of a compound cell, else the cell. */
function targetRef(sheet: SheetGrid, rate: RateName, line: Line, cross: Line): CellRef | null {
  const ref = cellOf(line, cross);
  if (!rate.amountLabel) return ref;
  const n = readCell(cellAt(sheet, ref.row, ref.col));
  if (n.kind !== 'compound') return null;
  const comp = n.parts.findIndex((p) => p.percent);
  return comp > 0 ? { ...ref, comp } : null;
}

function figuresFor(sheet: SheetGrid, cand: Candidate, target: CellRef, cross: Line): RateFigures {
  const figures: RateFigures = {
    stated: readStatedRate(sheet, target),
    numerator: readOperand(sheet, cellOf(cand.num.line, cross, cand.num.comp)),
    denominator: readOperand(sheet, cellOf(cand.den.line, cross, cand.den.comp)),
  };
  if (cand.sub) figures.subtract = readOperand(sheet, cellOf(cand.sub.line, cross, cand.sub.comp));
  return figures;
}

interface Score {
  stated: number;
  holds: number;
  exact: number;
}

/**
 * The figures every candidate of one rate line is scored on, each read once: candidates pair the same few lines
 * over and over, and each pairing used to read its operands, the stated rates and the columns' units afresh.
 */
class RateReadings {
  private readonly operandsOf = new Map<Line, Map<number, (Figure | null)[]>>();
  private readonly columnUnits = new Map<number, string | undefined>();

  constructor(
    private readonly sheet: SheetGrid,
    private readonly layout: TableLayout,
    private readonly cross: Line[],
  ) {}

  /** readOperand of `line`'s cell (component `comp`) on every cross line. */
  operands(line: Line, comp: number | undefined): (Figure | null)[] {
    let byComp = this.operandsOf.get(line);
    if (!byComp) this.operandsOf.set(line, (byComp = new Map()));
    const key = comp ?? -1;
    let row = byComp.get(key);
    if (!row) byComp.set(key, (row = this.cross.map((c) => readOperand(this.sheet, cellOf(line, c, comp)))));
    return row;
  }

  /** coarseAt for the cells of two lines on one cross line, with each column's unit looked up once. */
  coarse(a: Line, b: Line, cross: Line): boolean {
    const ua = this.unitOf(a.axis === 'col' ? a.index : cross.index);
    const ub = this.unitOf(b.axis === 'col' ? b.index : cross.index);
    if (ua === undefined && ub === undefined) return isCoarseUnit(this.layout.unit);
    return (ua !== undefined && isCoarseUnit(ua)) || (ub !== undefined && isCoarseUnit(ub));
  }

  private unitOf(col: number): string | undefined {
    if (this.columnUnits.has(col)) return this.columnUnits.get(col);
    const column = this.layout.columns.find((c) => c.col === col) as { unit?: string } | undefined;
    const unit = column?.unit ? column.unit : undefined;
    this.columnUnits.set(col, unit);
    return unit;
  }
}

function score(
  readings: RateReadings,
  cand: Candidate,
  targets: (CellRef | null)[],
  stated: (StatedRate | null)[],
  cross: Line[],
  decimals: number | null,
  policy: RoundingPolicy,
): Score {
  const s: Score = { stated: 0, holds: 0, exact: 0 };
  const nums = readings.operands(cand.num.line, cand.num.comp);
  const dens = readings.operands(cand.den.line, cand.den.comp);
  const subs = cand.sub ? readings.operands(cand.sub.line, cand.sub.comp) : null;
  // One figures object for the whole row: judgeRate only reads it.
  const figures: RateFigures = { stated: null, numerator: null, denominator: null };
  for (let i = 0; i < cross.length; i++) {
    if (!targets[i]) continue;
    const coarse = readings.coarse(cand.num.line, cand.den.line, cross[i]);
    figures.stated = stated[i];
    figures.numerator = nums[i];
    figures.denominator = dens[i];
    if (subs) figures.subtract = subs[i];
    const v = judgeRate(figures, decimals, policy, coarse);
    if (v.status === 'skip') continue;
    s.stated++;
    if (v.status !== 'mismatch') s.holds++;
    if (v.status === 'ok') s.exact++;
  }
  return s;
}

function supported(cand: Candidate, s: Score): boolean {
  if (cand.evidence === 'numbers') return s.exact >= 3 && s.holds * 2 > s.stated;
  return s.stated <= 2 || s.holds * 2 >= s.stated;
}

function ratesForLine(
  sheet: SheetGrid,
  layout: TableLayout,
  rate: RateName,
  line: Line,
  lines: Line[],
  cross: Line[],
  policy: RoundingPolicy,
): Relation[] {
  const candidates =
    rate.kind === 'ratio' ? labelCandidates(sheet, rate, line, lines, cross) : increaseCandidates(rate, line, lines);
  if (candidates.length === 0) return [];
  const targets = cross.map((c) => targetRef(sheet, rate, line, c));
  const stated = targets.map((t) => (t ? readStatedRate(sheet, t) : null));
  const decimals = familyDecimals(stated);
  const readings = new RateReadings(sheet, layout, cross);
  let best: { cand: Candidate; s: Score } | null = null;
  for (const cand of candidates) {
    const s = score(readings, cand, targets, stated, cross, decimals, policy);
    if (
      !best ||
      s.holds > best.s.holds ||
      (s.holds === best.s.holds && (s.exact > best.s.exact || (s.exact === best.s.exact && cand.rank < best.cand.rank)))
    ) {
      best = { cand, s };
    }
  }
  if (!best || !supported(best.cand, best.s)) return [];
  // "전년대비(%)" can be a ratio or an increase: with nothing holding, nothing says which.
  if (rate.kind === 'versus' && best.s.holds === 0) return [];
  if (rate.unlabelled) {
    // A '대비' line without '%' is a difference unless percentages explain more of it.
    const pair = laterEarlierFor(line, lines);
    const asDiff = pair ? tally(sheet, layout, line, pair.later, pair.earlier, cross).holds : 0;
    if (best.s.holds <= asDiff) return [];
  }
  const { cand } = best;
  const family = familyId('rate', line);
  const out: Relation[] = [];
  cross.forEach((c, i) => {
    const target = targets[i];
    if (!target) return;
    const n = readCell(cellAt(sheet, target.row, target.col));
    if (target.comp === undefined && n.kind !== 'number' && n.kind !== 'empty') return;
    const figures = figuresFor(sheet, cand, target, c);
    if (!figures.numerator || !figures.denominator || figures.subtract === null) return;
    const s = stated[i];
    const fmt = cellAt(sheet, target.row, target.col)?.fmt ?? '';
    const scale: 100 | 1 = s ? s.scale : fmt.includes('%') ? 1 : 100;
    const rel: Relation = {
      type: 'rate',
      target,
      numerator: cellOf(cand.num.line, c, cand.num.comp),
      denominator: cellOf(cand.den.line, c, cand.den.comp),
      scale,
      decimals: decimals ?? s?.shown ?? 1,
      evidence: cand.evidence,
      family,
    };
    if (cand.sub) rel.subtract = cellOf(cand.sub.line, c, cand.sub.comp);
    out.push(rel);
  });
  return out;
}

/** '전년대비' with no '%' in its label: a rate only if its figures say so (ratesForLine asks them). */
function versusName(line: Line): RateName | null {
  return /대비/.test(line.leaf) && !/증감/.test(line.leaf) && isDiffLine(line)
    ? { name: line.leaf, stem: '', kind: 'versus', unlabelled: true }
    : null;
}

/** Whether a header label could be a rate line's leaf, once normalised (the test inferRateRelations puts to each leaf). */
const mayNameRate = memoByString((label: string): boolean => {
  const text = normalizeText(label);
  return RATE_CHARS.test(text) || text.includes('대비');
});

/** Rate relations of one table: each rate column against each body row, each rate row against each column. */
export function inferRateRelations(
  sheet: SheetGrid,
  layout: TableLayout,
  options?: Partial<CheckOptions>,
  tableLines: TableLines = new TableLines(layout),
): Relation[] {
  const out: Relation[] = [];
  inferRateRelationsInto(sheet, layout, options, tableLines, out);
  return out;
}

/** inferRateRelations, appended to `out` (inferRelations gathers every rule's in one list). */
export function inferRateRelationsInto(
  sheet: SheetGrid,
  layout: TableLayout,
  options: Partial<CheckOptions> | undefined,
  tableLines: TableLines,
  out: Relation[],
): void {
  if (layout.kind === 'text') return;
  const policy = options?.rounding ?? 'half-up';
  for (const axis of AXES) {
    if (!tableLines.anyLabel(axis, mayNameRate)) continue;
    const lines = tableLines.of(axis);
    const named: { line: Line; rate: RateName }[] = [];
    for (const line of lines) {
      // Neither a rate's name nor '대비' in the label: most lines are spared reading it (see RATE_CHARS).
      if (!RATE_CHARS.test(line.leaf) && !line.leaf.includes('대비')) continue;
      const rate = rateNameOf(line.leaf, line.norm.length >= 2 ? line.norm[line.norm.length - 2] : undefined) ?? versusName(line);
      if (rate) named.push({ line, rate });
    }
    if (named.length === 0) continue;
    const cross = tableLines.crossOf(axis).filter((c) => !isDerivedLine(c));
    for (const { line, rate } of named) out.push(...ratesForLine(sheet, layout, rate, line, lines, cross, policy));
  }
}
