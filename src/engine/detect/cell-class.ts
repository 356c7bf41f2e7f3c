/**
 * What a cell is for finding a table's structure: a figure (the body), a year (a header or row label even though it
 * has digits), text (a label), or nothing. Figures are read by the numbers module, so detection and the checks agree
 * on what a number is.
 */
import type { Cell } from '../grid/types';
import { parseYearLabel } from '../labels';
import { memoByString } from '../labels';
import { readNumeric } from '../numbers';

const DIGIT = /[0-9０-９]/;
const DASH_ONLY = /^[-－–—―‒−﹣]$/;
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

export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

export function classifyCell(cell: Cell | null | undefined): CellClass {
  if (!cell) return 'empty';
  if (cell.error) return 'figure';
  const v = cell.v;
  if (v === null || v === undefined) return cell.f !== undefined ? 'figure' : 'empty';
  if (typeof v === 'boolean') return 'text';
  if (typeof v === 'number') {
    if (cell.date) return 'text';
    return isBareYear(v) && !hasGroupingFormat(cell.fmt) ? 'yearNumber' : 'figure';
  }
  const text = v.trim();
  if (text === '') return 'empty';
  // Fast path: words without digits (most labels), and long prose, are never figures or years.
  if (!DIGIT.test(text)) return DASH_ONLY.test(text) ? 'figure' : 'text';
  if (text.length > MAX_FIGURE_TEXT) return 'text';
  return classifyText(text);
}

/** A text with digits in it; texts repeat a lot ('-', '2020년', '0'), hence the memo. */
const classifyText = memoByString((text: string): CellClass => {
  if (/^\d{4}$/.test(text)) return isBareYear(Number(text)) ? 'yearNumber' : 'figure';
  // Age groups ('20대', '60대') are row and column labels, though 대 also counts vehicles.
  if (/^\d0대$/.test(text)) return 'text';
  if (parseYearLabel(text) !== null) return 'year';
  const numeric = readNumeric({ v: text });
  switch (numeric.kind) {
    case 'number':
    case 'compound':
    case 'invalid':
    case 'error':
      return 'figure';
    case 'empty':
      return 'empty';
    default:
      return 'text';
  }
});

function isBareYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function hasGroupingFormat(fmt: string | undefined): boolean {
  return fmt !== undefined && fmt.includes(',');
}
