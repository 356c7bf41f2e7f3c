/** Report-ready tables out: a sheet range as HTML (for HWP and Word), TSV, CSV or Markdown. */
export { exportTable, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './export-table';
export { buildExportModel, tableAt, type ExportModel, type ExportCell, type ExportCellRole } from './model';
export { cellText, formatShape } from './cell-text';
export { toHtml, escapeHtml, type HtmlOptions } from './html';
export { toTsv, toCsv, neutralise, csvField, type DelimitedOptions } from './delimited';
export { toMarkdown } from './markdown';
