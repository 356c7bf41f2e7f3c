/**
 * What a cell is for finding a table's structure: a figure (the body), a year (a header or row label even though it
 * has digits), text (a label), or nothing. Figures are read by the numbers module, so detection and the checks agree
 * on what a number is.
 */
import type { Cell } from '../grid/types';
import { parseYearLabel } from '../labels';
import { memoByString } from '../labels';
import { readNumeric } from '../numbers';

/** Longer than any figure or compound the report writes ("116건/ 4,817백만원" is 16). */
const MAX_FIGURE_TEXT = 40;

/**
 * - empty: blank
 * - figure: a number, a figure written as text, '-', a compound ("22(22)"), an error value or a mistyped number
 * - year: text naming a year ('2020년', "'20", '2021년(예산)'): a label
 * - yearNumber: a bare integer 1900–2100 (2020 typed as a number or as "2020"): a label or a figure, by position
 * - text: any other words
 */
export type CellClass = 'empty' | 'figure' | 'year' | 'yearNumber' | 'text';

/**
 * The same classes as small integers, so a sheet's classes fit in a typed array (detection reads them in every
 * loop; CELL_CLASSES[code] is the name).
 */
export const EMPTY = 0;
export const FIGURE = 1;
export const YEAR = 2;
export const YEAR_NUMBER = 3;
export const TEXT = 4;
export type CellClassCode = typeof EMPTY | typeof FIGURE | typeof YEAR | typeof YEAR_NUMBER | typeof TEXT;
export const CELL_CLASSES: readonly CellClass[] = ['empty', 'figure', 'year', 'yearNumber', 'text'];

export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? trimmed(v) : String(v);
}

/**
 * text.trim(), without the call for the usual text that has no space at either end (detection trims every text
 * it reads, and most have none).
 */
export function trimmed(text: string): string {
  const n = text.length;
  return n > 0 && !isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(n - 1)) ? text : text.trim();
}

/** A character JavaScript's \s matches (and String.prototype.trim removes). */
export function isSpace(ch: number): boolean {
  if (ch <= 0x20) return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
  if (ch < 0xa0) return false;
  return (
    ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f ||
    ch === 0x205f || ch === 0x3000 || ch === 0xfeff
  );
}

export function classifyCell(cell: Cell | null | undefined): CellClass {
  return CELL_CLASSES[cellClassCode(cell)];
}

export function cellClassCode(cell: Cell | null | undefined): CellClassCode {
  if (!cell) return EMPTY;
  if (cell.error) return FIGURE;
  const v = cell.v;
  if (v === null || v === undefined) return cell.f !== undefined ? FIGURE : EMPTY;
  if (typeof v === 'boolean') return TEXT;
  if (typeof v === 'number') {
    if (cell.date) return TEXT;
    return isBareYear(v) && !hasGroupingFormat(cell.fmt) ? YEAR_NUMBER : FIGURE;
  }
  const text = trimmed(v);
  if (text === '') return EMPTY;
  // Fast path: words without digits (most labels), and long prose, are never figures or years.
  if (!hasDigit(text)) return text.length === 1 && isDash(text.charCodeAt(0)) ? FIGURE : TEXT;
  if (text.length > MAX_FIGURE_TEXT) return TEXT;
  if (isPlainYearWord(text)) return YEAR;
  if (isPlainFigure(text)) return FIGURE;
  return classifyText(text);
}

/**
 * Digits with an optional grouping and decimals ('7', '1,234', '12.5'), not four digits alone (maybe a year): the
 * commonest figure written as text, answered without the memo, whose lookup hashes each fresh text (classifyText
 * would say FIGURE through readNumeric).
 */
function isPlainFigure(text: string): boolean {
  const n = text.length;
  let i = 0;
  // Integer part: digits, or 1–3 digits then groups of ',ddd'.
  while (i < n && isAsciiDigit(text.charCodeAt(i))) i++;
  const digits = i;
  if (digits === 0) return false;
  if (i < n && text.charCodeAt(i) === 0x2c && digits > 3) return false;
  while (i < n && text.charCodeAt(i) === 0x2c) {
    if (i + 4 > n) return false;
    if (!isAsciiDigit(text.charCodeAt(i + 1)) || !isAsciiDigit(text.charCodeAt(i + 2)) || !isAsciiDigit(text.charCodeAt(i + 3))) return false;
    i += 4;
  }
  if (i < n && text.charCodeAt(i) === 0x2e) {
    const start = ++i;
    while (i < n && isAsciiDigit(text.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  if (i !== n) return false;
  return n !== 4 || digits !== 4;
}

function isAsciiDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

/**
 * '2020년' with a year in range: the commonest text with digits in a report's headers and row labels, answered
 * without the memo (classifyText would say YEAR through parseYearLabel).
 */
function isPlainYearWord(text: string): boolean {
  if (text.length !== 5 || text.charCodeAt(4) !== 0xb144) return false; // 년
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    n = n * 10 + d;
  }
  return n >= 1900 && n <= 2100;
}

/** An ASCII or full-width digit anywhere in the text. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if ((ch >= 0x30 && ch <= 0x39) || (ch >= 0xff10 && ch <= 0xff19)) return true;
  }
  return false;
}

/** '-' and the dashes that stand for the report's zero: － – — ― ‒ − ﹣. */
function isDash(ch: number): boolean {
  return (
    ch === 0x2d || ch === 0xff0d || ch === 0x2013 || ch === 0x2014 || ch === 0x2015 || ch === 0x2012 || ch === 0x2212 || ch === 0xfe63
  );
}

/** A text with digits in it; texts repeat a lot ('-', '2020년', '0'), hence the memo. */
const classifyText = memoByString((text: string): CellClassCode => {
  if (/^\d{4}$/.test(text)) return isBareYear(Number(text)) ? YEAR_NUMBER : FIGURE;
  // Age groups ('20대', '60대') are row and column labels, though 대 also counts vehicles.
  if (/^\d0대$/.test(text)) return TEXT;
  if (parseYearLabel(text) !== null) return YEAR;
  const numeric = readNumeric({ v: text });
  switch (numeric.kind) {
    case 'number':
    case 'compound':
    case 'invalid':
    case 'error':
      return FIGURE;
    case 'empty':
      return EMPTY;
    default:
      return TEXT;
  }
});

function isBareYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function hasGroupingFormat(fmt: string | undefined): boolean {
  return fmt !== undefined && fmt.includes(',');
}

/**
 * The number of a counted ordinal written as a figure with its unit word ('1회' → 1, '3회' → 3; '1인' → 1), or 0 for
 * any other text. Header rows such as '구분 | 계 | 1회 | 2회 | 3회' hold them in sequence from 1, where a body row of
 * counts ('4회', '4회') does not. ('1분기', '1차', '1월', '제1회' are words already.)
 */
export const ordinalOf = memoByString((text: string): number => {
  const m = /^(\d{1,2})\s?([가-힣]{1,2})$/.exec(text);
  return m === null ? 0 : Number(m[1]);
});

/** The unit word of an ordinal (ordinalOf(text) > 0): the text after its digits. */
export function ordinalUnit(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return text.slice(i).trim();
}
