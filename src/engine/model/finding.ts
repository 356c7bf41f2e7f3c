/** Rule ids are a stable contract (DESIGN.md "Checks"). */
export const RULES = {
  'sum.row': 'error',
  'sum.column': 'error',
  'sum.cell': 'error',
  'sum.rounding': 'warning',
  'sum.formula-range': 'warning',
  'year.sequence': 'error',
  'year.span': 'warning',
  'caption.amount': 'error',
  'rate.mismatch': 'error',
  'number.invalid': 'error',
  'number.text': 'warning',
  'value.error': 'error',
  'diff.mismatch': 'error',
  'rate.rounding': 'warning',
  'spec.mismatch': 'error',
  'fill.conflict': 'warning',
  'format.style': 'info',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning' | 'info';

export function severityOf(rule: RuleId): Severity {
  return RULES[rule];
}

/**
 * A finding is data. Messages (Korean, English) are made at the edge from `rule` and `params`.
 * `expected`/`actual` are numbers where the rule is about figures, text otherwise.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about (the likely wrong cell). */
  cell: string;
  expected?: number | string | null;
  actual?: number | string | null;
  /** A1 addresses of the cells involved: the parts of a sum, the total cells a sum.cell explains … */
  related?: string[];
  /** The id of the table the finding belongs to (TableLayout.id), if any. */
  table?: string;
  /** Rule-specific figures for the message: difference, tolerance, rounding policy, years … */
  params?: Record<string, string | number | boolean | null>;
}
