/**
 * Checks of single cells in a table's numeric body: error values, mistyped numbers, numbers stored as text,
 * and the report's writing style (thousands separators, '-' for zero, one money unit).
 *
 * Choices (so reviewers are not flooded):
 * - `number.text`: a cell whose text carries something a number cannot (a unit word "4회", a footnote mark
 *   "61,800 ¹⁾") or a compound ("22(22)") is written as text on purpose and is not reported; nor is '-'.
 *   When text figures are the minority of the table's figures, each is a slip (SUM skips text), one finding per
 *   cell. When most or all figures are text (a table pasted from the report's text), that is one fact about the
 *   table: one finding naming the first text cell, with the others in `related`.
 * - `format.style`: one finding per table per style issue (params.style 'grouping' | 'zero' | 'unit'); cell is
 *   the first offending cell, related the rest. Zeros written as 0 are the offenders when the table also writes
 *   '-' (the report's style); for money units, cells whose unit differs from the table's unit line (or from the
 *   unit most cells use).
 */
import { toA1 } from '../grid/a1';
import type { Cell, SheetGrid } from '../grid/types';
import { severityOf, type Finding, type RuleId } from '../model/finding';
import type { TableLayout } from '../model/table';
import { formatReportNumber } from '../numbers/format';
import { UNIT_WORDS, parseNumber } from '../numbers/parse';
import { readNumeric } from '../numbers/read-numeric';
import { figuresOf, type TableFigures } from '../relations/sum-values';
import type { NumericCell, ParsedNumber } from '../numbers/types';

interface BodyCell {
  row: number;
  col: number;
  cell: Cell | null | undefined;
  read: NumericCell;
}

type Params = NonNullable<Finding['params']>;

/**
 * What one pass over the body gathers for the table-wide checks (lists hold only the cells a finding may name,
 * and are made on their first cell: most tables have none), and the fields every finding of the table shares.
 */
class BodyFacts {
  /** Plain figures stored as text (number.text candidates), in body order. */
  textFigures: TextFigure[] | undefined;
  /** Figures stored as real numbers. */
  storedNumbers = 0;
  /** Figures of four or more digits shown with separators, and those shown without. */
  grouped = 0;
  ungrouped: BodyCell[] | undefined;
  /** Zeros shown as '-', and zeros shown as digits. */
  dashZeros = 0;
  digitZeros: BodyCell[] | undefined;
  /** Money figures with the unit written beside them. */
  money: { b: BodyCell; unit: string }[] | undefined;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly table: TableLayout,
  ) {}

  /** A finding of this table at one cell. */
  make(rule: RuleId, at: { row: number; col: number }, rest: Partial<Finding> = {}): Finding {
    return { rule, severity: severityOf(rule), sheet: this.sheet.name, cell: toA1(at.row, at.col), table: this.table.id, ...rest };
  }

  /**
   * make(rule, at, { expected, actual, params }), made whole: a table of text figures has one finding per cell, and
   * spreading into a literal copies slowly.
   */
  makeValued(rule: RuleId, at: { row: number; col: number }, expected: Finding['expected'], actual: Finding['actual'], params: Params): Finding {
    return { rule, severity: severityOf(rule), sheet: this.sheet.name, cell: toA1(at.row, at.col), table: this.table.id, expected, actual, params };
  }
}

export function checkCells(sheet: SheetGrid, table: TableLayout): Finding[] {
  if (table.kind === 'text') return [];
  const findings: Finding[] = [];
  const facts = readBody(sheet, table, findings);
  numbersAsText(facts, findings);
  groupingStyle(facts, findings);
  zeroStyle(facts, findings);
  unitStyle(facts, table, findings);
  return findings;
}

/**
 * One pass over the body cells, row by row: error values and mistyped numbers become findings at once (in body
 * order), the rest is tallied for the table-wide checks. A real number (most cells) is judged from the cell
 * alone; text goes through the table's figure reader, which inference already filled.
 */
function readBody(sheet: SheetGrid, table: TableLayout, findings: Finding[]): BodyFacts {
  const facts = new BodyFacts(sheet, table);
  if (table.rows.length === 0) return facts;
  // Text cells are read through the table's figure reader, fetched only when the body has one.
  let figures: TableFigures | undefined;
  const formats = new FormatReadings();
  for (const { row } of table.rows) {
    const line = sheet.cells[row];
    for (const column of table.columns) {
      if (column.isLabel) continue;
      const col = column.col;
      const cell = line?.[col];
      if (cell && typeof cell.v === 'number' && !cell.error && !cell.date) {
        // What readNumeric makes of a stored number: a figure, not from text, without a parsed form.
        const value = cell.v;
        facts.storedNumbers++;
        if (Math.abs(value) >= 1000) {
          if (formats.groups(cell.fmt)) facts.grouped++;
          else (facts.ungrouped ??= []).push({ row, col, cell, read: readNumeric(cell) });
        }
        if (value === 0) {
          const shown = formats.zero(cell.fmt);
          if (shown === 'dash') facts.dashZeros++;
          else if (shown === 'digits') (facts.digitZeros ??= []).push({ row, col, cell, read: readNumeric(cell) });
        }
        continue;
      }
      figures ??= figuresOf(sheet, table);
      const b: BodyCell = { row, col, cell, read: figures.numeric(row, col) };
      tally(b, facts, formats, findings);
    }
  }
  return facts;
}

/** Everything but a stored number: what checkCells makes of one body cell. */
function tally(b: BodyCell, facts: BodyFacts, formats: FormatReadings, findings: Finding[]): void {
  const r = b.read;
  if (r.kind === 'error') {
    findings.push(facts.make('value.error', b, { actual: r.code, params: { code: r.code } }));
    return;
  }
  if (r.kind === 'invalid') {
    const guess = guessMistyped(r.text);
    findings.push(facts.make('number.invalid', b, { actual: r.text, expected: guess, params: { text: r.text } }));
    return;
  }
  if (r.kind === 'compound') {
    for (const p of r.parts) if (p.unit?.endsWith('원')) (facts.money ??= []).push({ b, unit: p.unit });
    return;
  }
  if (r.kind !== 'number') return;
  if (isPlainTextFigure(b)) (facts.textFigures ??= []).push(b);
  if (Math.abs(r.value) >= 1000) {
    if (r.parsed ? r.parsed.grouped : formats.groups(b.cell?.fmt)) facts.grouped++;
    else (facts.ungrouped ??= []).push(b);
  }
  if (r.value === 0) {
    const shown = r.parsed ? (r.parsed.dash ? 'dash' : 'digits') : formats.zero(b.cell?.fmt);
    if (shown === 'dash') facts.dashZeros++;
    else if (shown === 'digits') (facts.digitZeros ??= []).push(b);
  }
  if (r.parsed?.unit?.endsWith('원')) (facts.money ??= []).push({ b, unit: r.parsed.unit });
}

const a1 = (b: { row: number; col: number }): string => toA1(b.row, b.col);

/** "12,5OO" → 12500 when swapping look-alike letters for digits and dropping stray spaces makes a figure. */
function guessMistyped(text: string): number | null {
  const fixed = text
    .replace(/[Oo]/g, '0')
    .replace(/[lI]/g, '1')
    .replace(/(\d)\s+(?=[\d,])/g, '$1')
    .replace(/,\s+/g, ',');
  return parseNumber(fixed)?.value ?? null;
}

/** Text holding a plain figure that could have been a number: not '-', not with a unit or a footnote. */
type TextFigure = BodyCell & { read: { kind: 'number'; value: number; parsed: ParsedNumber } };

function isPlainTextFigure(b: BodyCell): b is TextFigure {
  const r = b.read;
  return r.kind === 'number' && r.fromText && !!r.parsed && !r.parsed.dash && !r.parsed.unit && !r.parsed.footnote;
}

function numbersAsText(facts: BodyFacts, out: Finding[]): void {
  const text = facts.textFigures;
  if (!text) return;
  const stored = facts.storedNumbers;
  if (text.length < stored) {
    for (const b of text) {
      out.push(
        facts.makeValued('number.text', b, b.read.value, String(b.cell?.v ?? ''), { scope: 'cell', textCells: text.length, numberCells: stored }),
      );
    }
    return;
  }
  const [first, ...rest] = text;
  out.push(
    facts.make('number.text', first, {
      expected: first.read.value,
      actual: String(first.cell?.v ?? ''),
      related: rest.map(a1),
      params: { scope: 'table', textCells: text.length, numberCells: stored },
    }),
  );
}

/** One finding for a style issue: the first offender is the cell, the others related. */
function styleFinding(
  facts: BodyFacts,
  offenders: BodyCell[],
  params: Params,
  expected: Finding['expected'],
  actual: Finding['actual'],
): Finding {
  const [first, ...rest] = offenders;
  return facts.make('format.style', first, { expected, actual, related: rest.map(a1), params });
}

/**
 * What the body's number formats show, read once per run of cells with the same format: a table's figures
 * nearly always share one format, so the last answer is kept (for this table only).
 */
class FormatReadings {
  private groupsFmt: string | undefined;
  private groupsAnswer = false;
  private zeroFmt: string | undefined;
  private zeroAnswer: ZeroShown = 'digits';

  groups(fmt: string | undefined): boolean {
    if (fmt !== this.groupsFmt) {
      this.groupsFmt = fmt;
      this.groupsAnswer = formatGroups(fmt);
    }
    return this.groupsAnswer;
  }

  zero(fmt: string | undefined): ZeroShown {
    if (fmt !== this.zeroFmt) {
      this.zeroFmt = fmt;
      this.zeroAnswer = zeroShownAs(fmt);
    }
    return this.zeroAnswer;
  }
}

const GROUPING = /[#0?],[#0?]/;

/** Does a number format show thousands separators? ('#,##0;"△"#,##0;"-"' yes, 'General' / '0' no.) */
export function formatGroups(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // Usually the first section ends before any quote or escape ('#,##0;"△"#,##0'): it is then read as it stands.
  const plainEnd = firstSpecial(fmt);
  if (plainEnd === fmt.length || fmt.charCodeAt(plainEnd) === 59 /* ; */) return groupsBefore(fmt, plainEnd);
  const first = splitSections(fmt)[0] ?? '';
  return GROUPING.test(stripQuoted(first));
}

/** GROUPING.test(fmt.slice(0, end)), read in place: a ',' between two digit placeholders. */
function groupsBefore(fmt: string, end: number): boolean {
  for (let i = 1; i + 1 < end; i++) {
    if (fmt.charCodeAt(i) === 44 /* , */ && isPlaceholder(fmt.charCodeAt(i - 1)) && isPlaceholder(fmt.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** '#', '0' or '?'. */
function isPlaceholder(code: number): boolean {
  return code === 35 || code === 48 || code === 63;
}

/** Index of the first ';', '"' or backslash in a format (its length when there is none). */
function firstSpecial(fmt: string): number {
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charCodeAt(i);
    if (c === 59 /* ; */ || c === 34 /* " */ || c === 92 /* backslash */) return i;
  }
  return fmt.length;
}

function splitSections(fmt: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < fmt.length) {
      current += ch + fmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

const stripQuoted = (section: string): string => section.replace(/"[^"]*"/g, '').replace(/\\./g, '');

type ZeroShown = 'dash' | 'digits' | 'other';

/** How a zero shows under a number format: '-' (the report's zero), digits, or neither (blank, text). */
export function zeroShownAs(fmt: string | undefined): ZeroShown {
  if (!fmt) return 'digits';
  const sections = splitSections(fmt);
  if (sections.length < 3) return 'digits';
  const zero = sections[2];
  if (/[0#?]/.test(stripQuoted(zero))) return 'digits';
  return zero.includes('-') ? 'dash' : 'other';
}

/** "5000" beside "5,000": figures of four or more digits shown without separators where others have them. */
function groupingStyle(facts: BodyFacts, out: Finding[]): void {
  const { grouped, ungrouped } = facts;
  if (grouped === 0 || !ungrouped) return;
  const first = ungrouped[0];
  const value = first.read.kind === 'number' ? first.read.value : 0;
  const parsed = first.read.kind === 'number' ? first.read.parsed : undefined;
  out.push(
    styleFinding(
      facts,
      ungrouped,
      { style: 'grouping', grouped, ungrouped: ungrouped.length },
      formatReportNumber(value, {
        decimals: parsed?.decimals ?? decimalsOf(value),
        negative: parsed?.negative ?? 'triangle',
        percent: parsed?.percent,
        unit: parsed?.unit === '%p' ? 'p' : parsed?.unit,
      }),
      typeof first.cell?.v === 'string' ? first.cell.v : String(value),
    ),
  );
}

function decimalsOf(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(text.length - dot - 1, 20);
}

/** '-' and 0 both used for zero in one table. */
function zeroStyle(facts: BodyFacts, out: Finding[]): void {
  const { dashZeros, digitZeros } = facts;
  if (dashZeros === 0 || !digitZeros) return;
  out.push(styleFinding(facts, digitZeros, { style: 'zero', dashes: dashZeros, zeros: digitZeros.length }, '-', '0'));
}

/** The money unit a unit line names: '천원' → '천원', '건 / 백 만 원' → '백만원', '건' → undefined. */
function moneyUnitOf(unitLine: string | undefined): string | undefined {
  if (!unitLine) return undefined;
  const compact = unitLine.replace(/\s+/g, '');
  return UNIT_WORDS.find((u) => u.endsWith('원') && compact.includes(u));
}

/** Money written in more than one unit (천원 beside 백만원), or in a unit other than the table's unit line. */
function unitStyle(facts: BodyFacts, table: TableLayout, out: Finding[]): void {
  const { money } = facts;
  if (!money) return;
  const counts = new Map<string, number>();
  for (const m of money) counts.set(m.unit, (counts.get(m.unit) ?? 0) + 1);
  const tableUnit = moneyUnitOf(table.unit);
  const usual = tableUnit ?? [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
  const offenders = money.filter((m) => m.unit !== usual);
  const seen = new Set<BodyCell>();
  const cells = offenders.map((m) => m.b).filter((b) => !seen.has(b) && seen.add(b));
  if (cells.length === 0) return;
  const units = [...new Set([usual, ...offenders.map((m) => m.unit)])];
  out.push(
    styleFinding(
      facts,
      cells,
      { style: 'unit', units: units.join(', '), unit: usual, fromUnitLine: tableUnit !== undefined },
      usual,
      offenders[0].unit,
    ),
  );
}
