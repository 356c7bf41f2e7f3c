import fc from 'fast-check';
import { formatCompound, formatReportNumber, type FormatOptions } from './format';
import { parseCompound, parseNumber } from './parse';
import { roundHalfUp } from './rounding';

describe('formatReportNumber', () => {
  it.each<[number, FormatOptions, string]>([
    [19000, {}, '19,000'],
    [5000, {}, '5,000'],
    [5000, { grouping: false }, '5000'],
    [0, {}, '-'],
    [0, { zero: 'digits' }, '0'],
    [0.004, { decimals: 2 }, '-'],
    [-0.004, { decimals: 2, zero: 'digits' }, '0.00'],
    [-1200, {}, '△1,200'],
    [-1200, { negative: 'minus' }, '-1,200'],
    [-1200, { negative: 'parens' }, '(1,200)'],
    [-1200, { negative: 'parens', unit: '천원' }, '(1,200천원)'],
    [-2.5, { negative: 'parens', percent: true, decimals: 1 }, '△2.5%'],
    [84.5, { decimals: 1, percent: true }, '84.5%'],
    [(766 / 906) * 100, { decimals: 1, percent: true }, '84.5%'],
    [(87 / 92) * 100, { decimals: 1, percent: true }, '94.6%'],
    [(87 / 92) * 100, { decimals: 1, percent: true, rounding: 'truncate' }, '94.5%'],
    [1.005, { decimals: 2 }, '1.01'],
    [1234567.891, { decimals: 2 }, '1,234,567.89'],
    [4817, { unit: '백만원' }, '4,817백만원'],
    [-3, { unit: '건' }, '△3건'],
    [2.5, {}, '3'],
  ])('%p with %j → %j', (x, opts, expected) => {
    expect(formatReportNumber(x, opts)).toBe(expected);
  });

  it('rejects what it cannot write', () => {
    expect(() => formatReportNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatReportNumber(1, { decimals: -1 })).toThrow(RangeError);
  });

  const negativeStyle = fc.constantFrom<FormatOptions['negative']>('triangle', 'minus', 'parens');

  it('round-trips integers through parseNumber', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        negativeStyle,
        fc.boolean(),
        fc.constantFrom<FormatOptions['zero']>('dash', 'digits'),
        (x, negative, grouping, zero) => {
          const text = formatReportNumber(x, { negative, grouping, zero });
          const parsed = parseNumber(text);
          expect(parsed?.value).toBe(x);
          expect(parsed?.dash ?? false).toBe(x === 0 && zero === 'dash');
          if (x !== 0) expect(parsed?.negative).toBe(x < 0 ? negative : undefined);
        },
      ),
    );
  });

  it('round-trips figures with fixed decimals, percent and unit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        negativeStyle,
        fc.boolean(),
        fc.constantFrom(undefined, '천원', '백만원', '건', '명'),
        (x, decimals, negative, percent, unit) => {
          const text = formatReportNumber(x, { decimals, negative, percent, unit });
          const parsed = parseNumber(text);
          expect(parsed?.value).toBe(roundHalfUp(x, decimals));
          if (parsed && !parsed.dash) {
            expect(parsed.decimals).toBe(decimals);
            expect(parsed.percent).toBe(percent);
            expect(parsed.unit).toBe(unit);
            const written = percent && negative === 'parens' ? 'triangle' : negative;
            expect(parsed.negative).toBe(parsed.value >= 0 ? undefined : written);
          }
        },
      ),
    );
  });
});

describe('formatCompound', () => {
  it.each([
    [[{ value: 22 }, { value: 22 }], 'paren', '22(22)'],
    [[{ value: 766 }, { value: 84.547, decimals: 1, percent: true }], 'paren', '766(84.5%)'],
    [[{ value: 116, unit: '건' }, { value: 4817, unit: '백만원' }], 'slash', '116건/ 4,817백만원'],
    [[{ value: 0 }, { value: 1 }], 'paren', '0(1)'],
  ] as const)('%j as %s → %s', (parts, style, expected) => {
    expect(formatCompound([...parts], style)).toBe(expected);
  });

  it('refuses a parenthesised compound of other than two parts', () => {
    expect(() => formatCompound([{ value: 1 }], 'paren')).toThrow(RangeError);
    expect(() => formatCompound([{ value: 1 }], 'slash')).toThrow(RangeError);
  });

  it('round-trips through parseCompound', () => {
    const part = fc.record({
      value: fc.integer({ min: -1e9, max: 1e9 }),
      unit: fc.constantFrom(undefined, '건', '백만원', '회', '명'),
      negative: fc.constantFrom<FormatOptions['negative']>('triangle', 'minus', 'parens'),
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 4 }), fc.boolean(), (parts, paren) => {
        const style = paren ? 'paren' : 'slash';
        const used = paren ? parts.slice(0, 2) : parts;
        const parsed = parseCompound(formatCompound(used, style));
        expect(parsed?.map((p) => p.value)).toEqual(used.map((p) => p.value));
        expect(parsed?.map((p) => p.unit)).toEqual(used.map((p) => p.unit));
      }),
    );
  });
});
