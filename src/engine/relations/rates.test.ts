import { grid, gridFromTsv } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import { PARTICIPATORY, load } from '../test-support/report-derived-fixtures';
import type { Relation } from '../model/table';
import { inferRateRelations } from './rates';
import { rateNameOf } from './derived-labels';

type Rate = Extract<Relation, { type: 'rate' }>;
const rates = (rels: Relation[]) => rels.filter((r): r is Rate => r.type === 'rate');

describe('rateNameOf', () => {
  test.each([
    ['집행률', '집행률', '집행', 'ratio'],
    ['징수율(%)', '징수율', '징수', 'ratio'],
    ['정 리 율 (%)', '정리율', '정리', 'ratio'],
    ['전년대비 증감률(%)', '전년대비증감률', '전년대비증감', 'increase'],
    ['전년대비(%)', '전년대비', '', 'versus'],
    ['집행액 (집행률)', '집행률', '집행', 'ratio'],
  ])('%s names a rate', (label, name, stem, kind) => {
    expect(rateNameOf(label)).toMatchObject({ name, stem, kind });
  });

  test.each([['세율'], ['구성비(%)'], ['증감(%p)'], ['징수액'], ['2020년'], ['합계'], ['경쟁률']])('%s is not a derived rate', (label) => {
    expect(rateNameOf(label)).toBeNull();
  });

  test('a lone (%) under a rate name takes its parent', () => {
    expect(rateNameOf('(%)', '집행률')).toMatchObject({ name: '집행률' });
  });

  test('the compound label keeps the amount it is written with', () => {
    expect(rateNameOf('집행액 (집행률)')?.amountLabel).toBe('집행액');
  });
});

describe('inferRateRelations', () => {
  test('participatory budget: 84.5% = 766 / the 편성 amount (component 1 of "35건/ 906백만원")', () => {
    const { sheet, layout } = load(PARTICIPATORY);
    const found = rates(inferRateRelations(sheet, layout));
    expect(found).toEqual([
      expect.objectContaining({
        target: { row: 5, col: 1, comp: 1 },
        numerator: { row: 5, col: 1, comp: 0 },
        denominator: { row: 4, col: 1, comp: 1 },
        scale: 100,
        decimals: 1,
        evidence: 'label',
      }),
    ]);
  });

  test('the 편성 row wins over other rows that mention 예산 even when the stated rate is wrong', () => {
    const { sheet, layout } = load(PARTICIPATORY, (t) => t.replace('766(84.5%)', '766(90.1%)'));
    const [rel] = rates(inferRateRelations(sheet, layout));
    expect(rel.denominator).toEqual({ row: 4, col: 1, comp: 1 });
  });

  const collection = [
    '세목\t부과액\t징수액\t징수율(%)',
    '계\t1,000\t900\t90.0',
    '취득세\t400\t380\t95.0',
    '재산세\t600\t520\t86.7',
  ].join('\n');

  test('징수율 column: 징수액 / 부과액 on every row, the 계 row included', () => {
    const sheet = gridFromTsv(collection);
    const layout = handLayout(sheet, { range: 'A1:D4', headerRows: 1, labelCols: 1, unit: '천원' });
    const found = rates(inferRateRelations(sheet, layout));
    expect(found.map((r) => [r.target.row, r.numerator.col, r.denominator.col, r.decimals])).toEqual([
      [1, 2, 1, 1],
      [2, 2, 1, 1],
      [3, 2, 1, 1],
    ]);
  });

  test('with both 부과액 and 조정액, the numbers choose the denominator the rates were computed from', () => {
    const sheet = gridFromTsv(
      [
        '세목\t부과액\t조정액\t징수액\t징수율(%)',
        '계\t1,100\t1,000\t900\t90.0',
        '취득세\t450\t400\t380\t95.0',
        '재산세\t650\t600\t520\t86.7',
      ].join('\n'),
    );
    const layout = handLayout(sheet, { range: 'A1:E4', headerRows: 1, labelCols: 1 });
    expect(new Set(rates(inferRateRelations(sheet, layout)).map((r) => r.denominator.col))).toEqual(new Set([2]));
  });

  test('정리율 as a row under year columns', () => {
    const sheet = gridFromTsv(['구분\t2019년\t2020년', '체납액\t500\t400', '정리액\t210\t250', '정리율\t42.0\t62.5'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:C4', headerRows: 1, labelCols: 1 });
    const found = rates(inferRateRelations(sheet, layout));
    expect(found.map((r) => [r.target, r.numerator, r.denominator])).toEqual([
      [{ row: 3, col: 1 }, { row: 2, col: 1 }, { row: 1, col: 1 }],
      [{ row: 3, col: 2 }, { row: 2, col: 2 }, { row: 1, col: 2 }],
    ]);
  });

  test('증감률 divides the 증감 column by the earlier year', () => {
    const sheet = gridFromTsv(
      ['구분\t2019년\t2020년\t증감\t증감률(%)', '계\t200\t250\t50\t25.0', '가\t100\t90\t△10\t△10.0'].join('\n'),
    );
    const layout = handLayout(sheet, { range: 'A1:E3', headerRows: 1, labelCols: 1 });
    const found = rates(inferRateRelations(sheet, layout));
    expect(found.map((r) => [r.numerator.col, r.denominator.col, r.subtract])).toEqual([
      [3, 1, undefined],
      [3, 1, undefined],
    ]);
  });

  test('증감률 with no 증감 column: (later − earlier) / earlier', () => {
    const sheet = gridFromTsv(['구분\t2019년\t2020년\t증감률(%)', '계\t200\t250\t25.0'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D2', headerRows: 1, labelCols: 1 });
    const [rel] = rates(inferRateRelations(sheet, layout));
    expect([rel.numerator.col, rel.subtract?.col, rel.denominator.col]).toEqual([2, 1, 1]);
  });

  test.each([
    ['105.3 = later / earlier', ['계\t1,000\t1,053\t105.3', '가\t400\t380\t95.0'], 2],
    ['5.3 = the increase', ['계\t1,000\t1,053\t5.3', '가\t400\t380\t△5.0'], 2],
    ['53 = the difference', ['계\t1,000\t1,053\t53', '가\t400\t380\t△20'], 0],
  ])('"전년대비" with no %% is a rate only when its figures are percentages: %s', (_name, body, count) => {
    const sheet = gridFromTsv(['구분\t2019년\t2020년\t전년대비', ...body].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D3', headerRows: 1, labelCols: 1 });
    const found = rates(inferRateRelations(sheet, layout));
    expect(found).toHaveLength(count);
    for (const r of found) expect([r.numerator.col, r.denominator.col]).toEqual([2, 1]);
  });

  test('a fraction with a % format is a rate at scale 1', () => {
    const pct = (v: number) => ({ v, fmt: '0.0%' });
    const sheet = grid([
      ['구분', '예산액', '집행액', '집행률'],
      ['계', 1000, 845, pct(0.845)],
      ['가', 400, 300, pct(0.75)],
    ]);
    const layout = handLayout(sheet, { range: 'A1:D3', headerRows: 1, labelCols: 1 });
    const found = rates(inferRateRelations(sheet, layout));
    expect(found.map((r) => [r.scale, r.decimals])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  test('blank rate cells get relations too (fill writes them)', () => {
    const sheet = gridFromTsv(['구분\t예산액\t집행액\t집행률(%)', '계\t1,000\t845\t', '가\t400\t300\t'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D3', headerRows: 1, labelCols: 1 });
    expect(rates(inferRateRelations(sheet, layout))).toHaveLength(2);
  });

  test.each([
    ['a rate name the table does not explain, numbers that fit nothing', ['구분\t가\t나\t비율(%)', '계\t10\t20\t17.3', '갑\t5\t7\t81.2', '을\t5\t13\t3.3']],
    ['a stated tax rate', ['구분\t과세표준\t세액\t세율', '갑\t1,000\t100\t10', '을\t2,000\t300\t15']],
  ])('no relation for %s (evidence rule)', (_name, lines) => {
    const sheet = gridFromTsv(lines.join('\n'));
    const layout = handLayout(sheet, { range: `A1:D${lines.length}`, headerRows: 1, labelCols: 1 });
    expect(rates(inferRateRelations(sheet, layout))).toEqual([]);
  });

  test('an unexplained rate name is a relation when at least three rows hold exactly', () => {
    const sheet = gridFromTsv(['구분\t가\t나\t비율(%)', '계\t10\t40\t25.0', '갑\t3\t20\t15.0', '을\t7\t20\t35.0'].join('\n'));
    const layout = handLayout(sheet, { range: 'A1:D4', headerRows: 1, labelCols: 1 });
    const found = rates(inferRateRelations(sheet, layout));
    expect(found).toHaveLength(3);
    expect(found.every((r) => r.evidence === 'numbers' && r.numerator.col === 1 && r.denominator.col === 2)).toBe(true);
  });

  test('text tables have no relations', () => {
    const { sheet, layout } = load(PARTICIPATORY);
    expect(inferRateRelations(sheet, { ...layout, kind: 'text' })).toEqual([]);
  });
});
