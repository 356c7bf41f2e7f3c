/**
 * What the labels alone propose: sum inference run on a copy of the sheet whose table figures are all zero, so
 * every equation a total label (계, 합계, 소계, 총계) or a header formula proposes is read, even where the sheet
 * has nothing to go on (totals and parts blank or "-"). Inference proper skips those lines; a label over its
 * siblings is enough evidence on its own (DESIGN.md), so fill may write them.
 */
import type { Cell, SheetGrid } from '../../grid/types';
import type { Relation, TableLayout } from '../../model/table';
import { readNumeric } from '../../numbers';
import { inferSumRelations } from '../../relations';

type SumRelation = Extract<Relation, { type: 'sum' }>;

/**
 * The sheet with every figure, blank and "-" in the bodies of these tables set to zero (formats kept, so a
 * percentage column still reads as a rate); words, compound cells and labels stay as they are.
 */
export function zeroedSheet(sheet: SheetGrid, layouts: readonly TableLayout[]): SheetGrid {
  const cells = sheet.cells.slice();
  for (const layout of layouts) {
    const dataCols = layout.columns.filter((c) => !c.isLabel).map((c) => c.col);
    for (const { row } of layout.rows) {
      const line = (cells[row] ?? []).slice();
      for (const col of dataCols) {
        const cell = line[col];
        const kind = readNumeric(cell).kind;
        if (kind !== 'empty' && kind !== 'number') continue;
        const zero: Cell = { v: 0 };
        if (cell?.fmt) zero.fmt = cell.fmt;
        line[col] = zero;
      }
      cells[row] = line;
    }
  }
  return { ...sheet, cells };
}

/** The plain (single-figure) sums labels propose for one table of the zeroed sheet. */
export function labelSkeleton(zeroed: SheetGrid, layout: TableLayout): SumRelation[] {
  const firstData = layout.range.c0 + layout.labelCols;
  return inferSumRelations(zeroed, layout).filter(
    (r) => (r.evidence === 'label' || r.evidence === 'formula-header') && r.total.comp === undefined && r.total.col >= firstData && r.parts.every((p) => p.comp === undefined),
  );
}
