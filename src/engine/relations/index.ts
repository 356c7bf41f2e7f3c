/** Relations of a table: sums first, then the rates, differences and caption amounts. */
import type { SheetGrid } from '../grid/types';
import type { CheckOptions } from '../model/options';
import type { Relation, TableLayout } from '../model/table';
import { inferCaptionRelationsInto } from './captions';
import { inferDiffRelationsInto } from './diffs';
import { inferRateRelationsInto } from './rates';
import { inferSumRelations } from './sums';
import { TableLines } from './axis-lines';

export { inferSumRelations } from './sums';
export { inferRateRelations } from './rates';
export { inferDiffRelations } from './diffs';
export { inferCaptionRelations, inferPlanYear } from './captions';
export { TableFigures, figuresOf, isCoarseUnit, type Figure } from './sum-values';

/** Text tables (no numeric body) have no relations. */
export function inferRelations(sheet: SheetGrid, layout: TableLayout, options?: Partial<CheckOptions>): Relation[] {
  if (layout.kind === 'text') return [];
  // The derived-figure rules read the same lines: made once for both (and only when a label asks for them).
  const lines = new TableLines(layout);
  // Each rule appends to the sums' list rather than returning a list of its own (most find nothing).
  const out: Relation[] = inferSumRelations(sheet, layout, options);
  inferRateRelationsInto(sheet, layout, options, lines, out);
  inferDiffRelationsInto(sheet, layout, options, lines, out);
  inferCaptionRelationsInto(sheet, layout, options, out);
  return out;
}
