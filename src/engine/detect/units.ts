/**
 * Per-column units when a unit line names several ('(단위 : 건, 백만원)'): counts (건수, 횟수, 인원) take the count
 * unit, amounts (금액, 부과액, 예산) the money unit, rates (징수율, '(%)') the percentage.
 */
import type { ColumnInfo } from '../model/table';
import { isRateLabel, labelKey } from '../labels';

const COUNT_HEADER = /(건수|횟수|인원|수$|^건$|^명$|^회$|개소)/;
const MONEY_HEADER = /(금액|액$|액\(|예산|비용|사업비|원\)?$)/;

function find(units: readonly string[], test: (unit: string) => boolean): string | undefined {
  return units.find(test);
}

export function withColumnUnits(columns: ColumnInfo[], units: readonly string[]): ColumnInfo[] {
  const money = find(units, (u) => u.endsWith('원'));
  const percent = find(units, (u) => u.startsWith('%'));
  const count = find(units, (u) => !u.endsWith('원') && !u.startsWith('%'));
  return columns.map((column) => {
    if (column.isLabel) return column;
    const leaf = column.path.length > 0 ? column.path[column.path.length - 1] : '';
    const key = labelKey(leaf);
    let unit: string | undefined;
    if (column.path.some((p) => isRateLabel(p))) unit = percent;
    else if (COUNT_HEADER.test(key)) unit = count;
    else if (MONEY_HEADER.test(key)) unit = money;
    if (unit === undefined) return column;
    // Made whole in the key order of layout's columns (a spread copies slowly, key by key).
    const { col, path, isLabel, year } = column;
    return year === undefined ? { col, path, isLabel, unit } : { col, path, isLabel, year, unit };
  });
}
