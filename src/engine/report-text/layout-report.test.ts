import { rangeToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { at } from '../test-support';
import { layoutReport, placeReport, type ReportLayoutOptions } from './layout-report';
import { parseReportText } from './parse-report-text';
import { plainFigure } from './plain-figure';
import { safeSheetName, uniqueSheetName } from './sheet-name';

const REPORT = [
  '기획재정국',
  '- 기획예산과',
  '- 재무과',
  '',
  '기획예산과',
  '- 예산팀',
  '',
  '□ 2021년 소요예산 : 19,000천원',
  '(단위 : 천원)',
  '재원별\t합계\t연차별 소요재원\t\t\t',
  '\t\t2020년\t2021년\t2022년\t2023년',
  '계\t19,000\t-\t19,000\t0\t0',
  '구비\t5000\t-\t19,000\t\t',
  '',
  '○ 현황',
  '연도\t소송\t계',
  '2020\t계\t22(22)',
  '\t행정\t61,800 ¹⁾',
  '',
  '⇒ 승소율 : 94.5%',
  '',
  '재무과',
  '표\t값',
  'a\t1',
].join('\n');

function texts(g: SheetGrid): string[][] {
  return g.cells.map((line) => Array.from(line, (c) => (c ? String(c.v) : '')));
}

describe('placeReport', () => {
  const cases: { name: string; options: ReportLayoutOptions; ranges: string[]; captions: number[][]; comments: number[][] }[] = [
    {
      name: 'default: origin A1, two blank rows after each table',
      options: {},
      ranges: ['A3:F6', 'A10:C12', 'A1:B2'],
      captions: [[0, 1], [8], []],
      comments: [[], [13], []],
    },
    {
      name: 'origin C4 and no gap rows',
      options: { origin: { row: 3, col: 2 }, gapRows: 0 },
      ranges: ['C6:H9', 'C11:E13', 'C4:D5'],
      captions: [[3, 4], [9], []],
      comments: [[], [14], []],
    },
  ];
  test.each(cases)('$name', ({ options, ranges, captions, comments }) => {
    const { sheets, placements } = placeReport(parseReportText(REPORT), options);
    expect(sheets.map((s) => s.name)).toEqual(['기획예산과', '재무과']);
    expect(placements.map((p) => rangeToA1(p.range))).toEqual(ranges);
    expect(placements.map((p) => p.captionRows)).toEqual(captions);
    expect(placements.map((p) => p.commentRows)).toEqual(comments);
    expect(placements.map((p) => [p.sheet, p.section, p.table])).toEqual([
      ['기획예산과', 0, 0],
      ['기획예산과', 0, 1],
      ['재무과', 1, 0],
    ]);
  });

  test('captions sit one per row in the first column, then the fields exactly, then comments', () => {
    const [sheet] = layoutReport(parseReportText(REPORT));
    expect(texts(sheet)).toEqual([
      ['□ 2021년 소요예산 : 19,000천원'],
      ['(단위 : 천원)'],
      ['재원별', '합계', '연차별 소요재원'],
      ['', '', '2020년', '2021년', '2022년', '2023년'],
      ['계', '19,000', '-', '19,000', '0', '0'],
      ['구비', '5000', '-', '19,000'],
      [],
      [],
      ['○ 현황'],
      ['연도', '소송', '계'],
      ['2020', '계', '22(22)'],
      ['', '행정', '61,800 ¹⁾'],
      [],
      ['⇒ 승소율 : 94.5%'],
    ]);
    expect(sheet.merges).toEqual([]);
  });

  test("numbers: 'values' stores plain figures as a team would type them; the rest stays text", () => {
    const [sheet] = layoutReport(parseReportText(REPORT), { numbers: 'values' });
    expect(at(sheet, 'B5')).toEqual({ v: 19000, fmt: '#,##0' });
    expect(at(sheet, 'B6')).toEqual({ v: 5000 });
    expect(at(sheet, 'C5')).toEqual({ v: '-' });
    expect(at(sheet, 'E5')).toEqual({ v: 0 });
    expect(at(sheet, 'A11')).toEqual({ v: 2020 });
    expect(at(sheet, 'C11')).toEqual({ v: '22(22)' });
    expect(at(sheet, 'C12')).toEqual({ v: '61,800 ¹⁾' });
    expect(at(sheet, 'C4')).toEqual({ v: '2020년' });
    expect(at(sheet, 'A1')).toEqual({ v: '□ 2021년 소요예산 : 19,000천원' });
  });

  test('mergeHeaders: header spans and group labels in sheet coordinates', () => {
    const [sheet] = layoutReport(parseReportText(REPORT), { mergeHeaders: true, origin: { row: 1, col: 1 } });
    expect(sheet.merges.map(rangeToA1)).toEqual(['B4:B5', 'C4:C5', 'D4:G4', 'B12:B13']);
    expect(at(sheet, 'B4')?.v).toBe('재원별');
  });

  test('bad options are a programmer error', () => {
    expect(() => layoutReport(parseReportText(REPORT), { gapRows: -1 })).toThrow();
  });

  test('two sections with the same department name get distinct sheets', () => {
    const doc = parseReportText('재무과\n- 계약팀\na\tb\n\n재무과\n- 경리팀\nc\td');
    expect(layoutReport(doc).map((s) => s.name)).toEqual(['재무과', '재무과 (2)']);
  });
});

describe('sheet names', () => {
  test.each([
    ['기획예산과', '기획예산과'],
    ['예산/결산 [2020]: 현황?*', '예산 결산 2020 현황'],
    ["'따옴표'", '따옴표'],
    ['', 'Sheet'],
    ['가'.repeat(40), '가'.repeat(31)],
  ])('%s → %s', (name, safe) => {
    expect(safeSheetName(name)).toBe(safe);
  });
  test('unique names stay within 31 characters', () => {
    const long = '나'.repeat(31);
    const name = uniqueSheetName(long, new Set([long]));
    expect(name).toBe(`${'나'.repeat(27)} (2)`);
    expect(Array.from(name)).toHaveLength(31);
    expect(uniqueSheetName('Sheet', new Set(['sheet', 'Sheet (2)']))).toBe('Sheet (3)');
  });
});

describe('plainFigure', () => {
  test.each([
    ['19,000', 19000, true],
    ['5000', 5000, false],
    ['0', 0, false],
    ['-1,200', -1200, true],
    ['84.5', 84.5, false],
  ])('%s → %d', (field, value, grouped) => {
    expect(plainFigure(field)).toEqual({ value, grouped });
  });
  test.each(['-', '22(22)', '4회', '61,800 ¹⁾', '1,2 34', '12,5OO', '19,00', '△1,200', '2020년', ''])('%s stays text', (field) => {
    expect(plainFigure(field)).toBeNull();
  });
});
