/** What one grid cell means inside a table's numeric area. */
import type { Cell } from '../grid/types';
import { classifyFigureText } from './parse';
import type { NumericCell } from './types';

/**
 * Classify a cell of a numeric area.
 *
 * - blank (null, '' or spaces only) → empty (zero)
 * - a real number → number, fromText false (formula kept)
 * - '-' (or '－', '–') typed as text → number 0, fromText false, parsed.dash: it is the report's zero, not a mistake
 * - any other text holding one figure ("19,000", "△1,200", "4회", "2,649명", "61,800 ¹⁾") → number, fromText true.
 *   Text with a unit word or a footnote mark is the report's normal way to write those figures; it is still text,
 *   so fromText stays true, and the checks decide (cell-checks does not call it `number.text`, see there).
 * - several figures ("22(22)", "116건/ 4,817백만원") → compound
 * - digits with a typo ("12,5OO", "1,2 34") → invalid; any other words → label
 * - error values, dates and booleans → error, date, bool
 */
export function readNumeric(cell: Cell | null | undefined): NumericCell {
  if (!cell) return { kind: 'empty' };
  if (cell.error) return { kind: 'error', code: cell.error };
  const v = cell.v;
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') {
    if (cell.date) return { kind: 'date', serial: v };
    const out: NumericCell = { kind: 'number', value: v, fromText: false };
    if (cell.f !== undefined) out.formula = cell.f;
    return out;
  }
  if (typeof v !== 'string') return { kind: 'empty' };
  const text = v;
  if (text.trim() === '') return { kind: 'empty' };
  const figure = classifyFigureText(text);
  switch (figure.kind) {
    case 'number': {
      const { parsed } = figure;
      const out: NumericCell = { kind: 'number', value: parsed.value, fromText: !parsed.dash, parsed };
      if (cell.f !== undefined) out.formula = cell.f;
      return out;
    }
    case 'compound':
      return { kind: 'compound', parts: figure.parts, text };
    case 'invalid':
      return { kind: 'invalid', text };
    default:
      return { kind: 'label', text };
  }
}

/** The value a cell contributes to a sum: blank and '-' are zero; null when the cell holds no single figure. */
export function numericValue(cell: NumericCell): number | null {
  if (cell.kind === 'empty') return 0;
  if (cell.kind === 'number') return cell.value;
  return null;
}
