import { detectTables } from '../detect';
import { linesBelow } from '../relations/captions';
import { sheet } from '../test-support';
import { checkProseRates, findProseRates } from './prose-rates';

const at = (row: number, text: string) => ({ row, col: 0, text });

describe('findProseRates', () => {
  test('numerator in the line before, denominator in parentheses before the rate name', () => {
    const found = findProseRates([
      at(15, '- 2018년 이후 제소 114건 중 승소(소취하·일부승 포함) 87건, 패소 5건, 진행중 22건'),
      at(16, '⇒ 종결사건(92건) 승소율 : 94.5%'),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ name: '승소율', stated: 94.5, decimals: 1, numerator: 87, denominator: 92 }),
    ]);
    expect(found[0].numeratorLine.row).toBe(15);
  });

  test('numerator in the same line', () => {
    const [r] = findProseRates([at(3, '참여 45명, 대상자(60명) 참여율 : 75%')]);
    expect(r).toMatchObject({ numerator: 45, denominator: 60, stated: 75, decimals: 0 });
  });

  test.each([
    [['승소율 : 94.5%']],
    [['⇒ 종결사건(92건) 승소율 : 94.5%']],
    [['패소 5건', '⇒ 종결사건(92건) 승소율 : 94.5%']],
  ])('no rate without both figures: %j', (lines) => {
    expect(findProseRates(lines.map((t, i) => at(i, t)))).toEqual([]);
  });
});

describe('checkProseRates reads every line under a table that linesBelow gives', () => {
  const body = [
    ['구분', '2020년', '2021년'],
    ['계', 10, 20],
    ['가', 4, 8],
    ['나', 6, 12],
  ];
  // 87/92 = 94.565…: 94.5 is right only when truncated, so under half-up the line yields a warning.
  const prose = '승소 87건, 종결사건(92건) 승소율 : 94.5%';
  const rowsBelow = Array.from({ length: 12 }, (_, i) => i + 1);

  test.each(rowsBelow)('a rate stated %i row(s) under the table', (distance) => {
    const g = sheet('S', [
      { at: 'B2', rows: body },
      { at: `B${5 + distance}`, rows: [[prose]] },
    ]);
    const [layout] = detectTables(g);
    const seen = findProseRates(linesBelow(g, layout)).length > 0;
    expect(checkProseRates(g, layout).length > 0).toBe(seen);
    if (distance === 1) expect(seen).toBe(true);
  });

  // The table spans B2:D5; its line span runs from the caption column to one past its right edge.
  test.each(['A', 'B', 'D', 'E', 'F'])('a rate stated in column %s', (column) => {
    const g = sheet('S', [
      { at: 'B2', rows: body },
      { at: `${column}7`, rows: [[prose]] },
    ]);
    const [layout] = detectTables(g);
    const seen = findProseRates(linesBelow(g, layout)).length > 0;
    expect(checkProseRates(g, layout).length > 0).toBe(seen);
    if (column === 'B') expect(seen).toBe(true);
  });

  test('a rate beside the table in its caption column, and one past a row of several cells', () => {
    const g = sheet('S', [
      { at: 'B2', rows: body },
      { at: 'A7', rows: [[prose]] },
      { at: 'B8', rows: [['x', 'y']] },
      { at: 'B9', rows: [[prose]] },
    ]);
    const [layout] = detectTables(g);
    expect(checkProseRates(g, layout).length).toBe(findProseRates(linesBelow(g, layout)).length);
  });
});
