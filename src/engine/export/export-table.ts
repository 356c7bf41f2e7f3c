/** One entry point: a range of a sheet → report-ready text in one of four formats. */
import type { CellRange, SheetGrid } from '../grid/types';
import type { TableLayout } from '../model/table';
import { toCsv, toTsv } from './delimited';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import { buildExportModel } from './model';

export const EXPORT_FORMATS = ['html', 'tsv', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /**
   * The table at `range` when the caller already knows it (a registered table, a check's result); otherwise
   * detection is asked, and a range that is no table is exported with guessed header rows and label columns.
   */
  table?: TableLayout;
  /**
   * Lines above the table: 'unit' (default for HTML, TSV and Markdown) writes the unit line, 'all' also the
   * title, amount and note lines (and footnotes under an HTML table), 'none' only the table (default for CSV).
   */
  captions?: 'none' | 'unit' | 'all';
}

export function exportTable(sheet: SheetGrid, range: CellRange, format: ExportFormat, options: ExportOptions = {}): string {
  const model = buildExportModel(sheet, range, options.table);
  const captions = options.captions ?? (format === 'csv' ? 'none' : 'unit');
  if (captions === 'none') delete model.unitLine;
  switch (format) {
    case 'html':
      return toHtml(model, { captions: captions === 'all' });
    case 'tsv':
      return toTsv(model);
    case 'csv':
      return toCsv(model, { unitLine: true });
    case 'md':
      return toMarkdown(model);
    default:
      throw new RangeError(`unknown export format '${String(format)}'`);
  }
}
