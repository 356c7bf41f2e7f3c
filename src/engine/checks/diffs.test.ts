import { gridFromTsv } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import type { Table } from '../model/table';
import { inferDiffRelations } from '../relations/diffs';
import { checkDiffs } from './diffs';

function check(lines: string[], unit?: string) {
  const sheet = gridFromTsv(lines.join('\n'));
  const width = lines[0].split('\t').length;
  const layout = handLayout(sheet, { range: `A1:${String.fromCharCode(64 + width)}${lines.length}`, headerRows: 1, labelCols: 1, unit });
  const table: Table = { ...layout, relations: inferDiffRelations(sheet, layout) };
  return checkDiffs(sheet, table, {});
}

const clean = ['구분\t2019년\t2020년\t증감', '계\t1,600\t1,700\t100', '가\t1,000\t1,200\t200', '나\t600\t500\t△100'];

describe('checkDiffs', () => {
  test.each([
    ['△ for negatives', clean],
    ['(1,200) for negatives', ['구분\t2019년\t2020년\t증감', '계\t2,400\t1,200\t(1,200)']],
    ['-1,200 for negatives', ['구분\t2019년\t2020년\t증감', '계\t2,400\t1,200\t-1,200']],
    ['"-" for no change', ['구분\t2019년\t2020년\t증감', '계\t2,400\t2,400\t-']],
    ['a blank 증감 cell (not filled in yet)', ['구분\t2019년\t2020년\t증감', '계\t2,400\t2,500\t', '가\t100\t200\t100']],
  ])('clean with %s', (_name, lines) => {
    expect(check(lines)).toEqual([]);
  });

  test('a wrong 증감 is a diff.mismatch on its cell, with later and earlier related', () => {
    const lines = [...clean];
    lines[2] = '가\t1,000\t1,200\t220';
    expect(check(lines)).toEqual([
      expect.objectContaining({
        rule: 'diff.mismatch',
        severity: 'error',
        cell: 'D3',
        expected: 200,
        actual: 220,
        related: ['C3', 'B3'],
        params: expect.objectContaining({ later: 1200, earlier: 1000, difference: 20 }),
      }),
    ]);
  });

  test('a sign slip (200 written for △200) is found', () => {
    const lines = ['구분\t2019년\t2020년\t증감', '계\t1,200\t1,000\t200'];
    expect(check(lines)).toEqual([expect.objectContaining({ rule: 'diff.mismatch', cell: 'D2', expected: -200, actual: 200 })]);
  });

  test('in 백만원 a miss of one unit is the rounding of the figures (no finding), two units an error', () => {
    const lines = ['구분\t2019년\t2020년\t증감', '계\t1,600\t1,700\t101', '가\t1,000\t1,200\t202'];
    const findings = check(lines, '백만원');
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['diff.mismatch', 'error', 'D3']]);
  });

  test('in 천원 a miss of one unit is an error', () => {
    const lines = ['구분\t2019년\t2020년\t증감', '계\t1,600\t1,700\t101'];
    expect(check(lines, '천원')).toEqual([expect.objectContaining({ rule: 'diff.mismatch', cell: 'D2' })]);
  });

  test('with a unit per column ("(단위 : 건, 백만원)"), 건수 are exact and 금액 rounded', () => {
    const lines = ['구분\t2019년\t\t2020년\t\t증감\t', '\t건수\t금액\t건수\t금액\t건수\t금액', '계\t10\t500\t12\t450\t3\t△49'];
    const sheet = gridFromTsv(lines.join('\n'));
    const layout = handLayout(sheet, { range: 'A1:G3', headerRows: 2, labelCols: 1, unit: '백만원' });
    // Written as the column's own unit, as detection does when the unit line names several.
    layout.columns.forEach((c, i) => Object.assign(c, { unit: i === 0 ? undefined : i % 2 === 1 ? '건' : '백만원' }));
    const table: Table = { ...layout, relations: inferDiffRelations(sheet, layout) };
    expect(checkDiffs(sheet, table, {}).map((f) => [f.rule, f.cell])).toEqual([['diff.mismatch', 'F3']]);
  });
});
