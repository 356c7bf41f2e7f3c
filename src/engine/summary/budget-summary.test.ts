import { checkWorkbook } from '../check-workbook';
import { rangeToA1, toA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { instantiateTemplate } from '../templates';
import { filledTemplate } from '../templates/test-support';
import { applyCellWrites } from '../undo';
import { makeBudgetByYearSpec, makeLegalAdviceSpec } from '../../specs';
import { buildBudgetSummary } from './budget-summary';

const a = instantiateTemplate(makeBudgetByYearSpec({ from: 2020, to: 2023 }), { sheet: '기획예산과', at: { row: 1, col: 1 }, title: '□ 청사 시설 개선' });
const b = instantiateTemplate(makeBudgetByYearSpec({ from: 2021, to: 2024, sources: ['국비', '구비'] }), { sheet: '예산팀', at: { row: 0, col: 0 }, title: '□ 공원 조성' });
const other = instantiateTemplate(makeLegalAdviceSpec({ from: 2018, to: 2020 }), { sheet: '예산팀', at: { row: 12, col: 0 } });

function book(): SheetGrid[] {
  const first = filledTemplate(a, [100, 200, 300, 400, 500, 600, 700, 800]);
  const second = filledTemplate(b, [10, 20, 30, 40, 50, 60, 70, 80]);
  const third = filledTemplate(other, [1, 2, 3]);
  return [first, { ...second, cells: [...second.cells, ...third.cells.slice(second.cells.length)], merges: [...second.merges, ...third.merges] }];
}

function at(summaryWrites: ReturnType<typeof buildBudgetSummary>['writes'], a1: string) {
  return summaryWrites.find((w) => toA1(w.row, w.col) === a1);
}

describe('buildBudgetSummary', () => {
  const sheets = book();
  const result = checkWorkbook(sheets);
  const summary = buildBudgetSummary(sheets, result.tables);

  it('lists each budget table (not the others) with the union of their years', () => {
    expect(summary.create).toBe(true);
    expect(summary.tables).toHaveLength(2);
    expect(['C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3'].map((x) => at(summary.writes, x)?.value)).toEqual(['합계', '2020년', '2021년', '2022년', '2023년', '2024년', undefined]);
    expect(at(summary.writes, 'A4')?.value).toBe('청사 시설 개선');
    expect(at(summary.writes, 'A7')?.value).toBe('공원 조성');
    expect(['B4', 'B5', 'B6', 'B7', 'B8', 'B9'].map((x) => at(summary.writes, x)?.value)).toEqual(['계', '시비', '구비', '계', '국비', '구비']);
  });

  it('points each figure at the table cell of the same year and source', () => {
    expect(at(summary.writes, 'D4')?.formula).toBe("'기획예산과'!D7");
    expect(at(summary.writes, 'E5')?.formula).toBe("'기획예산과'!E8");
    // The second table starts in 2021: its first year column lands under 2021년 (E), none under 2020년.
    expect(at(summary.writes, 'E7')?.formula).toBe("'예산팀'!C6");
    expect(at(summary.writes, 'H9')?.formula).toBe("'예산팀'!F8");
    expect(at(summary.writes, 'D7')).toBeUndefined();
    expect(at(summary.writes, 'C4')?.formula).toBe('SUM(D4:H4)');
  });

  it('the 총계 row adds the tables\' 계 rows, listing them (not a range over the sources)', () => {
    expect(at(summary.writes, 'A10')?.value).toBe('총계');
    expect(at(summary.writes, 'E10')?.formula).toBe('SUM(E4,E7)');
    expect(summary.yearTotals).toEqual({ sheet: '총괄', range: { r0: 9, c0: 3, r1: 9, c1: 7 }, years: [2020, 2021, 2022, 2023, 2024] });
  });

  it('caches the figures it points at, so the numbers add up unrecalculated and the summary checks clean', () => {
    const withSummary = applyCellWrites([...sheets, { name: '총괄', cells: [], merges: [] }], summary.writes);
    const sourceCell = (sheet: string, a1: string) => {
      const s = withSummary.find((x) => x.name === sheet)!;
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return s.cells[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65]?.v;
    };
    for (const w of summary.writes.filter((x) => x.formula?.startsWith("'"))) {
      const [sheet, cell] = w.formula!.split('!');
      expect(w.value).toBe(sourceCell(sheet.slice(1, -1), cell));
    }
    const again = checkWorkbook(withSummary);
    expect(again.findings.filter((f) => f.severity === 'error' && f.sheet === '총괄')).toEqual([]);
  });

  it('refreshing keeps the sheet\'s other content and clears rows the summary no longer needs', () => {
    const withSummary = applyCellWrites([...sheets, { name: '총괄', cells: [], merges: [] }], [
      ...summary.writes,
      { sheet: '총괄', row: 14, col: 0, value: '메모: 12월 확정' },
      { sheet: '총괄', row: 2, col: 10, value: '비고' },
    ]);
    const onlyFirst = checkWorkbook(withSummary).tables.filter((t) => t.sheet === '기획예산과');
    const refreshed = buildBudgetSummary(withSummary, onlyFirst);
    expect(refreshed.create).toBe(false);
    const after = applyCellWrites(withSummary, refreshed.writes).find((s) => s.name === '총괄')!;
    expect(after.cells[14]?.[0]?.v).toBe('메모: 12월 확정');
    expect(after.cells[2]?.[10]?.v).toBe('비고');
    expect(after.cells[6]?.[0]?.v).toBe('총계');
    for (let r = 7; r <= 9; r++) expect((after.cells[r] ?? []).every((c) => !c || c.v === null)).toBe(true);
    expect(rangeToA1(refreshed.range)).toBe('A1:G7');
  });

  it('a workbook without budget tables gives a header and an empty 총계, no chart range', () => {
    const s = buildBudgetSummary(sheets, result.tables.filter((t) => t.kind !== 'budget-by-year'));
    expect(s.yearTotals).toBeNull();
    expect(s.tables).toEqual([]);
  });
});
