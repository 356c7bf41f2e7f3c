import { RULES, severityOf, type Finding, type RuleId } from '../engine/model/finding';
import { formatFinding, ruleTitle } from './finding-messages';
import { LANGS } from './lang';

function finding(rule: RuleId, rest: Partial<Finding> = {}): Finding {
  return { rule, severity: severityOf(rule), sheet: '기획예산과', cell: 'C7', ...rest };
}

/** One representative finding per rule, shaped as the engine makes them. */
const SAMPLES: Record<RuleId, Finding> = {
  'sum.row': finding('sum.row', { expected: 48400, actual: 48000, related: ['D7', 'E7', 'F7', 'G7'], params: { difference: -400 } }),
  'sum.column': finding('sum.column', {
    cell: 'E6',
    expected: 32300,
    actual: 32000,
    related: ['E7', 'E8'],
    params: { difference: -300, arithmetic: '16,150 + 16,150 = 32,300' },
  }),
  'sum.cell': finding('sum.cell', { cell: 'E7', expected: 16150, actual: 16450, related: ['C7', 'E6'], params: { difference: 300 } }),
  'sum.rounding': finding('sum.rounding', { expected: 12.4, actual: 12.5, related: ['D7', 'E7'], params: { difference: 0.1, tolerance: 0.15 } }),
  'sum.formula-range': finding('sum.formula-range', { expected: null, actual: 'SUM(D7:F7)', related: ['D7', 'E7', 'F7', 'G7'], params: { formula: 'SUM(D7:F7)', missing: 'G7', extra: '' } }),
  'year.sequence': finding('year.sequence', { cell: 'F5', expected: 2022, actual: 2021, params: { problem: 'duplicate' } }),
  'year.span': finding('year.span', { cell: 'B4', expected: '2020–2023', actual: '2021–2024', related: ['B20'] }),
  'caption.amount': finding('caption.amount', { cell: 'B2', expected: 32300, actual: 32000, related: ['E6'], params: { year: 2021, unit: '천원', difference: -300 } }),
  'rate.mismatch': finding('rate.mismatch', { cell: 'H7', expected: 84.5, actual: 85.4, related: ['F7', 'G7'], params: { numerator: 766, denominator: 906 } }),
  'number.invalid': finding('number.invalid', { cell: 'D8', expected: 12500, actual: '12,5OO' }),
  'number.text': finding('number.text', { cell: 'D9', actual: '19,000', params: { scope: 'cell', textCells: 1 } }),
  'value.error': finding('value.error', { cell: 'F9', actual: '#REF!' }),
  'diff.mismatch': finding('diff.mismatch', { cell: 'I7', expected: -1200, actual: 1200, related: ['H7', 'G7'], params: { later: 3800, earlier: 5000, difference: 2400 } }),
  'rate.rounding': finding('rate.rounding', {
    cell: 'C12',
    expected: 94.6,
    actual: 94.5,
    related: [],
    params: { rate: '승소율', numerator: 87, denominator: 92, policy: 'half-up', statedPolicy: 'truncate', rightUnder: 'truncate', arithmetic: '87 / 92 × 100 = 94.5652' },
  }),
  'spec.mismatch': finding('spec.mismatch', { cell: 'D5', expected: '2020년', actual: '비고' }),
  'fill.conflict': finding('fill.conflict', { expected: 48400, actual: 48000 }),
  'format.style': finding('format.style', { cell: 'D7', expected: '-', actual: '0', related: ['E7'], params: { style: 'zero' } }),
};

describe('formatFinding', () => {
  it('has a sample for every rule', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(RULES).sort());
  });

  const cases = Object.values(SAMPLES).flatMap((f) => LANGS.map((lang) => [f.rule, lang, f] as const));
  it.each(cases)('%s (%s) names the cell, shows the figures in report style and no placeholders', (_rule, lang, f) => {
    const text = formatFinding(f, lang);
    expect(text).toContain(f.cell);
    expect(text).not.toMatch(/undefined|NaN|\[object|null/);
    for (const x of [f.expected, f.actual]) {
      // Figures carry thousands separators; years are written as years.
      const asShown = f.rule.startsWith('year.') ? String(x) : Math.abs(Number(x)).toLocaleString('en-US');
      if (typeof x === 'number' && Math.abs(x) >= 1000) expect(text).toContain(asShown);
    }
    if (lang === 'ko') expect(text).toMatch(/[가-힣]/);
    // English text may quote the sheet's own Korean words, but adds none of its own.
    else {
      const data = [f.expected, f.actual, ...Object.values(f.params ?? {})];
      expect(data.reduce<string>((t, x) => (typeof x === 'string' ? t.split(x).join('') : t), text)).not.toMatch(/[가-힣]/);
    }
  });

  it('shows the arithmetic of a failing total (the design example)', () => {
    expect(formatFinding(SAMPLES['sum.row'], 'ko')).toBe('가로 합계 C7의 값은 48,000이지만 D7+E7+F7+G7 = 48,400입니다 (차이 400)');
    expect(formatFinding(SAMPLES['sum.row'], 'en')).toBe('Row total C7 is 48,000 but D7+E7+F7+G7 = 48,400 (off by 400)');
  });

  it('shows the values of the parts when the engine gives them', () => {
    expect(formatFinding(SAMPLES['sum.column'], 'en')).toContain('E7+E8 = 16,150 + 16,150 = 32,300');
  });

  it('computes the difference from expected and actual when params lack it', () => {
    const f = finding('sum.row', { expected: 1000, actual: 1234, related: ['D7', 'E7'] });
    expect(formatFinding(f, 'ko')).toContain('(차이 234)');
  });

  it('writes negatives with △ and keeps decimals', () => {
    expect(formatFinding(SAMPLES['diff.mismatch'], 'en')).toBe('Change I7 is 1,200 but H7 − G7 = 3,800 − 5,000 = △1,200 (off by 2,400)');
    expect(formatFinding(SAMPLES['rate.mismatch'], 'en')).toContain('F7/G7 = 766 / 906 gives 84.5');
    expect(formatFinding(SAMPLES['sum.rounding'], 'en')).toMatch(/difference of 0\.1 .*±0\.15/);
  });

  it('names the likely wrong cell, the fixing value and the totals it explains', () => {
    const ko = formatFinding(SAMPLES['sum.cell'], 'ko');
    expect(ko).toBe('E7 셀이 틀린 것으로 보입니다: 지금 값(16,450)을 맞는 값(16,150)으로 고치면 합계(C7, E6)가 모두 맞습니다 (차이 300)');
    expect(formatFinding(SAMPLES['sum.cell'], 'en')).toMatch(/E7 is probably the wrong cell.*16,450.*16,150.*C7, E6/);
  });

  it('abbreviates a long list of parts', () => {
    const related = Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(68 + i)}7`);
    const text = formatFinding(finding('sum.row', { expected: 1, actual: 2, related }), 'en');
    expect(text).toContain('D7+E7+…+O7 (12 cells)');
  });

  it('says which rounding makes a stated rate right', () => {
    expect(formatFinding(SAMPLES['rate.rounding'], 'ko')).toBe(
      '비율 C12의 값(94.5)은 승소율 87 / 92 × 100 = 94.5652, 이 계산값을 버림한 값입니다. 반올림 기준으로는 94.6입니다',
    );
  });

  it('writes years as years and caption amounts with their unit', () => {
    expect(formatFinding(SAMPLES['year.sequence'], 'ko')).toBe('연도 머리글 F5(중복): 이 자리의 연도는 2022년이어야 하는데 2021년입니다');
    expect(formatFinding(SAMPLES['caption.amount'], 'ko')).toBe('표제 B2에 적힌 금액(32,000천원)이 표의 E6 2021년 값(32,300천원)과 다릅니다 (차이 300)');
  });

  it.each(Object.keys(RULES) as RuleId[])('has titles for %s', (rule) => {
    expect(ruleTitle(rule, 'ko')).toMatch(/[가-힣]/);
    expect(ruleTitle(rule, 'en')).toMatch(/^[a-zA-Z ]+$/);
  });
});
