/** Every check of one table with its relations, and the checks that compare tables. */
import type { SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Table } from '../model/table';
import { checkCaptions } from './captions';
import { checkCells } from './cell-checks';
import { checkDiffs } from './diffs';
import { checkProseRates } from './prose-rates';
import { checkRates } from './rates';
import { checkSums } from './sums';
import { checkYears, checkYearSpan } from './years';

export { checkCells } from './cell-checks';
export { checkSums, sumFormulaCells } from './sums';
export { checkRates } from './rates';
export { checkProseRates } from './prose-rates';
export { checkDiffs } from './diffs';
export { checkCaptions } from './captions';
export { checkYears, checkYearSpan } from './years';

/** Text tables (no numeric body) are detected and reported, never checked. */
export function checkTable(sheet: SheetGrid, table: Table, options: CheckOptions): Finding[] {
  if (table.kind === 'text') return [];
  return [
    ...checkCells(sheet, table),
    ...checkSums(sheet, table, options),
    ...checkRates(sheet, table, options),
    ...checkProseRates(sheet, table, options),
    ...checkDiffs(sheet, table, options),
    ...checkCaptions(sheet, table, options),
    ...checkYears(sheet, table),
  ];
}

/** Checks across the tables of one workbook. */
export function checkTables(tables: Table[]): Finding[] {
  return checkYearSpan(tables);
}
