import { z } from 'zod';

export const roundingPolicySchema = z.enum(['half-up', 'truncate']);
export type RoundingPolicy = z.infer<typeof roundingPolicySchema>;

export const checkOptionsSchema = z.object({
  /** How stated rates are expected to be rounded. */
  rounding: roundingPolicySchema.default('half-up'),
  /** The report's plan year, for captions that state an amount without a year; inferred from captions when absent. */
  planYear: z.number().int().min(1900).max(2200).optional(),
});
export type CheckOptions = z.infer<typeof checkOptionsSchema>;
export type CheckOptionsInput = z.input<typeof checkOptionsSchema>;
