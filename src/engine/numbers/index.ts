export * from './types';
export { UNIT_WORDS, looksLikeMistypedNumber, normalizeFigureText, parseCompound, parseNumber } from './parse';
export { numericValue, readNumeric } from './read-numeric';
