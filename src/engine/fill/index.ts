/** Fill: the writes that complete a table (live formulas with cached values) and what fill leaves alone. */
export { planFill, planWorkbookFill, asValueWrites, captionShape } from './plan-fill';
export { planFillSettled, MAX_FILL_ROUNDS } from './settle';
export { previewFill, type FillPreview } from './preview';
export { sumFormula, sumRuns, rateFormula, diffFormula, captionFormula } from './formula-text';
export {
  AMOUNT_FORMAT,
  fillOptionsSchema,
  emptyPlan,
  type FillOptions,
  type FillOptionsInput,
  type FillPlan,
  type CompoundAdvice,
  type SkippedCell,
  type SkipReason,
} from './types';
