import fc from 'fast-check';
import { otherPolicy, roundByPolicy, roundDown, roundHalfUp, roundToDecimalString, unitTolerance } from './rounding';

/**
 * Reference: round the decimal text itself. Half-up on a decimal only needs the first dropped digit (≥ 5 rounds
 * away from zero); truncation drops the digits. Written with string carries, independently of rounding.ts.
 */
function referenceRound(negative: boolean, mantissa: string, exponent: number, decimals: number, halfUp: boolean) {
  // value = mantissa × 10^exponent; `digits` with the point after `point` characters.
  let digits = mantissa + '0'.repeat(Math.max(exponent, 0));
  let point = mantissa.length + exponent;
  let keep = point + decimals;
  if (keep < 1) {
    digits = '0'.repeat(1 - keep) + digits;
    point += 1 - keep;
    keep = 1;
  }
  if (digits.length < keep) digits += '0'.repeat(keep - digits.length);
  let kept = digits.slice(0, keep);
  const next = digits[keep] ?? '0';
  if (halfUp && next >= '5') {
    const chars = kept.split('');
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === '9') chars[i--] = '0';
    if (i < 0) chars.unshift('1');
    else chars[i] = String(Number(chars[i]) + 1);
    kept = chars.join('');
  }
  const magnitude = Number(`${kept}e${-decimals}`);
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** A decimal of up to 15 significant digits (what a spreadsheet cell can show exactly) and its double. */
const decimalArb = fc
  .record({
    negative: fc.boolean(),
    mantissa: fc.stringMatching(/^[1-9][0-9]{0,14}$/),
    exponent: fc.integer({ min: -18, max: 6 }),
  })
  .map((d) => ({ ...d, x: Number(`${d.negative ? '-' : ''}${d.mantissa}e${d.exponent}`) }));

describe('spreadsheet rounding', () => {
  it.each([
    [1.005, 2, 1.01, 1],
    [2.675, 2, 2.68, 2.67],
    [-1.005, 2, -1.01, -1],
    [(87 / 92) * 100, 1, 94.6, 94.5],
    [94.565, 1, 94.6, 94.5],
    [(766 / 906) * 100, 1, 84.5, 84.5],
    [0.3 * 3, 1, 0.9, 0.9],
    [1.1 * 3, 1, 3.3, 3.3],
    [4.35 * 100, 0, 435, 435],
    [0.1 + 0.2, 2, 0.3, 0.3],
    [0.5, 0, 1, 0],
    [-0.5, 0, -1, 0],
    [2.5, 0, 3, 2],
    [-2.5, 0, -3, -2],
    [-1.99, 0, -2, -1],
    [1234.5, -2, 1200, 1200],
    [1250, -2, 1300, 1200],
    [-1250, -2, -1300, -1200],
    [19000, 0, 19000, 19000],
    [0, 2, 0, 0],
    [1e21 + 12345, -3, 1e21, 1e21],
    [1.23456789e-7, 9, 1.23e-7, 1.23e-7],
  ])('ROUND(%p, %i) = %p, ROUNDDOWN = %p', (x, decimals, half, down) => {
    expect(roundHalfUp(x, decimals)).toBe(half);
    expect(roundDown(x, decimals)).toBe(down);
    expect(roundByPolicy(x, decimals, 'half-up')).toBe(half);
    expect(roundByPolicy(x, decimals, 'truncate')).toBe(down);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfUp(-0.4, 0), 0)).toBe(true);
    expect(Object.is(roundDown(-0.9, 0), 0)).toBe(true);
    expect(roundToDecimalString(-0.001, 2)).toBe('0.00');
  });

  it('writes fixed decimals', () => {
    expect(roundToDecimalString(1.005, 2)).toBe('1.01');
    expect(roundToDecimalString(-1234.5, 2)).toBe('-1234.50');
    expect(roundToDecimalString(0.05, 1)).toBe('0.1');
    expect(roundToDecimalString(1250, -2)).toBe('1300');
    expect(roundToDecimalString(0.3 * 3, 3, 'truncate')).toBe('0.900');
  });

  it('passes non-finite values through and rejects bad decimals', () => {
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
    expect(roundDown(Infinity, 2)).toBe(Infinity);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });

  it('agrees with decimal rounding of the 15 digits shown', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: -6, max: 12 }), (d, decimals) => {
        expect(roundHalfUp(d.x, decimals)).toBe(referenceRound(d.negative, d.mantissa, d.exponent, decimals, true));
        expect(roundDown(d.x, decimals)).toBe(referenceRound(d.negative, d.mantissa, d.exponent, decimals, false));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds exact halves away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 5 }), (k, decimals) => {
        // k + 0.5 units of the last place, written as a decimal.
        const x = Number(`${k < 0 ? '-' : ''}${Math.abs(k)}5e${-decimals - 1}`);
        const away = (Math.abs(k) + 1) * (k < 0 ? -1 : 1);
        expect(roundHalfUp(x, decimals)).toBe(Number(`${away}e${-decimals}`));
        expect(roundDown(x, decimals)).toBe(Number(`${k}e${-decimals}`) || 0);
      }),
    );
  });

  it('is idempotent and truncation never moves away from zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        const half = roundHalfUp(x, decimals);
        const down = roundDown(x, decimals);
        expect(roundHalfUp(half, decimals)).toBe(half);
        expect(roundDown(down, decimals)).toBe(down);
        expect(Math.abs(down)).toBeLessThanOrEqual(Math.abs(roundHalfUp(x, 14)));
        expect(Math.abs(half - x)).toBeLessThanOrEqual(unitTolerance(decimals) * (1 + 1e-9) + Math.abs(x) * 1e-14);
      }),
    );
  });

  it('names the other policy and the unit tolerance', () => {
    expect(otherPolicy('half-up')).toBe('truncate');
    expect(otherPolicy('truncate')).toBe('half-up');
    expect(unitTolerance(0)).toBe(0.5);
    expect(unitTolerance(1)).toBe(0.05);
    expect(unitTolerance(-3)).toBe(500);
  });
});
