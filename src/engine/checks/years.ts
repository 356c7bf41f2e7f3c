/**
 * Year checks. `year.sequence`: the years a table's columns (or rows) stand for must run one by one in one
 * direction, each once ('2020년 2021년 2022년 2023년' or '2020 2019 2018'); a 계/합계 line among them is fine,
 * and so is a year group spanning several lines (the lawsuit table's 2020 {계, 행정소송, 민사소송}).
 * `year.span` (workbook level): tables of the same kind covering different years.
 */
import { rangeToA1, toA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { severityOf, type Finding } from '../model/finding';
import type { ColumnInfo, RowInfo, Table, TableLayout } from '../model/table';
import { type Axis, type Line, cellAt, lineYear, linesOf, normalizeText, yearInLabel, yearLevel } from '../relations/axis-lines';

const AXES: readonly Axis[] = ['col', 'row'];

/** One appearance of a year: a line, or a run of lines under one year group. */
interface Occurrence {
  year: number;
  first: Line;
  /** Header paths of the lines folded in, made only once a second line of the same year comes. */
  paths?: Set<string>;
}

/** The header levels above the one naming the year: years under 정례회 and under 임시회 are separate runs. */
function outerKey(line: Line): string {
  return outerKeyOfPath(line.path);
}

/**
 * outerKey of a header path as drawn: its normalised levels above the first naming a year, joined ('' when that
 * is the top level, or no level names a year). Read without making the Line; a lone level is its own key.
 */
function outerKeyOfPath(path: readonly string[]): string {
  let first = '';
  let levels = 0;
  for (let i = 0; i < path.length; i++) {
    const norm = normalizeText(path[i]);
    if (norm === '') continue;
    if (yearInLabel(norm) !== null) {
      if (levels <= 1) return first;
      return path.slice(0, i).map(normalizeText).filter((p) => p !== '').join('/');
    }
    if (levels === 0) first = norm;
    levels++;
  }
  return '';
}

/**
 * True when the dated lines of an axis, in order, lie under one outer group and their years step by one in one
 * direction (fewer than two dated lines included): the one sequence yearSequences would make, which
 * firstYearProblem passes. Most tables are so; this reads the layout without making Lines or sequences.
 */
function runsCleanly(layout: TableLayout, axis: Axis): boolean {
  const lines: readonly (ColumnInfo | RowInfo)[] = axis === 'col' ? layout.columns : layout.rows;
  let group: string | undefined;
  let last = 0;
  let step = 0;
  for (const line of lines) {
    if (line.year === undefined || (axis === 'col' && (line as ColumnInfo).isLabel)) continue;
    const key = outerKeyOfPath(line.path);
    if (group === undefined) group = key;
    else {
      const s = line.year - last;
      if (key !== group || (s !== 1 && s !== -1) || (step !== 0 && s !== step)) return false;
      step = s;
    }
    last = line.year;
  }
  return true;
}

/** How many lines of an axis name a year (what the layout says: detection decides what is a year header). */
function datedCount(layout: TableLayout, axis: Axis): number {
  let n = 0;
  if (axis === 'col') {
    for (const c of layout.columns) if (c.year !== undefined && !c.isLabel) n++;
  } else {
    for (const r of layout.rows) if (r.year !== undefined) n++;
  }
  return n;
}

/**
 * The years along one axis, in order, one sequence per outer header group (정례회 {2019년, 2020년} and
 * 임시회 {2019년, 2020년} are two); runs of one year group folded into one occurrence.
 */
export function yearSequences(layout: TableLayout, axis: Axis): Occurrence[][] {
  if (datedCount(layout, axis) < 2) return [];
  const groups = new Map<string, Occurrence[]>();
  for (const line of linesOf(layout, axis)) {
    const year = lineYear(line);
    if (year === undefined) continue;
    const group = outerKey(line);
    let out = groups.get(group);
    if (!out) groups.set(group, (out = []));
    const last = out[out.length - 1];
    // Same year again right after, under a path not seen yet and the same year label: another line of the same
    // year group (2020 {계, 행정소송}). Two labels naming one year ('2019년', '2019년(예산)') are a duplicate.
    if (last && last.year === year) {
      const key = line.norm.join('/');
      const paths = (last.paths ??= new Set([last.first.norm.join('/')]));
      if (!paths.has(key) && sameYearLabel(last.first, line)) {
        paths.add(key);
        continue;
      }
    }
    out.push({ year, first: line });
  }
  return [...groups.values()];
}

/** The two lines share the label that names their year, and every level above it. */
function sameYearLabel(a: Line, b: Line): boolean {
  const level = yearLevel(a);
  if (level < 0 || level !== yearLevel(b)) return false;
  for (let i = 0; i <= level; i++) if (a.norm[i] !== b.norm[i]) return false;
  return true;
}

/** The header cell that shows a line's year (for rows: the label cell; for columns: the header cell above). */
function yearCell(sheet: SheetGrid | null, layout: TableLayout, line: Pick<Line, 'axis' | 'index'>, year: number): string {
  if (line.axis === 'col') {
    const covering = layout.headers.filter((h) => line.index >= h.col && line.index < h.col + h.colSpan);
    const named = covering.find((h) => yearInLabel(h.text) === year) ?? covering.find((h) => h.text.includes(String(year)));
    if (named) return toA1(named.row, named.col);
    return toA1(layout.range.r0 + Math.max(0, layout.headerRows - 1), line.index);
  }
  for (let c = layout.range.c0; c < layout.range.c0 + Math.max(1, layout.labelCols); c++) {
    const v = sheet ? cellAt(sheet, line.index, c)?.v : null;
    if (v !== null && v !== undefined && yearInLabel(String(v)) === year) return toA1(line.index, c);
  }
  return toA1(line.index, layout.range.c0);
}

type Problem = 'duplicate' | 'order' | 'skip';

interface SequenceProblem {
  at: number;
  problem: Problem;
  expected: number;
}

function scan(years: number[], direction: number): SequenceProblem | null {
  const seen = new Set<number>([years[0]]);
  const steps = years.slice(1).map((y, i) => y - years[i]);
  const sizes = steps.map(Math.abs);
  const regular = years.length >= 3 && sizes.every((s) => s === sizes[0]) && sizes[0] > 1;
  // Two years far apart compare two points in time (2010 vs 2020); two or three apart is a slip.
  const unit = regular ? sizes[0] : sizes.includes(1) || years.length > 2 ? 1 : sizes[0] >= 4 ? sizes[0] : 1;
  for (let i = 1; i < years.length; i++) {
    const expected = years[i - 1] + direction * unit;
    if (seen.has(years[i])) return { at: i, problem: 'duplicate', expected };
    seen.add(years[i]);
    if (Math.sign(steps[i - 1]) !== direction) return { at: i, problem: 'order', expected };
    if (sizes[i - 1] !== unit) return { at: i, problem: 'skip', expected };
  }
  return null;
}

/** 2020, 2021, 2022 or 2022, 2021, 2020: the usual clean run, which scan would pass. */
function runsOneByOne(years: number[]): boolean {
  const step = years[1] - years[0];
  if (step !== 1 && step !== -1) return false;
  for (let i = 2; i < years.length; i++) if (years[i] - years[i - 1] !== step) return false;
  return true;
}

/**
 * The problem in a sequence of years, or null when it runs cleanly (regular steps of 5 or 10 are fine).
 * When one year alone is out of line (2019, 2021, 2022, 2023: the first), that year is named.
 */
export function firstYearProblem(years: number[]): SequenceProblem | null {
  if (years.length < 2) return null;
  if (runsOneByOne(years)) return null;
  const steps = years.slice(1).map((y, i) => y - years[i]);
  const up = steps.filter((s) => s > 0).length;
  const down = steps.filter((s) => s < 0).length;
  const direction = up === down ? Math.sign(steps.find((s) => s !== 0) ?? 0) || 1 : up > down ? 1 : -1;
  const first = scan(years, direction);
  if (!first) return null;
  const fixes = (j: number, value: number) => scan(years.map((y, i) => (i === j ? value : y)), direction) === null;
  const order = [first.at, ...years.map((_, j) => j).filter((j) => j !== first.at)];
  for (const j of order) {
    const value = j > 0 ? years[j - 1] + direction : years[1] - direction;
    if (!fixes(j, value)) continue;
    const elsewhere = years.some((y, i) => i !== j && y === years[j]);
    const before = j > 0 ? Math.sign(years[j] - years[j - 1]) : direction;
    const after = j < years.length - 1 ? Math.sign(years[j + 1] - years[j]) : direction;
    const problem: Problem = elsewhere ? 'duplicate' : before !== direction || after !== direction ? 'order' : 'skip';
    return { at: j, problem, expected: value };
  }
  return first;
}

/** `year.sequence` findings of one table: at most one per axis, on the first year header out of line. */
export function checkYears(sheet: SheetGrid, table: TableLayout): Finding[] {
  const findings: Finding[] = [];
  checkYearsInto(sheet, table, findings);
  return findings;
}

/** checkYears, appended to `findings` (checkTable gathers every check's in one list). */
export function checkYearsInto(sheet: SheetGrid, table: TableLayout, findings: Finding[]): void {
  if (table.kind === 'text') return;
  for (const axis of AXES) {
    if (runsCleanly(table, axis)) continue;
    const sequences = yearSequences(table, axis);
    let occurrences: Occurrence[] = [];
    let years: number[] = [];
    let problem: SequenceProblem | null = null;
    for (const sequence of sequences) {
      occurrences = sequence;
      years = sequence.map((o) => o.year);
      problem = firstYearProblem(years);
      if (problem) break;
    }
    if (!problem) continue;
    const occ = occurrences[problem.at];
    findings.push({
      rule: 'year.sequence',
      severity: severityOf('year.sequence'),
      sheet: sheet.name,
      cell: yearCell(sheet, table, occ.first, occ.year),
      expected: problem.expected,
      actual: occ.year,
      related: occurrences
        .filter((_, i) => i !== problem.at)
        .map((o) => yearCell(sheet, table, o.first, o.year)),
      table: table.id,
      params: { problem: problem.problem, years: years.join(', '), axis: axis === 'col' ? 'columns' : 'rows' },
    });
  }
}

interface Span {
  from: number;
  to: number;
  axis: Axis;
  /** The first line (in sheet order) naming the earliest year. */
  first: { axis: Axis; index: number };
}

/**
 * The years a table covers: its year columns, else its year rows (at least two different years). Folding year
 * groups changes neither the years nor the first line naming the earliest, so the layout is read directly.
 */
export function yearSpan(table: TableLayout): Span | null {
  for (const axis of AXES) {
    const lines: readonly (ColumnInfo | RowInfo)[] = axis === 'col' ? table.columns : table.rows;
    let from = Infinity;
    let to = -Infinity;
    let firstIndex = -1;
    for (const line of lines) {
      const year = line.year;
      if (year === undefined || (axis === 'col' && (line as ColumnInfo).isLabel)) continue;
      const index = axis === 'col' ? (line as ColumnInfo).col : (line as RowInfo).row;
      if (year < from || (year === from && index < firstIndex)) {
        from = year;
        firstIndex = index;
      }
      if (year > to) to = year;
    }
    if (from === to || firstIndex < 0) continue;
    return { from, to, axis, first: { axis, index: firstIndex } };
  }
  return null;
}

/** Kinds whose tables are comparable year by year; 'crosstab' and 'text' gather unlike tables. */
const COMPARABLE = (kind: TableLayout['kind']) => kind !== 'crosstab' && kind !== 'text';

/**
 * `year.span` warnings: among tables of one kind, those whose years differ from the span most of them cover
 * (ties: the span seen first).
 */
export function checkYearSpan(tables: Table[] | TableLayout[]): Finding[] {
  const spans = new YearSpans();
  for (const table of tables as TableLayout[]) spans.note(table);
  return spans.findings();
}

interface SpanEntry {
  table: TableLayout;
  span: Span;
  key: number | string;
}

/** How a span reads in a finding: '2019–2021'. */
export function spanText(span: Pick<Span, 'from' | 'to'>): string {
  return `${span.from}–${span.to}`;
}

const KEY_YEARS = 32768;

/**
 * One value per span, equal exactly when spanText is: a small number for years as they come (no string to make
 * or hash for each table), the text itself for anything else.
 */
export function spanKey(span: Pick<Span, 'from' | 'to'>): number | string {
  const { from, to } = span;
  return smallYear(from) && smallYear(to) ? from * KEY_YEARS + to : spanText(span);
}

function smallYear(y: number): boolean {
  return Number.isInteger(y) && y >= 0 && y < KEY_YEARS;
}

/**
 * The year spans of a workbook's tables, noted one table at a time (checkWorkbook notes each while it has the
 * table at hand), then compared: checkYearSpan in two steps.
 */
export class YearSpans {
  private readonly byKind = new Map<string, SpanEntry[]>();

  note(table: TableLayout): void {
    if (!COMPARABLE(table.kind)) return;
    const span = yearSpan(table);
    if (!span) return;
    const entry = { table, span, key: spanKey(span) };
    const list = this.byKind.get(table.kind);
    if (list) list.push(entry);
    else this.byKind.set(table.kind, [entry]);
  }

  findings(): Finding[] {
    return spanFindings(this.byKind);
  }
}

function spanFindings(byKind: Map<string, SpanEntry[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [kind, list] of byKind) {
    const counts = new Map<number | string, number>();
    for (const { key } of list) counts.set(key, (counts.get(key) ?? 0) + 1);
    if (counts.size < 2) continue;
    let common = list[0].key;
    for (const [k, n] of counts) if (n > (counts.get(common) ?? 0)) common = k;
    const model = list.find((t) => t.key === common);
    if (!model) continue;
    for (const { table, span, key } of list) {
      if (key === common) continue;
      findings.push({
        rule: 'year.span',
        severity: severityOf('year.span'),
        sheet: table.sheet,
        cell: yearCell(null, table, span.first, span.from),
        expected: spanText(model.span),
        actual: spanText(span),
        related: [`${model.table.sheet}!${rangeToA1(model.table.range)}`],
        table: table.id,
        params: {
          kind,
          expectedFrom: model.span.from,
          expectedTo: model.span.to,
          actualFrom: span.from,
          actualTo: span.to,
          tables: list.length,
        },
      });
    }
  }
  return findings;
}
