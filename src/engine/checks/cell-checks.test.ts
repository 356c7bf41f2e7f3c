import fc from 'fast-check';
import { rangeFromA1, rangeToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { TableKind, TableLayout } from '../model/table';
import { grid, gridFromTsv } from '../test-support';
import { checkCells, formatGroups, zeroShownAs } from './cell-checks';

/** A plain layout over `range` of `g`: header rows on top, label columns on the left. */
function layout(
  g: SheetGrid,
  range: string,
  opts: { headerRows?: number; labelCols?: number; unit?: string; kind?: TableKind } = {},
): TableLayout {
  const r = rangeFromA1(range);
  if (!r) throw new Error(range);
  const headerRows = opts.headerRows ?? 1;
  const labelCols = opts.labelCols ?? 1;
  const columns = [];
  for (let col = r.c0; col <= r.c1; col++) columns.push({ col, path: [], isLabel: col < r.c0 + labelCols });
  const rows = [];
  for (let row = r.r0 + headerRows; row <= r.r1; row++) rows.push({ row, path: [] });
  return {
    id: `${g.name}!${rangeToA1(r)}`,
    sheet: g.name,
    range: r,
    headerRows,
    labelCols,
    kind: opts.kind ?? 'crosstab',
    unit: opts.unit,
    captions: [],
    headers: [],
    columns,
    rows,
  };
}

const DASH_FMT = '#,##0;"△"#,##0;"-"';
const rulesOf = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.cell}`);

describe('checkCells', () => {
  it('reports error values and mistyped numbers, with a guess where one is clear', () => {
    const g = grid(
      [
        ['구분', '합계', 'A', 'B'],
        ['계', { v: null, f: 'C2+D2', error: '#REF!' }, 12500, 3],
        ['가', '12,5OO', '1,2 34', { v: null, error: '#DIV/0!' }],
      ],
      { name: 'S' },
    );
    const fs = checkCells(g, layout(g, 'A1:D3'));
    expect(fs.filter((f) => f.rule !== 'format.style' && f.rule !== 'number.text')).toEqual([
      expect.objectContaining({ rule: 'value.error', severity: 'error', cell: 'B2', actual: '#REF!', table: 'S!A1:D3' }),
      expect.objectContaining({ rule: 'number.invalid', severity: 'error', cell: 'B3', actual: '12,5OO', expected: 12500 }),
      expect.objectContaining({ rule: 'number.invalid', cell: 'C3', actual: '1,2 34', expected: 1234 }),
      expect.objectContaining({ rule: 'value.error', cell: 'D3', actual: '#DIV/0!', sheet: 'S' }),
    ]);
  });

  it.each(['진행 중', "'18.8.30개최", '온라인교육 예정(12월)', '*코로나19로 온라인 교육으로 대체', '위원회 결정'])(
    'treats %j as a label, not a finding',
    (words) => {
      const g = grid([
        ['구분', '2019년', '2020년'],
        ['집행액', 766, words],
      ]);
      expect(checkCells(g, layout(g, 'A1:C2'))).toEqual([]);
    },
  );

  it('looks only at the numeric body: headers and label columns are not checked', () => {
    const g = grid([
      ['12,5OO', '#REF!'],
      ['1,2 34', 5],
    ]);
    expect(checkCells(g, layout(g, 'A1:B2'))).toEqual([]);
  });

  it('never checks a text table', () => {
    const g = grid([
      ['팀 명', '주요업무'],
      ['정책기획팀', { v: null, error: '#REF!' }],
    ]);
    expect(checkCells(g, layout(g, 'A1:B2', { kind: 'text' }))).toEqual([]);
  });

  it('reports each number stored as text when the table otherwise stores numbers', () => {
    const g = grid([
      ['구분', '합계', '2020년', '2021년'],
      ['계', 143040, 31140, '32,300'],
      ['시비', 48400, '10,900', 12500],
      ['구비', 94640, 20240, 19800],
    ]);
    const fs = checkCells(g, layout(g, 'A1:D4')).filter((f) => f.rule === 'number.text');
    expect(fs).toEqual([
      expect.objectContaining({ cell: 'D2', severity: 'warning', expected: 32300, actual: '32,300' }),
      expect.objectContaining({ cell: 'C3', expected: 10900, actual: '10,900' }),
    ]);
    expect(fs[0].params).toMatchObject({ scope: 'cell', textCells: 2 });
  });

  it('reports a table whose figures are all text once, naming the others as related', () => {
    const g = gridFromTsv(['재원별\t합계\t2020년\t2021년', '계\t19,000\t-\t19,000', '구비\t19,000\t-\t19,000'].join('\n'));
    const fs = checkCells(g, layout(g, 'A1:D3')).filter((f) => f.rule === 'number.text');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: 'B2', related: ['D2', 'B3', 'D3'], params: { scope: 'table', textCells: 4 } });
  });

  it('does not call counts with their unit, footnoted figures or compounds numbers-as-text', () => {
    const g = grid([
      ['구분', '횟수', '처리안건', '정원(현원)'],
      ['2020년', '4회', '48건', '22(22)'],
      ['2019년', 7, '61,800 ¹⁾', '6(7)'],
    ]);
    expect(checkCells(g, layout(g, 'A1:D3'))).toEqual([]);
  });

  it('reports a missing thousands separator once per table, beside figures that have one', () => {
    const g = gridFromTsv(['재원별\t합계\t2020년\t2021년', '계\t5000\t-\t5,000', '구비\t5,000\t-\t5000'].join('\n'));
    const fs = checkCells(g, layout(g, 'A1:D3')).filter((f) => f.rule === 'format.style');
    expect(fs).toEqual([
      expect.objectContaining({
        cell: 'B2',
        severity: 'info',
        related: ['D3'],
        expected: '5,000',
        actual: '5000',
        params: expect.objectContaining({ style: 'grouping' }),
      }),
    ]);
  });

  it('reads grouping of real numbers from their number format', () => {
    const g = grid([
      ['구분', 'A', 'B', 'C'],
      ['계', { v: 5000, fmt: DASH_FMT }, { v: 19000 }, { v: 12, fmt: '0' }],
    ]);
    const fs = checkCells(g, layout(g, 'A1:D2'));
    expect(rulesOf(fs)).toEqual(['format.style@C2']);
    expect(fs[0]).toMatchObject({ expected: '19,000', actual: '19000' });
  });

  it('reports "-" and 0 mixed for zero, naming the zeros', () => {
    const g = gridFromTsv(['재원별\t합계\t2020년\t2021년\t2022년\t2023년', '계\t19,000\t-\t19,000\t0\t0', '구비\t19,000\t-\t19,000'].join('\n'));
    const fs = checkCells(g, layout(g, 'A1:F3')).filter((f) => f.rule === 'format.style');
    expect(fs).toEqual([
      expect.objectContaining({ cell: 'E2', related: ['F2'], expected: '-', actual: '0', params: { style: 'zero', dashes: 2, zeros: 2 } }),
    ]);
  });

  it('counts a real zero shown as "-" by its format as a dash', () => {
    const g = grid([
      ['구분', 'A', 'B', 'C'],
      ['계', { v: 0, fmt: DASH_FMT }, { v: 0, fmt: DASH_FMT }, { v: 0 }],
    ]);
    expect(rulesOf(checkCells(g, layout(g, 'A1:D2')))).toEqual(['format.style@D2']);
    const same = grid([['구분', 'A', 'B'], ['계', { v: 0, fmt: DASH_FMT }, '-']]);
    expect(checkCells(same, layout(same, 'A1:C2'))).toEqual([]);
  });

  it('reports money written in another unit than the unit line', () => {
    const g = grid([
      ['구분', '2019', '2020'],
      ['제안', '116건/ 4,817백만원', '120건/ 4,110천원'],
      ['편성', '35건/ 906백만원', '41건/ 842백만원'],
    ]);
    expect(checkCells(g, layout(g, 'A1:C3'))).toEqual([
      expect.objectContaining({ rule: 'format.style', cell: 'C2', expected: '백만원', actual: '천원', params: expect.objectContaining({ style: 'unit', fromUnitLine: false }) }),
    ]);
    const withLine = checkCells(g, layout(g, 'A1:C3', { unit: '천원' }));
    expect(withLine).toEqual([
      expect.objectContaining({ cell: 'B2', related: ['B3', 'C3'], expected: '천원', actual: '백만원' }),
    ]);
    expect(withLine[0].params).toMatchObject({ style: 'unit', fromUnitLine: true });
    // The report's own unit line for this table names two units: the money one is what counts.
    const both = checkCells(g, layout(g, 'A1:C3', { unit: '건 / 백 만 원' }));
    expect(both).toEqual([expect.objectContaining({ cell: 'C2', expected: '백만원', actual: '천원' })]);
  });

  it('accepts counts in different units across rows (건, 명, 회 are not a style issue)', () => {
    const g = grid([
      ['구분', '2018', '2019'],
      ['투표', '2,649명', '2,892명'],
      ['학교', '5회/137명', '5회/682명'],
    ]);
    expect(checkCells(g, layout(g, 'A1:C3'))).toEqual([]);
  });

  it('finds nothing in the report’s participatory-budget and staffing tables', () => {
    const budget = gridFromTsv(
      [
        '구 분\t2018년 (2019년 예산)\t2019년 (2020년 예산)\t2020년 (2021년 예산)\t비 고',
        '제 안 현 황\t116건/ 4,817백만원\t120건/ 4,110백만원\t125건/ 2,166백만원\t',
        '편 성 현 황 (건 / 백 만 원)\t35건/ 906백만원\t41건/ 842백만원\t39건/ 987백만원\t',
        '집행액 (집행률)\t766(84.5%)\t진행 중\t-\t',
        '모 바 일 투 표 참 여 인 원\t2,649명\t2,892명\t1,256명\t',
        '예 산 학 교 운 영\t5회/137명\t5회/682명\t온라인교육 예정(12월)\t*코로나19로 온라인 교육으로 대체',
        "총 회 개 최\t'18.8.30개최\t'19.8.29개최\t'20.10.28. 온라인 화상총회 개최\t",
      ].join('\n'),
    );
    expect(checkCells(budget, layout(budget, 'A1:E7', { kind: 'participatory-budget' }))).toEqual([]);
    const staffing = gridFromTsv(
      ['합 계\t3급\t4급\t5급\t6급\t7급\t8급\t9급', '22(22)\t-\t1(1)\t1(1)\t6(6)\t6(7)\t6(6)\t2(1)'].join('\n'),
    );
    expect(checkCells(staffing, layout(staffing, 'A1:H2', { labelCols: 0, kind: 'staffing' }))).toEqual([]);
  });

  it('checks the report’s own 2020 lawsuit table clean', () => {
    const tsv = [
      '연도\t소송\t계\t진행중\t소계\t승소\t소취하\t일부승\t패소\t비고',
      '2020\t계\t22\t12\t10\t-\t10\t-\t-\t10',
      '\t행정소송\t15\t6\t9\t-\t9\t-\t-\t5',
      '\t민사소송\t7\t6\t1\t-\t1\t-\t-\t5',
    ].join('\n');
    const g = gridFromTsv(tsv);
    const fs = checkCells(g, layout(g, 'A1:J4', { labelCols: 2 }));
    // Every figure is text here (the report's text form): one table-level note, nothing else.
    expect(fs.map((f) => f.rule)).toEqual(['number.text']);
    // 24 body cells, 9 of them '-' (the report's zero, not text figures): the first figure plus 14 related.
    expect(fs[0]).toMatchObject({ cell: 'C2', params: { textCells: 15, numberCells: 0 } });
    expect(fs[0].related).toHaveLength(14);
  });
});

describe('zeroShownAs', () => {
  it.each([
    [undefined, 'digits'],
    ['#,##0', 'digits'],
    [DASH_FMT, 'dash'],
    ['#,##0;-#,##0;-', 'dash'],
    ['#,##0;-#,##0;', 'other'],
    ['#,##0;"△"#,##0;0', 'digits'],
    ['0.0;(0.0);"-"', 'dash'],
  ] as const)('%j → %s', (fmt, expected) => {
    expect(zeroShownAs(fmt)).toBe(expected);
  });
});

describe('formatGroups', () => {
  /** The first section (up to a ';' outside quotes and escapes), quoted text and escapes taken out, searched. */
  function groupsBySections(fmt: string): boolean {
    let first = '';
    let quoted = false;
    for (let i = 0; i < fmt.length; i++) {
      const ch = fmt[i];
      if (ch === '"') quoted = !quoted;
      if (ch === '\\' && !quoted && i + 1 < fmt.length) {
        first += ch + fmt[++i];
        continue;
      }
      if (ch === ';' && !quoted) break;
      first += ch;
    }
    return /[#0?],[#0?]/.test(first.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
  }

  it.each([
    ['#,##0', true],
    [DASH_FMT, true],
    ['0', false],
    ['General', false],
    ['"#,#"0', false],
    ['\\#,##0', false],
    ['0;#,##0', false],
    ['#,##0.0_ ;"△"#,##0.0', true],
  ] as const)('%j → %s', (fmt, expected) => {
    expect(formatGroups(fmt)).toBe(expected);
    expect(groupsBySections(fmt)).toBe(expected);
  });

  it('reads any format as its sections do', () => {
    const fmt = fc.string({ unit: fc.constantFrom('#', '0', '?', ',', ';', '"', '\\', '.', '-', 'a', ' '), maxLength: 14 });
    fc.assert(
      fc.property(fmt, (f) => {
        expect(formatGroups(f)).toBe(groupsBySections(f));
      }),
      { numRuns: 3000 },
    );
  });
});
