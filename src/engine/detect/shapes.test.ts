/**
 * Tables of the bureau's other departments, laid out the way people paste them into Excel: different offsets,
 * several tables per sheet, merged or unmerged headers, numbers as numbers or as text, titles and notes glued on.
 */
import { rangeToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import type { TableKind, TableLayout } from '../model/table';
import { grid, gridFromTsv, sheet, type Plain } from '../test-support';
import { detectTables } from '.';

interface Want {
  range: string;
  headerRows: number;
  labelCols: number;
  kind: TableKind;
  columns?: string[][];
  columnYears?: (number | null)[];
  rows?: string[][];
  title?: string;
  unit?: string;
  captionKinds?: string[];
}

function expectTable(t: TableLayout | undefined, want: Want): void {
  expect(t).toBeDefined();
  const table = t as TableLayout;
  expect(rangeToA1(table.range)).toBe(want.range);
  expect(table.headerRows).toBe(want.headerRows);
  expect(table.labelCols).toBe(want.labelCols);
  expect(table.kind).toBe(want.kind);
  if (want.columns) expect(table.columns.map((c) => c.path)).toEqual(want.columns);
  if (want.columnYears) expect(table.columns.map((c) => c.year ?? null)).toEqual(want.columnYears);
  if (want.rows) expect(table.rows.map((r) => r.path)).toEqual(want.rows);
  if (want.title !== undefined) expect(table.title).toBe(want.title);
  if (want.unit !== undefined) expect(table.unit).toBe(want.unit);
  if (want.captionKinds) expect(table.captions.map((c) => c.kind)).toEqual(want.captionKinds);
}

const localTax: Plain[][] = [
  ['구분', '부과액', '징수액', '미수납액', '징수율(%)'],
  ['계', 152340, 148200, 4140, 97.3],
  ['취득세', 50210, 50100, 110, 99.8],
  ['재산세', 60130, 58900, 1230, 98.0],
  ['자동차세', 42000, 39200, 2800, 93.3],
];

const contracts = `구분\t2019년\t\t2020년\t\t증감\t
\t건수\t금액\t건수\t금액\t건수\t금액
계\t120\t5,000\t130\t5,500\t10\t500
공사\t40\t3,000\t42\t3,300\t2\t300
용역\t50\t1,500\t55\t1,600\t5\t100
물품\t30\t500\t33\t600\t3\t100`;

const realEstate = `동별\t2019년\t2020년\t증감\t증감률(%)
계\t3,210\t3,650\t440\t13.7
가산동\t1,020\t1,200\t180\t17.6
독산동\t1,500\t1,610\t110\t7.3
시흥동\t690\t840\t150\t21.7`;

const rowGroups: Plain[][] = [
  ['구분', null, 2019, 2020],
  ['총계', null, 500, 600],
  ['일반회계', '소계', 300, 350],
  [null, '인건비', 100, 150],
  [null, '운영비', 200, 200],
  ['특별회계', '소계', 200, 250],
  [null, '사업비', 200, 250],
];

const arrears = `(단위: 천원)
구분\t체납액\t정리액\t정리율
계\t10,000\t6,000\t60.0
지방세\t7,000\t4,500\t64.3
세외수입\t3,000\t1,500\t50.0`;

describe('tables of other departments', () => {
  test('local-tax collection with 징수율: title in A1 glued on, unit at the right of the row above', () => {
    const g = sheet('세무1과', [
      { at: 'A1', rows: [['□ 2020년 지방세 징수 실적']] },
      { at: 'E2', rows: [['(단위: 백만원, %)']] },
      { at: 'A3', rows: localTax },
    ]);
    const tables = detectTables(g);
    expect(tables).toHaveLength(1);
    expectTable(tables[0], {
      range: 'A3:E7',
      headerRows: 1,
      labelCols: 1,
      kind: 'crosstab',
      columns: [['구분'], ['부과액'], ['징수액'], ['미수납액'], ['징수율(%)']],
      rows: [['계'], ['취득세'], ['재산세'], ['자동차세']],
      title: '2020년 지방세 징수 실적',
      unit: '백만원',
      captionKinds: ['title', 'unit'],
    });
  });

  test('contracts: two-level header by year, pasted (no merges), at an offset', () => {
    const tables = detectTables(gridFromTsv(contracts, { at: 'C5' }));
    expect(tables).toHaveLength(1);
    expectTable(tables[0], {
      range: 'C5:I10',
      headerRows: 2,
      labelCols: 1,
      kind: 'crosstab',
      columns: [
        ['구분'],
        ['2019년', '건수'],
        ['2019년', '금액'],
        ['2020년', '건수'],
        ['2020년', '금액'],
        ['증감', '건수'],
        ['증감', '금액'],
      ],
      columnYears: [null, 2019, 2019, 2020, 2020, null, null],
      rows: [['계'], ['공사'], ['용역'], ['물품']],
    });
  });

  test('an empty 비고 column after a pasted group header stays in the table', () => {
    const tsv = '구분\t2019년\t\t2020년\t\t비고\n\t부과액\t징수액\t부과액\t징수액\t\n합계\t30\t20\t40\t30\n주민세\t10\t5\t20\t10\n재산세\t20\t15\t20\t20';
    const [table] = detectTables(gridFromTsv(tsv, { at: 'D24' }));
    expect(rangeToA1(table.range)).toBe('D24:I28');
    expect(table.columns.map((c) => c.path.join('/'))).toEqual(['구분', '2019년/부과액', '2019년/징수액', '2020년/부과액', '2020년/징수액', '비고']);
  });

  test('a unit line naming several units: the table takes the money unit, each column its own', () => {
    const [table] = detectTables(gridFromTsv(`<단위 : 건, 백만원>\n\n${contracts.replace('증감', '징수율(%)')}`));
    expect(table.unit).toBe('백만원');
    expect(table.captions.map((c) => c.kind)).toEqual(['unit']);
    expect(table.columns.map((c) => c.unit ?? null)).toEqual([null, '건', '백만원', '건', '백만원', null, null]);
  });

  test('contracts: the same header merged', () => {
    const tables = detectTables(gridFromTsv(contracts, { at: 'B2', merges: ['B2:B3', 'C2:D2', 'E2:F2', 'G2:H2'] }));
    expect(tables).toHaveLength(1);
    expect(tables[0].headers.find((h) => h.text === '2019년')).toMatchObject({ row: 1, col: 2, rowSpan: 1, colSpan: 2 });
    expect(tables[0].headers.find((h) => h.text === '구분')).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(tables[0].columns.map((c) => c.path.join('/'))).toEqual([
      '구분',
      '2019년/건수',
      '2019년/금액',
      '2020년/건수',
      '2020년/금액',
      '증감/건수',
      '증감/금액',
    ]);
  });

  test('real-estate transactions by 동 with the 계 row on top and a 증감 column, numbers as text', () => {
    const tables = detectTables(gridFromTsv(`부동산 거래 현황\n(단위 : 건)\n${realEstate}`, { at: 'B2' }));
    expect(tables).toHaveLength(1);
    expectTable(tables[0], {
      range: 'B4:F8',
      headerRows: 1,
      labelCols: 1,
      kind: 'crosstab',
      columns: [['동별'], ['2019년'], ['2020년'], ['증감'], ['증감률(%)']],
      columnYears: [null, 2019, 2020, null, null],
      rows: [['계'], ['가산동'], ['독산동'], ['시흥동']],
      unit: '건',
      title: '부동산 거래 현황',
    });
  });

  test('row groups with 소계 and 총계, two label columns, years typed as numbers in the header', () => {
    const tables = detectTables(grid(rowGroups, { at: 'D4' }));
    expect(tables).toHaveLength(1);
    expectTable(tables[0], {
      range: 'D4:G10',
      headerRows: 1,
      labelCols: 2,
      kind: 'crosstab',
      columns: [['구분'], ['구분'], ['2019'], ['2020']],
      columnYears: [null, null, 2019, 2020],
      rows: [['총계'], ['일반회계', '소계'], ['일반회계', '인건비'], ['일반회계', '운영비'], ['특별회계', '소계'], ['특별회계', '사업비']],
    });
    expect(tables[0].headers.find((h) => h.text === '구분')).toMatchObject({ colSpan: 2 });
  });

  test('a duplicated or skipped year typed as a number is still a header (for year.sequence to report)', () => {
    for (const years of [
      [2018, 2018],
      [2018, 2021],
      [2020, 2019],
    ]) {
      const [table] = detectTables(grid([['구분', null, ...years], ...rowGroups.slice(1)]));
      expect(table.headerRows).toBe(1);
      expect(table.columns.map((c) => c.year ?? null)).toEqual([null, null, ...years]);
    }
  });

  test('row groups with the group label merged down', () => {
    const tables = detectTables(grid(rowGroups, { merges: ['A1:B1', 'A2:B2', 'A3:A5', 'A6:A7'] }));
    expect(tables[0].rows.map((r) => r.path)).toEqual([
      ['총계'],
      ['일반회계', '소계'],
      ['일반회계', '인건비'],
      ['일반회계', '운영비'],
      ['특별회계', '소계'],
      ['특별회계', '사업비'],
    ]);
  });

  test('a unit line one column past the right edge, glued on diagonally', () => {
    const g = sheet('S', [
      { at: 'B1', rows: [['□ 체납액 정리']] },
      { at: 'F2', rows: [['(단위: 천원)']] },
      { at: 'B3', rows: gridFromTsv(arrears).cells.slice(1).map((l) => l.map((c) => c ?? null)) },
    ]);
    const [table] = detectTables(g);
    expect(rangeToA1(table.range)).toBe('B3:E6');
    expect(table.unit).toBe('천원');
    expect(table.title).toBe('체납액 정리');
  });

  test('arrears with 정리율, unit line glued on top', () => {
    const tables = detectTables(gridFromTsv(arrears));
    expect(tables).toHaveLength(1);
    expectTable(tables[0], {
      range: 'A2:D5',
      headerRows: 1,
      labelCols: 1,
      kind: 'crosstab',
      unit: '천원',
      captionKinds: ['unit'],
    });
  });
});

describe('several tables on one sheet', () => {
  test('side by side with one empty column, each with its own caption above', () => {
    const g = sheet('S', [
      { at: 'A1', rows: [['□ 지방세'], [], ...localTax] },
      { at: 'G1', rows: [['□ 체납 정리'], []] },
      { at: 'G2', rows: gridFromTsv(arrears).cells.map((l) => l.map((c) => c ?? null)) },
    ]);
    const tables = detectTables(g);
    expect(tables.map((t) => rangeToA1(t.range))).toEqual(['A3:E7', 'G3:J6']);
    expect(tables.map((t) => t.title)).toEqual(['지방세', '체납 정리']);
    expect(tables[1].unit).toBe('천원');
  });

  test('a title merged across two side-by-side tables does not glue them', () => {
    const g = sheet('S', [
      { at: 'A1', rows: [['2020년 세입 현황']], merges: ['A1:J1'] },
      { at: 'A2', rows: localTax },
      { at: 'G2', rows: gridFromTsv(arrears).cells.slice(1).map((l) => l.map((c) => c ?? null)) },
    ]);
    const tables = detectTables(g);
    expect(tables.map((t) => rangeToA1(t.range))).toEqual(['A2:E6', 'G2:J5']);
    expect(tables[0].title).toBe('2020년 세입 현황');
  });

  test('two tables stacked with only a unit line between them', () => {
    const g = sheet('S', [
      { at: 'B2', rows: localTax },
      { at: 'B7', rows: [['(단위 : 건)']] },
      { at: 'B8', rows: gridFromTsv(realEstate).cells.map((l) => l.map((c) => c ?? null)) },
    ]);
    const tables = detectTables(g);
    expect(tables.map((t) => rangeToA1(t.range))).toEqual(['B2:F6', 'B8:F12']);
    expect(tables[1].unit).toBe('건');
    expect(tables[1].captions.map((c) => c.kind)).toEqual(['unit']);
  });

  test('a second table stacked right under the first, its year header straight after the figures', () => {
    const g = gridFromTsv(`${realEstate}\n${contracts}`, { at: 'B2' });
    const tables = detectTables(g);
    expect(tables.map((t) => rangeToA1(t.range))).toEqual(['B2:F6', 'B7:H12']);
    expect(tables.map((t) => t.headerRows)).toEqual([1, 2]);
  });

  test('a dozen tables stacked without blank rows are all found', () => {
    const g = gridFromTsv(Array.from({ length: 12 }, () => realEstate).join('\n'));
    const tables = detectTables(g);
    expect(tables.map((t) => rangeToA1(t.range))).toEqual(Array.from({ length: 12 }, (_, i) => `A${1 + 5 * i}:E${5 + 5 * i}`));
  });

  test('a footnote glued under the table is a caption, not a body row', () => {
    const g = gridFromTsv(`${realEstate}\n주) 신고일 기준\n※ 2020년은 10월말까지`, { at: 'C3' });
    const [table] = detectTables(g);
    expect(rangeToA1(table.range)).toBe('C3:G7');
    expect(table.captions.map((c) => [c.kind, c.text])).toEqual([
      ['footnote', '주) 신고일 기준'],
      ['note', '※ 2020년은 10월말까지'],
    ]);
  });

  test('a source line glued under the table is a caption', () => {
    const [table] = detectTables(gridFromTsv(`${realEstate}\n자료: 부동산정보과`));
    expect(rangeToA1(table.range)).toBe('A1:E5');
    expect(table.captions.map((c) => c.text)).toEqual(['자료: 부동산정보과']);
  });

  test('section rows inside a table do not split it', () => {
    const g = gridFromTsv(
      '구분\t2019년\t2020년\n총계\t300\t330\n1. 일반회계\n인건비\t100\t110\n운영비\t100\t110\n<특별회계>\n사업비\t100\t110',
    );
    const tables = detectTables(g);
    expect(tables).toHaveLength(1);
    expect(rangeToA1(tables[0].range)).toBe('A1:C7');
    expect(tables[0].rows.map((r) => r.path)).toEqual([['총계'], ['1. 일반회계'], ['인건비'], ['운영비'], ['<특별회계>'], ['사업비']]);
  });

  test('a short title typed right above a table with a blank corner is a caption', () => {
    const g = gridFromTsv('세입 현황\n\t2019년\t2020년\n계\t30\t40\n지방세\t10\t20\n세외수입\t20\t20', { at: 'B2' });
    const [table] = detectTables(g);
    expect(rangeToA1(table.range)).toBe('B3:D6');
    expect(table.title).toBe('세입 현황');
    expect(table.headerRows).toBe(1);
  });

  test('prose lines and one-row blocks are not tables', () => {
    const g = gridFromTsv('□ 사업개요\n\n- 근거 : 지방재정법\n- 기간 : 2021. 1. ~ 12.\n\n성명\t직급', { name: 'S' });
    expect(detectTables(g)).toEqual([]);
  });
});

describe('cells as other programs save them', () => {
  const asSaved = (): SheetGrid =>
    grid(
      [
        ['구분', '예산액', '집행액', '집행률', '비고'],
        ['계', { v: 1200, fmt: '#,##0' }, { v: 960, fmt: '#,##0', f: 'SUM(C3:C4)' }, 80, ' '],
        ['사업비', { v: 1000, fmt: '#,##0' }, '800', 80, ''],
        ['운영비', { v: 200, fmt: '#,##0' }, { v: 160, fmt: '#,##0' }, '80.0', '담당: 회계팀'],
      ],
      { at: 'B3' },
    );

  test('numbers, numbers as text, whitespace-only cells and a text 비고 column: still a numeric table', () => {
    const [table] = detectTables(asSaved());
    expectTable(table, { range: 'B3:F6', headerRows: 1, labelCols: 1, kind: 'crosstab' });
  });

  test('a template with an empty body keeps its kind from the header', () => {
    const g = gridFromTsv('재원별\t합계\t연차별 소요재원\t\t\n\t\t2021년\t2022년\t2023년\n계\n구비\n시비');
    const tables = detectTables(g);
    expect(tables).toHaveLength(1);
    expectTable(tables[0], { range: 'A1:E5', headerRows: 2, labelCols: 1, kind: 'budget-by-year' });
  });

  test('words inside the numeric body do not end the table', () => {
    const g = gridFromTsv('구분\t2019년\t2020년\n계\t10\t진행 중\n가\t6\t-\n나\t4\t미정');
    const [table] = detectTables(g);
    expectTable(table, { range: 'A1:C4', headerRows: 1, labelCols: 1, kind: 'crosstab' });
  });

  test('a blank-row-free table with years as row labels typed as numbers', () => {
    const g = grid([
      ['연도', '계', '승소', '패소'],
      [2018, 10, 8, 2],
      [2019, 12, 9, 3],
      [2020, 7, 7, '-'],
    ]);
    const [table] = detectTables(g);
    expectTable(table, {
      range: 'A1:D4',
      headerRows: 1,
      labelCols: 1,
      kind: 'crosstab',
      rows: [['2018'], ['2019'], ['2020']],
    });
    expect(table.rows.map((r) => r.year)).toEqual([2018, 2019, 2020]);
  });
});
