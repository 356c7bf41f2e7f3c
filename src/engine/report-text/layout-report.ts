import { z } from 'zod';
import type { Cell, CellRange, SheetGrid } from '../grid/types';
import { tableMerges } from './header-cells';
import { GROUPED_FORMAT, plainFigure } from './plain-figure';
import { uniqueSheetName } from './sheet-name';
import type { ReportDocument, ReportTable } from './types';

export const reportLayoutOptionsSchema = z.object({
  /** Merge header cells (a text over the empty fields it spans) and first-column group labels. */
  mergeHeaders: z.boolean().default(false),
  /** Where the first caption line of each sheet goes (0-based). */
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }).default({ row: 0, col: 0 }),
  /** Blank rows after each table (after its comments, if any). */
  gapRows: z.number().int().min(0).max(100).default(2),
  /** 'text' keeps every field as the report writes it; 'values' stores plain figures as numbers. */
  numbers: z.enum(['text', 'values']).default('text'),
});
export type ReportLayoutOptions = z.input<typeof reportLayoutOptionsSchema>;

/** Where one report table landed. Coordinates are 0-based sheet coordinates. */
export interface ReportPlacement {
  sheet: string;
  /** Index of the section in `doc.sections` and of the table in its `tables`. */
  section: number;
  table: number;
  /** Header rows and body, without captions and comments. */
  range: CellRange;
  captionRows: number[];
  commentRows: number[];
}

export interface ReportLayout {
  sheets: SheetGrid[];
  placements: ReportPlacement[];
}

function fieldCell(field: string, numbers: 'text' | 'values'): Cell | null {
  if (field === '') return null;
  if (numbers === 'values') {
    const figure = plainFigure(field);
    if (figure) return figure.grouped ? { v: figure.value, fmt: GROUPED_FORMAT } : { v: figure.value };
  }
  return { v: field };
}

class SheetWriter {
  readonly cells: (Cell | null)[][] = [];
  readonly merges: CellRange[] = [];

  put(row: number, col: number, cell: Cell | null): void {
    if (!cell) return;
    while (this.cells.length <= row) this.cells.push([]);
    const line = this.cells[row];
    while (line.length < col) line.push(null);
    line[col] = cell;
  }
}

/**
 * Lay a parsed report out as sheets, one per department section: each table with its caption lines above it
 * (one per row, first column), its rows, then its comment lines after a blank row, then `gapRows` blank rows.
 * Also says where each table went.
 */
export function placeReport(doc: ReportDocument, options: ReportLayoutOptions = {}): ReportLayout {
  const opts = reportLayoutOptionsSchema.parse(options);
  const { row: originRow, col: c0 } = opts.origin;
  const sheets: SheetGrid[] = [];
  const placements: ReportPlacement[] = [];
  const taken = new Set<string>();
  doc.sections.forEach((section, s) => {
    const name = uniqueSheetName(section.department, taken, `Section ${s + 1}`);
    taken.add(name);
    const out = new SheetWriter();
    let row = originRow;
    section.tables.forEach((table: ReportTable, t) => {
      const captionRows: number[] = [];
      for (const caption of table.captions) {
        out.put(row, c0, { v: caption.text });
        captionRows.push(row);
        row += 1;
      }
      const top = row;
      table.rows.forEach((fields, r) => fields.forEach((field, c) => out.put(top + r, c0 + c, fieldCell(field, opts.numbers))));
      row += table.rows.length;
      const range: CellRange = { r0: top, c0, r1: row - 1, c1: c0 + Math.max(table.width, 1) - 1 };
      if (opts.mergeHeaders) {
        for (const m of tableMerges(table.rows, table.headerRows)) {
          out.merges.push({ r0: top + m.r0, c0: c0 + m.c0, r1: top + m.r1, c1: c0 + m.c1 });
        }
      }
      const commentRows: number[] = [];
      if (table.comments.length > 0) {
        row += 1;
        for (const comment of table.comments) {
          out.put(row, c0, { v: comment.text });
          commentRows.push(row);
          row += 1;
        }
      }
      row += opts.gapRows;
      placements.push({ sheet: name, section: s, table: t, range, captionRows, commentRows });
    });
    sheets.push({ name, cells: out.cells, merges: out.merges });
  });
  return { sheets, placements };
}

/** The sheets of `placeReport`. */
export function layoutReport(doc: ReportDocument, options: ReportLayoutOptions = {}): SheetGrid[] {
  return placeReport(doc, options).sheets;
}
