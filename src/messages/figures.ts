/** Figures in messages, in the report's style: thousands separators, △ for negatives, decimals as computed. */
import { formatReportNumber } from '../engine/numbers';
import type { Lang } from './lang';

/** Digits after the point needed to show x without noise from binary floating point (at most 6). */
export function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const text = String(Number(x.toPrecision(12)));
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Math.min(6, Number(exp[1]));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

/** 48400 → "48,400"; -1200 → "△1,200"; 94.565 → "94.565"; 0 → "0" (a message says 0, not the report's "-"). */
export function figure(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return formatReportNumber(x, { decimals: decimalsOf(x), zero: 'digits' });
}

/** A finding's expected/actual as text: a figure, a quoted text, or "blank". */
export function shown(x: number | string | boolean | null | undefined, lang: Lang): string {
  if (typeof x === 'number') return figure(x);
  if (x === null || x === undefined || x === '') return lang === 'ko' ? '빈 칸' : 'blank';
  if (typeof x === 'boolean') return String(x).toUpperCase();
  return x;
}

/** The size of a gap, unsigned ("차이 400"). */
export function gap(x: number): string {
  return figure(Math.abs(x));
}
