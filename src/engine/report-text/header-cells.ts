import type { CellRange } from '../grid/types';
import type { HeaderCell } from '../model/table';

/** A year written as a header or group label: '2020', '2020년', "2018년 (2019년 예산)", "'20". */
const YEAR = /^((19|20)\d{2}(년.*)?|'\d{2}(년.*)?)$/;

/** A field that holds a figure: starts with a digit (or a sign and a digit), or is the report's zero '-'. */
export function isFigureField(field: string): boolean {
  const t = field.trim();
  if (t === '' || YEAR.test(t)) return false;
  if (/^[-－–]$/.test(t)) return true;
  return /^[△▲(+-]?\d/.test(t);
}

/**
 * Header rows: the rows before the first row (after the first) that has a figure beyond the first column.
 * Kept simple on purpose: it only decides which empty fields become merged header cells.
 */
export function guessHeaderRows(rows: readonly (readonly string[])[]): number {
  for (let r = 1; r < rows.length; r++) {
    if (rows[r].some((field, c) => c >= 1 && isFigureField(field))) return r;
  }
  return Math.min(1, rows.length);
}

/**
 * Header cells as drawn: a text followed by empty fields spans them (within the cell above it), and a
 * cell whose fields in the next header row are all empty continues down. Coordinates are table-relative.
 */
export function headerCells(rows: readonly (readonly string[])[], headerRows: number): HeaderCell[] {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const field = (r: number, c: number): string => rows[r]?.[c] ?? '';
  const owner: (HeaderCell | null)[][] = [];
  const cells: HeaderCell[] = [];
  for (let r = 0; r < headerRows; r++) {
    owner.push(new Array<HeaderCell | null>(width).fill(null));
    // Continue a cell down first: an empty field under a header belongs to it, not to a text on its left.
    for (const cell of cells) {
      if (cell.row + cell.rowSpan !== r) continue;
      let empty = true;
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) if (field(r, c) !== '') empty = false;
      if (!empty) continue;
      cell.rowSpan += 1;
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner[r][c] = cell;
    }
    for (let c = 0; c < width; c++) {
      const text = field(r, c);
      if (text === '' || owner[r][c]) continue;
      const parent = r > 0 ? owner[r - 1][c] : null;
      let end = c;
      while (
        end + 1 < width &&
        field(r, end + 1) === '' &&
        !owner[r][end + 1] &&
        (r === 0 || owner[r - 1][end + 1] === parent) &&
        (parent === null || end + 1 < parent.col + parent.colSpan)
      ) {
        end += 1;
      }
      const cell: HeaderCell = { row: r, col: c, rowSpan: 1, colSpan: end - c + 1, text };
      cells.push(cell);
      for (let k = c; k <= end; k++) owner[r][k] = cell;
    }
  }
  return cells;
}

/**
 * A group label in the first column of the body followed by empty first fields ('2020' over its 계, 행정소송,
 * 민사소송 rows): the rows it covers. Table-relative ranges, only spans of two rows or more.
 */
export function groupLabelSpans(rows: readonly (readonly string[])[], headerRows: number): CellRange[] {
  const spans: CellRange[] = [];
  let r = headerRows;
  while (r < rows.length) {
    if ((rows[r][0] ?? '') === '') {
      r += 1;
      continue;
    }
    let end = r;
    while (end + 1 < rows.length && (rows[end + 1][0] ?? '') === '' && rows[end + 1].some((f) => f !== '')) end += 1;
    if (end > r) spans.push({ r0: r, c0: 0, r1: end, c1: 0 });
    r = end + 1;
  }
  return spans;
}

/** Merged areas a report table gets when its headers are drawn merged (table-relative). */
export function tableMerges(rows: readonly (readonly string[])[], headerRows: number): CellRange[] {
  const merges: CellRange[] = headerCells(rows, headerRows)
    .filter((cell) => cell.rowSpan > 1 || cell.colSpan > 1)
    .map((cell) => ({ r0: cell.row, c0: cell.col, r1: cell.row + cell.rowSpan - 1, c1: cell.col + cell.colSpan - 1 }));
  return merges.concat(groupLabelSpans(rows, headerRows));
}
