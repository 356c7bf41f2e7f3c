import { groupLabelSpans, guessHeaderRows, headerCells, isFigureField, tableMerges } from './header-cells';

/** Rows from tab-separated lines ('→' = tab), padded like the parser pads them. */
function rows(...lines: string[]): string[][] {
  const split = lines.map((l) => l.split('→'));
  const width = Math.max(...split.map((r) => r.length));
  return split.map((r) => r.concat(new Array<string>(width - r.length).fill('')));
}

/** [text, row, col, rowSpan, colSpan] */
type Drawn = [string, number, number, number, number];

const LAWSUITS = rows(
  '연도→소송→계→처리현황→→→→→→비고',
  '→→→진행중→종 결→→→→→',
  '→→→→소계→승소→소취하→일부승→패소→',
  '2020→계→22→12→10→-→10→-→-→10',
  '→행정소송→15→6→9→-→9→-→-→5',
  '→민사소송→7→6→1→-→1→-→-→5',
  '2019→계→38→9→29→4→23→-→2→12',
  '→행정소송→33→4→29→4→23→-→2→7',
);

describe('headerCells: the report\'s header shapes', () => {
  const cases: { name: string; table: string[][]; headerRows: number; spans: Drawn[] }[] = [
    {
      name: 'budget by year: 재원별 and 합계 run down, 연차별 소요재원 spans the years',
      table: rows('재원별→합계→연차별 소요재원→→→', '→→2020년→2021년→2022년→2023년', '계→19,000→-→19,000→0→0'),
      headerRows: 2,
      spans: [['재원별', 0, 0, 2, 1], ['합계', 0, 1, 2, 1], ['연차별 소요재원', 0, 2, 1, 4]],
    },
    {
      name: 'lawsuits: three header rows; 종 결 stops under 처리현황, 비고 runs down',
      table: LAWSUITS,
      headerRows: 3,
      spans: [
        ['연도', 0, 0, 3, 1],
        ['소송', 0, 1, 3, 1],
        ['계', 0, 2, 3, 1],
        ['처리현황', 0, 3, 1, 6],
        ['비고', 0, 9, 3, 1],
        ['진행중', 1, 3, 2, 1],
        ['종 결', 1, 4, 1, 5],
      ],
    },
    {
      name: 'council sessions: parallel groups of two',
      table: rows('구분→합계→→정례회→→임시회→', '→횟수→처리안건→횟수→처리안건→횟수→처리안건', '2020년→4회→48건→1회→17건→3회→31건'),
      headerRows: 2,
      spans: [['구분', 0, 0, 2, 1], ['합계', 0, 1, 1, 2], ['정례회', 0, 3, 1, 2], ['임시회', 0, 5, 1, 2]],
    },
    {
      name: 'bylaws: two groups, no label column',
      table: rows('자치법규→→→행정규칙→→', '계→조례→규칙→계→훈령→예규', '380→293→87→47→33→14'),
      headerRows: 2,
      spans: [['자치법규', 0, 0, 1, 3], ['행정규칙', 0, 3, 1, 3]],
    },
    {
      name: 'one header row without empty fields: nothing spans',
      table: rows('구 분→합 계→서 면', '계→784→280'),
      headerRows: 1,
      spans: [],
    },
  ];
  test.each(cases)('$name', ({ table, headerRows, spans }) => {
    expect(guessHeaderRows(table)).toBe(headerRows);
    const cells = headerCells(table, headerRows);
    const drawn = cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c): Drawn => [c.text, c.row, c.col, c.rowSpan, c.colSpan]);
    expect(drawn).toEqual(spans);
    // Every non-empty header field starts exactly one cell, and no two cells overlap.
    const covered = new Set<string>();
    for (const c of cells) {
      expect(table[c.row][c.col]).toBe(c.text);
      for (let r = c.row; r < c.row + c.rowSpan; r++)
        for (let k = c.col; k < c.col + c.colSpan; k++) {
          expect(covered.has(`${r},${k}`)).toBe(false);
          covered.add(`${r},${k}`);
        }
    }
    const texts = table.slice(0, headerRows).flat().filter((f) => f !== '').length;
    expect(cells).toHaveLength(texts);
  });
});

describe('groupLabelSpans', () => {
  test('a year label over the rows of its group', () => {
    expect(groupLabelSpans(LAWSUITS, 3)).toEqual([
      { r0: 3, c0: 0, r1: 5, c1: 0 },
      { r0: 6, c0: 0, r1: 7, c1: 0 },
    ]);
  });
  test('a first column without gaps has no group labels', () => {
    expect(groupLabelSpans(rows('a→b', '계→1', '구비→1'), 1)).toEqual([]);
  });
  test('tableMerges joins header spans and group labels', () => {
    expect(tableMerges(LAWSUITS, 3)).toHaveLength(7 + 2);
  });
});

describe('isFigureField', () => {
  test.each([
    ['19,000', true],
    ['-', true],
    ['22(22)', true],
    ['116건/ 4,817백만원', true],
    ['△1,200', true],
    ['2020년', false],
    ['2018년 (2019년 예산)', false],
    ['2020', false],
    ["'20", false],
    ['계', false],
    ['', false],
    ["'19.10.10.", false],
  ])('%s → %s', (field, figure) => {
    expect(isFigureField(field)).toBe(figure);
  });
});
