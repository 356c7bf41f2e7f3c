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
  return COARSE_UNITS.has(unit.replace(/\s+/g, ''));
}

/** Decimal places a number format shows ('#,##0.0' → 1); undefined when the format does not say. */
const fmtDecimals = new Map<string, number | undefined>();

function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt) return undefined;
  if (fmtDecimals.has(fmt)) return fmtDecimals.get(fmt);
  const d = readFormatDecimals(fmt);
  if (fmtDecimals.size > 1000) fmtDecimals.clear();
  fmtDecimals.set(fmt, d);
  return d;
}

function readFormatDecimals(fmt: string): number | undefined {
  const first = fmt.split(';')[0].replace(/"[^"]*"/g, '');
  const m = /[0#?]\.([0#?]+)/.exec(first);
  if (m) return m[1].length;
  return /[0#]/.test(first) ? 0 : undefined;
}

function valueDecimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(Number(value.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, 10);
}

/** Reads a table's cells once each and answers figure questions about them. */
export class TableFigures {
  private readonly cache = new Map<number, NumericCell>();
  private readonly figureCache = new Map<number, Figure | null>();
  private readonly width: number;
  private readonly firstDataCol: number;
  /** The table's unit line names one coarse unit: every figure is rounded (with several, see coarseCols). */
  readonly tableCoarse: boolean;
  /** Columns and rows whose own label names a coarse unit ('금액(백만원)'), or money under a two-unit line. */
  private readonly coarseCols = new Set<number>();
  private readonly coarseRows = new Set<number>();

  constructor(
    readonly sheet: SheetGrid,
    readonly layout: TableLayout,
  ) {
    this.width = layout.range.c1 + 1;
    this.firstDataCol = layout.range.c0 + layout.labelCols;
    // '(단위 : 건, 백만원)': columns carry their own units, and counts (건수) add up exactly beside 백만원 amounts.
    const ownUnits = layout.columns.some((c) => !c.isLabel && c.unit !== undefined);
    const unitCoarse = isCoarseUnit(layout.unit);
    this.tableCoarse = unitCoarse && !ownUnits;
    if (ownUnits) {
      for (const c of layout.columns) if (!c.isLabel && (c.unit !== undefined ? isCoarseUnit(c.unit) : unitCoarse)) this.coarseCols.add(c.col);
    }
    if (!this.tableCoarse) {
      // '(단위 : 건, 백만원)': the money lines are in 백만원 although the table's unit reads 건.
      const twoUnits = layout.captions.some((c) => (c.kind === 'unit' || c.kind === 'basis') && COARSE_WORD.test(c.text.replace(/\s+/g, '')));
      const coarseLine = (path: readonly string[]) => {
        // Most labels name no unit at all: a quick look spares the regular expressions.
        if (!twoUnits && !path.some((p) => p.includes('원'))) return false;
        const text = path.join(' ').replace(/\s+/g, '');
        return COARSE_WORD.test(text) || (twoUnits && MONEY_LINE.test(text));
      };
      for (const c of layout.columns) if (!c.isLabel && coarseLine(c.path)) this.coarseCols.add(c.col);
      for (const r of layout.rows) if (coarseLine(r.path)) this.coarseRows.add(r.row);
    }
  }

  numeric(row: number, col: number): NumericCell {
    const key = row * this.width + col;
    let n = this.cache.get(key);
    if (!n) {
      n = readNumeric(this.sheet.cells[row]?.[col]);
      this.cache.set(key, n);
    }
    return n;
  }

  /** Number of components a cell holds: 2 for "22(22)", 1 for a plain figure or a blank. */
  components(row: number, col: number): number {
    const n = this.numeric(row, col);
    return n.kind === 'compound' ? n.parts.length : 1;
  }

  isLabelCol(col: number): boolean {
    return col < this.firstDataCol;
  }

  figure(ref: CellRef): Figure | null {
    return this.figureAt(ref.row, ref.col, ref.comp);
  }

  /** figure() without building a reference; cached, so inference can ask again for every candidate. */
  figureAt(row: number, col: number, comp: number | undefined): Figure | null {
    const key = (row * this.width + col) * 64 + (comp === undefined ? 0 : comp + 1);
    let f = this.figureCache.get(key);
    if (f === undefined) {
      f = this.read({ row, col, comp });
      this.figureCache.set(key, f);
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
        const rounded = decimals > 0 || isCoarseUnit(n.parsed?.unit) || this.coarseCols.has(ref.col) || this.coarseRows.has(ref.row);
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
