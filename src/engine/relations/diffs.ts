/**
 * 증감 lines (증감, 증감액, 전년대비, 대비, "증감(B-A)"): the later figure minus the earlier one. The pair
 * comes from a formula in the header, from year labels (2021년 − 2020년), from words (최종 − 당초, 금년 − 전년),
 * or, last, from position (the two lines before the 증감 line) with the numbers confirming it.
 */
import type { CellRef, SheetGrid } from '../grid/types';
import type { CheckOptions } from '../model/options';
import type { Evidence, Relation, TableLayout } from '../model/table';
import { memoByString } from '../labels/memo';
import { type Axis, type Line, TableLines, cellOf, familyId, lineYear, normalizeText, parentKey, yearLevel } from './axis-lines';
import {
  EARLIER_WORDS,
  LATER_WORDS,
  carriesMarker,
  headerFormula,
  isDiffLabel,
  rateNameOf,
} from './derived-labels';
import { coarseAt, isBlank, judgeDiff, judgeRate, readOperand, readStatedRate } from './evaluate';

export type PairSource = 'formula' | 'years' | 'words' | 'position';

export interface LaterEarlier {
  later: Line;
  earlier: Line;
  source: PairSource;
}


const AXES: readonly Axis[] = ['col', 'row'];
/**
 * A rate names itself with 률 or 율, or with '%' (the parent's name counts only under a leaf of '%'), and a
 * difference with 증감, 대비, 차이, 차액, 증가액, 감소액 or 변동액. Line labels are normalised already, so a line
 * without any of these characters is spared the label readings: most lines are plain figures.
 */
export const RATE_CHARS = /[률율%]/;
const DIFF_CHARS = /[증대차감변]/;

export function isRateLine(line: Line): boolean {
  if (!RATE_CHARS.test(line.leaf)) return false;
  const parent = line.norm.length >= 2 ? line.norm[line.norm.length - 2] : undefined;
  return rateNameOf(line.leaf, parent) !== null;
}

/** A 증감 line: its own label says so, or a group over it does ('증감' over {건수, 금액}). */
export function isDiffLine(line: Line): boolean {
  if (!line.norm.some((level) => DIFF_CHARS.test(level))) return false;
  if (isDiffLabel(line.leaf)) return true;
  return !isRateLine(line) && line.norm.slice(0, -1).some((level) => isDiffLabel(level));
}

/** A header label that makes a line a 증감 line once normalised (isDiffLine asks it of the leaf and the levels above). */
const namesDiff = memoByString((label: string): boolean => {
  const text = normalizeText(label);
  return DIFF_CHARS.test(text) && isDiffLabel(text);
});

/** A line holding a derived figure (a rate or a difference): never a part of another derived figure. */
export function isDerivedLine(line: Line): boolean {
  return isRateLine(line) || isDiffLine(line);
}

/** The part of a path below the level at `level` (the same measure in another year group: ['2019년','건수'] → '건수'). */
function innerKey(line: Line, level: number): string {
  return line.norm.slice(level + 1).join('/');
}

function derivedLevel(line: Line): number {
  for (let i = line.norm.length - 1; i >= 0; i--) {
    if (isDiffLabel(line.norm[i]) || rateNameOf(line.norm[i]) !== null) return i;
  }
  return line.norm.length - 1;
}

/** The nearest lines before `target` first, then the nearest after. */
function byNearness(target: Line, lines: Line[]): Line[] {
  return [...lines].sort((a, b) => {
    const ba = a.index < target.index ? 0 : 1;
    const bb = b.index < target.index ? 0 : 1;
    return ba - bb || Math.abs(a.index - target.index) - Math.abs(b.index - target.index);
  });
}

function byFormula(target: Line, lines: Line[]): LaterEarlier | null {
  const formula = headerFormula(target.path.join(' '));
  if (!formula || formula.op !== '-') return null;
  const find = (marker: string) => lines.find((l) => l !== target && carriesMarker(l.path.join(' '), marker));
  const later = find(formula.left);
  const earlier = find(formula.right);
  return later && earlier && later !== earlier ? { later, earlier, source: 'formula' } : null;
}

function byYears(target: Line, lines: Line[]): LaterEarlier | null {
  const key = innerKey(target, derivedLevel(target));
  const candidates = lines.filter((l) => {
    if (l === target || isDerivedLine(l) || lineYear(l) === undefined) return false;
    const level = yearLevel(l);
    return (level < 0 ? '' : innerKey(l, level)) === key;
  });
  const picked: Line[] = [];
  for (const l of byNearness(target, candidates)) {
    if (picked.length === 2) break;
    if (picked.every((p) => lineYear(p) !== lineYear(l))) picked.push(l);
  }
  if (picked.length < 2) return null;
  const [a, b] = picked;
  const later = (lineYear(a) ?? 0) > (lineYear(b) ?? 0) ? a : b;
  return { later, earlier: later === a ? b : a, source: 'years' };
}

function levelWith(line: Line, words: string[]): number {
  return line.norm.findIndex((p) => words.some((w) => p.includes(w)));
}

function byWords(target: Line, lines: Line[]): LaterEarlier | null {
  const key = innerKey(target, derivedLevel(target));
  const pick = (words: string[]) =>
    byNearness(
      target,
      lines.filter((l) => {
        if (l === target || isDerivedLine(l)) return false;
        const level = levelWith(l, words);
        return level >= 0 && innerKey(l, level) === key;
      }),
    )[0];
  const earlier = pick(EARLIER_WORDS);
  const later = pick(LATER_WORDS);
  return later && earlier && later !== earlier ? { later, earlier, source: 'words' } : null;
}

function byPosition(target: Line, lines: Line[]): LaterEarlier | null {
  const group = target.norm.slice(0, -1).join('/');
  const before = lines.filter(
    (l) => l.index < target.index && !isDerivedLine(l) && l.norm.slice(0, -1).join('/') === group,
  );
  if (before.length < 2) return null;
  return { earlier: before[before.length - 2], later: before[before.length - 1], source: 'position' };
}

/** The two lines a 증감 (or 증감률) line compares, or null when nothing says which. */
export function laterEarlierFor(target: Line, lines: Line[]): LaterEarlier | null {
  return byFormula(target, lines) ?? byYears(target, lines) ?? byWords(target, lines) ?? byPosition(target, lines);
}

export function evidenceOf(source: PairSource): Evidence {
  if (source === 'formula') return 'formula-header';
  return source === 'position' ? 'numbers' : 'label';
}

export interface Tally {
  stated: number;
  holds: number;
}

export function tally(sheet: SheetGrid, layout: TableLayout, target: Line, later: Line, earlier: Line, cross: Line[]): Tally {
  const t: Tally = { stated: 0, holds: 0 };
  for (const c of cross) countDiff(t, sheet, layout, cellOf(target, c), cellOf(later, c), cellOf(earlier, c));
  return t;
}

/** Adds one stated difference's verdict (target = later − earlier) to the tally; blank or unreadable ones count for nothing. */
function countDiff(t: Tally, sheet: SheetGrid, layout: TableLayout, ref: CellRef, laterRef: CellRef, earlierRef: CellRef): void {
  const verdict = judgeDiff(
    readOperand(sheet, ref),
    readOperand(sheet, laterRef),
    readOperand(sheet, earlierRef),
    coarseAt(layout, ref, laterRef, earlierRef),
    isBlank(sheet, ref),
  );
  if (verdict.status === 'skip') return;
  t.stated++;
  if (verdict.status !== 'mismatch') t.holds++;
}

/** A relation is made only where all three cells hold figures (blank counts as zero, words do not). */
function readable(sheet: SheetGrid, ref: CellRef, laterRef: CellRef, earlierRef: CellRef): boolean {
  return readOperand(sheet, ref) !== null && readOperand(sheet, laterRef) !== null && readOperand(sheet, earlierRef) !== null;
}

/**
 * How many stated figures of a '대비' line are a percentage of the pair instead of a difference
 * ("전년대비" holding 105.3 = later / earlier × 100, or 5.3 = the increase).
 */
export function versusHolds(sheet: SheetGrid, layout: TableLayout, target: Line, later: Line, earlier: Line, cross: Line[]): number {
  let holds = 0;
  for (const c of cross) {
    const coarse = coarseAt(layout, cellOf(later, c), cellOf(earlier, c));
    const stated = readStatedRate(sheet, cellOf(target, c));
    const numerator = readOperand(sheet, cellOf(later, c));
    const denominator = readOperand(sheet, cellOf(earlier, c));
    if (!stated || !numerator || !denominator || denominator.value === 0 || isBlank(sheet, cellOf(target, c))) continue;
    const ratio = judgeRate({ stated, numerator, denominator }, null, 'half-up', coarse).status;
    const increase = judgeRate({ stated, numerator, denominator, subtract: denominator }, null, 'half-up', coarse).status;
    if (ratio !== 'mismatch' || increase !== 'mismatch') holds++;
  }
  return holds;
}

/**
 * A 증감 column beside one figure column in a table whose rows are years ('연도 | 건수 | 증감'): each row's 증감 is
 * its figure minus the row of the year before. No label pairs two lines here, so only the numbers can say so: the
 * column of figures nearest before the 증감 line (in its header group) must explain at least two stated
 * differences and most of them.
 */
function diffsAcrossYears(sheet: SheetGrid, layout: TableLayout, target: Line, lines: Line[], cross: Line[]): Relation[] {
  const group = parentKey(target);
  let figures: Line | undefined;
  for (const l of lines) {
    if (l.index < target.index && !isDerivedLine(l) && parentKey(l) === group) figures = l;
  }
  if (!figures) return [];
  const byYear = new Map<number, Line>();
  for (const c of cross) {
    const year = lineYear(c);
    if (year === undefined) continue;
    // A year met twice says the rows are not one series of years.
    if (byYear.has(year)) return [];
    byYear.set(year, c);
  }
  const steps: { at: Line; before: Line }[] = [];
  for (const [year, at] of byYear) {
    const before = byYear.get(year - 1);
    if (before) steps.push({ at, before });
  }
  if (steps.length < 2) return [];
  const t: Tally = { stated: 0, holds: 0 };
  for (const { at, before } of steps) countDiff(t, sheet, layout, cellOf(target, at), cellOf(figures, at), cellOf(figures, before));
  if (t.holds < 2 || t.holds * 2 < t.stated) return [];
  const family = familyId('diff', target);
  const out: Relation[] = [];
  for (const { at, before } of steps) {
    const ref = cellOf(target, at);
    const laterRef = cellOf(figures, at);
    const earlierRef = cellOf(figures, before);
    if (readable(sheet, ref, laterRef, earlierRef)) out.push({ type: 'diff', target: ref, later: laterRef, earlier: earlierRef, evidence: 'numbers', family });
  }
  return out;
}

/** Relations a 증감 line proposes, after the numbers have had their say on the orientation. */
function diffsForLine(sheet: SheetGrid, layout: TableLayout, target: Line, lines: Line[], cross: Line[]): Relation[] {
  const pair = laterEarlierFor(target, lines);
  if (!pair) return target.axis === 'col' ? diffsAcrossYears(sheet, layout, target, lines, cross) : [];
  const forward = tally(sheet, layout, target, pair.later, pair.earlier, cross);
  // '전년대비' with percentages in it is a rate (rates.ts takes it), not a difference.
  if (/대비/.test(target.leaf) && versusHolds(sheet, layout, target, pair.later, pair.earlier, cross) > forward.holds) return [];
  const backward = tally(sheet, layout, target, pair.earlier, pair.later, cross);
  let later = pair.later;
  let earlier = pair.earlier;
  let evidence = evidenceOf(pair.source);
  const majority = (t: Tally) => t.holds * 2 >= t.stated;
  if (pair.source === 'position') {
    // Only the numbers support a positional pair: it must hold on at least two cells and most of them.
    const best = backward.holds > forward.holds ? backward : forward;
    if (best.holds < 2 || !majority(best)) return [];
    if (best === backward) [later, earlier] = [earlier, later];
  } else if (forward.stated >= 3 && !majority(forward)) {
    if (!(backward.holds >= 3 && majority(backward))) return [];
    [later, earlier] = [earlier, later];
    evidence = 'numbers';
  }
  const family = familyId('diff', target);
  const out: Relation[] = [];
  for (const c of cross) {
    const ref = cellOf(target, c);
    const laterRef = cellOf(later, c);
    const earlierRef = cellOf(earlier, c);
    if (readable(sheet, ref, laterRef, earlierRef)) out.push({ type: 'diff', target: ref, later: laterRef, earlier: earlierRef, evidence, family });
  }
  return out;
}

/** 증감 relations of one table: each 증감 column against each body row, each 증감 row against each column. */
export function inferDiffRelations(
  sheet: SheetGrid,
  layout: TableLayout,
  options?: Partial<CheckOptions>,
  tableLines: TableLines = new TableLines(layout),
): Relation[] {
  const out: Relation[] = [];
  inferDiffRelationsInto(sheet, layout, options, tableLines, out);
  return out;
}

/** inferDiffRelations, appended to `out` (inferRelations gathers every rule's in one list). */
export function inferDiffRelationsInto(
  sheet: SheetGrid,
  layout: TableLayout,
  _options: Partial<CheckOptions> | undefined,
  tableLines: TableLines,
  out: Relation[],
): void {
  if (layout.kind === 'text') return;
  for (const axis of AXES) {
    // A 증감 line has a 증감 label at some level: without one (most tables), no line need be made.
    if (!tableLines.anyLabel(axis, namesDiff)) continue;
    const lines = tableLines.of(axis);
    const targets = lines.filter(isDiffLine);
    if (targets.length === 0) continue;
    const cross = tableLines.crossOf(axis).filter((c) => !isDerivedLine(c));
    for (const line of targets) out.push(...diffsForLine(sheet, layout, line, lines, cross));
  }
}

/** Normalised header text of a line (for messages and tests). */
export function lineText(line: Line): string {
  return normalizeText(line.path.join(' '));
}
