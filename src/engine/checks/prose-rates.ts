/**
 * Rates stated in prose under a table: "⇒ 종결사건(92건) 승소율 : 94.5%" with its numerator in a line next to
 * it ("… 승소(소취하·일부승 포함) 87건, 패소 5건 …"). 87/92 = 94.565… is 94.6 half-up and 94.5 truncated, so the
 * report truncated: that is worth a warning. Prose is read loosely, so it never yields an error, and a line
 * whose figures do not fit under either policy is left alone (the reading may be what is wrong).
 */
import { toA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { severityOf, type Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { TableLayout } from '../model/table';
import { otherPolicy, roundByPolicy, roundHalfUp } from '../numbers/rounding';
import { nearlyEqual } from '../relations/axis-lines';
import { type CaptionText, linesBelow } from '../relations/captions';

const COUNT_UNITS = '건|명|회|개|원|천원|백만원|억원';
/** "(92건) 승소율 : 94.5%": the denominator in parentheses right before the rate's name. */
const STATED_RE = new RegExp(`\\(\\s*(\\d[\\d,]*)\\s*(${COUNT_UNITS})?\\s*\\)\\s*([가-힣]+[률율])\\s*[:：]?\\s*(\\d+(?:\\.(\\d+))?)\\s*%`);

export interface ProseRate {
  line: CaptionText;
  name: string;
  stated: number;
  decimals: number;
  numerator: number;
  denominator: number;
  /** Where the numerator was read. */
  numeratorLine: CaptionText;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function figure(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** The prose rates stated in `lines` (in sheet order), each with a numerator found in its own or a nearby line. */
export function findProseRates(lines: CaptionText[]): ProseRate[] {
  const out: ProseRate[] = [];
  lines.forEach((line, i) => {
    if (!line.text.includes('%')) return;
    const text = line.text.normalize('NFC').replace(/\*\*/g, '');
    const m = STATED_RE.exec(text);
    if (!m) return;
    const name = m[3];
    const stem = name.slice(0, -1);
    if (stem.length < 1) return;
    const unit = m[2] ?? '건|명|회|개';
    const numRe = new RegExp(`${escapeRe(stem)}(?![률율])(?:\\s*\\([^)]*\\))?\\s*[:：]?\\s*(\\d[\\d,]*)\\s*(?:${unit})`);
    const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
    const nearby: CaptionText[] = [{ ...line, text: rest }, lines[i - 1], lines[i - 2], lines[i + 1]].filter(
      (l): l is CaptionText => l !== undefined,
    );
    for (const candidate of nearby) {
      const n = numRe.exec(candidate.text.normalize('NFC'));
      if (!n) continue;
      out.push({
        line,
        name,
        stated: Number(m[4]),
        decimals: m[5]?.length ?? 0,
        numerator: figure(n[1]),
        denominator: figure(m[1]),
        numeratorLine: candidate.row === line.row ? line : candidate,
      });
      return;
    }
  });
  return out;
}

/** How far under a table linesBelow looks. */
const ROWS_BELOW = 8;

/**
 * Whether any line under the table holds '%', walking the rows as linesBelow does (its captions below, then
 * rows within the table's line span, up to a row of several cells): a prose rate needs one, most tables have
 * none, and gathering their lines is then wasted. (prose-rates.test.ts holds this to what linesBelow returns.)
 */
function mayStateRate(sheet: SheetGrid, table: TableLayout): boolean {
  const { r1, c0: left, c1: right } = table.range;
  let c0 = left;
  for (const c of table.captions) {
    if (c.row > r1 && c.text.includes('%')) return true;
    if (c.col < c0) c0 = c.col;
  }
  // A unit line may stand one column past the table's right edge.
  const c1 = right + 1;
  const last = Math.min(r1 + ROWS_BELOW, sheet.cells.length - 1);
  for (let r = r1 + 1; r <= last; r++) {
    const line = sheet.cells[r];
    if (!line) continue;
    let texts = 0;
    let percent = false;
    for (let c = c0; c <= c1 && c < line.length; c++) {
      const v = line[c]?.v;
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') {
        if (v.trim() === '') continue;
        if (v.includes('%')) percent = true;
      }
      texts++;
    }
    if (texts > 1) break;
    if (percent) return true;
  }
  return false;
}

/** `rate.rounding` warnings for prose rates under a table that are right only under the other rounding policy. */
export function checkProseRates(sheet: SheetGrid, table: TableLayout, options: Partial<CheckOptions> = {}): Finding[] {
  const findings: Finding[] = [];
  checkProseRatesInto(sheet, table, options, findings);
  return findings;
}

/** checkProseRates, appended to `findings` (checkTable gathers every check's in one list). */
export function checkProseRatesInto(sheet: SheetGrid, table: TableLayout, options: Partial<CheckOptions>, findings: Finding[]): void {
  if (!mayStateRate(sheet, table)) return;
  const policy = options.rounding ?? 'half-up';
  for (const rate of findProseRates(linesBelow(sheet, table))) {
    if (rate.denominator === 0) continue;
    const exact = (rate.numerator * 100) / rate.denominator;
    const expected = roundByPolicy(exact, rate.decimals, policy);
    if (nearlyEqual(expected, rate.stated)) continue;
    const other = otherPolicy(policy);
    if (!nearlyEqual(roundByPolicy(exact, rate.decimals, other), rate.stated)) continue;
    const cell = toA1(rate.line.row, rate.line.col);
    const numeratorCell = toA1(rate.numeratorLine.row, rate.numeratorLine.col);
    findings.push({
      rule: 'rate.rounding',
      severity: severityOf('rate.rounding'),
      sheet: sheet.name,
      cell,
      expected,
      actual: rate.stated,
      related: numeratorCell === cell ? [] : [numeratorCell],
      table: table.id,
      params: {
        rate: rate.name,
        numerator: rate.numerator,
        denominator: rate.denominator,
        exact: roundHalfUp(exact, 4),
        decimals: rate.decimals,
        policy,
        rightUnder: other,
        statedPolicy: other,
        source: 'prose',
        arithmetic: `${rate.numerator} / ${rate.denominator} × 100 = ${roundHalfUp(exact, 4)}`,
      },
    });
  }
}
