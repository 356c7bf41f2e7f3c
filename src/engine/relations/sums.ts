/**
 * Sum relations: which cells are totals of which others.
 *
 * Labels propose, the numbers decide. Header paths and row-label paths are read as trees; in each node a
 * total label (계, 합계, 소계, 총계) proposes "this line = the rest of its group", a total group (합계{횟수,처리안건})
 * proposes parallel sums matched by sub-label, a circled-number formula in a header (㉑=㉒+㉓) proposes exactly
 * what it says, and a row label such as '공약(69)' proposes that its figure is the row's sum. Where membership is
 * unclear (a 비고 or 증감 line; 소계 rows heading or closing their groups) each reading is tried on every row and
 * the one that holds most often wins. Without any label, a first or last line that is the sum of all others on at
 * least three rows is a relation too.
 */
import type { CellRef, SheetGrid } from '../grid/types';
import type { CheckOptions } from '../model/options';
import type { Evidence, Relation, TableLayout } from '../model/table';
import {
  addRepresentatives,
  cachesTrees,
  excludedReading,
  freshTree,
  isTotalItem,
  numbersPlan,
  planOf,
  proposable,
  readingOf,
  shapeOf,
  treeOf,
  type Group,
  type Item,
  type Leaf,
  type Line,
  type Reading,
  type SegmentPlan,
  type Shape,
} from './sum-shapes';
import { BLANK, FIGURE, NO_FIGURE, figuresOf, isPercentFormat, type Figure, type TableFigures } from './sum-values';

type SumRelation = Extract<Relation, { type: 'sum' }>;
type Axis = 'row' | 'column';

const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/g;

const NO_LINES: number[] = [];

const EPS = 1e-9;

/** judge()'s answer once the figures are summed. */
function verdict(total: number, totalEmpty: boolean, allEmpty: boolean, sum: number, rounded: boolean, decimals: number, parts: number): number {
  if (allEmpty) return -1;
  if (totalEmpty) return 0;
  const tol = rounded ? (parts + 1) * 0.5 * 10 ** -decimals : 0;
  if (Math.abs(total - sum) > tol + EPS * Math.max(1, Math.abs(sum))) return 1;
  return total !== 0 ? 3 : 2;
}

/** judgePlain's answer when the equation must be judged through figure objects (see there). */
const SEVERAL = -2;

/**
 * One CellRef per sheet position, made once and shared by every sum relation that names the cell, in this table
 * and in later ones (references were most of what inference allocated). Sharing is safe because no consumer changes
 * a CellRef it is given: the only writes to `.row`, `.col` or `.comp` in src/ are to references their own code
 * has just made (specs/layout, relations/axis-lines and captions, registry/check-registered). Frozen all the
 * same, so a change slipped in later fails loudly instead of altering another relation. Bounded: the cache is
 * dropped when it grows large; components (rare) get a reference of their own.
 */
let sharedRefs: (CellRef | undefined)[][] = [];
let sharedRefCount = 0;
const MAX_SHARED_REFS = 100_000;

function cellRef(row: number, col: number, comp: number | undefined): CellRef {
  if (comp !== undefined) return { row, col, comp };
  let byCol = sharedRefs[row];
  if (byCol === undefined) {
    byCol = [];
    sharedRefs[row] = byCol;
  }
  let ref = byCol[col];
  if (ref === undefined) {
    if (++sharedRefCount > MAX_SHARED_REFS) {
      sharedRefs = [];
      sharedRefCount = 0;
      return Object.freeze({ row, col });
    }
    ref = Object.freeze({ row, col });
    byCol[col] = ref;
  }
  return ref;
}

function hasDataColumn(columns: TableLayout['columns']): boolean {
  for (const c of columns) if (!c.isLabel) return true;
  return false;
}

/** The sheet indices of the lines a cross line may run along (rates and the like excluded). */
function indicesOfUsable(lines: readonly Line[], at: number[]): number[] {
  let n = 0;
  for (const l of lines) if (l.role !== 'excluded') n++;
  // Most tables exclude no line: their indices serve as they are.
  if (n === lines.length) return at;
  const out = new Array<number>(n);
  let i = 0;
  for (const l of lines) if (l.role !== 'excluded') out[i++] = at[l.pos];
  return out;
}

/**
 * The claimed-cell bytes of the inference under way (see SumInference.claim): one buffer, cleared for each table
 * that claims a cell, since a table is inferred from start to end before the next.
 */
let claimBuffer = new Uint8Array(256);

function claimScratch(size: number): Uint8Array {
  if (claimBuffer.length < size) claimBuffer = new Uint8Array(Math.max(size, claimBuffer.length * 2));
  else claimBuffer.fill(0, 0, size);
  return claimBuffer;
}

/**
 * judgePlain's answers along the cross lines for the best part set so far and for the one being tried: scratch,
 * overwritten by every best() (see SumInference.best and emit).
 */
let chosenPlains: number[] = [];
let trialPlains: number[] = [];

/**
 * Readings of the lines of a table while its shape is looked up (shapes copy what they need). Never emptied: an
 * array cut to length 0 loses its room, and shapeOf reads only the first `count`.
 */
const readingScratch: Reading[] = [];

/** Family names, made once per axis and index (strings are immutable, so sharing them is safe). */
const familyNames: Record<Axis, string[]> = { row: [], column: [] };
const MAX_NAMED_INDEX = 1 << 14;

function familyName(axis: Axis, index: number): string {
  if (index < 0 || index >= MAX_NAMED_INDEX) return `sum:${axis}:${index}`;
  const names = familyNames[axis];
  return (names[index] ??= `sum:${axis}:${index}`);
}

class SumInference {
  private readonly figures: TableFigures;
  private readonly relations: SumRelation[] = [];
  /**
   * Total cells already claimed, so two proposals never make the same cell a total twice: a byte per slot, one
   * bit per axis and component (components 0–3); others, and cells outside the body, in a set.
   */
  private claimedBits: Uint8Array | undefined;
  private claimedElse: Set<number> | undefined;
  private readonly coarseTable: boolean;
  /** The tally of the equation last judged along its cross lines (see tally): plain numbers, no object per candidate. */
  private n = 0;
  private holds = 0;
  /** Holds with a non-zero total: an all-zero row proves nothing. */
  private nontrivial = 0;
  /** Sheet column of each column line's position, and sheet row of each row line's. */
  private colAt: number[] = NO_LINES;
  private rowAt: number[] = NO_LINES;

  constructor(
    sheet: SheetGrid,
    private readonly layout: TableLayout,
  ) {
    this.figures = figuresOf(sheet, layout);
    this.coarseTable = this.figures.tableCoarse;
  }

  /** The figure where line `line` meets cross line `x` along `axis`. */
  private figOn(axis: Axis, line: number, x: number, comp: number | undefined): Figure | null {
    return axis === 'row' ? this.figures.figureAt(x, line, comp) : this.figures.figureAt(line, x, comp);
  }

  /** Position of that cell in the table's flat figure arrays (-1 outside the range). */
  private slotOn(axis: Axis, line: number, x: number): number {
    return axis === 'row' ? this.figures.slot(x, line) : this.figures.slot(line, x);
  }

  /** Sheet indices of the lines of `axis` (columns along a row, rows down a column) by position. */
  private atOf(axis: Axis): number[] {
    return axis === 'row' ? this.colAt : this.rowAt;
  }

  private componentsOn(axis: Axis, line: number, x: number): number {
    const row = axis === 'row' ? x : line;
    const col = axis === 'row' ? line : x;
    const slot = this.figures.slot(row, col);
    return slot >= 0 ? this.figures.componentsAtSlot(slot, row, col) : this.figures.components(row, col);
  }

  run(): SumRelation[] {
    const { columns, rows } = this.layout;
    if (rows.length === 0 || !hasDataColumn(columns)) return [];
    const readings = readingScratch;
    // Made at their size: a pushed-to array starts with room for 17.
    let dataCols = 0;
    for (const c of columns) if (!c.isLabel) dataCols++;
    const colAt = (this.colAt = new Array<number>(dataCols));
    let at = 0;
    for (const c of columns) {
      if (c.isLabel) continue;
      const reading = readingOf(c.path);
      // A column of fractions shown as percentages (0.845 as 84.5%) is a rate whatever its header says; a column of
      // words (추진방법, 담당) holds no figure to add.
      const excluded = reading.role !== 'excluded' && (this.percentColumn(c.col) || this.wordColumn(c.col));
      readings[at] = excluded ? excludedReading(reading) : reading;
      colAt[at++] = c.col;
    }
    const cols = shapeOf(readings, dataCols, colAt);
    const rowAt = (this.rowAt = new Array<number>(rows.length));
    for (let i = 0; i < rows.length; i++) {
      readings[i] = readingOf(rows[i].path);
      rowAt[i] = rows[i].row;
    }
    const rowShape = shapeOf(readings, rows.length, rowAt);
    const crossRows = indicesOfUsable(rowShape.lines, rowAt);
    const crossCols = indicesOfUsable(cols.lines, colAt);

    // Total columns: equations along each row.
    const before = this.relations.length;
    this.formulaHeaders(cols, crossRows);
    this.fromTree('row', this.treeFor('row', cols, crossRows), crossRows);
    this.labelTotals(cols);
    if (this.relations.length === before) this.fromNumbers('row', cols, crossRows);

    // Total rows: equations down each column.
    const mid = this.relations.length;
    this.fromTree('column', this.treeFor('column', rowShape, crossCols), crossCols);
    if (this.relations.length === mid) this.fromNumbers('column', rowShape, crossCols);
    return this.relations;
  }

  private percentColumn(col: number): boolean {
    const F = this.figures;
    const inBody = !F.isLabelCol(col);
    for (const r of this.layout.rows) {
      // The figures note the format as they read a cell: most cells are read once for both.
      const slot = inBody ? F.slot(r.row, col) : -1;
      if (slot >= 0) {
        if (F.percentFormatAt(slot)) return true;
        continue;
      }
      const fmt = F.sheet.cells[r.row]?.[col]?.fmt;
      if (fmt && isPercentFormat(fmt)) return true;
    }
    return false;
  }

  /** Words in the column's body and nothing else but blanks. */
  private wordColumn(col: number): boolean {
    let words = false;
    for (const r of this.layout.rows) {
      const slot = this.figures.slot(r.row, col);
      if (slot < 0) return false;
      const kind = this.figures.kindAt(slot);
      if (kind === FIGURE) return false;
      if (kind === BLANK) continue;
      if (this.figures.numeric(r.row, col).kind !== 'label') return false;
      words = true;
    }
    return words;
  }

  /** The shape's tree for this table: which heading lines hold figures decides which are totals. */
  private treeFor(axis: Axis, shape: Shape, cross: number[]): Group {
    const at = this.atOf(axis);
    // Too many heads for a bit each: the tree is made afresh.
    if (!cachesTrees(shape)) return freshTree(shape, (pos) => this.filled(axis, at[pos], cross));
    let bits = 0;
    for (let k = 0; k < shape.heads.length; k++) if (this.filled(axis, at[shape.heads[k]], cross)) bits |= 1 << k;
    return treeOf(shape, bits);
  }

  /** Some figure written along the line (not all blank, words or '-'). */
  private filled(axis: Axis, line: number, cross: number[]): boolean {
    for (const x of cross) {
      const f = this.figOn(axis, line, x, undefined);
      if (f && !f.empty && f.value !== 0) return true;
      if (this.componentsOn(axis, line, x) > 1) return true;
    }
    return false;
  }

  /** Components of the equation `total` = Σ `parts` on cross line `x`: the most any of its cells holds. */
  private componentsOf(axis: Axis, total: number, parts: readonly Line[], x: number): number {
    const at = this.atOf(axis);
    let k = this.componentsOn(axis, total, x);
    for (let i = 0; i < parts.length; i++) {
      const c = this.componentsOn(axis, at[parts[i].pos], x);
      if (c > k) k = c;
    }
    return k;
  }

  /**
   * One equation, one component: -1 when it cannot be read (words, a missing component) or when every cell is
   * blank; 0 when the total is blank (to be filled); 1 when it fails; 2 when it holds; 3 when it holds with a
   * non-zero total. Allocation-free: inference runs this for every candidate on every row.
   */
  private judge(axis: Axis, total: number, parts: readonly Line[], x: number, comp: number | undefined): number {
    if (comp !== undefined) return this.judgeFigures(axis, total, parts, x, comp);
    const v = this.judgePlain(axis, total, parts, x);
    return v === SEVERAL ? this.judgeFigures(axis, total, parts, x, comp) : v;
  }

  /**
   * judge() of the plain figures, straight from the flat arrays, in one pass that also sees whether any cell
   * holds several components: then SEVERAL, and the equation is judged component by component. SEVERAL too
   * for a cell outside the table's range, which only figure objects can read.
   */
  private judgePlain(axis: Axis, total: number, parts: readonly Line[], x: number): number {
    const F = this.figures;
    const ts = this.slotOn(axis, total, x);
    if (ts < 0) return SEVERAL;
    const tk = F.kindAt(ts);
    let unreadable = tk === NO_FIGURE;
    if (this.severalAt(ts, axis, total, x)) return SEVERAL;
    const tEmpty = tk === BLANK;
    const tValue = tk === FIGURE ? F.valueAt(ts) : 0;
    let allEmpty = tEmpty;
    let rounded = this.coarseTable || (tk === FIGURE && F.roundedAt(ts));
    let decimals = tk === FIGURE ? F.decimalsAt(ts) : 0;
    let sum = 0;
    const at = this.atOf(axis);
    for (let i = 0; i < parts.length; i++) {
      const line = at[parts[i].pos];
      const s = this.slotOn(axis, line, x);
      if (s < 0) return SEVERAL;
      const k = F.kindAt(s);
      if (this.severalAt(s, axis, line, x)) return SEVERAL;
      if (k === NO_FIGURE) unreadable = true;
      if (k !== FIGURE) continue;
      sum += F.valueAt(s);
      allEmpty = false;
      if (F.roundedAt(s)) rounded = true;
      const d = F.decimalsAt(s);
      if (d > decimals) decimals = d;
    }
    if (unreadable) return -1;
    return verdict(tValue, tEmpty, allEmpty, sum, rounded, decimals, parts.length);
  }

  /** Whether the cell at a slot (its kind already read) holds several components ("22(22)"). */
  private severalAt(slot: number, axis: Axis, line: number, x: number): boolean {
    const known = this.figures.knownComponentsAt(slot);
    if (known === 1) return false;
    return (known === 0 ? this.componentsOn(axis, line, x) : known) > 1;
  }

  /** judge() through figure objects: components of compound cells, and cells outside the range. */
  private judgeFigures(axis: Axis, total: number, parts: readonly Line[], x: number, comp: number | undefined): number {
    const t = this.figOn(axis, total, x, comp);
    if (!t) return -1;
    let sum = 0;
    let allEmpty = t.empty;
    let rounded = this.coarseTable || t.rounded;
    let decimals = t.decimals;
    const at = this.atOf(axis);
    for (let i = 0; i < parts.length; i++) {
      const f = this.figOn(axis, at[parts[i].pos], x, comp);
      if (!f) return -1;
      sum += f.value;
      if (!f.empty) allEmpty = false;
      if (f.rounded) rounded = true;
      if (f.decimals > decimals) decimals = f.decimals;
    }
    return verdict(t.value, t.empty, allEmpty, sum, rounded, decimals, parts.length);
  }

  private clearTally(): void {
    this.n = 0;
    this.holds = 0;
    this.nontrivial = 0;
  }

  /** Adds one verdict of judge() to the tally. */
  private count(v: number): void {
    if (v <= 0) return;
    this.n++;
    if (v >= 2) this.holds++;
    if (v === 3) this.nontrivial++;
  }

  /**
   * How often `total` = Σ `parts` holds along the cross lines, added to the tally; judgePlain's answer on each
   * cross line is kept in `plains`, if given, for emit to reuse.
   */
  private tally(axis: Axis, total: number, parts: readonly Line[], cross: readonly number[], plains: number[] | null): void {
    for (let i = 0; i < cross.length; i++) {
      const x = cross[i];
      const plain = this.judgePlain(axis, total, parts, x);
      if (plains) plains[i] = plain;
      if (plain !== SEVERAL) {
        this.count(plain);
        continue;
      }
      const k = this.componentsOf(axis, total, parts, x);
      for (let comp = 0; comp < k; comp++) this.count(this.judge(axis, total, parts, x, k > 1 ? comp : undefined));
    }
  }

  /** A label is evidence on its own; the numbers (the tally) may still refute it when most rows disagree. */
  private labelAccepts(): boolean {
    if (this.n <= 1) return true;
    return this.holds * 2 >= this.n && (this.nontrivial >= 1 || this.holds === this.n);
  }

  private numbersAccept(): boolean {
    return this.nontrivial >= 3 && this.holds * 4 >= this.n * 3;
  }

  /**
   * Picks the part set (the variant) that holds most often along `total` (the first on ties); leaves its tally,
   * and its judgePlain answers in chosenPlains.
   */
  private best(axis: Axis, total: number, variants: Line[][], cross: readonly number[]): Line[] {
    this.clearTally();
    this.tally(axis, total, variants[0], cross, chosenPlains);
    let chosen = 0;
    let n = this.n;
    let holds = this.holds;
    let nontrivial = this.nontrivial;
    for (let i = 1; i < variants.length; i++) {
      this.clearTally();
      this.tally(axis, total, variants[i], cross, trialPlains);
      if (this.holds > holds) {
        const kept = chosenPlains;
        chosenPlains = trialPlains;
        trialPlains = kept;
        chosen = i;
        n = this.n;
        holds = this.holds;
        nontrivial = this.nontrivial;
      }
    }
    this.n = n;
    this.holds = holds;
    this.nontrivial = nontrivial;
    return variants[chosen];
  }

  /** One relation per cross line (and component) where `total` = Σ `parts` can be read. */
  private emit(axis: Axis, total: number, parts: readonly Line[], cross: readonly number[], evidence: Evidence, family: string, plains: number[] | null): void {
    const alongRow = axis === 'row';
    for (let i = 0; i < cross.length; i++) {
      const x = cross[i];
      const plain = plains ? plains[i] : this.judgePlain(axis, total, parts, x);
      const k = plain === SEVERAL ? this.componentsOf(axis, total, parts, x) : 1;
      const totalRow = alongRow ? x : total;
      const totalCol = alongRow ? total : x;
      for (let c = 0; c < k; c++) {
        const comp = k > 1 ? c : undefined;
        if ((plain === SEVERAL ? this.judge(axis, total, parts, x, comp) : plain) < 0) continue;
        if (!this.claim(totalRow, totalCol, c, alongRow)) continue;
        const refs = new Array<CellRef>(parts.length);
        const at = this.atOf(axis);
        for (let i = 0; i < parts.length; i++) {
          const line = at[parts[i].pos];
          refs[i] = alongRow ? cellRef(x, line, comp) : cellRef(line, x, comp);
        }
        this.relations.push({ type: 'sum', axis, total: cellRef(totalRow, totalCol, comp), parts: refs, evidence, family });
      }
    }
  }

  /** Claims a total cell (component, axis) for one relation; false when it is claimed already. */
  private claim(row: number, col: number, comp: number, alongRow: boolean): boolean {
    const slot = this.figures.slot(row, col);
    if (slot >= 0 && comp < 4) {
      const bits = (this.claimedBits ??= claimScratch(this.figures.slots));
      const bit = 1 << (comp * 2 + (alongRow ? 0 : 1));
      if ((bits[slot] & bit) !== 0) return false;
      bits[slot] |= bit;
      return true;
    }
    // By position in the table (a small integer); a cell outside it keeps a key of its own below zero.
    const key = slot >= 0 ? (slot * 64 + comp) * 2 + (alongRow ? 0 : 1) : -1 - (((row * 16_384 + col) * 64 + comp) * 2 + (alongRow ? 0 : 1));
    const claimed = (this.claimedElse ??= new Set());
    if (claimed.has(key)) return false;
    claimed.add(key);
    return true;
  }

  /** Proposes a total line over candidate part sets (see proposable); keeps the best one if the numbers allow. */
  private propose(axis: Axis, total: Line, variants: Line[][], cross: number[], evidence: Evidence): boolean {
    if (variants.length === 0) return false;
    const index = this.atOf(axis)[total.pos];
    const chosen = this.best(axis, index, variants, cross);
    const ok =
      evidence === 'numbers' || total.implicit
        ? total.implicit
          ? this.n >= 1 && this.holds * 2 >= this.n && this.nontrivial >= 1
          : this.numbersAccept()
        : this.labelAccepts();
    // best() has just judged the chosen parts on every cross line: emit reuses its answers.
    if (ok) this.emit(axis, index, chosen, cross, evidence, familyName(axis, index), chosenPlains);
    return ok;
  }

  private fromTree(axis: Axis, node: Group, cross: number[]): void {
    const plan = planOf(node);
    if (plan.total) this.propose(axis, plan.total, plan.variants!, cross, 'label');
    else if (plan.segments) this.segments(axis, node.items, plan.segments, cross);
    for (const p of plan.parallel) this.propose(axis, p.total, p.variants, cross, 'label');
    for (const item of node.items) if (item.kind === 'group') this.fromTree(axis, item, cross);
  }

  /**
   * Several totals side by side in one flat list (총계, 소계, a, b, 소계, c, d): each lower total closes or opens
   * a segment. Which way is decided by the numbers; the highest total, if single, sums the segments.
   */
  private segments(axis: Axis, items: Item[], plan: SegmentPlan, cross: number[]): void {
    const at = this.atOf(axis);
    const { subs, grandAt } = plan;
    let bestDir = plan.firstDir;
    let bestHolds = -1;
    for (const dir of [bestDir, bestDir === 'down' ? 'up' : 'down'] as const) {
      let holds = 0;
      const segs = plan[dir];
      for (let s = 0; s < subs.length; s++) {
        const trial = segs[s].trial;
        if (!trial) continue;
        this.best(axis, at[(items[subs[s]] as Leaf).line.pos], trial, cross);
        holds += this.holds;
      }
      if (holds > bestHolds) {
        bestHolds = holds;
        bestDir = dir;
      }
    }

    const covered = new Set<number>();
    const segs = plan[bestDir];
    for (let s = 0; s < subs.length; s++) {
      const seg = segs[s];
      if (this.propose(axis, (items[subs[s]] as Leaf).line, seg.variants, cross, 'label')) seg.items.forEach((j) => covered.add(j));
    }
    if (grandAt >= 0) {
      const base: Line[] = [];
      const optional: Line[] = [];
      items.forEach((item, j) => {
        if (j === grandAt) return;
        if (subs.includes(j) && item.kind === 'leaf') base.push(item.line);
        else if (!isTotalItem(item) && !covered.has(j)) addRepresentatives(item, base, optional);
      });
      const grand = (items[grandAt] as Leaf).line;
      this.propose(axis, grand, proposable(grand, base, optional), cross, 'label');
    }
  }

  /** 최종예산액 (㉑=㉒+㉓+㉔+㉕) over columns marked (㉒) … */
  private formulaHeaders(shape: Shape, cross: number[]): void {
    // Most headers hold no formula: the shape knows whether any data column's path holds an '=' (a label
    // column's cannot make a formula, which is read from the data columns alone).
    if (!shape.equation) return;
    const cols = shape.lines;
    const rawPaths = new Map(this.layout.columns.map((c) => [c.col, c.path.join(' ')]));
    const markOf = new Map<string, Line>();
    const formulas: { line: Line; parts: string[] }[] = [];
    for (const line of cols) {
      const text = rawPaths.get(this.colAt[line.pos]) ?? '';
      const m = /([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])\s*=\s*([^)]*)/.exec(text);
      if (m) {
        const rhs = m[2];
        if (/[-−×÷*/]/.test(rhs)) continue;
        formulas.push({ line, parts: rhs.match(CIRCLED) ?? [] });
        markOf.set(m[1], line);
        continue;
      }
      const marks = text.match(CIRCLED);
      if (marks && marks.length === 1) markOf.set(marks[0], line);
    }
    for (const f of formulas) {
      const parts = f.parts.map((p) => markOf.get(p));
      if (parts.length < 2 || parts.some((p) => !p)) continue;
      const index = this.colAt[f.line.pos];
      this.emit('row', index, parts as Line[], cross, 'formula-header', familyName('row', index), null);
    }
  }

  /** A row label that names its own total ('공약(69)'): the label cell is the total of the row's figures. */
  private labelTotals(cols: Shape): void {
    const { range, labelCols } = this.layout;
    if (labelCols === 0) return;
    // Each row's total is the first label cell holding a figure: equation row r is label column col = parts.
    // Most tables have none, and then the columns need no reading.
    let found: { row: number; col: number }[] | undefined;
    for (const r of this.layout.rows) {
      for (let col = range.c0; col < range.c0 + labelCols; col++) {
        if (!this.figures.figureAt(r.row, col, undefined)) continue;
        (found ??= []).push({ row: r.row, col });
        break;
      }
    }
    if (!found) return;
    // The header's tree as its labels alone draw it: no heading taken for a total.
    const root = treeOf(cols, 0);
    const rootTotals = root.items.filter((i): i is Leaf => i.kind === 'leaf' && i.line.rank > 0);
    let parts: Line[];
    if (rootTotals.length === 1) parts = [rootTotals[0].line];
    else {
      parts = [];
      const unused: Line[] = [];
      for (const item of root.items) addRepresentatives(item, parts, unused);
    }
    if (parts.length === 0) return;
    // Alone in a one-row table ('공약(69)') the label is evidence enough; among several rows, a bracketed figure
    // may count something else ('교육(3회)' over 150명), so those rows must mostly add up.
    if (this.layout.rows.length > 1) {
      this.clearTally();
      for (const t of found) this.tally('row', t.col, parts, [t.row], null);
      if (!this.labelAccepts()) return;
    }
    for (const t of found) this.emit('row', t.col, parts, [t.row], 'label', `sum:label:${t.row}`, null);
  }

  /** No total label: the first or last line equal to the sum of all others on at least three rows. */
  private fromNumbers(axis: Axis, shape: Shape, cross: number[]): void {
    if (cross.length < 3) return;
    for (const { total, variants } of (shape.numbers ??= numbersPlan(shape.lines))) {
      if (this.propose(axis, total, variants, cross, 'numbers')) return;
    }
  }
}

/** Every sum equation of one table. */
export function inferSumRelations(sheet: SheetGrid, layout: TableLayout, _options?: Partial<CheckOptions>): SumRelation[] {
  if (layout.kind === 'text') return [];
  return new SumInference(sheet, layout).run();
}
