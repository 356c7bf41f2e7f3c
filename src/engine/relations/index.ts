/** Relations of a table: sums first, then the rates, differences and captions that may lean on them. */
import type { SheetGrid } from '../grid/types';
import type { CheckOptions } from '../model/options';
import type { Relation, TableLayout } from '../model/table';
import { inferSumRelations } from './sums';

export { inferSumRelations } from './sums';
export { TableFigures, isCoarseUnit, type Figure } from './sum-values';

export function inferRelations(sheet: SheetGrid, layout: TableLayout, options?: Partial<CheckOptions>): Relation[] {
  if (layout.kind === 'text') return [];
  const sums = inferSumRelations(sheet, layout, options);
  return [...sums];
}
