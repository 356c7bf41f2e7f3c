/**
 * Amount captions directly above a table: "□ 2021년 소요예산 : 19,000천원" refers to the 계 row × 2021년 cell,
 * "□ 소요예산 : 182,170천원" (no year) to the plan year's cell, "□ 인 력 : 정원 22명(현원 22명)" to the
 * 합계 cell "22(22)" component by component. "미정", "비예산" and "※" lines state nothing to check.
 */
import type { Cell, CellRef, SheetGrid } from '../grid/types';
import type { CheckOptions } from '../model/options';
import type { CaptionLine, Relation, TableLayout } from '../model/table';
import { memoByString } from '../labels/memo';
import { readCell } from './evaluate';
import { cellAt, isTotalLabel, normalizeText, pathDepth, pathLeaf } from './axis-lines';

/** Won-based units and what one of each is worth in 원. */
const MONEY: Record<string, number> = { 원: 1, 천원: 1e3, 만원: 1e4, 백만원: 1e6, 천만원: 1e7, 억원: 1e8, 십억원: 1e9, 조원: 1e12 };
const COUNTS = ['명', '건', '회', '개'];

export function moneyFactor(unit: string | undefined): number | undefined {
  if (unit === undefined) return undefined;
  // Units are nearly always written without spaces: looked up as they stand first.
  return MONEY[unit] ?? MONEY[unit.replace(/\s+/g, '')];
}

export interface CaptionFigure {
  value: number;
  decimals: number;
  unit: string;
  /** The word before the figure: '정원', '현원'. */
  qualifier?: string;
}

export type CaptionSubject = 'budget' | 'staff';

export interface CaptionAmount {
  subject: CaptionSubject;
  /** The label before the colon, normalised: '2021년소요예산'. */
  label: string;
  year?: number;
  /** One figure, or two for "정원 22명(현원 22명)". */
  figures: CaptionFigure[];
}

const UNIT_RE = '(천원|백만원|천만원|십억원|만원|억원|조원|원|명|건|회|개)';
const FIGURE_RE = `(?:([가-힣]+)\\s*)?(\\d[\\d,]*(?:\\.\\d+)?)\\s*${UNIT_RE}`;
const VALUE_RE = new RegExp(`^${FIGURE_RE}(?:\\s*\\(\\s*${FIGURE_RE}\\s*\\))?$`);
const BULLETS = /^[□■○●◦◎▶▷►➔⇒→\-–·•\s]+/;
const NO_AMOUNT = /미정|비예산|해당없음|없음|추후|별도/;
const UNIT_OR_BASIS_SYLLABLE = /[단기\u1100-\u11ff]/;

/** True for a line that only says what the unit or the date of the figures is: "(단위 : 천원)", "<단위 : 건, 천원>", "(2020. 10월말 기준)". */
export function isUnitOrBasisLine(text: string): boolean {
  // Either word needs its first syllable in the text (or conjoining jamo that compose into it): most lines are
  // titles and are spared normalising.
  if (!UNIT_OR_BASIS_SYLLABLE.test(text)) return false;
  const t = normalizeText(text);
  return /^[(<〈［[].*(단위|기준).*[)>〉］\]]$/.test(t) || /^단위:/.test(t);
}

/**
 * What a caption states. Only the report's own phrases count: "N년 소요예산" (and 소요재원, 소요자원) is the 계
 * row's figure for that year; "총사업비" or "사업비" may reach beyond the years the table shows, so they are
 * not checked.
 */
function subjectOf(label: string): CaptionSubject | null {
  if (/^(인력|인원|정원)$/.test(label.replace(/^[□○◦\-·]+/, ''))) return 'staff';
  if (/사업비/.test(label)) return null;
  if (/소요예산|소요재원|소요자원|^(?:(?:19|20)\d{2}|['‘’]\d{2})년도?예산액?$/.test(label)) return 'budget';
  return null;
}

function figure(qualifier: string | undefined, digits: string, unit: string): CaptionFigure {
  const frac = /\.(\d+)$/.exec(digits);
  const out: CaptionFigure = { value: Number(digits.replace(/,/g, '')), decimals: frac ? frac[1].length : 0, unit };
  if (qualifier) out.qualifier = qualifier;
  return out;
}

/**
 * Read a caption line. Null when the line states no amount to check: not a "label : amount" line, a "※" note,
 * "미정" / "비예산", or anything but a plain figure with its unit after the colon.
 */
export function parseCaptionAmount(text: string): CaptionAmount | null {
  // Only a "label : amount" line states an amount, and no normalisation makes a colon: most lines stop here.
  if (!text.includes(':') && !text.includes('：')) return null;
  return parseColonLine(text);
}

const parseColonLine = memoByString((text: string): CaptionAmount | null => {
  let t = text.normalize('NFC').replace(/\*\*/g, '').trim();
  if (t.startsWith('※')) return null;
  t = t.replace(BULLETS, '');
  const colon = t.search(/[:：]/);
  if (colon < 0) return null;
  const label = normalizeText(t.slice(0, colon));
  const value = t.slice(colon + 1).trim().replace(/[.。]$/, '');
  const subject = subjectOf(label);
  if (!subject || NO_AMOUNT.test(value)) return null;
  const m = VALUE_RE.exec(value);
  if (!m) return null;
  const figures = [figure(m[1], m[2], m[3])];
  if (m[5] !== undefined) figures.push(figure(m[4], m[5], m[6]));
  if (subject === 'staff' ? figures.some((f) => !COUNTS.includes(f.unit)) : figures.some((f) => !MONEY[f.unit])) return null;
  const out: CaptionAmount = { subject, label, figures };
  const year = /((?:19|20)\d{2})년/.exec(label) ?? /^[‘'’](\d{2})년?/.exec(label);
  if (year) out.year = year[1].length === 2 ? 2000 + Number(year[1]) : Number(year[1]);
  return out;
});

/** A caption line as found on the sheet. */
export interface CaptionText {
  row: number;
  col: number;
  text: string;
}

/** The text cells of one row within a column span. */
function rowTexts(sheet: SheetGrid, row: number, span: { c0: number; c1: number }): CaptionText[] {
  const out: CaptionText[] = [];
  const cells = sheet.cells[row] ?? [];
  for (let col = span.c0; col <= span.c1 && col < cells.length; col++) {
    const cell = cells[col];
    if (cell && cell.v !== null && cell.v !== undefined && String(cell.v).trim() !== '') {
      out.push({ row, col, text: String(cell.v) });
    }
  }
  return out;
}

/**
 * Where a table's own lines may sit: its columns (a unit line may stand one column past its right edge), and as
 * far left as the captions detection gave it. A table beside it has its own lines, which are not this one's.
 */
function lineSpan(layout: TableLayout): { c0: number; c1: number } {
  let c0 = layout.range.c0;
  for (const c of layout.captions) c0 = Math.min(c0, c.col);
  return { c0, c1: layout.range.c1 + 1 };
}

const LOOK_AROUND = 8;

/**
 * The one-cell text lines directly above a table, nearest first: the layout's captions, and what the sheet
 * holds there in the table's own columns (so a caption detection left out is still seen). Stops at a row of
 * several cells (another table).
 */
export function linesAbove(sheet: SheetGrid, layout: TableLayout): CaptionText[] {
  const found = new Map<number, CaptionText>();
  for (const c of layout.captions) if (c.row < layout.range.r0) found.set(c.row, { row: c.row, col: c.col, text: c.text });
  const span = lineSpan(layout);
  for (let r = layout.range.r0 - 1; r >= 0 && r >= layout.range.r0 - LOOK_AROUND; r--) {
    const texts = rowTexts(sheet, r, span);
    if (texts.length > 1) break;
    if (texts.length === 1 && !found.has(r)) found.set(r, texts[0]);
  }
  return [...found.values()].sort((a, b) => b.row - a.row);
}

/** The text lines directly under a table, nearest first (footnotes, prose about the table). */
export function linesBelow(sheet: SheetGrid, layout: TableLayout): CaptionText[] {
  const found = new Map<number, CaptionText>();
  for (const c of layout.captions) if (c.row > layout.range.r1) found.set(c.row, { row: c.row, col: c.col, text: c.text });
  const span = lineSpan(layout);
  for (let r = layout.range.r1 + 1; r <= layout.range.r1 + LOOK_AROUND && r < sheet.cells.length; r++) {
    const texts = rowTexts(sheet, r, span);
    if (texts.length > 1) break;
    if (texts.length === 1 && !found.has(r)) found.set(r, texts[0]);
  }
  return [...found.values()].sort((a, b) => a.row - b.row);
}

/**
 * The caption stating the table's amount: the nearest line above that states one, passing over unit, basis
 * and "※" lines; any other line ends the search (what sits above it is about something else). The lines are
 * linesAbove's, walked nearest first without collecting them: the first title line usually ends the walk.
 */
export function amountCaption(sheet: SheetGrid, layout: TableLayout): { line: CaptionText; amount: CaptionAmount } | null {
  const { r0 } = layout.range;
  const span = lineSpan(layout);
  const scanEnd = Math.max(0, r0 - LOOK_AROUND);
  let bottom = scanEnd;
  for (const c of layout.captions) if (c.row < bottom) bottom = c.row;
  let scanning = true;
  for (let r = r0 - 1; r >= bottom; r--) {
    // The layout's caption on this row (the last one, as linesAbove keeps it) before what the sheet holds there.
    let caption: CaptionLine | undefined;
    for (const c of layout.captions) if (c.row === r) caption = c;
    let col = caption?.col ?? -1;
    let text = caption?.text;
    if (scanning && r >= scanEnd) {
      const found = soleText(sheet, r, span);
      if (found === MANY) scanning = false;
      else if (found >= 0 && caption === undefined) {
        col = found;
        text = String(sheet.cells[r]![found]!.v);
      }
    }
    if (text === undefined) continue;
    const trimmed = text.trim();
    if (isUnitOrBasisLine(trimmed) || trimmed.startsWith('※')) continue;
    const amount = parseCaptionAmount(trimmed);
    return amount ? { line: { row: r, col, text }, amount } : null;
  }
  return null;
}

const MANY = -2;

/** The column of the one text cell of a row within a span; -1 when there is none, MANY when there are several. */
function soleText(sheet: SheetGrid, row: number, span: { c0: number; c1: number }): number {
  const cells = sheet.cells[row];
  if (!cells) return -1;
  let found = -1;
  for (let col = span.c0; col <= span.c1 && col < cells.length; col++) {
    const v = cells[col]?.v;
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    if (found >= 0) return MANY;
    found = col;
  }
  return found;
}

const PLAN_YEAR_RE = /((?:19|20)\d{2})년\s*소요\s*(?:예산|재원|자원)/;

/** The report's plan year: the year most "N년 소요예산" captions name (ties: the later year). */
export function inferPlanYear(sheets: SheetGrid[]): number | undefined {
  const counts = new Map<number, number>();
  for (const sheet of sheets) {
    const { cells } = sheet;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c]?.v;
        // Every such caption holds 소 (of 소요): other texts are spared the pattern.
        if (typeof v !== 'string' || !v.includes('소')) continue;
        const m = PLAN_YEAR_RE.exec(v.includes('*') ? v.replace(/\*\*/g, '') : v);
        if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      }
    }
  }
  let best: number | undefined;
  for (const [year, n] of counts) {
    const bestN = best === undefined ? 0 : (counts.get(best) ?? 0);
    if (n > bestN || (n === bestN && best !== undefined && year > best)) best = year;
  }
  return best;
}

/**
 * The 계 line among a table's rows or body columns (label columns are passed over): one labelled 계/합계 … with
 * no group above it, else the first so labelled; the only line when there is one. Read from the layout's paths:
 * no Line is made for this.
 */
function totalLine<T extends { path: string[]; isLabel?: boolean }>(lines: readonly T[]): T | undefined {
  let first: T | undefined;
  let only: T | undefined;
  let count = 0;
  for (const line of lines) {
    if (line.isLabel) continue;
    count++;
    only = line;
    if (!isTotalLabel(pathLeaf(line.path))) continue;
    if (pathDepth(line.path) <= 1) return line;
    first ??= line;
  }
  return first ?? (count === 1 ? only : undefined);
}

function targetCell(layout: TableLayout, amount: CaptionAmount, year: number | undefined): CellRef | null {
  const row = totalLine(layout.rows)?.row;
  if (row === undefined) return null;
  if (amount.subject === 'budget') {
    let dated = false;
    let matches = 0;
    let col = -1;
    for (const c of layout.columns) {
      if (c.isLabel || c.year === undefined) continue;
      dated = true;
      if (c.year === year) {
        matches++;
        col = c.col;
      }
    }
    // Year columns: the caption's year names the one.
    if (dated) return year !== undefined && matches === 1 ? { row, col } : null;
  }
  const col = totalLine(layout.columns)?.col;
  return col === undefined ? null : { row, col };
}

/** The unit of the figures in one column: its own when the layout gives one, else the table's. */
export function unitOfColumn(layout: Pick<TableLayout, 'unit' | 'columns'>, col: number): string | undefined {
  const column = layout.columns.find((c) => c.col === col) as { unit?: string } | undefined;
  return column?.unit ?? layout.unit;
}

const planYearOfSheet = new WeakMap<SheetGrid, number | null>();

/** The plan year one sheet's captions name, computed once per sheet (a sheet may hold a thousand tables). */
function sheetPlanYear(sheet: SheetGrid): number | undefined {
  let year = planYearOfSheet.get(sheet);
  if (year === undefined) {
    year = inferPlanYear([sheet]) ?? null;
    planYearOfSheet.set(sheet, year);
  }
  return year ?? undefined;
}

/** How many figures a compound cell ("22(22)") holds; null for any other cell (only text is ever compound). */
function compoundParts(cell: Cell | null): number | null {
  if (typeof cell?.v !== 'string') return null;
  const n = readCell(cell);
  return n.kind === 'compound' ? n.parts.length : null;
}

/** Caption relations of one table (at most one caption; two relations for a "정원 N명(현원 M명)" caption). */
export function inferCaptionRelations(sheet: SheetGrid, layout: TableLayout, options?: Partial<CheckOptions>): Relation[] {
  const out: Relation[] = [];
  inferCaptionRelationsInto(sheet, layout, options, out);
  return out;
}

/** inferCaptionRelations, appended to `out` (inferRelations gathers every rule's in one list). */
export function inferCaptionRelationsInto(sheet: SheetGrid, layout: TableLayout, options: Partial<CheckOptions> | undefined, out: Relation[]): void {
  if (layout.kind === 'text') return;
  const found = amountCaption(sheet, layout);
  if (!found) return;
  const { line, amount } = found;
  const year = amount.year ?? options?.planYear ?? sheetPlanYear(sheet);
  const cell = targetCell(layout, amount, year);
  if (!cell) return;
  const unit = unitOfColumn(layout, cell.col);
  const tableFactor = moneyFactor(unit);
  const family = `caption:${line.row}`;
  const parts = compoundParts(cellAt(sheet, cell.row, cell.col));
  for (let i = 0; i < amount.figures.length; i++) {
    const fig = amount.figures[i];
    let value = fig.value;
    const captionFactor = moneyFactor(fig.unit);
    if (captionFactor !== undefined && tableFactor !== undefined) value = (fig.value * captionFactor) / tableFactor;
    else if (captionFactor !== undefined && unit !== undefined && tableFactor === undefined) continue;
    let ref: CellRef = cell;
    if (amount.figures.length > 1) {
      if (parts !== amount.figures.length) continue;
      ref = { ...cell, comp: i };
    } else if (parts !== null) {
      continue;
    }
    const captionRef: CellRef = { row: line.row, col: line.col };
    if (amount.figures.length > 1) captionRef.comp = i;
    const rel: Relation = { type: 'caption', caption: captionRef, amount: value, cell: ref, family };
    if (amount.subject === 'budget' && year !== undefined) rel.year = year;
    out.push(rel);
  }
}
