/**
 * The bureau summary: one sheet ('총괄') listing every budget-by-year table of the workbook — project (the
 * table's title), source, a live 합계 and one column per year, each figure a formula pointing at the table's
 * own cell (='기획예산과'!E7) — and a 총계 row adding the tables' 계 rows. Refreshing rewrites only the block the
 * summary owns (from A1 down to its 총계 row); anything else on the sheet stays.
 */
import { toA1 } from '../grid/a1';
import type { CellRange, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import type { Table } from '../model/table';
import { readNumeric } from '../numbers';
import { sumFormula } from '../fill';
import { isTotalLabel } from '../labels';

export const SUMMARY_SHEET = '총괄';
const AMOUNT = '#,##0;"△"#,##0;"-"';
const HEADER = ['사업명', '재원', '합계'];
const TOTAL_LABEL = '총계';

export interface BudgetSummary {
  sheet: string;
  /** True when the sheet does not exist yet: the caller adds it (an adapter's writeCells adds a missing sheet). */
  create: boolean;
  writes: CellWrite[];
  /** The summary's block (title to 총계 row). */
  range: CellRange;
  /** The 총계 row's year cells: what a chart of totals by year plots. Null when there is no budget table. */
  yearTotals: { sheet: string; range: CellRange; years: number[] } | null;
  /** The tables listed, in order. */
  tables: string[];
  /** Budget tables left out, and why (another unit than the summary's). */
  skipped: { table: string; reason: string }[];
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function numberAt(sheet: SheetGrid | undefined, row: number, col: number): number {
  const n = readNumeric(sheet?.cells[row]?.[col] ?? null);
  return n.kind === 'number' ? n.value : 0;
}

const BULLETS = /^[□■○●◦◎▶▷►\-·•\s]+/;

/**
 * The project a table is about: its title, unless that is its amount line ('2021년 소요예산 : …'); then the
 * heading line right above its captions ('□ 청사 시설 개선'); else where it is.
 */
function projectName(table: Table, sheet: SheetGrid | undefined): string {
  const clean = (t: string | undefined) => (t && !/[:：]/.test(t) ? t.replace(BULLETS, '').trim() : '');
  const top = Math.min(table.range.r0, ...table.captions.filter((c) => c.kind !== 'footnote').map((c) => c.row));
  const above = top > 0 ? sheet?.cells[top - 1]?.[table.range.c0]?.v : undefined;
  return clean(table.title) || clean(typeof above === 'string' ? above : undefined) || `${table.sheet} ${toA1(table.range.r0, table.range.c0)}`;
}

/** The extent of a summary block already on the sheet: A1 down to its 총계 row, as wide as its header. */
function oldBlock(sheet: SheetGrid | undefined): CellRange | null {
  if (!sheet) return null;
  const headerRow = sheet.cells.findIndex((line) => line?.[0]?.v === HEADER[0] && line?.[1]?.v === HEADER[1]);
  if (headerRow < 0) return null;
  let end = headerRow;
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    if (sheet.cells[r]?.[0]?.v === TOTAL_LABEL) {
      end = r;
      break;
    }
  }
  const line = sheet.cells[headerRow] ?? [];
  let width = 0;
  while (line[width] && line[width]!.v !== null) width++;
  return { r0: 0, c0: 0, r1: end, c1: Math.max(width - 1, 0) };
}

export function buildBudgetSummary(sheets: readonly SheetGrid[], tables: readonly Table[], sheetName = SUMMARY_SHEET): BudgetSummary {
  const existing = sheets.find((s) => s.name === sheetName);
  const budget = tables.filter((t) => t.kind === 'budget-by-year' && t.sheet !== sheetName);
  const unit = budget.find((t) => t.unit)?.unit ?? '천원';
  const skipped: BudgetSummary['skipped'] = [];
  const listed = budget.filter((t) => {
    if (t.unit && t.unit !== unit) {
      skipped.push({ table: t.id, reason: `unit ${t.unit}, not ${unit}` });
      return false;
    }
    return true;
  });
  const years = [...new Set(listed.flatMap((t) => t.columns.filter((c) => !c.isLabel && c.year !== undefined).map((c) => c.year!)))].sort((a, b) => a - b);
  const width = HEADER.length + years.length;
  const yearCol = (y: number) => HEADER.length + years.indexOf(y);
  const cells = new Map<string, CellWrite>();
  const put = (row: number, col: number, value: CellWrite['value'], formula?: string, fmt?: string) => {
    const w: CellWrite = { sheet: sheetName, row, col, value };
    if (formula !== undefined) w.formula = formula;
    if (fmt !== undefined) w.fmt = fmt;
    cells.set(`${row},${col}`, w);
  };

  put(0, 0, '□ 소요예산 총괄');
  put(1, width - 1, `(단위 : ${unit})`);
  [...HEADER, ...years.map((y) => `${y}년`)].forEach((h, c) => put(2, c, h));
  let row = 3;
  const totalRows: number[] = [];
  for (const t of listed) {
    const source = sheets.find((s) => s.name === t.sheet);
    // The table's 계 row goes into the 총계; a table without one adds all its rows.
    const hasTotal = t.rows.some((r) => isTotalLabel(r.path[r.path.length - 1] ?? ''));
    t.rows.forEach((r, i) => {
      const label = r.path[r.path.length - 1] ?? '';
      put(row, 0, i === 0 ? projectName(t, source) : null);
      put(row, 1, label);
      if (!hasTotal || isTotalLabel(label)) totalRows.push(row);
      let sum = 0;
      for (const c of t.columns) {
        if (c.isLabel || c.year === undefined) continue;
        const v = numberAt(source, r.row, c.col);
        sum += v;
        put(row, yearCol(c.year), v, `${quoteSheet(t.sheet)}!${toA1(r.row, c.col)}`, AMOUNT);
      }
      put(row, 2, sum, years.length ? `SUM(${toA1(row, HEADER.length)}:${toA1(row, width - 1)})` : undefined, AMOUNT);
      row++;
    });
  }
  const totalRow = row;
  put(totalRow, 0, TOTAL_LABEL);
  for (let c = 2; c < width; c++) {
    const parts = totalRows.map((r) => ({ row: r, col: c }));
    const value = parts.reduce((n, p) => n + Number(cells.get(`${p.row},${p.col}`)?.value ?? 0), 0);
    put(totalRow, c, value, parts.length ? sumFormula(parts) : undefined, AMOUNT);
  }

  // Clear what the old block held beyond the new one.
  const old = oldBlock(existing);
  if (old) {
    for (let r = old.r0; r <= old.r1; r++) {
      for (let c = old.c0; c <= old.c1; c++) {
        const cell = existing?.cells[r]?.[c];
        if (!cell || cells.has(`${r},${c}`)) continue;
        put(r, c, null, undefined, 'General');
      }
    }
  }
  return {
    sheet: sheetName,
    create: !existing,
    writes: [...cells.values()].sort((a, b) => Number(a.formula !== undefined) - Number(b.formula !== undefined) || a.row - b.row || a.col - b.col),
    range: { r0: 0, c0: 0, r1: totalRow, c1: width - 1 },
    yearTotals: years.length ? { sheet: sheetName, range: { r0: totalRow, c0: HEADER.length, r1: totalRow, c1: width - 1 }, years } : null,
    tables: listed.map((t) => t.id),
    skipped,
  };
}
