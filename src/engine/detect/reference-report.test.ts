/**
 * Every table of the real report must be detected with the right range, header rows, label columns, kind,
 * captions and header/label paths: pasted as text at A1, and at an offset with merged headers.
 */
import { rangeFromA1, rangeToA1 } from '../grid/a1';
import type { CellRange } from '../grid/types';
import type { CaptionLine, TableKind, TableLayout } from '../model/table';
import { gridFromTsv } from '../test-support';
import { detectTables } from '.';
import { REFERENCE_TABLES } from './test-data/reference-report';

interface Expected {
  /** Range of header + body, relative to the excerpt's first line at A1. */
  range: string;
  headerRows: number;
  labelCols: number;
  kind: TableKind;
  /** [kind, start of text] of each caption line, top to bottom. */
  captions: [CaptionLine['kind'], string][];
  title?: string;
  unit?: string;
  columns?: string[][];
  /** Years named by the columns, left to right (null: none). */
  columnYears?: (number | null)[];
  rows?: string[][];
  rowYears?: (number | null)[];
  rowCount?: number;
  /** Header merges of the table as Excel would draw them, relative to the excerpt at A1. */
  merges?: string[];
}

const budgetColumns = (word: string): string[][] => [
  ['재원별'],
  ['합계'],
  [word, '2020년'],
  [word, '2021년'],
  [word, '2022년'],
  [word, '2023년'],
];
const budgetYears = [null, null, 2020, 2021, 2022, 2023];
const budgetMerges = (top: number): string[] => [`A${top}:A${top + 1}`, `B${top}:B${top + 1}`, `C${top}:F${top}`];

const EXPECTED: Record<string, Expected> = {
  'team-duties': {
    range: 'A3:B7',
    headerRows: 1,
    labelCols: 1,
    kind: 'text',
    captions: [['title', '□ 조 직 : 4팀']],
    title: '조직 : 4팀',
    columns: [['팀명'], ['주요업무']],
    rows: [['정책기획팀'], ['예산팀'], ['혁신공모팀'], ['의회법제팀']],
  },
  staffing: {
    range: 'A5:H6',
    headerRows: 1,
    labelCols: 0,
    kind: 'staffing',
    captions: [
      ['title', '□ 인 력 : 정원 22명(현원 22명)'],
      ['basis', "(기준일 : '20. 10월말)"],
    ],
    columns: [['합계'], ['3급'], ['4급'], ['5급'], ['6급'], ['7급'], ['8급'], ['9급']],
    rows: [[]],
  },
  'project-list': {
    range: 'A3:D14',
    headerRows: 1,
    labelCols: 3,
    kind: 'text',
    captions: [['title', '주요사업 목록']],
    title: '주요사업 목록',
    columns: [['연번'], ['주요사업'], ['구분'], ['쪽']],
    rowCount: 11,
  },
  'pledge-counts': {
    range: 'A4:M6',
    headerRows: 2,
    labelCols: 1,
    kind: 'pledge-counts',
    captions: [['title', '- 공약수 : 5대 목표 12개 분야 69개 사업']],
    columns: [
      ['사업수'],
      ['더불어행복한 금천', '소통 행정'],
      ['더불어행복한 금천', '주민 참여'],
      ['다시뛰는 금천', '도시 계획'],
      ['다시뛰는 금천', '도시 재생'],
      ['다시뛰는 금천', '지역 경제'],
      ['안전한 금천', '교통'],
      ['안전한 금천', '안전'],
      ['안전한 금천', '환경'],
      ['따뜻한 금천', '복지'],
      ['따뜻한 금천', '건강'],
      ['돌아오는 금천', '교육'],
      ['돌아오는 금천', '문화'],
    ],
    rows: [['공약(69)']],
    merges: ['A4:A5', 'B4:C4', 'D4:F4', 'G4:I4', 'J4:K4', 'L4:M4'],
  },
  'jury-selection': {
    range: 'A3:D4',
    headerRows: 1,
    labelCols: 3,
    kind: 'text',
    captions: [['title', '- 성·나이·지역별 인구 비례에 의거 선발']],
    columns: [['성별'], ['나이'], ['지역'], ['선발']],
  },
  'budget-pledge-evaluation': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ 2021년 소요예산 : 19,000천원'],
      ['unit', '(단위 : 천원)'],
    ],
    title: '2021년 소요예산 : 19,000천원',
    unit: '천원',
    columns: budgetColumns('연차별 소요자원'),
    columnYears: budgetYears,
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
  'budget-online-meetings': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ 소요예산 : 5,000천원'],
      ['unit', '(단위 : 천원)'],
    ],
    unit: '천원',
    columns: budgetColumns('연차별 소요재원'),
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
  'budget-research-group': {
    range: 'A7:F10',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['title', '□ **2021년 소요예산 : 미정(시비)**'],
      ['note', '※ 1개 과제당 연구예산'],
      ['unit', '(단위 : 천원)'],
    ],
    title: '2021년 소요예산 : 미정(시비)',
    unit: '천원',
    columns: budgetColumns('연차별 소요재원'),
    rows: [['계'], ['시비']],
    merges: budgetMerges(7),
  },
  'budget-size': {
    range: 'A5:G8',
    headerRows: 1,
    labelCols: 1,
    kind: 'budget-size',
    captions: [
      ['note', '※ 2020. 예산규모'],
      ['unit', '(단위 : 백만원)'],
    ],
    title: '2020. 예산규모',
    unit: '백만원',
    columns: [
      ['구분'],
      ['최종예산액 (㉑=㉒+㉓+㉔+㉕)'],
      ['당초예산 (㉒)'],
      ['1회추경 (㉓)'],
      ['2회추경 (㉔)'],
      ['간주처리 (㉕)'],
      ['비고'],
    ],
    rows: [['계'], ['일반회계'], ['특별회계']],
  },
  'participatory-budget': {
    range: 'A3:E9',
    headerRows: 1,
    labelCols: 1,
    kind: 'participatory-budget',
    captions: [
      ['title', '○ 최근 3년간 운영현황'],
      ['note', '※ 2019년 일반참여형'],
      ['note', '※ 2019년 찾아가는 예산학교'],
    ],
    title: '최근 3년간 운영현황',
    columns: [['구분'], ['2018년 (2019년 예산)'], ['2019년 (2020년 예산)'], ['2020년 (2021년 예산)'], ['비고']],
    columnYears: [null, 2018, 2019, 2020, null],
    rows: [['제안현황'], ['편성현황 (건 / 백만원)'], ['집행액 (집행률)'], ['모바일투표참여인원'], ['예산학교운영'], ['총회개최']],
  },
  'field-group-limits': {
    range: 'A3:D6',
    headerRows: 1,
    labelCols: 3,
    kind: 'text',
    captions: [['title', '- 교육·청소년분야 한도액은']],
    columns: [['분야 그룹'], ['한도액'], ['분야 그룹'], ['한도액']],
  },
  'budget-participatory': {
    range: 'A5:F9',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ 2021년 소요예산 : 32,300천원'],
      ['unit', '(단위 : 천원)'],
    ],
    unit: '천원',
    columns: budgetColumns('연차별 소요재원'),
    columnYears: budgetYears,
    rows: [['계'], ['시비'], ['구비']],
    merges: budgetMerges(5),
  },
  'budget-innovation': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '2021년 소요예산 : 34,900천원'],
      ['unit', '(단위 : 천원)'],
    ],
    unit: '천원',
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
  'counts-by-field': {
    range: 'A3:K4',
    headerRows: 1,
    labelCols: 0,
    kind: 'counts-by-field',
    captions: [['note', '※ 2020년 공모사업 상시모니터링 기관 현황']],
    title: '2020년 공모사업 상시모니터링 기관 현황',
    columns: [
      ['계'],
      ['과학통신'],
      ['교육'],
      ['국토개발'],
      ['노동'],
      ['문화체육'],
      ['복지'],
      ['여성'],
      ['일반행정'],
      ['산업·중소기업'],
      ['환경'],
    ],
    rows: [[]],
  },
  'budget-contests': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ 2021년 소요예산 : 34,080천원'],
      ['unit', '(단위 : 천원)'],
    ],
    unit: '천원',
    columns: budgetColumns('연차별 소요자원'),
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
  'lecture-plan': {
    range: 'A3:D5',
    headerRows: 0,
    labelCols: 0,
    kind: 'text',
    captions: [
      ['title', '[참고] 희망경제학교'],
      ['note', '※ 과목은'],
    ],
    rowCount: 3,
  },
  'budget-decentralisation': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ **2021년 소요예산 : 13,750천원**'],
      ['unit', '(단위 : 천원)'],
    ],
    title: '2021년 소요예산 : 13,750천원',
    unit: '천원',
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
  lawsuits: {
    range: 'A5:J16',
    headerRows: 3,
    labelCols: 2,
    kind: 'lawsuits',
    captions: [
      ['title', '- 일반 소송 현황'],
      ['basis', '(2020. 10월말 기준, 단위 : 건)'],
      ['note', '- 2018년 이후 제소 114건'],
      ['note', '⇒ 종결사건(92건) 승소율 : 94.5%'],
    ],
    unit: '건',
    columns: [
      ['연도'],
      ['소송'],
      ['계'],
      ['처리현황', '진행중'],
      ['처리현황', '종결', '소계'],
      ['처리현황', '종결', '승소'],
      ['처리현황', '종결', '소취하'],
      ['처리현황', '종결', '일부승'],
      ['처리현황', '종결', '패소'],
      ['비고 (소송대리인 선임 건수)'],
    ],
    rows: [
      ['2020', '계'],
      ['2020', '행정소송'],
      ['2020', '민사소송'],
      ['2019', '계'],
      ['2019', '행정소송'],
      ['2019', '민사소송'],
      ['2018', '계'],
      ['2018', '행정소송'],
      ['2018', '민사소송'],
    ],
    rowYears: [2020, 2020, 2020, 2019, 2019, 2019, 2018, 2018, 2018],
    merges: ['A5:A7', 'B5:B7', 'C5:C7', 'D5:I5', 'D6:D7', 'E6:I6', 'J5:J7', 'A8:A10', 'A11:A13', 'A14:A16'],
  },
  'legal-advice': {
    range: 'A5:F9',
    headerRows: 1,
    labelCols: 1,
    kind: 'legal-advice',
    captions: [
      ['title', '- 법률 전문관 자문 유형별 현황'],
      ['basis', '(2020. 10월말 기준, 단위 : 건)'],
    ],
    unit: '건',
    columns: [['구분'], ['합계'], ['서면'], ['전화'], ['방문'], ['비고(소송지휘)']],
    rows: [['계'], ['2020년'], ['2019년'], ['2018년']],
    rowYears: [null, 2020, 2019, 2018],
  },
  'budget-legal-support': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ **소요예산 : 182,170천원**'],
      ['unit', '(단위 : 천원)'],
    ],
    unit: '천원',
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
  bylaws: {
    range: 'A5:F7',
    headerRows: 2,
    labelCols: 0,
    kind: 'bylaws',
    captions: [
      ['title', '자치법규 현황'],
      ['basis', '(2020. 10월 말 기준, 단위: 건)'],
    ],
    title: '자치법규 현황',
    unit: '건',
    columns: [
      ['자치법규', '계'],
      ['자치법규', '조례'],
      ['자치법규', '규칙'],
      ['행정규칙', '계'],
      ['행정규칙', '훈령'],
      ['행정규칙', '예규'],
    ],
    rows: [[]],
    merges: ['A5:C5', 'D5:F5'],
  },
  'bylaws-results': {
    range: 'A3:F11',
    headerRows: 1,
    labelCols: 5,
    kind: 'text',
    captions: [['title', '추진실적']],
    columns: [['연번'], ['소관 국'], ['유형'], ['자치법규명'], ['내용'], ['공포일']],
    rowCount: 8,
  },
  'council-sessions': {
    range: 'A5:G9',
    headerRows: 2,
    labelCols: 1,
    kind: 'council-sessions',
    captions: [
      ['title', '- 구의회 정례회 및 임시회 업무 지원'],
      ['basis', '(2020. 10월말 기준)'],
    ],
    columns: [
      ['구분'],
      ['합계', '횟수'],
      ['합계', '처리안건'],
      ['정례회', '횟수'],
      ['정례회', '처리안건'],
      ['임시회', '횟수'],
      ['임시회', '처리안건'],
    ],
    rows: [['2020년'], ['2019년'], ['2018년']],
    rowYears: [2020, 2019, 2018],
    merges: ['A5:A6', 'B5:C5', 'D5:E5', 'F5:G5'],
  },
  'budget-council': {
    range: 'A5:F8',
    headerRows: 2,
    labelCols: 1,
    kind: 'budget-by-year',
    captions: [
      ['amount', '□ **2021년 소요예산 : 52,700천원**'],
      ['unit', '(단위 : 천원)'],
      ['footnote', '1) 2022년도 지방의회의원'],
    ],
    unit: '천원',
    columns: budgetColumns('연차별 소요재원'),
    columnYears: budgetYears,
    rows: [['계'], ['구비']],
    merges: budgetMerges(5),
  },
};

function shift(range: CellRange, rows: number, cols: number): CellRange {
  return { r0: range.r0 + rows, c0: range.c0 + cols, r1: range.r1 + rows, c1: range.c1 + cols };
}

function shiftA1(a1: string, rows: number, cols: number): string {
  const range = rangeFromA1(a1);
  if (!range) throw new Error(`bad range ${a1}`);
  return rangeToA1(shift(range, rows, cols));
}

function check(table: TableLayout, want: Expected, rows: number, cols: number, sheetName: string): void {
  const range = shiftA1(want.range, rows, cols);
  expect(rangeToA1(table.range)).toBe(range);
  expect(table.id).toBe(`${sheetName}!${range}`);
  expect(table.headerRows).toBe(want.headerRows);
  expect(table.labelCols).toBe(want.labelCols);
  expect(table.kind).toBe(want.kind);
  expect(table.captions.map((c) => c.kind)).toEqual(want.captions.map(([kind]) => kind));
  table.captions.forEach((caption, i) => expect(caption.text.startsWith(want.captions[i][1])).toBe(true));
  for (const caption of table.captions) {
    expect(caption.row < table.range.r0 || caption.row > table.range.r1).toBe(true);
  }
  if (want.title !== undefined) expect(table.title).toBe(want.title);
  expect(table.unit).toBe(want.unit);
  expect(table.columns.map((c) => c.col)).toEqual(
    Array.from({ length: table.range.c1 - table.range.c0 + 1 }, (_, j) => table.range.c0 + j),
  );
  expect(table.columns.filter((c) => c.isLabel).length).toBe(want.labelCols);
  if (want.columns) expect(table.columns.map((c) => c.path)).toEqual(want.columns);
  if (want.columnYears) expect(table.columns.map((c) => c.year ?? null)).toEqual(want.columnYears);
  expect(table.rows.map((r) => r.row)).toEqual(
    Array.from({ length: table.range.r1 - table.range.r0 + 1 - want.headerRows }, (_, i) => table.range.r0 + want.headerRows + i),
  );
  if (want.rows) expect(table.rows.map((r) => r.path)).toEqual(want.rows);
  if (want.rowYears) expect(table.rows.map((r) => r.year ?? null)).toEqual(want.rowYears);
  if (want.rowCount !== undefined) expect(table.rows).toHaveLength(want.rowCount);
}

const cases = Object.entries(EXPECTED);

describe('every table of the reference report', () => {
  test('the fixture holds every table of the report', () => {
    expect(Object.keys(REFERENCE_TABLES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(cases)('%s, pasted at A1', (name, want) => {
    const sheet = gridFromTsv(REFERENCE_TABLES[name].tsv, { name: '기획예산과' });
    const tables = detectTables(sheet);
    expect(tables).toHaveLength(1);
    check(tables[0], want, 0, 0, '기획예산과');
  });

  test.each(cases)('%s, at D7 with merged headers', (name, want) => {
    const merges = (want.merges ?? []).map((m) => shiftA1(m, 6, 3));
    const sheet = gridFromTsv(REFERENCE_TABLES[name].tsv, { name: 'S', at: 'D7', merges });
    const tables = detectTables(sheet);
    expect(tables).toHaveLength(1);
    check(tables[0], want, 6, 3, 'S');
    if (want.merges?.length) {
      // Header cells follow the merges exactly.
      for (const m of merges) {
        const r = rangeFromA1(m) as CellRange;
        if (r.r0 >= tables[0].range.r0 + tables[0].headerRows) continue;
        const cell = tables[0].headers.find((h) => h.row === r.r0 && h.col === r.c0);
        expect(cell).toMatchObject({ rowSpan: r.r1 - r.r0 + 1, colSpan: r.c1 - r.c0 + 1 });
      }
    }
  });

  test('the whole report on one sheet: 24 tables, each with its own captions', () => {
    const names = Object.keys(EXPECTED);
    let tsv = '';
    const origins: number[] = [];
    for (const name of names) {
      origins.push(tsv === '' ? 0 : tsv.split('\n').length + 2);
      tsv += (tsv === '' ? '' : '\n\n\n') + REFERENCE_TABLES[name].tsv;
    }
    const tables = detectTables(gridFromTsv(tsv, { name: '기획예산과' }));
    expect(tables).toHaveLength(names.length);
    names.forEach((name, i) => check(tables[i], EXPECTED[name], origins[i], 0, '기획예산과'));
  });
});

describe('headers of the reference tables', () => {
  test('lawsuit header cells span as drawn, from blank continuation alone', () => {
    const [table] = detectTables(gridFromTsv(REFERENCE_TABLES.lawsuits.tsv));
    const spans = table.headers.map((h) => `${rangeToA1({ r0: h.row, c0: h.col, r1: h.row + h.rowSpan - 1, c1: h.col + h.colSpan - 1 })} ${h.text}`);
    expect(spans).toEqual([
      'A5:A7 연도',
      'B5:B7 소송',
      'C5:C7 계',
      'D5:I5 처리현황',
      'J5:J7 비고 (소송대리인 선임 건수)',
      'D6:D7 진행중',
      'E6:I6 종 결',
      'E7 소계',
      'F7 승소',
      'G7 소취하',
      'H7 일부승',
      'I7 패소',
    ]);
  });

  test('budget header: 재원별 and 합계 run down two rows, 연차별 spans the four years', () => {
    const [table] = detectTables(gridFromTsv(REFERENCE_TABLES['budget-participatory'].tsv));
    expect(table.headers.map((h) => [h.text, h.rowSpan, h.colSpan])).toEqual([
      ['재원별', 2, 1],
      ['합계', 2, 1],
      ['연차별 소요재원', 1, 4],
      ['2020년', 1, 1],
      ['2021년', 1, 1],
      ['2022년', 1, 1],
      ['2023년', 1, 1],
    ]);
  });
});
