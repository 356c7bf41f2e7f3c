/**
 * Tables of the kinds other departments keep (지방세 징수율, 체납 정리율, 증감 and 증감률 by 동, contracts by
 * year), pasted at an offset and checked through checkWorkbook as the CLI does: clean, and with one planted
 * fault each in a rate, a 증감, an 증감률, a year header or a caption.
 */
import { checkWorkbook } from '../check-workbook';
import type { Cell, SheetGrid } from '../grid/types';
import { parseNumber } from '../numbers/parse';
import { gridFromTsv } from '../test-support/grid-builder';

const TSV = [
  '□ 지방세 징수 현황',
  '(단위 : 백만원)',
  '세목\t부과액\t징수액\t미수납액\t징수율(%)',
  '계\t12,500\t11,980\t520\t95.8',
  '재산세\t7,000\t6,800\t200\t97.1',
  '자동차세\t5,500\t5,180\t320\t94.2',
  '',
  '',
  '○ 체납액 정리 실적',
  '(단위 : 천원)',
  '구분\t체납액\t정리액\t정리율',
  '계\t1,000,000\t420,000\t42.0',
  '재산세\t600,000\t300,000\t50.0',
  '주민세\t400,000\t120,000\t30.0',
  '',
  '',
  '○ 부동산 거래 현황',
  '(단위 : 건)',
  '동별\t2019년\t2020년\t증감\t증감률(%)',
  '계\t1,500\t1,800\t300\t20.0',
  '가산동\t700\t900\t200\t28.6',
  '독산동\t800\t900\t100\t12.5',
  '',
  '',
  '○ 계약 현황',
  '구분\t2018년\t\t2019년\t\t2020년\t',
  '\t건수\t금액\t건수\t금액\t건수\t금액',
  '계\t30\t5,000\t35\t6,000\t40\t7,500',
  '공사\t10\t3,000\t12\t3,500\t15\t4,500',
  '용역\t20\t2,000\t23\t2,500\t25\t3,000',
  '',
  '',
  '□ 2021년 소요예산 : 1,250백만원',
  '(단위 : 천원)',
  '재원별\t합계\t2020년\t2021년\t2022년',
  '계\t3,750,000\t1,200,000\t1,250,000\t1,300,000',
  '구비\t3,750,000\t1,200,000\t1,250,000\t1,300,000',
].join('\n');

/** The same sheet as a spreadsheet keeps it once typed in: figures as numbers with formats, '△' as negatives. */
function asNumbers(sheet: SheetGrid): SheetGrid {
  const cell = (c: Cell | null | undefined): Cell | null | undefined => {
    if (!c || typeof c.v !== 'string') return c;
    const p = parseNumber(c.v);
    if (!p || p.dash || p.percent || p.unit || /[가-힣]/.test(c.v)) return c;
    return { v: p.value, fmt: p.decimals > 0 ? `#,##0.${'0'.repeat(p.decimals)}` : '#,##0;"△"#,##0;"-"' };
  };
  return { ...sheet, cells: sheet.cells.map((row) => row.map(cell)) };
}

const FORMS: [string, (s: SheetGrid) => SheetGrid][] = [
  ['figures as text', (s) => s],
  ['figures as numbers', asNumbers],
];

describe.each(FORMS)('department tables through checkWorkbook (%s)', (_form, form) => {
  function check(edit: (t: string) => string = (t) => t) {
    return checkWorkbook([form(gridFromTsv(edit(TSV), { at: 'B3', name: '세무과' }))]);
  }

  test('clean: rates, 증감 and the caption are related, and nothing is an error', () => {
    const { tables, findings } = check();
    const types = tables.flatMap((t) => t.relations.map((r) => r.type));
    expect(types.filter((t) => t === 'rate')).toHaveLength(9);
    expect(types.filter((t) => t === 'diff')).toHaveLength(3);
    expect(types.filter((t) => t === 'caption')).toHaveLength(1);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test.each([
    ['a 징수율', (t: string) => t.replace('97.1', '98.1'), 'rate.mismatch', 'F7'],
    ['a 정리율', (t: string) => t.replace('\t50.0', '\t55.0'), 'rate.mismatch', 'E15'],
    ['a 증감', (t: string) => t.replace('\t200\t28.6', '\t210\t28.6'), 'diff.mismatch', 'E23'],
    ['an 증감률', (t: string) => t.replace('12.5', '13.5'), 'rate.mismatch', 'F24'],
    ['a year header', (t: string) => t.replace('2019년\t\t2020년', '2019년\t\t2019년'), 'year.sequence', 'G28'],
    ['a caption', (t: string) => t.replace('1,250백만원', '1,350백만원'), 'caption.amount', 'B35'],
  ])('a planted fault in %s is named', (_what, edit, rule, cell) => {
    const errors = check(edit).findings.filter((f) => f.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ rule, cell }));
  });
});
