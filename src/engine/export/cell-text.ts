/** A cell as the report prints it: numbers with thousands separators, △ for negatives, '-' for zero. */
import type { Cell } from '../grid/types';
import { formatReportNumber } from '../numbers';

/** What a number format says about how a figure shows: its decimals and whether it is a percentage. */
export function formatShape(fmt: string | undefined): { decimals: number; percent: boolean } | null {
  if (fmt === undefined || fmt === '' || /^general$/i.test(fmt)) return null;
  // Only the positive section matters: the report's own sections differ in sign and zero, not in digits.
  const first = fmt.replace(/"[^"]*"|\\./g, '').split(';')[0];
  const point = /\.([0#?]+)/.exec(first);
  return { decimals: point ? point[1].length : 0, percent: first.includes('%') };
}

/** Digits after the point a plain number needs (at most 10, so float noise like 0.1+0.2 does not show). */
function naturalDecimals(x: number): number {
  for (let d = 0; d < 10; d++) {
    if (Math.abs(Number(x.toFixed(d)) - x) < 1e-9 * Math.max(1, Math.abs(x))) return d;
  }
  return 10;
}

function serialToIso(serial: number): string {
  // Excel's day 0 is 1899-12-30 in the 1900 date system (its phantom 29 Feb 1900 included).
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The text a cell shows, report-style. Text is kept as written (trimmed); an empty cell is ''. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (!Number.isFinite(v)) return '';
  if (cell.date) return serialToIso(v);
  const shape = formatShape(cell.fmt);
  if (shape?.percent) return formatReportNumber(v * 100, { decimals: shape.decimals, percent: true });
  return formatReportNumber(v, { decimals: shape ? shape.decimals : naturalDecimals(v) });
}
