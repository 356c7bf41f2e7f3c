import { findProseRates } from './prose-rates';

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
