/** Every check of one table with its relations. */
import type { SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Table } from '../model/table';
import { checkCells } from './cell-checks';
import { checkSums } from './sums';

export { checkCells } from './cell-checks';
export { checkSums, sumFormulaCells } from './sums';

/** Text tables (no numeric body) are detected and reported, never checked. */
export function checkTable(sheet: SheetGrid, table: Table, options: CheckOptions): Finding[] {
  if (table.kind === 'text') return [];
  return [...checkCells(sheet, table), ...checkSums(sheet, table, options)];
}
