/**
 * A table layout for tests of what is read from label paths alone: one label column at column 0, then a data
 * column per given line, a body row per given line, one header row. No sheet is needed to make it.
 */
import type { ColumnInfo, RowInfo, TableLayout } from '../model/table';

export interface LineSpec {
  path: string[];
  year?: number;
}

export function layoutFromLines(columns: LineSpec[], rows: LineSpec[], labelColumn: Partial<ColumnInfo> = {}): TableLayout {
  const cols: ColumnInfo[] = [{ col: 0, path: ['구분'], isLabel: true, ...labelColumn }];
  columns.forEach((c, i) => cols.push({ col: i + 1, path: c.path, isLabel: false, ...(c.year !== undefined ? { year: c.year } : {}) }));
  const bodyRows: RowInfo[] = rows.map((r, i) => ({ row: i + 1, path: r.path, ...(r.year !== undefined ? { year: r.year } : {}) }));
  return {
    id: 't',
    sheet: 'S',
    range: { r0: 0, c0: 0, r1: rows.length, c1: columns.length },
    headerRows: 1,
    labelCols: 1,
    kind: 'crosstab',
    captions: [],
    headers: [],
    columns: cols,
    rows: bodyRows,
  };
}
