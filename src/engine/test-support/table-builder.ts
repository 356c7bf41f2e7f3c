/**
 * A table layout for tests, built from tab-separated text the way the report writes it (merged header cells are
 * empty fields), without table detection: the test says how many header rows and label columns there are.
 * Header paths follow blank continuation: an empty header cell continues the cell to its left when both sit
 * under the same parent, else it adds nothing (a cell merged down). An empty cell in an outer label column
 * continues the label above (a row group such as 연도).
 */
import { fromA1, rangeToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import type { ColumnInfo, RowInfo, TableKind, TableLayout } from '../model/table';
import { gridFromTsv } from './grid-builder';

export interface TsvTableOptions {
  headerRows: number;
  labelCols: number;
  unit?: string;
  at?: string;
  name?: string;
  kind?: TableKind;
}

export function tableFromTsv(tsv: string, options: TsvTableOptions): { sheet: SheetGrid; layout: TableLayout } {
  const sheet = gridFromTsv(tsv, { at: options.at, name: options.name });
  const origin = fromA1(options.at ?? 'A1');
  if (!origin) throw new Error(`bad origin ${options.at}`);
  const lines = tsv.replace(/^\n+|\n+$/g, '').split('\n');
  const width = Math.max(...lines.map((l) => l.split('\t').length));
  const range = { r0: origin.row, c0: origin.col, r1: origin.row + lines.length - 1, c1: origin.col + width - 1 };
  const text = (r: number, c: number): string => {
    const v = sheet.cells[r]?.[c]?.v;
    return v === null || v === undefined ? '' : String(v);
  };

  const paths: string[][] = [];
  for (let i = 0; i < width; i++) paths.push([]);
  for (let h = 0; h < options.headerRows; h++) {
    const row = range.r0 + h;
    for (let i = 0; i < width; i++) {
      const own = text(row, range.c0 + i);
      let value = own;
      if (!own && i > options.labelCols) {
        const samePrefix = paths[i].join('\u0000') === paths[i - 1].slice(0, h).join('\u0000');
        const left = paths[i - 1][h] ?? '';
        if (samePrefix && left) value = left;
      }
      paths[i].push(value);
    }
  }
  const columns: ColumnInfo[] = paths.map((p, i) => ({
    col: range.c0 + i,
    path: p.filter((x, k) => x !== '' && x !== p[k - 1]),
    isLabel: i < options.labelCols,
  }));

  const rows: RowInfo[] = [];
  const carried: string[] = [];
  for (let r = range.r0 + options.headerRows; r <= range.r1; r++) {
    const path: string[] = [];
    for (let j = 0; j < options.labelCols; j++) {
      const own = text(r, range.c0 + j);
      const isOuter = j < options.labelCols - 1;
      if (own) carried[j] = own;
      else if (!isOuter) carried[j] = '';
      if (j === 0 && own) carried.length = 1;
      if (carried[j]) path.push(carried[j]);
    }
    rows.push({ row: r, path });
  }

  const layout: TableLayout = {
    id: `${sheet.name}!${rangeToA1(range)}`,
    sheet: sheet.name,
    range,
    headerRows: options.headerRows,
    labelCols: options.labelCols,
    kind: options.kind ?? 'crosstab',
    unit: options.unit,
    captions: [],
    headers: [],
    columns,
    rows,
  };
  return { sheet, layout };
}
