export * from './types';
export { UNIT_WORDS, looksLikeMistypedNumber, normalizeFigureText, parseCompound, parseNumber } from './parse';
export { numericValue, readNumeric } from './read-numeric';
export {
  otherPolicy,
  roundByPolicy,
  roundDown,
  roundHalfUp,
  roundToDecimalString,
  unitTolerance,
} from './rounding';
export { formatCompound, formatReportNumber } from './format';
export type { CompoundPart, FormatOptions } from './format';
