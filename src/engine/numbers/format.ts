/** Writing figures the way the report prints them: "19,000", "△1,200", "-" for zero, "84.5%", "4,817백만원". */
import type { RoundingPolicy } from '../model/options';
import { roundToDecimalString } from './rounding';

export interface FormatOptions {
  /** Fixed digits after the point (default 0). The figure is rounded to them under `rounding`. */
  decimals?: number;
  /** Default 'half-up' (spreadsheet ROUND). */
  rounding?: RoundingPolicy;
  /** Thousands separators (default true). */
  grouping?: boolean;
  /** How negatives are written (default 'triangle': "△1,200", the report's style; percentages never use 'parens'). */
  negative?: 'triangle' | 'minus' | 'parens';
  /** How a figure that shows as zero is written (default 'dash': "-"). */
  zero?: 'dash' | 'digits';
  /** Append '%' (the figure is written as given: 84.5 → "84.5%"; no scaling). */
  percent?: boolean;
  /** A unit word appended after the figure: '건', '백만원' … */
  unit?: string;
}

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Format one figure in the report's style. Non-finite values are a programmer error. */
export function formatReportNumber(x: number, opts: FormatOptions = {}): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot format ${x}`);
  const decimals = opts.decimals ?? 0;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`bad decimals ${decimals}`);
  const fixed = roundToDecimalString(x, decimals, opts.rounding ?? 'half-up');
  const negative = fixed.startsWith('-');
  const magnitude = negative ? fixed.slice(1) : fixed;
  const suffix = (opts.percent ? '%' : '') + (opts.unit ?? '');
  if (/^[0.]+$/.test(magnitude) && (opts.zero ?? 'dash') === 'dash') return '-';
  const [intPart, fracPart] = magnitude.split('.');
  const body = (opts.grouping ?? true ? group(intPart) : intPart) + (fracPart !== undefined ? `.${fracPart}` : '');
  if (!negative) return body + suffix;
  // "(84.5%)" reads as a rate shown beside a figure, not a negative one, so percentages never use parentheses.
  const style = opts.negative === 'parens' && opts.percent ? 'triangle' : (opts.negative ?? 'triangle');
  switch (style) {
    case 'minus':
      return `-${body}${suffix}`;
    case 'parens':
      return `(${body}${suffix})`;
    default:
      return `△${body}${suffix}`;
  }
}

/** One component of a compound cell: its figure and how to write it. */
export interface CompoundPart extends FormatOptions {
  value: number;
}

/**
 * Format several figures as one compound cell: 'paren' writes "22(22)" or "766(84.5%)" (exactly two parts),
 * 'slash' writes "116건/ 4,817백만원" (the report puts a space after the slash).
 */
export function formatCompound(parts: CompoundPart[], style: 'paren' | 'slash'): string {
  // Compounds write zero as 0 by default ("-(-)" reads oddly) and never use parentheses for a negative,
  // which would clash with the "a(b)" shape.
  const texts = parts.map(({ value, ...opts }) =>
    formatReportNumber(value, {
      zero: 'digits',
      ...opts,
      negative: opts.negative === 'parens' ? 'triangle' : opts.negative,
    }),
  );
  if (style === 'paren') {
    if (texts.length !== 2) throw new RangeError('a parenthesised compound has exactly two parts');
    return `${texts[0]}(${texts[1]})`;
  }
  if (texts.length < 2) throw new RangeError('a compound has at least two parts');
  return texts.join('/ ');
}
