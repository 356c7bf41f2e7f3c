/**
 * Rate checks: each stated rate against its numerator and denominator, recomputed with the table's stated
 * decimals under the rounding policy. Wrong under both policies: `rate.mismatch` (error). Right only under the
 * other policy: `rate.rounding` (warning, naming that policy). Within the rounding of coarse inputs (a rate of
 * the exact amounts, shown next to amounts in 백만원): no finding.
 * Rates stated in prose under a table ("종결사건(92건) 승소율 : 94.5%") are prose-rates.ts's job (checkProseRates).
 */
import { refToA1 } from '../grid/a1';
import type { CellRef, SheetGrid } from '../grid/types';
import { severityOf, type Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Relation, Table } from '../model/table';
import { otherPolicy, roundHalfUp } from '../numbers/rounding';
import { coarseAt, judgeRate, rateFigures } from '../relations/evaluate';

type RateRelation = Extract<Relation, { type: 'rate' }>;

function shown(x: number): string {
  return String(roundHalfUp(x, 6));
}

function a1(ref: CellRef): string {
  return refToA1(ref);
}

/** Findings for the rate relations of one table. */
export function checkRates(sheet: SheetGrid, table: Table, options: Partial<CheckOptions> = {}): Finding[] {
  const findings: Finding[] = [];
  checkRatesInto(sheet, table, options, findings);
  return findings;
}

/** checkRates, appended to `findings` (checkTable gathers every check's in one list). */
export function checkRatesInto(sheet: SheetGrid, table: Table, options: Partial<CheckOptions>, findings: Finding[]): void {
  if (table.kind === 'text') return;
  const policy = options.rounding ?? 'half-up';
  for (const rel of table.relations) {
    if (rel.type !== 'rate') continue;
    const figures = rateFigures(sheet, rel as RateRelation);
    const verdict = judgeRate(figures, rel.decimals, policy, coarseAt(table, rel.numerator, rel.denominator));
    if (verdict.status === 'skip' || verdict.status === 'ok') continue;
    const n = figures.numerator?.value ?? 0;
    const sub = figures.subtract?.value;
    const d = figures.denominator?.value ?? 0;
    const top = sub === undefined ? shown(n) : `(${shown(n)} − ${shown(sub)})`;
    const exact = verdict.exact === null ? null : roundHalfUp(verdict.exact, 4);
    const related = [a1(rel.numerator), a1(rel.denominator)];
    if (rel.subtract) related.push(a1(rel.subtract));
    const params: Finding['params'] = {
      numerator: n,
      denominator: d,
      exact,
      decimals: verdict.decimals,
      policy,
      scale: rel.scale,
      arithmetic: verdict.exact === null ? `${top} / 0` : `${top} / ${shown(d)} × 100 = ${exact}`,
    };
    if (sub !== undefined) params.subtract = sub;
    if (rel.target.comp !== undefined) params.component = rel.target.comp;
    let rule: Finding['rule'] = 'rate.mismatch';
    if (verdict.status === 'inputs-rounded') continue;
    if (verdict.status === 'other-policy') {
      rule = 'rate.rounding';
      params.rightUnder = otherPolicy(policy);
      params.statedPolicy = otherPolicy(policy);
    } else if (verdict.exact === null) {
      params.reason = 'zero-denominator';
    }
    // A fraction with a % format states 0.845 for 84.5%: report figures the way the cell holds them.
    const toCell = (pct: number | null) => (pct === null ? null : rel.scale === 1 ? roundHalfUp(pct / 100, verdict.decimals + 2) : pct);
    findings.push({
      rule,
      severity: severityOf(rule),
      sheet: sheet.name,
      cell: a1(rel.target),
      expected: toCell(verdict.expected),
      actual: toCell(verdict.stated),
      related,
      table: table.id,
      params,
    });
  }
}
