/**
 * Build a TableLayout by hand for tests of relations and checks, without table detection: say where the table
 * is and how many header rows and label columns it has; header paths come from the grid, a blank header cell
 * continuing the one to its left within the same parent (a pasted merged header), a blank group label
 * continuing the one above it (the lawsuit table's 연도).
 */
import { rangeFromA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import type { CaptionLine, ColumnInfo, HeaderCell, RowInfo, TableKind, TableLayout } from '../model/table';
import { yearInLabel } from '../relations/axis-lines';

export interface HandLayoutSpec {
  range: string;
  headerRows: number;
  labelCols: number;
  kind?: TableKind;
  unit?: string;
  captions?: CaptionLine[];
}

function text(sheet: SheetGrid, row: number, col: number): string {
  const v = sheet.cells[row]?.[col]?.v;
  return v === null || v === undefined ? '' : String(v).trim();
}

function yearOf(path: string[]): number | undefined {
  for (const p of path) {
    const y = yearInLabel(p);
    if (y !== null) return y;
  }
  return undefined;
}

export function handLayout(sheet: SheetGrid, spec: HandLayoutSpec): TableLayout {
  const range = rangeFromA1(spec.range);
  if (!range) throw new Error(`bad range ${spec.range}`);
  const headers: HeaderCell[] = [];
  // grid[h][c]: the header text drawn over column c at header row h (after continuation).
  const drawn: string[][] = [];
  for (let h = 0; h < spec.headerRows; h++) {
    const row = range.r0 + h;
    const line: string[] = [];
    for (let c = range.c0; c <= range.c1; c++) {
      const own = text(sheet, row, c);
      const i = c - range.c0;
      const continues =
        own === '' &&
        i > spec.labelCols &&
        line[i - 1] !== '' &&
        drawn.every((above) => above[i] === above[i - 1]);
      line.push(continues ? line[i - 1] : own);
      if (own !== '') headers.push({ row, col: c, rowSpan: 1, colSpan: 1, text: own });
      else if (continues) {
        const owner = headers.find((hc) => hc.row === row && hc.col + hc.colSpan === c);
        if (owner) owner.colSpan++;
      }
    }
    drawn.push(line);
  }
  const columns: ColumnInfo[] = [];
  for (let c = range.c0; c <= range.c1; c++) {
    const i = c - range.c0;
    const path: string[] = [];
    for (const line of drawn) if (line[i] !== '' && path[path.length - 1] !== line[i]) path.push(line[i]);
    const info: ColumnInfo = { col: c, path, isLabel: i < spec.labelCols };
    const year = yearOf(path);
    if (year !== undefined && !info.isLabel) info.year = year;
    columns.push(info);
  }
  const rows: RowInfo[] = [];
  const carried: string[] = [];
  for (let r = range.r0 + spec.headerRows; r <= range.r1; r++) {
    const path: string[] = [];
    for (let k = 0; k < spec.labelCols; k++) {
      let own = text(sheet, r, range.c0 + k);
      // A blank group label continues the one above it, when the next label column goes on.
      if (own === '' && k < spec.labelCols - 1 && text(sheet, r, range.c0 + k + 1) !== '') own = carried[k] ?? '';
      carried[k] = own;
      if (own !== '') path.push(own);
    }
    const info: RowInfo = { row: r, path };
    const year = yearOf(path);
    if (year !== undefined) info.year = year;
    rows.push(info);
  }
  const layout: TableLayout = {
    id: `${sheet.name}!${spec.range}`,
    sheet: sheet.name,
    range,
    headerRows: spec.headerRows,
    labelCols: spec.labelCols,
    kind: spec.kind ?? 'crosstab',
    captions: spec.captions ?? [],
    headers,
    columns,
    rows,
  };
  if (spec.unit !== undefined) layout.unit = spec.unit;
  return layout;
}
