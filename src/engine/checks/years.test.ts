import { gridFromTsv } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import { BUDGET_FIXTURES, COUNCIL, LAWSUITS, LEGAL_ADVICE_LAYOUT, PARTICIPATORY, load } from '../test-support/report-derived-fixtures';
import type { Table, TableLayout } from '../model/table';
import { checkYearSpan, checkYears, firstYearProblem } from './years';

const asTable = (layout: TableLayout): Table => ({ ...layout, relations: [] });

describe('firstYearProblem', () => {
  test.each([
    [[2020, 2021, 2022, 2023], null],
    [[2020, 2019, 2018], null],
    [[2010, 2015, 2020], null],
    [[2010, 2020], null],
    [[2020], null],
    [[2020, 2021, 2021, 2023], { at: 2, problem: 'duplicate', expected: 2022 }],
    [[2020, 2020, 2022, 2023], { at: 1, problem: 'duplicate', expected: 2021 }],
    [[2020, 2021, 2023], { at: 2, problem: 'skip', expected: 2022 }],
    [[2019, 2021], { at: 1, problem: 'skip', expected: 2020 }],
    [[2020, 2021, 2022, 2024], { at: 3, problem: 'skip', expected: 2023 }],
    [[2020, 2021, 2023, 2022], { at: 2, problem: 'skip', expected: 2022 }],
    [[2020, 2019, 2020], { at: 2, problem: 'duplicate', expected: 2018 }],
    [[2019, 2021, 2022, 2023], { at: 0, problem: 'skip', expected: 2020 }],
    [[2020, 2021, 2024, 2023], { at: 2, problem: 'order', expected: 2022 }],
    [[2018, 2020, 2019], { at: 1, problem: 'skip', expected: 2019 }],
    [[2020, 2021, 2019], { at: 2, problem: 'order', expected: 2022 }],
  ])('%j', (years, problem) => {
    expect(firstYearProblem(years)).toEqual(problem);
  });
});

describe('checkYears on the report', () => {
  test.each([
    ...BUDGET_FIXTURES.map((f) => [f.name, f] as const),
    [PARTICIPATORY.name, PARTICIPATORY] as const,
    [LAWSUITS.name, LAWSUITS] as const,
    [COUNCIL.name, COUNCIL] as const,
  ])('%s checks clean', (_name, fixture) => {
    const { sheet, layout } = load(fixture);
    expect(checkYears(sheet, layout)).toEqual([]);
  });

  test('legal advice: a 계 row above 2020년 … 2018년 is fine', () => {
    const { sheet } = load(LAWSUITS);
    expect(checkYears(sheet, handLayout(sheet, LEGAL_ADVICE_LAYOUT))).toEqual([]);
  });
});

describe('planted year faults', () => {
  const budget = BUDGET_FIXTURES[3]; // 주민참여예산, header row 5 (A5:F9)

  test.each([
    ['2022년', '2021년', 'duplicate', 'E6', 2022, 2021],
    ['2023년', '2024년', 'skip', 'F6', 2023, 2024],
    ['2020년', '2019년', 'skip', 'C6', 2020, 2019],
  ])('budget header %s changed to %s: %s', (from, to, problem, cell, expected, actual) => {
    const { sheet, layout } = load(budget, (t) => t.replace(`\t${from}`, `\t${to}`));
    expect(checkYears(sheet, layout)).toEqual([
      expect.objectContaining({ rule: 'year.sequence', severity: 'error', cell, expected, actual, params: expect.objectContaining({ problem }) }),
    ]);
  });

  test('council rows 2020년, 2019년, 2019년: the duplicate row label is named', () => {
    const { sheet, layout } = load(COUNCIL, (t) => t.replace('2018년\t8회', '2019년\t8회'));
    expect(checkYears(sheet, layout)).toEqual([
      expect.objectContaining({ rule: 'year.sequence', cell: 'A7', expected: 2018, actual: 2019, params: expect.objectContaining({ axis: 'rows' }) }),
    ]);
  });

  test('lawsuits: the group label 2019 typed as 2020 is a duplicate year group', () => {
    const { sheet, layout } = load(LAWSUITS, (t) => t.replace('2019\t계', '2020\t계'));
    expect(checkYears(sheet, layout)).toEqual([expect.objectContaining({ rule: 'year.sequence', cell: 'A9', actual: 2020 })]);
  });

  test('legal advice 2020년, 2018년, 2019년 is out of order', () => {
    const { sheet } = load(LAWSUITS, (t) => t.replace('2019년\t268', '2017년\t268'));
    const findings = checkYears(sheet, handLayout(sheet, LEGAL_ADVICE_LAYOUT));
    expect(findings).toEqual([expect.objectContaining({ rule: 'year.sequence', cell: 'A26', actual: 2017 })]);
  });

  test('the same years under two header groups are two sequences, not duplicates', () => {
    const sheet = gridFromTsv(['구분\t정례회\t\t임시회\t', '\t2019년\t2020년\t2019년\t2020년', '횟수\t2\t1\t5\t3'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:E3', headerRows: 2, labelCols: 1 });
    expect(checkYears(sheet, layout)).toEqual([]);
    const broken = gridFromTsv(['구분\t정례회\t\t임시회\t', '\t2019년\t2020년\t2019년\t2019년', '횟수\t2\t1\t5\t3'].join('\n'));
    expect(checkYears(broken, handLayout(broken, { range: 'A1:E3', headerRows: 2, labelCols: 1 }))).toEqual([
      expect.objectContaining({ cell: 'E2', expected: 2020, actual: 2019, params: expect.objectContaining({ problem: 'duplicate' }) }),
    ]);
  });

  test('two labels naming one year (2019년, 2019년(예산)) are a duplicate, not one year group', () => {
    const sheet = gridFromTsv(['구분\t2019년\t2019년(예산)\t증감', '계\t10\t12\t2'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D2', headerRows: 1, labelCols: 1 });
    expect(checkYears(sheet, layout)).toEqual([
      expect.objectContaining({ cell: 'C1', expected: 2020, actual: 2019, params: expect.objectContaining({ problem: 'duplicate' }) }),
    ]);
  });

  test("'20-style short years in columns", () => {
    const sheet = gridFromTsv(["구분\t'19\t'20\t'20", '계\t1\t2\t3'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D2', headerRows: 1, labelCols: 1 });
    expect(checkYears(sheet, layout)).toEqual([expect.objectContaining({ cell: 'D1', expected: 2021, actual: 2020 })]);
  });
});

describe('checkYearSpan', () => {
  const spans = (texts: string[]) =>
    texts.map((t, i) => {
      const years = t.split('-').map(Number);
      const heads = [];
      for (let y = years[0]; y <= years[1]; y++) heads.push(`${y}년`);
      const sheet = gridFromTsv([`재원별\t합계\t${heads.join('\t')}`, `계\t0\t${heads.map(() => 0).join('\t')}`].join('\n'), { name: `S${i}` });
      return asTable(handLayout(sheet, { range: `A1:${String.fromCharCode(66 + heads.length)}2`, headerRows: 1, labelCols: 1, kind: 'budget-by-year' }));
    });

  test('the same span everywhere: nothing', () => {
    expect(checkYearSpan(spans(['2020-2023', '2020-2023', '2020-2023']))).toEqual([]);
  });

  test('one budget table covering 2019–2022 among 2020–2023 ones is warned', () => {
    const findings = checkYearSpan(spans(['2020-2023', '2019-2022', '2020-2023']));
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'year.span',
        severity: 'warning',
        sheet: 'S1',
        cell: 'C1',
        expected: '2020–2023',
        actual: '2019–2022',
        params: expect.objectContaining({ kind: 'budget-by-year', actualFrom: 2019 }),
      }),
    ]);
  });

  test('tables of different kinds are not compared', () => {
    const [a, b] = spans(['2020-2023', '2018-2020']);
    expect(checkYearSpan([a, { ...b, kind: 'lawsuits' }])).toEqual([]);
  });

  test('the report: budget tables agree; lawsuits, legal advice and council are each alone of their kind', () => {
    const tables = [...BUDGET_FIXTURES, LAWSUITS, COUNCIL, PARTICIPATORY].map((f) => asTable(load(f).layout));
    expect(checkYearSpan(tables)).toEqual([]);
  });
});
