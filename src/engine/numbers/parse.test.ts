import fc from 'fast-check';
import { looksLikeMistypedNumber, parseCompound, parseNumber } from './parse';
import type { ParsedNumber } from './types';

const n = (value: number, extra: Partial<ParsedNumber> = {}): ParsedNumber => ({
  value,
  decimals: 0,
  percent: false,
  grouped: false,
  ...extra,
});

describe('parseNumber', () => {
  it.each<[string, ParsedNumber]>([
    ['19,000', n(19000, { grouped: true })],
    ['5000', n(5000)],
    ['  5,000 ', n(5000, { grouped: true })],
    ['0', n(0)],
    ['-', n(0, { dash: true })],
    ['－', n(0, { dash: true })],
    ['–', n(0, { dash: true })],
    [' - ', n(0, { dash: true })],
    ['△1,200', n(-1200, { grouped: true, negative: 'triangle' })],
    ['▲1,200', n(-1200, { grouped: true, negative: 'triangle' })],
    ['△ 1,200', n(-1200, { grouped: true, negative: 'triangle' })],
    ['(1,200)', n(-1200, { grouped: true, negative: 'parens' })],
    ['-1,200', n(-1200, { grouped: true, negative: 'minus' })],
    ['(1,200천원)', n(-1200, { grouped: true, negative: 'parens', unit: '천원' })],
    ['(1,200) ¹⁾', n(-1200, { grouped: true, negative: 'parens', footnote: '¹⁾' })],
    ['(84.5%)', n(84.5, { decimals: 1, percent: true })],
    ['Δ1,200', n(-1200, { grouped: true, negative: 'triangle' })],
    ['−1,200', n(-1200, { grouped: true, negative: 'minus' })],
    ['+12', n(12)],
    ['84.5%', n(84.5, { decimals: 1, percent: true })],
    ['84.5 %', n(84.5, { decimals: 1, percent: true })],
    ['△2.3%p', n(-2.3, { decimals: 1, percent: true, unit: '%p', negative: 'triangle' })],
    ['0.25', n(0.25, { decimals: 2 })],
    ['1,234.50', n(1234.5, { decimals: 2, grouped: true })],
    ['61,800 ¹⁾', n(61800, { grouped: true, footnote: '¹⁾' })],
    ['61,800¹⁾', n(61800, { grouped: true, footnote: '¹⁾' })],
    ['61,800 1)', n(61800, { grouped: true, footnote: '1)' })],
    ['61,800*', n(61800, { grouped: true, footnote: '*' })],
    ['4회', n(4, { unit: '회' })],
    ['48건', n(48, { unit: '건' })],
    ['2,649명', n(2649, { grouped: true, unit: '명' })],
    ['906백만원', n(906, { unit: '백만원' })],
    ['19,000천원', n(19000, { grouped: true, unit: '천원' })],
    ['4,817 백만원', n(4817, { grouped: true, unit: '백만원' })],
    ['１９，０００', n(19000, { grouped: true })],
    ['12개소', n(12, { unit: '개소' })],
  ])('reads %j', (text, expected) => {
    expect(parseNumber(text)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    '계',
    '진행 중',
    "'18.8.30개최",
    '온라인교육 예정(12월)',
    '2020년',
    '12월',
    '22(22)',
    '116건/ 4,817백만원',
    '12,5OO',
    '1,2 34',
    '1.234.5',
    '12,3456',
    '1,23',
    ',123',
    '1,234,',
    '--',
    '1)',
    '61,8001)',
    '위원회 결정',
    '1회추경',
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('reads any integer written plainly, grouped, or as △', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => {
        const plain = String(Math.abs(x));
        const grouped = plain.replace(/\B(?=(\d{3})+$)/g, ',');
        const sign = x < 0 ? '△' : '';
        expect(parseNumber(sign + plain)?.value).toBe(x);
        expect(parseNumber(sign + grouped)?.value).toBe(x);
        expect(parseNumber(`${x < 0 ? '-' : ''}${grouped}`)?.value).toBe(x);
      }),
    );
  });
});

describe('parseCompound', () => {
  it.each<[string, number[], Partial<ParsedNumber>[]]>([
    ['22(22)', [22, 22], []],
    ['6(7)', [6, 7], []],
    [' 1 (1) ', [1, 1], []],
    ['766(84.5%)', [766, 84.5], [{}, { percent: true, decimals: 1 }]],
    ['116건/ 4,817백만원', [116, 4817], [{ unit: '건' }, { unit: '백만원', grouped: true }]],
    ['35건/ 906백만원', [35, 906], []],
    ['5회/137명', [5, 137], [{ unit: '회' }, { unit: '명' }]],
    ['1(1)/2(-)', [1, 1, 2, 0], []],
    ['△5(3)', [-5, 3], []],
  ])('reads %j', (text, values, extras) => {
    const parts = parseCompound(text);
    expect(parts?.map((p) => p.value)).toEqual(values);
    extras.forEach((extra, i) => expect(parts?.[i]).toMatchObject(extra));
  });

  it.each([
    "'18.8.30개최",
    "'20.10.28. 온라인 화상총회 개최",
    '진행 중',
    '온라인교육 예정(12월)',
    '2018년 (2019년 예산)',
    '2020/10/28',
    '20/10/28',
    '19,000',
    '(1,200)',
    '22()',
    '/5',
    '5/',
    '집행액 (집행률)',
    '편 성 현 황 (건 / 백 만 원)',
  ])('rejects %j', (text) => {
    expect(parseCompound(text)).toBeNull();
  });
});

describe('looksLikeMistypedNumber', () => {
  it.each([
    ['12,5OO', true],
    ['1,2 34', true],
    ['1.234.5', true],
    ['12,3456', true],
    ['1,234,', true],
    ['5OO', true],
    ['1O,000천원', true],
    ['△1,2 00', true],
    ['22(2O)', true],
    ['116건/ 4,8l7백만원', true],
    ['22(22', false],
    ['2018년 (2019년 예산)', false],
    ['19,000', false],
    ['22(22)', false],
    ['진행 중', false],
    ["'18.8.30개최", false],
    ["'20.10.28.", false],
    ['2020.10.28', false],
    ['2020. 10.', false],
    ['12. 31.', false],
    ['12.31.', false],
    ['13.45.', true],
    ['1/4분기', false],
    ['10:30', false],
    ['02-123-4567', false],
    ['200 ~ 300', false],
    ['온라인교육 예정(12월)', false],
    ['*코로나19로 온라인 교육으로 대체', false],
    ['IO', false],
    ['계', false],
    ["'20", false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeMistypedNumber(text)).toBe(expected);
  });

  it('never calls a valid figure mistyped', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.nat(3), (x, d) => {
        const text = (x / 10 ** d).toFixed(d);
        expect(parseNumber(text)).not.toBeNull();
        expect(looksLikeMistypedNumber(text)).toBe(false);
      }),
    );
  });
});
