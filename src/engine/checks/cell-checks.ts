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
import type { NumericCell, ParsedNumber } from '../numbers/types';

interface BodyCell {
  row: number;
  col: number;
  cell: Cell | null | undefined;
  read: NumericCell;
}

type Params = NonNullable<Finding['params']>;

export function checkCells(sheet: SheetGrid, table: TableLayout): Finding[] {
  if (table.kind === 'text') return [];
  const body = bodyCells(sheet, table);
  const make = (rule: RuleId, at: { row: number; col: number }, rest: Partial<Finding> = {}): Finding => ({
    rule,
    severity: severityOf(rule),
    sheet: sheet.name,
    cell: toA1(at.row, at.col),
    table: table.id,
    ...rest,
  });

  const findings: Finding[] = [];
  for (const b of body) {
    if (b.read.kind === 'error') {
      findings.push(make('value.error', b, { actual: b.read.code, params: { code: b.read.code } }));
    } else if (b.read.kind === 'invalid') {
      const guess = guessMistyped(b.read.text);
      findings.push(
        make('number.invalid', b, { actual: b.read.text, expected: guess, params: { text: b.read.text } }),
      );
    }
  }
  findings.push(...numbersAsText(body, make));
  findings.push(...groupingStyle(body, make));
  findings.push(...zeroStyle(body, make));
  findings.push(...unitStyle(body, table, make));
  return findings;
}

type Make = (rule: RuleId, at: { row: number; col: number }, rest?: Partial<Finding>) => Finding;

function bodyCells(sheet: SheetGrid, table: TableLayout): BodyCell[] {
  const cols = table.columns.filter((c) => !c.isLabel).map((c) => c.col);
  const out: BodyCell[] = [];
  for (const { row } of table.rows) {
    for (const col of cols) {
      const cell = sheet.cells[row]?.[col];
      out.push({ row, col, cell, read: readNumeric(cell) });
    }
  }
  return out;
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

/** A number stored as a real number, not text: what `number.text` compares against. */
function isStoredNumber(b: BodyCell): boolean {
  return b.read.kind === 'number' && typeof b.cell?.v === 'number';
}

/** Text holding a plain figure that could have been a number: not '-', not with a unit or a footnote. */
function isPlainTextFigure(b: BodyCell): b is BodyCell & { read: { kind: 'number'; parsed: ParsedNumber } } {
  const r = b.read;
  return r.kind === 'number' && r.fromText && !!r.parsed && !r.parsed.dash && !r.parsed.unit && !r.parsed.footnote;
}

function numbersAsText(body: BodyCell[], make: Make): Finding[] {
  const text = body.filter(isPlainTextFigure);
  if (text.length === 0) return [];
  const stored = body.filter(isStoredNumber).length;
  if (text.length < stored) {
    return text.map((b) =>
      make('number.text', b, {
        expected: b.read.value,
        actual: String(b.cell?.v ?? ''),
        params: { scope: 'cell', textCells: text.length, numberCells: stored },
      }),
    );
  }
  const [first, ...rest] = text;
  return [
    make('number.text', first, {
      expected: first.read.value,
      actual: String(first.cell?.v ?? ''),
      related: rest.map(a1),
      params: { scope: 'table', textCells: text.length, numberCells: stored },
    }),
  ];
}

/** One finding for a style issue: the first offender is the cell, the others related. */
function styleFinding(
  make: Make,
  offenders: BodyCell[],
  params: Params,
  expected: Finding['expected'],
  actual: Finding['actual'],
): Finding[] {
  if (offenders.length === 0) return [];
  const [first, ...rest] = offenders;
  return [make('format.style', first, { expected, actual, related: rest.map(a1), params })];
}

/** Readings of a number format, kept per format string: a workbook uses a handful of formats in every cell. */
function memoByFormat<T>(read: (fmt: string) => T): (fmt: string) => T {
  const known = new Map<string, T>();
  return (fmt) => {
    let value = known.get(fmt);
    if (value === undefined) {
      value = read(fmt);
      if (known.size >= 1000) known.clear();
      known.set(fmt, value);
    }
    return value;
  };
}

/** Does a number format show thousands separators? ('#,##0;"△"#,##0;"-"' yes, 'General' / '0' no.) */
function formatGroups(fmt: string | undefined): boolean {
  return fmt ? groupsOf(fmt) : false;
}

const groupsOf = memoByFormat((fmt: string): boolean => {
  const first = splitSections(fmt)[0] ?? '';
  return /[#0?],[#0?]/.test(stripQuoted(first));
});

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

/** How a zero shows under a number format: '-' (the report's zero), digits, or neither (blank, text). */
export function zeroShownAs(fmt: string | undefined): 'dash' | 'digits' | 'other' {
  return fmt ? zeroOf(fmt) : 'digits';
}

const zeroOf = memoByFormat((fmt: string): 'dash' | 'digits' | 'other' => {
  const sections = splitSections(fmt);
  if (sections.length < 3) return 'digits';
  const zero = sections[2];
  if (/[0#?]/.test(stripQuoted(zero))) return 'digits';
  return zero.includes('-') ? 'dash' : 'other';
});

/** "5000" beside "5,000": figures of four or more digits shown without separators where others have them. */
function groupingStyle(body: BodyCell[], make: Make): Finding[] {
  const grouped: BodyCell[] = [];
  const ungrouped: BodyCell[] = [];
  for (const b of body) {
    if (b.read.kind !== 'number' || Math.abs(b.read.value) < 1000) continue;
    const shows = b.read.parsed ? b.read.parsed.grouped : formatGroups(b.cell?.fmt);
    (shows ? grouped : ungrouped).push(b);
  }
  if (grouped.length === 0 || ungrouped.length === 0) return [];
  const first = ungrouped[0];
  const value = first.read.kind === 'number' ? first.read.value : 0;
  const parsed = first.read.kind === 'number' ? first.read.parsed : undefined;
  return styleFinding(
    make,
    ungrouped,
    { style: 'grouping', grouped: grouped.length, ungrouped: ungrouped.length },
    formatReportNumber(value, {
      decimals: parsed?.decimals ?? decimalsOf(value),
      negative: parsed?.negative ?? 'triangle',
      percent: parsed?.percent,
      unit: parsed?.unit === '%p' ? 'p' : parsed?.unit,
    }),
    typeof first.cell?.v === 'string' ? first.cell.v : String(value),
  );
}

function decimalsOf(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(text.length - dot - 1, 20);
}

/** '-' and 0 both used for zero in one table. */
function zeroStyle(body: BodyCell[], make: Make): Finding[] {
  const dashes: BodyCell[] = [];
  const digits: BodyCell[] = [];
  for (const b of body) {
    if (b.read.kind !== 'number' || b.read.value !== 0) continue;
    const shown = b.read.parsed ? (b.read.parsed.dash ? 'dash' : 'digits') : zeroShownAs(b.cell?.fmt);
    if (shown === 'dash') dashes.push(b);
    else if (shown === 'digits') digits.push(b);
  }
  if (dashes.length === 0 || digits.length === 0) return [];
  return styleFinding(make, digits, { style: 'zero', dashes: dashes.length, zeros: digits.length }, '-', '0');
}

/** The money unit a unit line names: '천원' → '천원', '건 / 백 만 원' → '백만원', '건' → undefined. */
function moneyUnitOf(unitLine: string | undefined): string | undefined {
  if (!unitLine) return undefined;
  const compact = unitLine.replace(/\s+/g, '');
  return UNIT_WORDS.find((u) => u.endsWith('원') && compact.includes(u));
}

/** Money written in more than one unit (천원 beside 백만원), or in a unit other than the table's unit line. */
function unitStyle(body: BodyCell[], table: TableLayout, make: Make): Finding[] {
  const money: { b: BodyCell; unit: string }[] = [];
  for (const b of body) {
    const r = b.read;
    const figures = r.kind === 'number' && r.parsed ? [r.parsed] : r.kind === 'compound' ? r.parts : [];
    for (const p of figures) if (p.unit?.endsWith('원')) money.push({ b, unit: p.unit });
  }
  if (money.length === 0) return [];
  const counts = new Map<string, number>();
  for (const m of money) counts.set(m.unit, (counts.get(m.unit) ?? 0) + 1);
  const tableUnit = moneyUnitOf(table.unit);
  const usual = tableUnit ?? [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
  const offenders = money.filter((m) => m.unit !== usual);
  const seen = new Set<BodyCell>();
  const cells = offenders.map((m) => m.b).filter((b) => !seen.has(b) && seen.add(b));
  if (cells.length === 0) return [];
  const units = [...new Set([usual, ...offenders.map((m) => m.unit)])];
  return styleFinding(
    make,
    cells,
    { style: 'unit', units: units.join(', '), unit: usual, fromUnitLine: tableUnit !== undefined },
    usual,
    offenders[0].unit,
  );
}
