import fc from 'fast-check';
import { gridFromTsv } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import { LAWSUITS, PARTICIPATORY, load } from '../test-support/report-derived-fixtures';
import type { SheetGrid } from '../grid/types';
import type { RoundingPolicy } from '../model/options';
import type { Table, TableLayout } from '../model/table';
import { roundToDecimalString } from '../numbers/rounding';
import { inferRateRelations } from '../relations/rates';
import { checkProseRates } from './prose-rates';
import { checkRates } from './rates';

function tableOf(sheet: SheetGrid, layout: TableLayout, rounding: RoundingPolicy = 'half-up'): Table {
  return { ...layout, relations: inferRateRelations(sheet, layout, { rounding }) };
}

/** checkRates and checkProseRates, as checkTable runs them. */
function check(sheet: SheetGrid, layout: TableLayout, rounding: RoundingPolicy = 'half-up') {
  const table = tableOf(sheet, layout, rounding);
  return [...checkRates(sheet, table, { rounding }), ...checkProseRates(sheet, table, { rounding })];
}

function single(rate: string, num = '87', den = '92') {
  const sheet = gridFromTsv(['구분\t종결\t승소\t승소율(%)', `계\t${den}\t${num}\t${rate}`].join('\n'));
  return { sheet, layout: handLayout(sheet, { range: 'A1:D2', headerRows: 1, labelCols: 1, unit: '건' }) };
}

describe('checkRates on the report', () => {
  test('the participatory-budget table checks clean (766 / 906 = 84.547 → 84.5)', () => {
    const { sheet, layout } = load(PARTICIPATORY);
    expect(check(sheet, layout)).toEqual([]);
    expect(check(sheet, layout, 'truncate')).toEqual([]);
  });

  test('a changed 집행률 is a rate.mismatch on the compound cell, with the arithmetic', () => {
    const { sheet, layout } = load(PARTICIPATORY, (t) => t.replace('766(84.5%)', '766(85.4%)'));
    const [f, ...rest] = check(sheet, layout);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'rate.mismatch',
      severity: 'error',
      cell: 'B6',
      expected: 84.5,
      actual: 85.4,
      related: ['B6', 'B5'],
      params: { numerator: 766, denominator: 906, component: 1, policy: 'half-up' },
    });
  });

  test('the lawsuit prose "종결사건(92건) 승소율 : 94.5%" is 87/92 truncated: a rate.rounding warning, never an error', () => {
    const { sheet, layout } = load(LAWSUITS);
    expect(checkRates(sheet, tableOf(sheet, layout), {})).toEqual([]); // the table itself states no rate
    const findings = check(sheet, layout);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'rate.rounding',
        severity: 'warning',
        cell: 'A17',
        expected: 94.6,
        actual: 94.5,
        related: ['A16'],
        params: expect.objectContaining({ numerator: 87, denominator: 92, rightUnder: 'truncate', source: 'prose' }),
      }),
    ]);
    expect(check(sheet, layout, 'truncate')).toEqual([]);
  });

  test.each([['95.5'], ['90.0']])('prose stating %s%% (wrong under both policies) yields nothing: prose is never an error', (stated) => {
    const { sheet, layout } = load(LAWSUITS, (t) => t.replace('승소율 : 94.5%', `승소율 : ${stated}%`));
    expect(check(sheet, layout).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('prose stated with half-up under the truncate option is the mirror warning', () => {
    const { sheet, layout } = load(LAWSUITS, (t) => t.replace('승소율 : 94.5%', '승소율 : 94.6%'));
    expect(check(sheet, layout)).toEqual([]);
    expect(check(sheet, layout, 'truncate')).toEqual([
      expect.objectContaining({ rule: 'rate.rounding', expected: 94.5, actual: 94.6, params: expect.objectContaining({ rightUnder: 'half-up' }) }),
    ]);
  });
});

describe('checkRates rules', () => {
  test.each([
    // stated, policy, rule (null: no finding), expected
    ['94.6', 'half-up', null, null],
    ['94.5', 'half-up', 'rate.rounding', 94.6],
    ['94.5', 'truncate', null, null],
    ['94.6', 'truncate', 'rate.rounding', 94.5],
    ['94.7', 'half-up', 'rate.mismatch', 94.6],
    ['94.7', 'truncate', 'rate.mismatch', 94.5],
    ['95', 'half-up', null, null],
    ['94.57', 'half-up', null, null],
    ['94.56', 'half-up', 'rate.rounding', 94.57],
  ] as [string, RoundingPolicy, string | null, number | null][])('87/92 stated %s under %s', (stated, policy, rule, expected) => {
    const { sheet, layout } = single(stated);
    const findings = check(sheet, layout, policy);
    if (rule === null) expect(findings).toEqual([]);
    else expect(findings).toEqual([expect.objectContaining({ rule, cell: 'D2', expected, actual: Number(stated) })]);
  });

  test('a rate.rounding finding says which policy makes it right', () => {
    const { sheet, layout } = single('94.5');
    expect(check(sheet, layout)[0].params).toMatchObject({ statedPolicy: 'truncate', policy: 'half-up', exact: 94.5652 });
  });

  test.each([
    ['-', null],
    ['0', null],
    ['', null],
    ['12.5', 'rate.mismatch'],
  ])('zero denominator with the rate stated as "%s"', (stated, rule) => {
    const { sheet, layout } = single(stated, '0', '0');
    const findings = check(sheet, layout);
    if (rule === null) expect(findings).toEqual([]);
    else expect(findings).toEqual([expect.objectContaining({ rule, cell: 'D2', expected: null, actual: 12.5 })]);
  });

  test('a fraction with a % format is judged on the percentage it shows', () => {
    const pct = (v: number) => ({ v, fmt: '0.0%' });
    const sheet = gridFromTsv('구분\t예산액\t집행액\t집행률');
    const rows = [
      ['계', 1000, 845, pct(0.845)],
      ['가', 400, 300, pct(0.75)],
      ['나', 600, 545, pct(0.9)],
    ];
    const cells = [...sheet.cells, ...rows.map((r) => r.map((x) => (typeof x === 'object' ? x : { v: x })))];
    const g: SheetGrid = { ...sheet, cells };
    const layout = handLayout(g, { range: 'A1:D4', headerRows: 1, labelCols: 1 });
    const findings = check(g, layout);
    expect(findings).toEqual([expect.objectContaining({ rule: 'rate.mismatch', cell: 'D4', expected: 0.908, actual: 0.9 })]);
  });

  test('a formula left unrounded is compared at full precision (a wrong base is caught)', () => {
    const sheet = gridFromTsv('구분\t2019년\t2020년\t증감률(%)');
    const right = { v: (50 / 200) * 100, f: '(C2-B2)/B2*100' };
    const wrongBase = { v: (50 / 250) * 100 + 1e-12, f: '(C3-B3)/C3*100' };
    const cells = [...sheet.cells, ['계', 200, 250, right].map((x) => (typeof x === 'object' ? x : { v: x })), ['가', 200, 250, wrongBase].map((x) => (typeof x === 'object' ? x : { v: x }))];
    const g: SheetGrid = { ...sheet, cells };
    const layout = handLayout(g, { range: 'A1:D3', headerRows: 1, labelCols: 1 });
    expect(check(g, layout)).toEqual([expect.objectContaining({ rule: 'rate.mismatch', cell: 'D3', expected: 25 })]);
  });

  test.each([
    ['백만원', '906', '766', '84.6', 0],
    ['백만원', '906', '766', '84.4', 0],
    ['백만원', '906', '766', '85.5', 1],
    ['천원', '906', '766', '84.6', 1],
    ['백만원', '81', '67', '83.3', 0],
    ['백만원', '81', '67', '84.3', 1],
  ])('amounts in %s: %s / %s stated as %s gives %i finding(s)', (unit, den, num, stated, count) => {
    // Amounts shown in 백만원 stand for an interval (766 for 765.5…766.5), and the rate is the exact amounts' rate:
    // 766 / 906 may show 84.4 to 84.7; 67 / 81 anything from 81.6 to 83.9.
    const sheet = gridFromTsv(['구분\t예산액\t집행액\t집행률(%)', `계\t${den}\t${num}\t${stated}`].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D2', headerRows: 1, labelCols: 1, unit });
    expect(check(sheet, layout)).toHaveLength(count);
  });
});

describe('rates written by formulas', () => {
  function formulaTable(value: number, formula: string) {
    const sheet = gridFromTsv('구분\t종결\t승소\t승소율(%)');
    const g: SheetGrid = { ...sheet, cells: [...sheet.cells, [{ v: '계' }, { v: 92 }, { v: 87 }, { v: value, f: formula, fmt: '0.0' }]] };
    return { sheet: g, layout: handLayout(g, { range: 'A1:D2', headerRows: 1, labelCols: 1 }) };
  }

  test.each([
    ['ROUND(C2/B2*100,1)', 94.6, []],
    ['C2/B2*100', (87 / 92) * 100, []],
    ['ROUNDDOWN(C2/B2*100,1)', 94.5, ['rate.rounding']],
    ['C2/(B2+1)*100', (87 / 93) * 100, ['rate.mismatch']],
  ])('=%s', (formula, value, rules) => {
    const { sheet, layout } = formulaTable(value, formula);
    expect(check(sheet, layout).map((f) => f.rule)).toEqual(rules);
  });
});

describe('checkRates property', () => {
  const policyArb = fc.constantFrom<RoundingPolicy>('half-up', 'truncate');
  const caseArb = fc.record({
    num: fc.integer({ min: 0, max: 2_000_000 }),
    den: fc.integer({ min: 1, max: 2_000_000 }),
    decimals: fc.integer({ min: 0, max: 2 }),
    policy: policyArb,
  });

  function table(num: number, den: number, rate: string) {
    const sheet = gridFromTsv(['세목\t부과액\t징수액\t징수율(%)', `계\t${den}\t${num}\t${rate}`].join('\n'));
    return { sheet, layout: handLayout(sheet, { range: 'A1:D2', headerRows: 1, labelCols: 1, unit: '천원' }) };
  }

  test('a rate computed under the policy checks clean', () => {
    fc.assert(
      fc.property(caseArb, ({ num, den, decimals, policy }) => {
        const stated = roundToDecimalString((num * 100) / den, decimals, policy);
        const { sheet, layout } = table(num, den, stated);
        expect(check(sheet, layout, policy)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('a rate off by one unit of its last decimal is a finding naming the cell', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(-1, 1), ({ num, den, decimals, policy }, step) => {
        const stated = roundToDecimalString((num * 100) / den, decimals, policy);
        const unit = Number(`1e-${decimals}`);
        const perturbed = (Number(stated) + step * unit).toFixed(decimals);
        const { sheet, layout } = table(num, den, perturbed);
        const findings = check(sheet, layout, policy);
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ cell: 'D2', actual: Number(perturbed) });
        expect(['rate.mismatch', 'rate.rounding']).toContain(findings[0].rule);
      }),
      { numRuns: 300 },
    );
  });
});
