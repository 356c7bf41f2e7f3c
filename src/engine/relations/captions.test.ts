import { gridFromTsv, sheet as sheetOf } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import { BUDGET_FIXTURES, STAFFING, load } from '../test-support/report-derived-fixtures';
import type { Relation } from '../model/table';
import { inferCaptionRelations, inferPlanYear, isUnitOrBasisLine, parseCaptionAmount } from './captions';

type Caption = Extract<Relation, { type: 'caption' }>;
const captions = (rels: Relation[]) => rels.filter((r): r is Caption => r.type === 'caption');

describe('parseCaptionAmount', () => {
  test.each([
    ['□ 2021년 소요예산 : 19,000천원', 'budget', 2021, [19000], '천원'],
    ['2021년 소요예산 : 34,900천원', 'budget', 2021, [34900], '천원'],
    ['□ **소요예산 : 182,170천원**', 'budget', undefined, [182170], '천원'],
    ["□ '21년 소요예산 : 1.5억원", 'budget', 2021, [1.5], '억원'],
    ['○ 2021년 예산 : 500백만원', 'budget', 2021, [500], '백만원'],
    ['□ 인 력 : 정원 22명(현원 22명)', 'staff', undefined, [22, 22], '명'],
  ])('%s', (text, subject, year, values, unit) => {
    const parsed = parseCaptionAmount(text);
    expect(parsed?.subject).toBe(subject);
    expect(parsed?.year).toBe(year);
    expect(parsed?.figures.map((f) => f.value)).toEqual(values);
    expect(parsed?.figures[0].unit).toBe(unit);
  });

  test.each([
    ['□ **2021년 소요예산 : 미정(시비)**'],
    ['□ 소요예산 : 비예산'],
    ['※ 1개 과제당 연구예산 5,000천원 ~ 10,000천원 지원'],
    ['- 지 급 액 : 15,000천원'],
    ['- 공약수 : 5대 목표 12개 분야 69개 사업'],
    ['□ 조 직 : 4팀'],
    ['○ 총사업비 : 500백만원'],
    ['- 사업비 : 19,000천원'],
    ['- 예산 : 5,000천원 (구비)'],
    ['□ 사업 필요성'],
  ])('%s states no amount to check', (text) => {
    expect(parseCaptionAmount(text)).toBeNull();
  });

  test.each([['(단위 : 천원)'], ['(2020. 10월말 기준, 단위 : 건)'], ["(기준일 : '20. 10월말)"], ['<단위 : 건, 천원, %>']])('%s is a unit or basis line', (t) => {
    expect(isUnitOrBasisLine(t)).toBe(true);
  });
});

describe('inferCaptionRelations on the report budget tables', () => {
  test.each(BUDGET_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const { sheet, layout } = load(fixture);
    const found = captions(inferCaptionRelations(sheet, layout, { planYear: 2021 }));
    if (fixture.name === '구정연구단') {
      expect(found).toEqual([]); // "미정(시비)": nothing to check
      return;
    }
    // The 계 row (first body row) × the 2021년 column (D).
    expect(found).toEqual([
      expect.objectContaining({ cell: { row: layout.range.r0 + 2, col: 3 }, year: 2021, caption: expect.objectContaining({ col: 0 }) }),
    ]);
  });

  test('a caption with no year refers to the plan year most captions on the sheet name', () => {
    const [withYear, withoutYear] = [BUDGET_FIXTURES[0], BUDGET_FIXTURES[7]];
    const g = sheetOf('기획예산과', [
      { at: 'A1', rows: withYear.tsv.split('\n').map((l) => l.split('\t').map((x) => x || null)) },
      { at: 'A21', rows: withoutYear.tsv.split('\n').map((l) => l.split('\t').map((x) => x || null)) },
    ]);
    expect(inferPlanYear([g])).toBe(2021);
    const layout = handLayout(g, { range: 'A25:F28', headerRows: 2, labelCols: 1, unit: '천원' });
    expect(captions(inferCaptionRelations(g, layout))).toEqual([expect.objectContaining({ amount: 182170, year: 2021, cell: { row: 26, col: 3 } })]);
  });

  test('no plan year known: a caption without a year checks nothing', () => {
    const { sheet, layout } = load(BUDGET_FIXTURES[7]);
    expect(inferCaptionRelations(sheet, layout)).toEqual([]);
  });

  test('the caption is converted to the table unit', () => {
    const sheet = gridFromTsv(['□ 2021년 소요예산 : 19백만원', '(단위 : 천원)', '재원별\t합계\t2021년', '계\t19,000\t19,000'].join('\n'));
    const layout = handLayout(sheet, { range: 'A3:C4', headerRows: 1, labelCols: 1, unit: '천원' });
    expect(captions(inferCaptionRelations(sheet, layout))).toEqual([expect.objectContaining({ amount: 19000, cell: { row: 3, col: 2 } })]);
  });

  test('a line that is not a caption ends the search: an amount above it belongs to something else', () => {
    const sheet = gridFromTsv(['□ 2021년 소요예산 : 19,000천원', '○ 산출내역 : 영상장비', '재원별\t합계\t2021년', '계\t19,000\t19,000'].join('\n'));
    const layout = handLayout(sheet, { range: 'A3:C4', headerRows: 1, labelCols: 1, unit: '천원' });
    expect(inferCaptionRelations(sheet, layout)).toEqual([]);
  });

  test('staffing: "정원 22명(현원 22명)" is the 합계 cell "22(22)" component by component', () => {
    const { sheet, layout } = load(STAFFING);
    expect(captions(inferCaptionRelations(sheet, layout))).toEqual([
      expect.objectContaining({ amount: 22, cell: { row: 5, col: 0, comp: 0 }, caption: { row: 0, col: 0, comp: 0 } }),
      expect.objectContaining({ amount: 22, cell: { row: 5, col: 0, comp: 1 }, caption: { row: 0, col: 0, comp: 1 } }),
    ]);
  });

  test("a table beside another: the neighbour's lines are not this table's captions", () => {
    // The left table's title sits lower than the right table's captions (a blank row under them).
    const sheet = gridFromTsv(
      [
        '\t\t\t\t□ 2021년 소요예산 : 27,900천원',
        '\t\t\t\t(단위 : 천원)',
        '□ 체납액 정리 실적',
        '구분\t계\t2021년\t\t재원별\t합계\t2021년',
        '계\t3\t3\t\t계\t27,900\t27,900',
      ].join('\n'),
    );
    const layout = handLayout(sheet, {
      range: 'E4:G5',
      headerRows: 1,
      labelCols: 1,
      unit: '천원',
      captions: [
        { row: 0, col: 4, text: '□ 2021년 소요예산 : 27,900천원', kind: 'amount' },
        { row: 1, col: 4, text: '(단위 : 천원)', kind: 'unit' },
      ],
    });
    expect(captions(inferCaptionRelations(sheet, layout))).toEqual([expect.objectContaining({ amount: 27900, cell: { row: 4, col: 6 } })]);
  });

  test('captions the layout lists are used even when the sheet scan would stop before them', () => {
    const sheet = gridFromTsv(['□ 2021년 소요예산 : 19,000천원', 'x\ty', '재원별\t합계\t2021년', '계\t19,000\t19,000'].join('\n'));
    const layout = handLayout(sheet, {
      range: 'A3:C4',
      headerRows: 1,
      labelCols: 1,
      unit: '천원',
      captions: [{ row: 0, col: 0, text: '□ 2021년 소요예산 : 19,000천원', kind: 'amount' }],
    });
    expect(captions(inferCaptionRelations(sheet, layout))).toHaveLength(1);
  });
});
