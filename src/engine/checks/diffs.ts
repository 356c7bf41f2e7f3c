/**
 * 증감 checks: a 증감 cell must be the later figure minus the earlier one (`diff.mismatch`). In a coarse unit
 * (백만원, 억원) a miss within the rounding of the three figures shown is the difference of the exact figures,
 * not a finding.
 */
import { refToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { severityOf, type Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Table } from '../model/table';
import { roundHalfUp } from '../numbers/rounding';
import { coarseAt, isBlank, judgeDiff, readOperand } from '../relations/evaluate';

export function checkDiffs(sheet: SheetGrid, table: Table, options: Partial<CheckOptions> = {}): Finding[] {
  const findings: Finding[] = [];
  checkDiffsInto(sheet, table, options, findings);
  return findings;
}

/** checkDiffs, appended to `findings` (checkTable gathers every check's in one list). */
export function checkDiffsInto(sheet: SheetGrid, table: Table, _options: Partial<CheckOptions>, findings: Finding[]): void {
  if (table.kind === 'text') return;
  for (const rel of table.relations) {
    if (rel.type !== 'diff') continue;
    const later = readOperand(sheet, rel.later);
    const earlier = readOperand(sheet, rel.earlier);
    const coarse = coarseAt(table, rel.target, rel.later, rel.earlier);
    const verdict = judgeDiff(readOperand(sheet, rel.target), later, earlier, coarse, isBlank(sheet, rel.target));
    // Within the rounding of the figures shown (백만원): what the exact figures give; nothing to say.
    if (verdict.status !== 'mismatch') continue;
    const rule = 'diff.mismatch';
    const difference = roundHalfUp(verdict.stated - verdict.expected, 10);
    findings.push({
      rule,
      severity: severityOf(rule),
      sheet: sheet.name,
      cell: refToA1(rel.target),
      expected: verdict.expected,
      actual: verdict.stated,
      related: [refToA1(rel.later), refToA1(rel.earlier)],
      table: table.id,
      params: {
        relation: 'diff',
        later: later?.value ?? null,
        earlier: earlier?.value ?? null,
        difference,
        tolerance: verdict.tolerance,
        arithmetic: `${later?.value} − ${earlier?.value} = ${verdict.expected}`,
      },
    });
  }
}
