/**
 * A range of a sheet as a report table to export: which cells are headers, labels and figures, what each shows,
 * and which cells span others. Spans come from the sheet's merged areas, else from the table's header cells as
 * detection draws them (a pasted header's blanks), else from the report's text-form rules.
 */
import type { CellRange, SheetGrid } from '../grid/types';
import type { TableLayout } from '../model/table';
import { detectTables } from '../detect';
import { formatReportNumber, readNumeric } from '../numbers';
import { groupLabelSpans, guessHeaderRows, headerCells, isFigureField } from '../report-text';
import { cellText } from './cell-text';

export type ExportCellRole = 'header' | 'label' | 'figure' | 'text';

export interface ExportCell {
  /** Table-relative position of the cell's top-left. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  role: ExportCellRole;
}

export interface ExportModel {
  headerRows: number;
  labelCols: number;
  width: number;
  height: number;
  /** grid[r][c]: the cell drawn from here, or null where a span covers the position. */
  grid: (ExportCell | null)[][];
  /** The unit (or basis) line as the sheet writes it, '(단위 : 천원)', when the table has one; never made up. */
  unitLine?: string;
  /** Caption lines above the table other than the unit line (title, amount, notes), top to bottom. */
  captions: string[];
  /** Footnote lines under the table. */
  footnotes: string[];
  title?: string;
  /** The detected (or given) table the model follows, when the range is one. */
  table?: TableLayout;
}

const UNIT_LINE = /단위\s*[:：]/;

function sameRange(a: CellRange, b: CellRange): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

function clip(m: CellRange, range: CellRange): CellRange | null {
  const r0 = Math.max(m.r0, range.r0);
  const c0 = Math.max(m.c0, range.c0);
  const r1 = Math.min(m.r1, range.r1);
  const c1 = Math.min(m.c1, range.c1);
  return r0 <= r1 && c0 <= c1 ? { r0: r0 - range.r0, c0: c0 - range.c0, r1: r1 - range.r0, c1: c1 - range.c0 } : null;
}

/** Leading columns whose body holds no figure at all: the label columns of a table detection does not know. */
function guessLabelCols(texts: string[][], headerRows: number, width: number): number {
  let n = 0;
  while (n < width - 1 && texts.slice(headerRows).every((row) => !isFigureField(row[n] ?? ''))) n++;
  return n;
}

/** The table detection finds at exactly this range, if any. */
export function tableAt(sheet: SheetGrid, range: CellRange): TableLayout | undefined {
  return detectTables(sheet).find((t) => sameRange(t.range, range));
}

export function buildExportModel(sheet: SheetGrid, range: CellRange, table?: TableLayout): ExportModel {
  if (range.r0 < 0 || range.c0 < 0 || range.r1 < range.r0 || range.c1 < range.c0) throw new RangeError('an export range must not be empty or upside down');
  const known = table && sameRange(table.range, range) ? table : tableAt(sheet, range);
  const width = range.c1 - range.c0 + 1;
  const height = range.r1 - range.r0 + 1;
  const texts: string[][] = [];
  for (let r = 0; r < height; r++) {
    const line: string[] = [];
    for (let c = 0; c < width; c++) line.push(cellText(sheet.cells[range.r0 + r]?.[range.c0 + c]));
    texts.push(line);
  }
  const headerRows = Math.min(height, known ? known.headerRows : guessHeaderRows(texts));
  const labelCols = Math.min(width, known ? known.labelCols : guessLabelCols(texts, headerRows, width));

  // Spans, in order of authority; a later one that overlaps a taken position or hides a value is dropped.
  const candidates: CellRange[] = [];
  if (!sheet.mergesUnknown) for (const m of sheet.merges) {
    const c = clip(m, range);
    if (c) candidates.push(c);
  }
  const headers = known
    ? known.headers.map((h) => ({ r0: h.row - range.r0, c0: h.col - range.c0, r1: h.row - range.r0 + h.rowSpan - 1, c1: h.col - range.c0 + h.colSpan - 1 }))
    : headerCells(texts, headerRows).map((h) => ({ r0: h.row, c0: h.col, r1: h.row + h.rowSpan - 1, c1: h.col + h.colSpan - 1 }));
  candidates.push(...headers);
  // A group label over blank label cells ('2020' over its 계, 행정소송, 민사소송 rows) spans them when the table
  // has a second label column to carry the rows' own labels.
  if (!known || known.labelCols >= 2) candidates.push(...groupLabelSpans(texts, headerRows));

  const owner: (ExportCell | null | undefined)[][] = texts.map((line) => line.map(() => undefined));
  for (const s of candidates) {
    if (s.r0 === s.r1 && s.c0 === s.c1) continue;
    let free = true;
    for (let r = s.r0; r <= s.r1 && free; r++) {
      for (let c = s.c0; c <= s.c1; c++) {
        if (owner[r][c] !== undefined || ((r !== s.r0 || c !== s.c0) && texts[r][c] !== '' && !isCovered(sheet, range, r, c))) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue;
    const cell: ExportCell = { row: s.r0, col: s.c0, rowSpan: s.r1 - s.r0 + 1, colSpan: s.c1 - s.c0 + 1, text: texts[s.r0][s.c0], role: 'text' };
    for (let r = s.r0; r <= s.r1; r++) for (let c = s.c0; c <= s.c1; c++) owner[r][c] = r === s.r0 && c === s.c0 ? cell : null;
  }

  const grid: (ExportCell | null)[][] = owner.map((line, r) =>
    line.map((o, c) => (o === undefined ? { row: r, col: c, rowSpan: 1, colSpan: 1, text: texts[r][c], role: 'text' } : o)),
  );
  for (const line of grid) {
    for (const cell of line) {
      if (!cell) continue;
      cell.role = roleOf(sheet, range, cell, headerRows, labelCols);
      if (cell.role === 'figure') cell.text = reportStyle(sheet.cells[range.r0 + cell.row]?.[range.c0 + cell.col], cell.text);
    }
  }

  const isUnit = (c: { kind: string; text: string }) => (c.kind === 'unit' || c.kind === 'basis') && UNIT_LINE.test(c.text);
  let captionLines = known?.captions ?? captionsAbove(sheet, range);
  // A registered table's spec may not know the sheet's own unit or basis line: read the sheet's lines then.
  if (known && !captionLines.some(isUnit)) {
    const drawn = known === table ? tableAt(sheet, range)?.captions : undefined;
    captionLines = drawn?.some(isUnit) ? drawn : [...captionLines, ...captionsAbove(sheet, range)];
  }
  const unit = captionLines.find(isUnit);
  // Only the sheet's own line: a unit a spec or detection inferred is not something the report wrote.
  const unitLine = unit?.text;
  const model: ExportModel = {
    headerRows,
    labelCols,
    width,
    height,
    grid,
    captions: captionLines.filter((c) => c !== unit && c.kind !== 'footnote' && c.row < range.r0).map((c) => c.text),
    footnotes: captionLines.filter((c) => c.kind === 'footnote' || c.row > range.r1).map((c) => c.text),
  };
  if (unitLine) model.unitLine = unitLine;
  if (known?.title) model.title = known.title;
  if (known) model.table = known;
  return model;
}

/** A figure typed as text ("5000", "0") written the report's way ("5,000", "-"); other text stays as written. */
function reportStyle(source: Parameters<typeof readNumeric>[0], text: string): string {
  if (typeof source?.v !== 'string') return text;
  const n = readNumeric(source);
  if (n.kind !== 'number' || !n.parsed || n.parsed.dash || n.parsed.unit || n.parsed.percent || n.parsed.footnote) return text;
  return formatReportNumber(n.value, { decimals: n.parsed.decimals });
}

function isCovered(sheet: SheetGrid, range: CellRange, r: number, c: number): boolean {
  const row = range.r0 + r;
  const col = range.c0 + c;
  return !sheet.mergesUnknown && sheet.merges.some((m) => m.r0 <= row && row <= m.r1 && m.c0 <= col && col <= m.c1 && (m.r0 !== row || m.c0 !== col));
}

function roleOf(sheet: SheetGrid, range: CellRange, cell: ExportCell, headerRows: number, labelCols: number): ExportCellRole {
  if (cell.row < headerRows) return 'header';
  if (cell.col < labelCols) return 'label';
  const numeric = readNumeric(sheet.cells[range.r0 + cell.row]?.[range.c0 + cell.col]);
  if (numeric.kind === 'number' || numeric.kind === 'compound' || numeric.kind === 'invalid') return 'figure';
  return cell.text === '' ? 'figure' : 'text';
}

/** Without a detected table: a unit line in the row right above the range (first column of the range or left of it). */
function captionsAbove(sheet: SheetGrid, range: CellRange): { row: number; col: number; text: string; kind: 'unit' | 'note' | 'footnote' }[] {
  const row = range.r0 - 1;
  if (row < 0) return [];
  for (let c = 0; c <= range.c1; c++) {
    const text = cellText(sheet.cells[row]?.[c]);
    if (text !== '' && UNIT_LINE.test(text)) return [{ row, col: c, text, kind: 'unit' }];
  }
  return [];
}
