/** Relations of a table: sums first, then the rates, differences and caption amounts. */
import type { SheetGrid } from '../grid/types';
import type { CheckOptions } from '../model/options';
import type { Relation, TableLayout } from '../model/table';
import { inferCaptionRelations } from './captions';
import { inferDiffRelations } from './diffs';
import { inferRateRelations } from './rates';
import { inferSumRelations } from './sums';

export { inferSumRelations } from './sums';
export { inferRateRelations } from './rates';
export { inferDiffRelations } from './diffs';
export { inferCaptionRelations, inferPlanYear } from './captions';
export { TableFigures, figuresOf, isCoarseUnit, type Figure } from './sum-values';

/** Text tables (no numeric body) have no relations. */
export function inferRelations(sheet: SheetGrid, layout: TableLayout, options?: Partial<CheckOptions>): Relation[] {
  if (layout.kind === 'text') return [];
  return [
    ...inferSumRelations(sheet, layout, options),
    ...inferRateRelations(sheet, layout, options),
    ...inferDiffRelations(sheet, layout, options),
    ...inferCaptionRelations(sheet, layout, options),
  ];
}
