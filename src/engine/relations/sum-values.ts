/**
 * The figures a sum equation reads. Shared by inference (does a candidate hold?) and the checks (does it still?),
 * so both see a cell the same way: blank and '-' are zero, a compound cell gives one component, a label cell
 * such as '공약(69)' gives the total it names, and anything else (words, errors, dates) is no figure at all.
 */
import type { CellRef, SheetGrid } from '../grid/types';
import { labelTotal } from '../labels';
import type { TableLayout } from '../model/table';
import { readNumeric, type NumericCell } from '../numbers';

export interface Figure {
  value: number;
  /** Decimal places the figure is shown with. */
  decimals: number;
  /** Blank cell (zero, but nothing was written). */
  empty: boolean;
  /** Unit word written with the figure ('백만원' in "4,817백만원"). */
  unit?: string;
  /** Shown rounded (decimals, or a coarse unit such as 백만원): a sum may miss by the rounding. */
  rounded: boolean;
}

/** Units whose figures are rounded from finer amounts, so totals may miss their parts by rounding. */
const COARSE_UNITS = new Set(['백만원', '천만원', '억원', '십억원', '조원']);

const COARSE_WORD = /백만원|천만원|억원|조원/;
const MONEY_LINE = /금액|예산|사업비|비용|[^건횟인]액(\(|$)/;

export function isCoarseUnit(unit: string | undefined): boolean {
  if (!unit) return false;
  // Units are mostly written without spaces: no need to strip them first.
  return COARSE_UNITS.has(unit) || (/\s/.test(unit) && COARSE_UNITS.has(unit.replace(/\s+/g, '')));
}

const holdsWon = (label: string): boolean => label.includes('원');
const WON = '원'.charCodeAt(0);
const MAN = '만'.charCodeAt(0);
const EOK = '억'.charCodeAt(0);
const JO = '조'.charCodeAt(0);
const holdsMagnitude = (label: string): boolean => label.includes('만') || label.includes('억') || label.includes('조');

/**
 * What a number format tells, packed: bit 0 whether it shows a percentage, the rest its decimals plus one (0 when
 * the format does not say). Both are asked of every cell a table reads, so one lookup answers the two.
 */
const fmtFacts = new Map<string, number>();
/** A table's cells mostly share one format: comparing with the last one spares hashing each cell's copy. */
let lastFmt: string | undefined;
let lastFmtFacts = 0;

function formatFacts(fmt: string): number {
  if (fmt === lastFmt) return lastFmtFacts;
  let facts = fmtFacts.get(fmt);
  if (facts === undefined) {
    const d = readFormatDecimals(fmt);
    // A format's decimals are fewer than its characters: the packed number stays a small integer.
    facts = ((d === undefined ? 0 : d + 1) << 1) | (isPercentFormat(fmt) ? 1 : 0);
    if (fmtFacts.size > 1000) fmtFacts.clear();
    fmtFacts.set(fmt, facts);
  }
  lastFmt = fmt;
  lastFmtFacts = facts;
  return facts;
}

/** Decimal places of packed format facts; undefined when the format does not say. */
function factsDecimals(facts: number): number | undefined {
  const d = facts >>> 1;
  return d === 0 ? undefined : d - 1;
}

/** Decimal places a number format shows ('#,##0.0' → 1); undefined when the format does not say. */
function formatDecimals(fmt: string | undefined): number | undefined {
  return fmt ? factsDecimals(formatFacts(fmt)) : undefined;
}

function readFormatDecimals(fmt: string): number | undefined {
  const first = fmt.split(';')[0].replace(/"[^"]*"/g, '');
  const m = /[0#?]\.([0#?]+)/.exec(first);
  if (m) return m[1].length;
  return /[0#]/.test(first) ? 0 : undefined;
}

/** A line whose label names a coarse unit ('금액(백만원)'), or a money line under a two-unit caption. */
function coarseLine(path: readonly string[], twoUnits: boolean): boolean {
  // Most labels name no coarse unit (재원 holds 원, but no 만, 억 or 조): a quick look spares the expressions.
  if (!twoUnits) {
    // One pass over the characters: lines are many (every column and row of every table), labels short.
    let won = false;
    let magnitude = false;
    for (const label of path) {
      for (let i = 0; i < label.length; i++) {
        const c = label.charCodeAt(i);
        if (c === WON) won = true;
        else if (c === MAN || c === EOK || c === JO) magnitude = true;
      }
    }
    if (!won || !magnitude) return false;
  }
  const text = path.join(' ').replace(/\s+/g, '');
  return COARSE_WORD.test(text) || (twoUnits && MONEY_LINE.test(text));
}

function valueDecimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(Number(value.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, 10);
}

/** What a cell holds as a plain figure (no component asked): TableFigures.kindAt. */
const UNREAD = 0;
/** Words, an error, a date, a percentage: no figure for a sum. */
export const NO_FIGURE = 1;
/** Blank (or spaces only): zero, but nothing was written. */
export const BLANK = 2;
/** A figure: valueAt, decimalsAt and roundedAt tell it. */
export const FIGURE = 3;

/**
 * What TableFigures knows of a cell, packed in one small integer per cell (one plain array of them is far
 * cheaper to make than several typed arrays, and a table is read a thousand times over in a workbook):
 * bits 0–1 the kind, bit 2 rounded, bit 3 read through readNumeric (the reading is kept in `texts`), bits 4–11
 * the number of components (0 = not read yet; 255 = that many or more), bits 12–23 the decimals shown (capped at
 * 4095, where 10^-decimals is zero all the same).
 */
const KIND_MASK = 3;
const ROUNDED = 4;
const TEXT = 8;
const COMPS_SHIFT = 4;
const COMPS_MASK = 0xff << COMPS_SHIFT;
const DECIMALS_SHIFT = 12;
const MAX_DECIMALS = 4095;
/** Bit 24: the cell's number format shows a percentage (read with the cell, for TableFigures.percentFormatAt). */
const PERCENT_FORMAT = 1 << 24;

function withComps(meta: number, comps: number): number {
  return (meta & ~COMPS_MASK) | (Math.min(comps, 255) << COMPS_SHIFT);
}

function packFigure(comps: number, decimals: number, rounded: boolean, text: boolean): number {
  return FIGURE | (rounded ? ROUNDED : 0) | (text ? TEXT : 0) | (Math.min(comps, 255) << COMPS_SHIFT) | (Math.min(decimals, MAX_DECIMALS) << DECIMALS_SHIFT);
}

const percentFormats = new Map<string, boolean>();

/** '0.0%' shows a fraction as a percentage; a '%' inside quotes is only text. */
export function isPercentFormat(fmt: string): boolean {
  // Most formats hold no '%' at all: no need to look them up.
  if (!fmt.includes('%')) return false;
  let yes = percentFormats.get(fmt);
  if (yes === undefined) {
    yes = fmt.replace(/"[^"]*"/g, '').includes('%');
    if (percentFormats.size > 1000) percentFormats.clear();
    percentFormats.set(fmt, yes);
  }
  return yes;
}

/** The figure of every blank cell (shared: figures are read, never changed). */
const EMPTY_FIGURE: Figure = { value: 0, decimals: 0, empty: true, rounded: false };

/**
 * Reads a table's cells once each and answers figure questions about them. A sum candidate is tried on every
 * row, so the plain figure of each cell of the table's body lives in flat arrays indexed by its position there
 * (its slot): the overwhelmingly common plain number never becomes an object. Figures outside the body (never
 * asked by inference, possible for a spec's relation) are read the slow way.
 */
export class TableFigures {
  /** The table's unit line names one coarse unit: every figure is rounded (with several, see coarseCols). */
  readonly tableCoarse: boolean;
  private readonly r0: number;
  private readonly c0: number;
  private readonly width: number;
  private readonly height: number;
  private readonly firstDataCol: number;
  /** Per slot (row-major from the body's top-left): what is known of the cell, packed (see KIND_MASK). */
  private readonly meta: number[];
  /** Per slot: the plain figure's value, once its kind is FIGURE. */
  private readonly values: number[];
  /** Readings of the cells read through readNumeric (text, errors, dates): units, components, words. */
  private texts: Map<number, NumericCell> | undefined;
  /** Figure objects handed out by figure(), made once per cell and component. */
  private plainObjects: (Figure | null | undefined)[] | undefined;
  private componentObjects: Map<number, Figure | null> | undefined;
  /** Columns and rows whose own label names a coarse unit ('금액(백만원)'), or money under a two-unit line. */
  private coarseCols: Set<number> | undefined;
  private coarseRows: Set<number> | undefined;

  constructor(
    readonly sheet: SheetGrid,
    readonly layout: TableLayout,
  ) {
    // The body only: relations never read a header cell (one asked for all the same is read the slow way).
    const { c0, r1, c1 } = layout.range;
    const r0 = layout.range.r0 + layout.headerRows;
    this.r0 = r0;
    this.c0 = c0;
    this.width = Math.max(0, c1 - c0 + 1);
    this.height = Math.max(0, r1 - r0 + 1);
    const size = this.width * this.height;
    // Made at their size and filled by a loop: Array.prototype.fill over holes is a slow runtime call.
    this.meta = new Array<number>(size);
    // A value is read only where load() has written one (kind FIGURE): its holes need no filling.
    this.values = new Array<number>(size);
    for (let i = 0; i < size; i++) this.meta[i] = UNREAD;
    this.firstDataCol = c0 + layout.labelCols;
    // '(단위 : 건, 백만원)': columns carry their own units, and counts (건수) add up exactly beside 백만원 amounts.
    let ownUnits = false;
    for (const c of layout.columns) if (!c.isLabel && c.unit !== undefined) ownUnits = true;
    const unitCoarse = isCoarseUnit(layout.unit);
    this.tableCoarse = unitCoarse && !ownUnits;
    if (ownUnits) {
      for (const c of layout.columns) if (!c.isLabel && (c.unit !== undefined ? isCoarseUnit(c.unit) : unitCoarse)) this.coarseCol(c.col);
    }
    if (!this.tableCoarse) {
      // '(단위 : 건, 백만원)': the money lines are in 백만원 although the table's unit reads 건.
      let twoUnits = false;
      for (const c of layout.captions) {
        // A coarse word holds 원 and 만, 억 or 조: most caption lines are spared the regular expression.
        if ((c.kind === 'unit' || c.kind === 'basis') && holdsWon(c.text) && holdsMagnitude(c.text) && COARSE_WORD.test(c.text.replace(/\s+/g, ''))) {
          twoUnits = true;
        }
      }
      for (const c of layout.columns) if (!c.isLabel && coarseLine(c.path, twoUnits)) this.coarseCol(c.col);
      for (const r of layout.rows) if (coarseLine(r.path, twoUnits)) (this.coarseRows ??= new Set()).add(r.row);
    }
  }

  private coarseCol(col: number): void {
    (this.coarseCols ??= new Set()).add(col);
  }

  /** Number of slots: cells in the table's body. */
  get slots(): number {
    return this.meta.length;
  }

  /** Position of a cell in the flat arrays, -1 outside the table's body. */
  slot(row: number, col: number): number {
    const r = row - this.r0;
    const c = col - this.c0;
    return r >= 0 && r < this.height && c >= 0 && c < this.width ? r * this.width + c : -1;
  }

  /** The plain figure's kind at a slot, reading the cell on first ask: NO_FIGURE, BLANK or FIGURE. */
  kindAt(slot: number): number {
    const k = this.meta[slot] & KIND_MASK;
    return k !== UNREAD ? k : this.load(slot);
  }

  /** The plain figure at a slot whose kindAt is FIGURE: its value, the decimals it shows, and whether it is rounded. */
  valueAt(slot: number): number {
    return this.values[slot];
  }

  decimalsAt(slot: number): number {
    return (this.meta[slot] >>> DECIMALS_SHIFT) & MAX_DECIMALS;
  }

  /** Whether the cell at a slot of a data column has a percentage format ('0.0%'), whatever it holds. */
  percentFormatAt(slot: number): boolean {
    this.kindAt(slot);
    return (this.meta[slot] & PERCENT_FORMAT) !== 0;
  }

  roundedAt(slot: number): boolean {
    return (this.meta[slot] & ROUNDED) !== 0;
  }

  private isText(slot: number): boolean {
    return (this.meta[slot] & TEXT) !== 0;
  }

  private load(slot: number): number {
    const r = (slot / this.width) | 0;
    const row = this.r0 + r;
    const col = this.c0 + (slot - r * this.width);
    const cell = this.sheet.cells[row]?.[col];
    const meta = this.meta[slot];
    if (col < this.firstDataCol) {
      // A label cell holds a figure only when it states a total ('공약(69)'); only a closing bracket can.
      const v = cell?.v;
      const total = typeof v === 'string' && (v.includes(')') || v.includes('）')) ? labelTotal(v) : null;
      if (total === null || total === undefined) {
        this.meta[slot] = meta | NO_FIGURE;
        return NO_FIGURE;
      }
      this.values[slot] = total;
      this.meta[slot] = meta | FIGURE;
      return FIGURE;
    }
    if (!cell) return this.set(slot, BLANK | (1 << COMPS_SHIFT));
    // The format is looked at here, while the cell is at hand, so a percent column costs no second pass.
    const fmt = cell.fmt;
    const facts = fmt ? formatFacts(fmt) : 0;
    const pct = (facts & 1) !== 0 ? PERCENT_FORMAT : 0;
    const v = cell.v;
    if (typeof v === 'number' && !cell.error && !cell.date) {
      // The common case: a number as the spreadsheet holds it, shown with its format's decimals.
      const decimals = factsDecimals(facts) ?? valueDecimals(v);
      this.values[slot] = v;
      return this.set(slot, pct | packFigure(1, decimals, decimals > 0 || this.coarseAt(row, col), false));
    }
    const n = readNumeric(cell);
    switch (n.kind) {
      case 'empty':
        return this.set(slot, pct | BLANK | (1 << COMPS_SHIFT));
      case 'number': {
        const text = n.parsed !== undefined;
        if (text) (this.texts ??= new Map()).set(slot, n);
        if (n.parsed?.percent) return this.set(slot, pct | NO_FIGURE | TEXT | (1 << COMPS_SHIFT));
        const decimals = n.parsed ? n.parsed.decimals : (factsDecimals(facts) ?? valueDecimals(n.value));
        this.values[slot] = n.value;
        return this.set(slot, pct | packFigure(1, decimals, decimals > 0 || isCoarseUnit(n.parsed?.unit) || this.coarseAt(row, col), text));
      }
      case 'compound': {
        (this.texts ??= new Map()).set(slot, n);
        // Asked without a component, a compound cell gives its first.
        const part = n.parts[0];
        if (!part || part.percent) return this.set(slot, pct | withComps(NO_FIGURE | TEXT, n.parts.length));
        this.values[slot] = part.value;
        return this.set(slot, pct | packFigure(n.parts.length, part.decimals, part.decimals > 0 || isCoarseUnit(part.unit), true));
      }
      default:
        // Words, a typo, an error, a date: kept, since the cell checks ask for their reading too.
        (this.texts ??= new Map()).set(slot, n);
        return this.set(slot, pct | NO_FIGURE | TEXT | (1 << COMPS_SHIFT));
    }
  }

  /** Stores a data cell's packed reading; returns its kind. */
  private set(slot: number, meta: number): number {
    this.meta[slot] = meta;
    return meta & KIND_MASK;
  }

  private coarseAt(row: number, col: number): boolean {
    return (this.coarseCols !== undefined && this.coarseCols.has(col)) || (this.coarseRows !== undefined && this.coarseRows.has(row));
  }

  /**
   * Components of the cell at a slot when it is read already (a data cell whose kindAt was asked); 0 when not
   * known yet (a label cell), and 255 for that many or more.
   */
  knownComponentsAt(slot: number): number {
    return (this.meta[slot] & COMPS_MASK) >>> COMPS_SHIFT;
  }

  /** Components of the cell at a slot: 2 for "22(22)", 1 for a plain figure, a blank or words. */
  componentsAtSlot(slot: number, row: number, col: number): number {
    let k = (this.meta[slot] & COMPS_MASK) >>> COMPS_SHIFT;
    if (k === 0) {
      if (col >= this.firstDataCol) this.load(slot);
      else {
        // A label cell is read for its components only when asked (rare: the equation of a label total).
        const n = readNumeric(this.sheet.cells[row]?.[col]);
        this.meta[slot] = withComps(this.meta[slot], n.kind === 'compound' ? n.parts.length : 1);
      }
      k = (this.meta[slot] & COMPS_MASK) >>> COMPS_SHIFT;
    }
    // 255 stands for "that many or more": read the cell again for the count.
    return k === 255 ? this.components(row, col, true) : k;
  }

  numeric(row: number, col: number): NumericCell {
    const slot = this.slot(row, col);
    if (slot >= 0 && col >= this.firstDataCol) {
      this.kindAt(slot);
      const text = this.isText(slot) ? this.texts?.get(slot) : undefined;
      if (text) return text;
    }
    return readNumeric(this.sheet.cells[row]?.[col]);
  }

  /** Number of components a cell holds: 2 for "22(22)", 1 for a plain figure or a blank. */
  components(row: number, col: number, uncached = false): number {
    const slot = uncached ? -1 : this.slot(row, col);
    if (slot >= 0) return this.componentsAtSlot(slot, row, col);
    const n = readNumeric(this.sheet.cells[row]?.[col]);
    return n.kind === 'compound' ? n.parts.length : 1;
  }

  isLabelCol(col: number): boolean {
    return col < this.firstDataCol;
  }

  figure(ref: CellRef): Figure | null {
    return this.figureAt(ref.row, ref.col, ref.comp);
  }

  /** figure() without building a reference; each figure object is made once, so a caller may ask again. */
  figureAt(row: number, col: number, comp: number | undefined): Figure | null {
    const slot = this.slot(row, col);
    if (slot < 0) return this.read({ row, col, comp });
    const kind = this.kindAt(slot);
    const text = this.isText(slot);
    // A component of a compound cell (or of a text figure) is read from the cell's own reading.
    if (comp !== undefined && col >= this.firstDataCol && (text || kind === FIGURE)) {
      if (text && this.texts?.get(slot)?.kind === 'compound') return this.component(slot, row, col, comp);
      // A plain figure in a compound column stands for every component only when it is zero ('-').
      if (comp > 0 && kind === FIGURE && this.values[slot] !== 0) return null;
    }
    if (kind === NO_FIGURE) return null;
    if (kind === BLANK) return col >= this.firstDataCol ? EMPTY_FIGURE : null;
    const objects = (this.plainObjects ??= new Array<Figure | null | undefined>(this.meta.length));
    let f = objects[slot];
    if (f === undefined) {
      // A number the spreadsheet holds is told whole by the flat arrays; text and label cells are read again.
      f =
        text || col < this.firstDataCol || this.decimalsAt(slot) >= MAX_DECIMALS
          ? this.read({ row, col, comp: undefined })
          : { value: this.values[slot], decimals: this.decimalsAt(slot), empty: false, unit: undefined, rounded: this.roundedAt(slot) };
      objects[slot] = f;
    }
    return f;
  }

  private component(slot: number, row: number, col: number, comp: number): Figure | null {
    const key = slot * 64 + comp + 1;
    const objects = (this.componentObjects ??= new Map());
    let f = objects.get(key);
    if (f === undefined) {
      f = this.read({ row, col, comp });
      objects.set(key, f);
    }
    return f;
  }

  private read(ref: CellRef): Figure | null {
    if (this.isLabelCol(ref.col)) {
      const v = this.sheet.cells[ref.row]?.[ref.col]?.v;
      if (typeof v !== 'string') return null;
      const total = labelTotal(v);
      return total === null || total === undefined ? null : { value: total, decimals: 0, empty: false, rounded: false };
    }
    const n = this.numeric(ref.row, ref.col);
    switch (n.kind) {
      case 'empty':
        return { value: 0, decimals: 0, empty: true, rounded: false };
      case 'number': {
        // A plain figure in a compound column stands for every component only when it is zero ('-').
        if (ref.comp !== undefined && ref.comp > 0 && n.value !== 0) return null;
        if (n.parsed?.percent) return null;
        const cell = this.sheet.cells[ref.row]?.[ref.col];
        const decimals = n.parsed ? n.parsed.decimals : (formatDecimals(cell?.fmt) ?? valueDecimals(n.value));
        const rounded = decimals > 0 || isCoarseUnit(n.parsed?.unit) || this.coarseAt(ref.row, ref.col);
        return { value: n.value, decimals, empty: false, unit: n.parsed?.unit, rounded };
      }
      case 'compound': {
        const part = n.parts[ref.comp ?? 0];
        if (!part || part.percent) return null;
        return { value: part.value, decimals: part.decimals, empty: false, unit: part.unit, rounded: part.decimals > 0 || isCoarseUnit(part.unit) };
      }
      default:
        return null;
    }
  }
}

/** One reader per sheet and table, shared by inference and the checks so each cell is parsed once. */
const shared = new WeakMap<SheetGrid, Map<string, TableFigures>>();

export function figuresOf(sheet: SheetGrid, layout: TableLayout): TableFigures {
  let bySheet = shared.get(sheet);
  if (!bySheet) {
    bySheet = new Map();
    shared.set(sheet, bySheet);
  }
  let figures = bySheet.get(layout.id);
  const same = (l: TableLayout) => l.labelCols === layout.labelCols && l.unit === layout.unit && l.captions.length === layout.captions.length;
  if (!figures || !same(figures.layout)) {
    figures = new TableFigures(sheet, layout);
    bySheet.set(layout.id, figures);
  }
  return figures;
}
