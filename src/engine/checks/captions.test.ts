import { gridFromTsv } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import { BUDGET_FIXTURES, STAFFING, load, type Fixture } from '../test-support/report-derived-fixtures';
import type { SheetGrid } from '../grid/types';
import type { Table, TableLayout } from '../model/table';
import { inferCaptionRelations } from '../relations/captions';
import { checkCaptions } from './captions';

function check(sheet: SheetGrid, layout: TableLayout, planYear?: number) {
  const table: Table = { ...layout, relations: inferCaptionRelations(sheet, layout, { planYear }) };
  return checkCaptions(sheet, table, {});
}

function loaded(fixture: Fixture, edit?: (t: string) => string) {
  return load(fixture, edit);
}

describe('checkCaptions on the report', () => {
  test.each(BUDGET_FIXTURES.map((f) => [f.name, f] as const))('%s checks clean', (_name, fixture) => {
    const { sheet, layout } = loaded(fixture);
    expect(check(sheet, layout, 2021)).toEqual([]);
  });

  test('the staffing caption matches "22(22)" component by component', () => {
    const { sheet, layout } = loaded(STAFFING);
    expect(check(sheet, layout)).toEqual([]);
  });
});

describe('planted caption faults', () => {
  test.each([
    ['공약 이행평가', '19,000천원', '19,500천원', 19000, 19500],
    ['주민참여예산', '32,300천원', '31,140천원', 32300, 31140],
    ['구의회', '52,700천원', '61,800천원', 52700, 61800],
    ['송무', '182,170천원', '182,710천원', 182170, 182710],
  ])('%s: %s changed to %s', (name, from, to, expected, actual) => {
    const fixture = BUDGET_FIXTURES.find((f) => f.name === name);
    if (!fixture) throw new Error(name);
    const { sheet, layout } = loaded(fixture, (t) => t.replace(`: ${from}`, `: ${to}`));
    const findings = check(sheet, layout, 2021);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'caption.amount',
        severity: 'error',
        cell: 'A1',
        expected,
        actual,
        related: ['D7'],
        params: expect.objectContaining({ year: 2021, unit: '천원', difference: actual - expected }),
      }),
    ]);
  });

  test('a changed table cell is found from the caption side too', () => {
    const { sheet, layout } = loaded(BUDGET_FIXTURES[0], (t) => t.replace('계\t19,000\t-\t19,000', '계\t19,000\t-\t18,000'));
    expect(check(sheet, layout, 2021)).toEqual([expect.objectContaining({ cell: 'A1', expected: 18000, actual: 19000 })]);
  });

  test('staffing: 정원 23명 against "22(22)" names component 0', () => {
    const { sheet, layout } = loaded(STAFFING, (t) => t.replace('정원 22명', '정원 23명'));
    expect(check(sheet, layout)).toEqual([
      expect.objectContaining({ rule: 'caption.amount', cell: 'A1', expected: 22, actual: 23, params: expect.objectContaining({ component: 0 }) }),
    ]);
  });
});

describe('caption units', () => {
  function table(caption: string, unit: string, figure: string) {
    const sheet = gridFromTsv([caption, `(단위 : ${unit})`, '재원별\t합계\t2021년', `계\t${figure}\t${figure}`].join('\n'));
    return { sheet, layout: handLayout(sheet, { range: 'A3:C4', headerRows: 1, labelCols: 1, unit }) };
  }

  test.each([
    ['□ 2021년 소요예산 : 182백만원', '천원', '182,170', 0],
    ['□ 2021년 소요예산 : 183백만원', '천원', '182,870', 0], // rounded half-up
    ['□ 2021년 소요예산 : 182백만원', '천원', '182,870', 0], // cut off
    ['□ 2021년 소요예산 : 184백만원', '천원', '182,170', 1],
    ['□ 2021년 소요예산 : 19,000천원', '백만원', '19', 0],
    ['□ 2021년 소요예산 : 19,500천원', '백만원', '19', 0], // the table cut 19.5 off
    ['□ 2021년 소요예산 : 20,500천원', '백만원', '19', 1],
  ])('%s over %s %s', (caption, unit, figure, count) => {
    const { sheet, layout } = table(caption, unit, figure);
    expect(check(sheet, layout)).toHaveLength(count);
  });
});
