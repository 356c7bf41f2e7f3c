import { gridFromTsv } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import { COUNCIL, LAWSUITS, PARTICIPATORY, BUDGET_FIXTURES, load } from '../test-support/report-derived-fixtures';
import type { Relation } from '../model/table';
import { isDiffLabel } from './derived-labels';
import { inferDiffRelations } from './diffs';

type Diff = Extract<Relation, { type: 'diff' }>;
const diffs = (rels: Relation[]) => rels.filter((r): r is Diff => r.type === 'diff');

function layoutOf(lines: string[], headerRows = 1, labelCols = 1, unit?: string) {
  const sheet = gridFromTsv(lines.join('\n'));
  const width = lines[0].split('\t').length;
  const range = `A1:${String.fromCharCode(64 + width)}${lines.length}`;
  return { sheet, layout: handLayout(sheet, { range, headerRows, labelCols, unit }) };
}

/** [target A1-ish, later col, earlier col] per relation, columns as letters. */
const cols = (rels: Diff[]) => rels.map((r) => [r.target.row + 1, r.later.col, r.earlier.col, r.evidence]);

describe('isDiffLabel', () => {
  test.each([['증감'], ['증 감 액'], ['전년대비'], ['대비'], ['증감(B-A)'], ['증감(%p)']])('%s is a difference', (l) => {
    expect(isDiffLabel(l)).toBe(true);
  });
  test.each([['증감률(%)'], ['전년대비(%)'], ['증감사유'], ['2020년'], ['계']])('%s is not', (l) => {
    expect(isDiffLabel(l)).toBe(false);
  });
});

describe('inferDiffRelations', () => {
  test('증감 after two year columns: 2020년 − 2019년 on each row', () => {
    const { sheet, layout } = layoutOf(['구분\t2019년\t2020년\t증감', '계\t1,000\t1,200\t200', '가\t600\t500\t△100']);
    expect(cols(diffs(inferDiffRelations(sheet, layout)))).toEqual([
      [2, 2, 1, 'label'],
      [3, 2, 1, 'label'],
    ]);
  });

  test('years descending and the 증감 column first still pair the two latest years the right way', () => {
    const { sheet, layout } = layoutOf(['구분\t증감\t2021년\t2020년\t2019년', '계\t50\t250\t200\t100']);
    expect(cols(diffs(inferDiffRelations(sheet, layout)))).toEqual([[2, 2, 3, 'label']]);
  });

  test('당초 / 최종 words', () => {
    const { sheet, layout } = layoutOf(['구분\t최종예산\t당초예산\t증감액', '계\t1,200\t1,000\t200']);
    expect(cols(diffs(inferDiffRelations(sheet, layout)))).toEqual([[2, 1, 2, 'label']]);
  });

  test('a formula in the header names the pair: 증감(B-A)', () => {
    const { sheet, layout } = layoutOf(['구분\t변경 (B)\t기존 (A)\t증감(B-A)', '계\t900\t1,000\t△100']);
    expect(cols(diffs(inferDiffRelations(sheet, layout)))).toEqual([[2, 1, 2, 'formula-header']]);
  });

  test('a 증감 row under year rows', () => {
    const { sheet, layout } = layoutOf(['구분\t건수\t금액', '2019년\t10\t1,000', '2020년\t12\t900', '증감\t2\t△100']);
    const found = diffs(inferDiffRelations(sheet, layout));
    expect(found.map((r) => [r.target, r.later.row, r.earlier.row])).toEqual([
      [{ row: 3, col: 1 }, 2, 1],
      [{ row: 3, col: 2 }, 2, 1],
    ]);
  });

  test('two-level headers: 증감 {건수, 금액} pairs each measure with the same measure of the two years', () => {
    const { sheet, layout } = layoutOf(
      ['구분\t2019년\t\t2020년\t\t증감\t', '\t건수\t금액\t건수\t금액\t건수\t금액', '계\t10\t500\t12\t450\t2\t△50'],
      2,
    );
    expect(cols(diffs(inferDiffRelations(sheet, layout)))).toEqual([
      [3, 3, 1, 'label'],
      [3, 4, 2, 'label'],
    ]);
  });

  test('position only: the two lines before 증감, when the numbers hold on at least two rows', () => {
    const { sheet, layout } = layoutOf(['구분\t가\t나\t증감', '갑\t10\t15\t5', '을\t20\t18\t△2', '병\t5\t5\t-']);
    const found = diffs(inferDiffRelations(sheet, layout));
    expect(found).toHaveLength(3);
    expect(found.every((r) => r.evidence === 'numbers' && r.later.col === 2 && r.earlier.col === 1)).toBe(true);
  });

  test('position only, numbers not holding: no relation (evidence rule)', () => {
    const { sheet, layout } = layoutOf(['구분\t가\t나\t증감', '갑\t10\t15\t7', '을\t20\t18\t3']);
    expect(inferDiffRelations(sheet, layout)).toEqual([]);
  });

  test('year labels with most rows failing: no relation (something else is meant)', () => {
    const { sheet, layout } = layoutOf(['구분\t2019년\t2020년\t대비', '갑\t10\t15\t150', '을\t20\t18\t90', '병\t4\t5\t125']);
    expect(inferDiffRelations(sheet, layout)).toEqual([]);
  });

  test('"전년대비" holding percentages (105.3) is not a difference', () => {
    const { sheet, layout } = layoutOf(['구분\t2019년\t2020년\t전년대비', '계\t1,000\t1,053\t105.3', '가\t400\t380\t95.0']);
    expect(inferDiffRelations(sheet, layout)).toEqual([]);
  });

  test('"전년대비" holding differences is one', () => {
    const { sheet, layout } = layoutOf(['구분\t2019년\t2020년\t전년대비', '계\t1,000\t1,053\t53', '가\t400\t380\t△20']);
    expect(diffs(inferDiffRelations(sheet, layout))).toHaveLength(2);
  });

  test('the report has no 증감 lines: no relations on any of its tables', () => {
    for (const fixture of [PARTICIPATORY, LAWSUITS, COUNCIL, ...BUDGET_FIXTURES]) {
      const { sheet, layout } = load(fixture);
      expect(inferDiffRelations(sheet, layout)).toEqual([]);
    }
  });
});

describe('a 증감 column in a table whose rows are years', () => {
  const table = (rows: string[]) => layoutOf(['연도\t건수\t증감', ...rows]);
  const pairs = (rels: Relation[]) => diffs(rels).map((r) => [r.target.row + 1, r.later.row + 1, r.earlier.row + 1, r.later.col, r.evidence]);

  test.each([
    ['each year minus the year before', ['2019년\t10\t-', '2020년\t12\t2', '2021년\t15\t3', '2022년\t11\t△4'], [[3, 3, 2, 1, 'numbers'], [4, 4, 3, 1, 'numbers'], [5, 5, 4, 1, 'numbers']]],
    ['years listed newest first', ['2022년\t11\t△4', '2021년\t15\t3', '2020년\t12\t2', '2019년\t10\t-'], [[2, 2, 3, 1, 'numbers'], [3, 3, 4, 1, 'numbers'], [4, 4, 5, 1, 'numbers']]],
    ['one wrong 증감 among three right ones is still a relation (the check names it)', ['2019년\t10\t-', '2020년\t12\t2', '2021년\t15\t3', '2022년\t11\t4', '2023년\t20\t9'], [[3, 3, 2, 1, 'numbers'], [4, 4, 3, 1, 'numbers'], [5, 5, 4, 1, 'numbers'], [6, 6, 5, 1, 'numbers']]],
  ])('%s', (_name, rows, expected) => {
    const { sheet, layout } = table(rows);
    expect(pairs(inferDiffRelations(sheet, layout))).toEqual(expected);
  });

  test.each([
    ['figures that do not follow from the years', ['2019년\t10\t5', '2020년\t12\t7', '2021년\t15\t1']],
    ['only one year to compare', ['2020년\t12\t-', '2021년\t15\t3']],
    ['rows that are not years', ['가동\t10\t-', '나동\t12\t2', '다동\t15\t3']],
    ['a year met twice', ['2019년\t10\t-', '2020년\t12\t2', '2020년\t15\t3', '2021년\t18\t3']],
  ])('no relation: %s', (_name, rows) => {
    const { sheet, layout } = table(rows);
    expect(diffs(inferDiffRelations(sheet, layout))).toEqual([]);
  });
});
