/**
 * Table detection: every table block on a sheet with its captions, header rows (merged or pasted), label columns,
 * body and kind. Pure and linear in the number of cells.
 */
import { rangeToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { primaryUnit, unitsOf } from '../labels';
import type { TableLayout } from '../model/table';
import { findBlocks, refineBlock } from './blocks';
import { attachCaptions } from './captions';
import { classifyKind } from './kind';
import { analyzeBlock, type BlockLayout } from './layout';
import { SheetView } from './sheet-view';
import { withColumnUnits } from './units';

export { classifyCell, type CellClass } from './cell-class';

/**
 * Every table on a sheet, top to bottom then left to right: its range (header rows + body, without captions or
 * footnotes), header cells and column paths, label columns and row paths, kind, captions, title and unit.
 * Blocks smaller than two rows by two columns (prose lines, a caption row) are not tables.
 */
export function detectTables(sheet: SheetGrid): TableLayout[] {
  const view = new SheetView(sheet);
  if (view.rows === 0 || view.cols === 0) return [];
  const whole = { r0: 0, c0: 0, r1: view.rows - 1, c1: view.cols - 1 };
  const layouts: BlockLayout[] = [];
  for (const box of findBlocks(view, whole)) {
    for (const range of refineBlock(view, box)) {
      const layout = analyzeBlock(view, range);
      if (layout !== null) layouts.push(layout);
    }
  }
  // Blocks come out in reading order nearly always; sort only when they do not.
  if (!inReadingOrder(layouts)) layouts.sort((a, b) => a.range.r0 - b.range.r0 || a.range.c0 - b.range.c0);
  const captions = attachCaptions(view, layouts);
  // Everything below reads the layouts and captions only.
  view.release();
  return layouts.map((layout, i): TableLayout => {
    const { captions: lines, title } = captions[i];
    const units = captions[i].units.length > 0 ? captions[i].units : headerUnits(layout);
    const unit = primaryUnit(units);
    const columns = units.length > 1 ? withColumnUnits(layout.columns, units) : layout.columns;
    const id = `${sheet.name}!${rangeToA1(layout.range)}`;
    const kind = classifyKind({ layout, captions: lines });
    const { range, headerRows, labelCols, headers, rows } = layout;
    const name = sheet.name;
    // Made whole at once, title and unit last as before: a property added later costs the object a second allocation.
    if (title !== undefined && unit !== undefined) {
      return { id, sheet: name, range, headerRows, labelCols, kind, captions: lines, headers, columns, rows, title, unit };
    }
    if (title !== undefined) return { id, sheet: name, range, headerRows, labelCols, kind, captions: lines, headers, columns, rows, title };
    if (unit !== undefined) return { id, sheet: name, range, headerRows, labelCols, kind, captions: lines, headers, columns, rows, unit };
    return { id, sheet: name, range, headerRows, labelCols, kind, captions: lines, headers, columns, rows };
  });
}

/** Units stated inside the header ('(단위: 천원)' in a corner cell). */
function headerUnits(layout: BlockLayout): readonly string[] {
  for (let i = 0; i < layout.headers.length; i++) {
    const cell = layout.headers[i];
    if (!layout.headerFacts[i].unitMark) continue;
    const units = unitsOf(cell.text);
    if (units.length > 0) return units;
  }
  return [];
}

function inReadingOrder(layouts: readonly BlockLayout[]): boolean {
  for (let i = 1; i < layouts.length; i++) {
    const a = layouts[i - 1].range;
    const b = layouts[i].range;
    if (a.r0 > b.r0 || (a.r0 === b.r0 && a.c0 > b.c0)) return false;
  }
  return true;
}
