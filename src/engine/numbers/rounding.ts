/**
 * Spreadsheet rounding. Excel and LibreOffice round the decimal a cell shows, not the binary double:
 * ROUND(1.005, 2) = 1.01 and ROUND(2.675, 2) = 2.68, although both doubles sit just below the half.
 * So we first take the value's 15 significant digits (what the spreadsheet shows) and round that decimal,
 * with integer arithmetic on its digits; binary Math.round never sees it.
 */
import type { RoundingPolicy } from '../model/options';

/** |x| = digits × 10^exponent, digits without leading zeros ('0' for zero). */
interface Decimal {
  negative: boolean;
  digits: bigint;
  exponent: number;
}

const SIGNIFICANT = 15;

function toDecimal(x: number): Decimal {
  const text = Math.abs(x).toPrecision(SIGNIFICANT); // "94.5652173913043" or "1.23456789012346e+21"
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new RangeError(`cannot read ${text} as a decimal`);
  const frac = m[2] ?? '';
  return {
    negative: x < 0,
    digits: BigInt(m[1] + frac),
    exponent: Number(m[3] ?? 0) - frac.length,
  };
}

function checkArgs(x: number, decimals: number): void {
  if (!Number.isInteger(decimals) || Math.abs(decimals) > 300) throw new RangeError(`bad decimals ${decimals}`);
  if (typeof x !== 'number') throw new TypeError('x must be a number');
}

/**
 * The rounded figure as a plain decimal string with exactly max(decimals, 0) digits after the point
 * ("-1234.50"); negative zero prints as "0.00". Non-finite x gives String(x).
 */
export function roundToDecimalString(x: number, decimals: number, policy: RoundingPolicy = 'half-up'): string {
  checkArgs(x, decimals);
  if (!Number.isFinite(x)) return String(x);
  const d = toDecimal(x);
  // Drop `cut` trailing digits so the last kept digit has weight 10^-decimals.
  const cut = -decimals - d.exponent;
  let kept = d.digits;
  let exponent = d.exponent;
  if (cut > 0) {
    const unit = 10n ** BigInt(cut);
    const remainder = kept % unit;
    kept /= unit;
    if (policy === 'half-up' && remainder * 2n >= unit) kept += 1n;
    exponent = -decimals;
  }
  const places = Math.max(decimals, 0);
  // kept × 10^exponent written with `places` fraction digits (exponent ≥ -places here).
  let digits = (kept * 10n ** BigInt(exponent + places)).toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return kept !== 0n && d.negative ? `-${digits}` : digits;
}

/** ROUND(x, decimals): half away from zero on the decimal shown. decimals may be negative (ROUND(x, -3)). */
export function roundHalfUp(x: number, decimals = 0): number {
  checkArgs(x, decimals);
  if (!Number.isFinite(x)) return x;
  return Number(roundToDecimalString(x, decimals, 'half-up'));
}

/** ROUNDDOWN(x, decimals): toward zero on the decimal shown, so ROUNDDOWN(0.3*3, 1) = 0.9. */
export function roundDown(x: number, decimals = 0): number {
  checkArgs(x, decimals);
  if (!Number.isFinite(x)) return x;
  return Number(roundToDecimalString(x, decimals, 'truncate'));
}

export function roundByPolicy(x: number, decimals: number, policy: RoundingPolicy): number {
  return policy === 'truncate' ? roundDown(x, decimals) : roundHalfUp(x, decimals);
}

/** The other policy: the one a stated rate may have been rounded with instead (`rate.rounding`). */
export function otherPolicy(policy: RoundingPolicy): RoundingPolicy {
  return policy === 'truncate' ? 'half-up' : 'truncate';
}

/**
 * Half the last unit of a figure stated with `decimals` places: the figure stands for [x − t, x + t].
 * 84.5 → 0.05; 4,817 (whole units) → 0.5. Sums checks add these up to bound rounding gaps.
 */
export function unitTolerance(decimals: number): number {
  if (!Number.isInteger(decimals)) throw new RangeError(`bad decimals ${decimals}`);
  return Number(`5e${-decimals - 1}`);
}
