/** What a fill plan takes and gives: options (zod), the writes, and what fill would not write. */
import { z } from 'zod';
import { roundingPolicySchema } from '../model/options';
import type { CellWrite } from '../model/cell-write';
import type { Finding } from '../model/finding';

/** Amounts in the report's style: thousands separators, △ for negatives, "-" for zero. */
export const AMOUNT_FORMAT = '#,##0;"△"#,##0;"-"';

export const fillOptionsSchema = z.object({
  /** ROUND (half-up) or ROUNDDOWN (truncate) for rates. */
  rounding: roundingPolicySchema.default('half-up'),
  /** Replace typed constants that disagree with the computed figure (otherwise they become fill.conflict). */
  overwrite: z.boolean().default(false),
  /**
   * The writes will be made as constants (--values, asValueWrites): no formula has to read the inputs, so a figure
   * typed as text ("61,800 ¹⁾", "19,000", "4회") counts as its figure instead of leaving its totals unwritten.
   */
  values: z.boolean().default(false),
  /** Number format for totals and differences written into a cell that has none. */
  amountFormat: z.string().min(1).default(AMOUNT_FORMAT),
});
export type FillOptions = z.infer<typeof fillOptionsSchema>;
export type FillOptionsInput = z.input<typeof fillOptionsSchema>;

/** A compound text cell ("22(22)", "766(84.5%)") fill never writes: what it says and what it should say. */
export interface CompoundAdvice {
  sheet: string;
  cell: string;
  table: string;
  actual: string;
  expected: string;
  agrees: boolean;
}

export type SkipReason =
  /** An input holds a number stored as text or words: a formula would not read it as the figure the table means. */
  | 'text-input'
  | 'error-input'
  | 'compound-input'
  | 'cycle'
  /** The figure is beyond what a spreadsheet holds (1e308 + 1e308). */
  | 'overflow'
  /** A caption whose figure fill cannot tie to the table (another unit, decimals). */
  | 'caption-shape';

/** A cell a relation names that fill leaves alone, and why (not a conflict: nothing says the cell is wrong). */
export interface SkippedCell {
  sheet: string;
  cell: string;
  table: string;
  reason: SkipReason;
  /** The inputs behind the reason (A1). */
  related: string[];
}

export interface FillPlan {
  /** In dependency order: a total of totals comes after the totals it adds. */
  writes: CellWrite[];
  /** fill.conflict findings: typed constants left alone because they disagree with the computed figure. */
  conflicts: Finding[];
  compound: CompoundAdvice[];
  skipped: SkippedCell[];
  /** Cells that already hold exactly the formula, value and format fill would write. */
  unchanged: number;
}

export function emptyPlan(): FillPlan {
  return { writes: [], conflicts: [], compound: [], skipped: [], unchanged: 0 };
}
