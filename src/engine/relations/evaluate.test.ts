import fc from 'fast-check';
import { grid } from '../test-support/grid-builder';
import { roundByPolicy } from '../numbers/rounding';
import { formatDecimals, judgeDiff, judgeRate, readStatedRate, roundAt } from './evaluate';

describe('roundAt', () => {
  test('agrees with the decimal routine everywhere', () => {
    const policy = fc.constantFrom<'half-up' | 'truncate'>('half-up', 'truncate');
    const x = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 2_000_000 })).map(([n, d]) => (n * 100) / d),
      fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000 + 0.0005), // ties at 3 decimals
      fc.integer({ min: -100000, max: 100000 }).map((n) => n / 200), // ties at 2 decimals
    );
    fc.assert(
      fc.property(x, fc.integer({ min: 0, max: 4 }), policy, (value, d, p) => {
        expect(roundAt(value, d, p)).toBe(roundByPolicy(value, d, p));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    [1.005, 2, 'half-up', 1.01],
    [2.675, 2, 'half-up', 2.68],
    [94.5652173913, 1, 'half-up', 94.6],
    [94.5652173913, 1, 'truncate', 94.5],
    [-12.25, 1, 'half-up', -12.3],
    [-12.29, 1, 'truncate', -12.2],
  ] as const)('roundAt(%p, %p, %s) = %p', (x, d, p, out) => {
    expect(roundAt(x, d, p)).toBe(out);
  });
});

describe('reading stated rates', () => {
  test.each([
    ['#,##0.0_ ', 1],
    ['0.00%', 2],
    ['0%', 0],
    ['General', null],
    [undefined, null],
    ['#,##0;"△"#,##0;"-"', 0],
  ])('formatDecimals(%p) = %p', (fmt, d) => {
    expect(formatDecimals(fmt)).toBe(d);
  });

  test('a text "84.5%", a number under (%), a fraction with a % format, a compound component', () => {
    const g = grid([['84.5%', 84.5, { v: 0.845, fmt: '0.0%' }, '766(84.5%)']]);
    expect(readStatedRate(g, { row: 0, col: 0 })).toMatchObject({ percent: 84.5, scale: 100, shown: 1 });
    expect(readStatedRate(g, { row: 0, col: 1 })).toMatchObject({ percent: 84.5, scale: 100, shown: null, stored: 1 });
    expect(readStatedRate(g, { row: 0, col: 2 })).toMatchObject({ scale: 1, shown: 1 });
    expect(readStatedRate(g, { row: 0, col: 2 })?.percent).toBeCloseTo(84.5, 10);
    expect(readStatedRate(g, { row: 0, col: 3, comp: 1 })).toMatchObject({ percent: 84.5, scale: 100, shown: 1 });
    expect(readStatedRate(g, { row: 0, col: 3 })).toBeNull();
  });
});

describe('judging', () => {
  const op = (value: number, decimals = 0, unit?: string) => ({ value, decimals, unit });
  const stated = (percent: number, shown = 1) => ({ percent, scale: 100 as const, shown, stored: shown, formula: false, dash: false });

  test.each([
    [94.6, 'ok'],
    [94.5, 'other-policy'],
    [94.7, 'mismatch'],
  ])('87/92 stated %p is %s under half-up', (s, status) => {
    expect(judgeRate({ stated: stated(s), numerator: op(87), denominator: op(92) }, 1, 'half-up', false).status).toBe(status);
  });

  test('a subtracted operand makes an increase rate', () => {
    const v = judgeRate({ stated: stated(25), numerator: op(250), subtract: op(200), denominator: op(200) }, 1, 'half-up', false);
    expect(v.status).toBe('ok');
  });

  test.each([
    [200, 'ok', false],
    [201, 'mismatch', false],
    [201, 'rounding', true],
    [203, 'mismatch', true],
  ])('1,200 − 1,000 stated %p: %s (coarse %p)', (s, status, coarse) => {
    expect(judgeDiff(op(s), op(1200), op(1000), coarse, false).status).toBe(status);
  });

  test('a blank 증감 is not judged', () => {
    expect(judgeDiff(op(0), op(1200), op(1000), false, true).status).toBe('skip');
  });
});
