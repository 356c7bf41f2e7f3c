/**
 * What sum inference reads from labels alone: each line's reading (total, part, optional or excluded), and the
 * shape of an axis's lines, as a tree with the part lists its totals propose. A report repeats its tables' labels,
 * so readings and shapes are cached (bounded, keyed by everything they depend on) and only the judging by figures
 * runs per table (see sums.ts).
 */
import { isDiffLabel, isRateLabel, isRemarkLabel, memoByString, normalizeLabel, totalLabelKind } from '../labels';

type Role = 'part' | 'optional' | 'excluded';

/** What a line's labels say, wherever it stands: read once per path (see readingOf) and never changed. */
export interface Reading {
  path: string[];
  label: string;
  /** 0 = not a total; higher = more inclusive (소계 1, 계 2, 합계 3, 총계 4). */
  rank: number;
  role: Role;
  /** Some label of the path as written holds an '=' (a header formula such as ㉑=㉒+㉓ may). */
  equation: boolean;
}

/**
 * A line of the table along which totals run: a data column (axis 'row') or a body row (axis 'column'), by its
 * position among the lines of its axis (SumInference maps a position to the sheet's column or row). Positions,
 * not sheet indices, so that tables of one shape share their lines, trees and part lists (see shapeOf).
 */
export interface Line extends Reading {
  pos: number;
  /** Where the line stands in the sheet's order: its sheet index, or its position where the two agree. */
  order: number;
  /** A group's heading line taken as its total without a total label: needs figures to stand on. */
  implicit?: boolean;
}

export interface Leaf {
  kind: 'leaf';
  line: Line;
}
export interface Group {
  kind: 'group';
  label: string;
  items: Item[];
  /** What inference asks of this group, worked out once per tree (trees are cached with their shape). */
  plan?: GroupPlan;
}
export type Item = Leaf | Group;

/** The label-only part of inference in one group: part lists by position, ready for the numbers to judge. */
interface GroupPlan {
  /** The group's single total line and its candidate part sets (none when the group holds no single total). */
  total?: Line;
  variants?: Line[][];
  /** Several totals side by side (see SumInference.segments). */
  segments?: SegmentPlan;
  /** Total group against part groups, leaf by leaf (see SumInference.parallel). */
  parallel: { total: Line; variants: Line[][] }[];
}

/** A flat list with several totals: for each lower total, its segment below ('down') or above ('up'). */
export interface SegmentPlan {
  /** Item positions of the lower totals, and of the single highest total (-1 when there is none). */
  subs: number[];
  grandAt: number;
  firstDir: Dir;
  /** Per direction, per lower total: the segment's items, the part sets judged to choose a direction (null when the
   * segment stands for nothing), and those kept for proposing. */
  down: SegmentOf[];
  up: SegmentOf[];
}
type Dir = 'down' | 'up';
interface SegmentOf {
  items: number[];
  trial: Line[][] | null;
  variants: Line[][];
}

const RATE = /[률율](\(.*\))?$|%|비율|구성비|비중/;
const NON_ADDITIVE = /평균|단가|연번|번호|순위|^쪽$|^no\.?$|지수|기준일|일자|연도$|^년도$/i;
const OPTIONAL = /비고|증감|대비|차이|전년/;

function clean(text: string): string {
  return normalizeLabel(text).replace(/\s+/g, '');
}

function totalRank(label: string): number {
  const kind = label ? totalLabelKind(label) : null;
  if (kind === null) return 0;
  if (kind === 'subtotal') return 1;
  if (kind === 'grand') return 4;
  return label.startsWith('합') ? 3 : 2;
}

function cleanPath(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of path) {
    const p = clean(raw ?? '');
    if (p && out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

/**
 * Labels repeat across tables (계, 합계, 2020년): their reading is cached, as a tree keyed by path level so no
 * key string is built per line.
 */
interface ReadingCacheNode {
  reading?: Reading;
  next?: Map<string, ReadingCacheNode>;
}
let readingCache: ReadingCacheNode = {};
let readingCacheSize = 0;

export function readingOf(rawPath: readonly string[]): Reading {
  let node = readingCache;
  for (const level of rawPath) {
    if (!node.next) node.next = new Map();
    let child = node.next.get(level);
    if (!child) {
      child = {};
      node.next.set(level, child);
    }
    node = child;
  }
  let hit = node.reading;
  if (!hit) {
    hit = readLine(rawPath);
    if (++readingCacheSize > 10_000) {
      readingCache = {};
      readingCacheSize = 0;
      // Shapes are keyed by readings: those of the dropped readings could never be met again.
      dropShapes();
    } else node.reading = hit;
  }
  return hit;
}

function readLine(rawPath: readonly string[]): Reading {
  const path = cleanPath(rawPath);
  const label = path[path.length - 1] ?? '';
  const any = (re: RegExp) => path.some((p) => re.test(p));
  const excluded = any(RATE) || any(NON_ADDITIVE) || path.some((p) => isRateLabel(p));
  const optional = any(OPTIONAL) || path.some((p) => isRemarkLabel(p) || isDiffLabel(p));
  const role: Role = excluded ? 'excluded' : optional ? 'optional' : 'part';
  return { path, label, rank: role === 'excluded' ? 0 : totalRank(label), role, equation: rawPath.some((p) => p.includes('=')) };
}

/** The reading of a column its figures exclude (percentages, words): one per reading, so shapes can share it. */
const excludedReadings = new WeakMap<Reading, Reading>();

export function excludedReading(reading: Reading): Reading {
  let out = excludedReadings.get(reading);
  if (!out) {
    out = { path: reading.path, label: reading.label, rank: 0, role: 'excluded', equation: reading.equation };
    excludedReadings.set(reading, out);
  }
  return out;
}

/**
 * The lines of one axis, as far as labels tell: the same for every table whose lines read alike, which in a
 * report is most of them. `heads` are the lines that head the lines after them; each is its group's total when
 * it holds figures, so the tree is kept per answer (bit k of the key for heads[k]).
 */
export interface Shape {
  lines: Line[];
  heads: number[];
  trees: Map<number, Group>;
  /** Some line's path holds an '=' (see formulaHeaders). */
  equation: boolean;
  /** fromNumbers' candidates: the first and last plain part, each against all the others. */
  numbers?: { total: Line; variants: Line[][] }[];
}

/** Shapes by their sequence of readings (object identity), one trie level per line. */
interface ShapeNode {
  next?: Map<Reading, ShapeNode>;
  shape?: Shape;
}
let shapes: ShapeNode = {};
/** What the shapes hold, counted in lines (a trie node, a shape's line, a tree's leaf and its plans' share). */
let shapeEntries = 0;
const MAX_SHAPE_ENTRIES = 100_000;
/** Trees are cached per answer of at most this many heads (a bit each in a small integer). */
const MAX_CACHED_HEADS = 24;

function dropShapes(): void {
  shapes = {};
  shapeEntries = 0;
}

function countShapeEntry(lines: number): void {
  shapeEntries += lines;
  if (shapeEntries > MAX_SHAPE_ENTRIES) dropShapes();
}

/**
 * The shape of an axis whose lines read `readings` (the first `count`) and stand at sheet indices `at`. Cached
 * when the indices only grow (as detection makes them): then position order is sheet order, and a part list
 * sorted by position is sorted by sheet index too.
 */
export function shapeOf(readings: readonly Reading[], count: number, at: readonly number[]): Shape {
  if (!increasing(at)) return makeShape(readings, count, at);
  let node = shapes;
  for (let i = 0; i < count; i++) {
    const next = (node.next ??= new Map());
    let child = next.get(readings[i]);
    if (!child) {
      child = {};
      next.set(readings[i], child);
      countShapeEntry(1);
    }
    node = child;
  }
  let shape = node.shape;
  if (!shape) {
    shape = makeShape(readings, count, null);
    node.shape = shape;
    countShapeEntry(count);
  }
  return shape;
}

/** A shape's lines, ordered by the sheet indices `at` (by position when null: indices that only grow). */
function makeShape(readings: readonly Reading[], count: number, at: readonly number[] | null): Shape {
  const lines = new Array<Line>(count);
  let equation = false;
  for (let i = 0; i < count; i++) {
    const r = readings[i];
    lines[i] = { path: r.path, label: r.label, rank: r.rank, role: r.role, equation: r.equation, pos: i, order: at ? at[i] : i };
    if (r.equation) equation = true;
  }
  const heads: number[] = [];
  for (let i = 0; i < count; i++) if (headsGroup(lines, i)) heads.push(i);
  return { lines, heads, trees: new Map(), equation };
}

/** Whether the trees of a shape are cached, keyed by which heads hold figures (see treeOf). */
export function cachesTrees(shape: Shape): boolean {
  return shape.heads.length <= MAX_CACHED_HEADS;
}

/** A shape's tree made afresh, asking `filled` of each heading line (a shape with too many heads to cache). */
export function freshTree(shape: Shape, filled: (pos: number) => boolean): Group {
  return buildTree(shape.lines, filled);
}

/** The tree of a shape, given which of its heads hold figures (bit k for heads[k]; none past cachesTrees). */
export function treeOf(shape: Shape, filledBits: number): Group {
  if (!cachesTrees(shape)) {
    if (filledBits !== 0) throw new Error('treeOf: a shape with this many heads needs freshTree');
    return buildTree(shape.lines, () => false);
  }
  let tree = shape.trees.get(filledBits);
  if (!tree) {
    tree = buildTree(shape.lines, (pos) => (filledBits & (1 << shape.heads.indexOf(pos))) !== 0);
    shape.trees.set(filledBits, tree);
    // A tree's plans hold part lists of its lines: counted twice over.
    countShapeEntry(2 * shape.lines.length + 1);
  }
  return tree;
}

/**
 * A line whose label heads the lines after it ('도시관리국' over '도시관리국 / 도시계획과', or a header group whose
 * first column has no sub-header) may hold that group's total; the numbers will say.
 */
function headsGroup(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  return (
    line.role === 'part' &&
    line.rank === 0 &&
    line.path.length > 0 &&
    next !== undefined &&
    next.path.length > line.path.length &&
    line.path.every((p, k) => next.path[k] === p)
  );
}

/** Lines become a tree by their paths; a group spans adjacent lines that share a path prefix. */
function buildTree(lines: Line[], filled: (pos: number) => boolean): Group {
  const root: Group = { kind: 'group', label: '', items: [] };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const heading = headsGroup(lines, i);
    const heads = heading && filled(line.pos);
    if (heads) line = { ...line, rank: 1, implicit: true };
    // A blank heading is no part of anything.
    else if (heading) line = { ...line, role: 'excluded' };
    let node = root;
    for (let depth = 0; depth < line.path.length - (heads ? 0 : 1); depth++) {
      const label = line.path[depth];
      const last = node.items[node.items.length - 1];
      if (last && last.kind === 'group' && last.label === label) node = last;
      else {
        const group: Group = { kind: 'group', label, items: [] };
        node.items.push(group);
        node = group;
      }
    }
    node.items.push({ kind: 'leaf', line });
  }
  return root;
}

function leavesOf(item: Item): Line[] {
  return item.kind === 'leaf' ? [item.line] : item.items.flatMap(leavesOf);
}

function relPath(line: Line, depth: number): string {
  return line.path.slice(depth).join('/');
}

/**
 * The lines that stand for an item in a sum, added to `base` (and `optional`, for 비고 or 증감 lines): a group's own
 * total when it has one, else its parts.
 */
export function addRepresentatives(item: Item, base: Line[], optional: Line[]): void {
  if (item.kind === 'leaf') {
    const { line } = item;
    if (line.role === 'part') base.push(line);
    else if (line.role === 'optional') optional.push(line);
    return;
  }
  // The group's most inclusive total, if only one line has that rank.
  let top = 0;
  let topLine: Line | undefined;
  let tied = false;
  for (const child of item.items) {
    if (child.kind !== 'leaf' || child.line.rank === 0) continue;
    if (child.line.rank > top) {
      top = child.line.rank;
      topLine = child.line;
      tied = false;
    } else if (child.line.rank === top) tied = true;
  }
  if (topLine && !tied) {
    base.push(topLine);
    return;
  }
  for (const child of item.items) {
    if (child.kind === 'leaf' && child.line.rank > 0) continue;
    addRepresentatives(child, base, optional);
  }
}

/** All subsets of the optional lines added to the base, the base alone first (preferred on ties). */
function variantsOf(base: Line[], optional: Line[]): Line[][] {
  if (optional.length === 0) return [inOrder(base)];
  const opts = Math.min(optional.length, 3);
  const out: Line[][] = [];
  for (let mask = 0; mask < 1 << opts; mask++) {
    const lines = base.slice();
    for (let i = 0; i < opts; i++) if (mask & (1 << i)) lines.push(optional[i]);
    out.push(inOrder(lines));
  }
  return out;
}

/** The variants a total may be proposed with: those that have parts and do not hold the total itself. */
export function proposable(total: Line, base: Line[], optional: Line[]): Line[][] {
  const variants = variantsOf(base, optional);
  // In place: most are a single one.
  let kept = 0;
  for (const v of variants) if (v.length > 0 && !holdsLine(v, total.order)) variants[kept++] = v;
  variants.length = kept;
  return variants;
}

const byOrder = (a: Line, b: Line): number => a.order - b.order;

/** Lines in the sheet's order; most part lists already are, and are kept as they are. */
function inOrder(lines: Line[]): Line[] {
  for (let i = 1; i < lines.length; i++) if (lines[i].order < lines[i - 1].order) return lines.slice().sort(byOrder);
  return lines;
}

/** The label-only work of fromTree, segments and parallel in one group (see GroupPlan). */
export function planOf(node: Group): GroupPlan {
  if (node.plan) return node.plan;
  const plan: GroupPlan = { parallel: parallelPlan(node) };
  let totals = 0;
  let total: Line | undefined;
  for (const item of node.items) {
    if (item.kind !== 'leaf' || item.line.rank === 0) continue;
    totals++;
    total ??= item.line;
  }
  if (totals === 1) {
    const base: Line[] = [];
    const optional: Line[] = [];
    for (const item of node.items) if (item.kind === 'group' || item.line.rank === 0) addRepresentatives(item, base, optional);
    plan.total = total;
    plan.variants = proposable(total!, base, optional);
  } else if (totals > 1) plan.segments = segmentPlan(node.items);
  node.plan = plan;
  return plan;
}

export const isTotalItem = (i: Item): boolean => i.kind === 'leaf' && i.line.rank > 0;

function segmentPlan(items: Item[]): SegmentPlan {
  const totalsAt = items.map((i, k) => (isTotalItem(i) ? k : -1)).filter((k) => k >= 0);
  const top = Math.max(...totalsAt.map((k) => (items[k] as Leaf).line.rank));
  const tops = totalsAt.filter((k) => (items[k] as Leaf).line.rank === top);
  const grandAt = tops.length === 1 && tops.length < totalsAt.length ? tops[0] : -1;
  const subs = totalsAt.filter((k) => k !== grandAt);
  const segmentsOf = (dir: Dir): SegmentOf[] =>
    subs.map((k) => {
      const seg: number[] = [];
      const step = dir === 'down' ? 1 : -1;
      for (let j = k + step; j >= 0 && j < items.length && !isTotalItem(items[j]); j += step) seg.push(j);
      const parts = () => {
        const base: Line[] = [];
        const optional: Line[] = [];
        for (const j of seg) addRepresentatives(items[j], base, optional);
        return { base, optional };
      };
      const trial = parts();
      const kept = parts();
      return {
        items: seg,
        trial: trial.base.length + trial.optional.length === 0 ? null : variantsOf(trial.base, trial.optional),
        variants: proposable((items[k] as Leaf).line, kept.base, kept.optional),
      };
    });
  return { subs, grandAt, firstDir: grandAt >= 0 && grandAt > subs[0] ? 'up' : 'down', down: segmentsOf('down'), up: segmentsOf('up') };
}

/** 합계{횟수, 처리안건} = 정례회{…} + 임시회{…}: leaves matched by their path below the group. */
function parallelPlan(node: Group): { total: Line; variants: Line[][] }[] {
  // A total group needs a part group beside it: most nodes hold fewer than two groups.
  let groupCount = 0;
  for (const item of node.items) if (item.kind === 'group') groupCount++;
  if (groupCount < 2) return NO_PARALLEL;
  const groups = node.items.filter((i): i is Group => i.kind === 'group');
  const totalGroups = groups.filter((g) => labelRank(g.label) > 0);
  const partGroups = groups.filter((g) => isPartGroupLabel(g.label));
  if (totalGroups.length !== 1 || partGroups.length === 0) return NO_PARALLEL;
  const depth = leavesOf(totalGroups[0])[0]?.path.indexOf(totalGroups[0].label) ?? -1;
  if (depth < 0) return NO_PARALLEL;
  const index = partGroups.map((g) => new Map(leavesOf(g).map((l) => [relPath(l, depth + 1), l])));
  const out: { total: Line; variants: Line[][] }[] = [];
  for (const total of leavesOf(totalGroups[0])) {
    if (total.role === 'excluded') continue;
    const key = relPath(total, depth + 1);
    const parts = index.map((m) => m.get(key));
    if (parts.some((p) => !p || p.role === 'excluded')) continue;
    out.push({ total, variants: proposable(total, parts as Line[], []) });
  }
  return out;
}

const NO_PARALLEL: { total: Line; variants: Line[][] }[] = [];

/** Whether a part list holds the line at sheet order `order` (the total itself). */
function holdsLine(lines: readonly Line[], order: number): boolean {
  for (const l of lines) if (l.order === order) return true;
  return false;
}

/** Whether the indices only grow (detection's lines always do). */
function increasing(at: readonly number[]): boolean {
  for (let i = 1; i < at.length; i++) if (at[i] <= at[i - 1]) return false;
  return true;
}

/** totalRank of a group's label; labels repeat across tables, so their rank is remembered. */
const labelRank = memoByString(totalRank);

/** A group that may be a part of a total group: no total, rate or 증감 in its label. */
const isPartGroupLabel = memoByString((label: string) => labelRank(label) === 0 && !RATE.test(label) && !OPTIONAL.test(label));

/** fromNumbers' candidates by position: none when fewer than three plain parts. */
export function numbersPlan(lines: Line[]): { total: Line; variants: Line[][] }[] {
  const usable = lines.filter((l) => l.role === 'part');
  if (usable.length < 3) return [];
  return [usable[0], usable[usable.length - 1]].map((total) => ({ total, variants: proposable(total, usable.filter((l) => l !== total), []) }));
}
