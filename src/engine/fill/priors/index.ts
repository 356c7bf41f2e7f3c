/** Priors for fill where the numbers are silent: the table kind's spec and total labels over blank parts. */
export { applyPriors, withFillPriors, type PriorChanges } from './apply-priors';
export { specEquations, builtInSpec, type PriorEquation } from './spec-equations';
export { labelSkeleton, zeroedSheet } from './label-skeleton';
