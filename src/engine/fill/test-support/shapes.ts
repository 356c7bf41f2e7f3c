/** Generated table shapes the report does not have (row groups with 소계/총계, 징수율, 증감), with figures as numbers. */
import type { Cell, SheetGrid } from '../../grid/types';
import { gridFromTsv } from '../../test-support';

/** Figures typed as numbers (as a team keeps them), everything else as text. */
export function withNumbers(sheet: SheetGrid): SheetGrid {
  return {
    ...sheet,
    cells: sheet.cells.map((line) =>
      line.map((cell): Cell | null | undefined => {
        if (!cell || typeof cell.v !== 'string' || !/^-?[\d,]+(\.\d+)?$/.test(cell.v)) return cell;
        return { v: Number(cell.v.replace(/,/g, '')) };
      }),
    ),
  };
}

export const GROUPED_TSV = `(단위 : 천원)
구분	세부	2020년	2021년
총계		47	55
A그룹	소계	15	27
	가	10	20
	나	5	7
B그룹	소계	32	28
	다	30	24
	라	2	4`;

export const COLLECTION_TSV = `(단위 : 백만원, %)
세목	부과액	징수액	징수율(%)
계	1,200	1,000	83.3
취득세	700	650	92.9
재산세	500	350	70.0`;

export const CHANGE_TSV = `□ 2021년 소요예산 : 130천원
(단위 : 천원)
구분	2020년	2021년	증감
계	100	130	30
인건비	60	70	10
운영비	40	60	20`;

/** A row whose denominator is zero: its rate is blank, never #DIV/0!. */
export const COLLECTION_ZERO_TSV = `(단위 : 백만원, %)
세목	부과액	징수액	징수율(%)
계	1,200	1,000	83.3
취득세	700	650	92.9
재산세	500	350	70.0
등록세	0	0	`;

/** 증감 and 증감률 side by side. */
export const GROWTH_TSV = `(단위 : 백만원)
구분	2019년	2020년	증감	증감률(%)
계	1,000	1,100	100	10
가	400	500	100	25
나	600	600	0	0`;

/** Rates the report truncated (87/92 = 94.56… stated 94.5): right only under --rounding truncate. */
export const TRUNCATED_TSV = `(단위 : 건, %)
구분	계	승소	패소	승소율(%)
계	92	87	5	94.5
2019년	40	38	2	95.0
2020년	52	49	3	94.2`;

export function shapeSheet(name: string, tsv: string): SheetGrid {
  return withNumbers(gridFromTsv(tsv, { name }));
}
