/** Workbooks for the adapter's tests and bench: many sheets of report-shaped tables, built as grids. */
import type { SheetGrid } from '../../engine';
import { grid } from '../../engine/test-support';

const FMT = '#,##0;"△"#,##0;"-"';

/**
 * One team's sheet: a caption, a unit line, a two-row header with merges, and a body with live SUM formulas
 * (the budget-by-year shape), placed at B2; `extraRows` more body rows make it as tall as wanted.
 */
export function budgetSheet(name: string, seed: number, extraRows = 0): SheetGrid {
  const parts = Array.from({ length: 2 + extraRows }, (_, i) => {
    const row = 7 + i; // 1-based sheet row of this part
    const figures = [0, 1, 2, 3].map((k) => ((seed + 1) * 1000 + i * 37 + k * 11) % 50000);
    return [`재원${i + 1}`, `=SUM(D${row}:G${row})`, ...figures.map((v) => ({ v, fmt: FMT }))];
  });
  const lastRow = 6 + parts.length;
  const totals = ['D', 'E', 'F', 'G'].map((c) => ({ v: null, f: `SUM(${c}7:${c}${lastRow})`, fmt: FMT }));
  return grid(
    [
      [`□ ${2021 + (seed % 3)}년 소요예산`],
      [null, null, null, null, null, '(단위 : 천원)'],
      ['재원별', '합계', '연차별 소요재원'],
      [null, null, '2020년', '2021년', '2022년', '2023년'],
      ['계', { v: null, f: 'SUM(D6:G6)', fmt: FMT }, ...totals],
      ...parts,
    ],
    { name, at: 'B2', merges: ['B4:B5', 'C4:C5', 'D4:G4'] },
  );
}

/** `count` sheets in all: team sheets, then a hidden sheet and the very hidden registry sheet the add-in keeps. */
export function manySheetWorkbook(count: number, extraRows = 0): SheetGrid[] {
  if (count < 3) throw new RangeError('manySheetWorkbook: at least 3 sheets');
  const sheets = Array.from({ length: count - 2 }, (_, i) => budgetSheet(`팀${String(i + 1).padStart(2, '0')}`, i, extraRows));
  sheets.push(grid([['메모']], { name: '숨김', state: 'hidden' }));
  sheets.push(grid([['id', 'spec'], ['RT_1', '{"kind":"budget-by-year"}']], { name: '_report_tables', state: 'veryHidden' }));
  return sheets;
}
