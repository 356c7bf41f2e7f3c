/**
 * TSV and CSV: the report's text form. A merged cell's value sits in its top-left field and the fields it covers
 * are empty, exactly as the report's text writes merged headers. Cells that a spreadsheet would read as a formula
 * are neutralised.
 */
import type { ExportModel } from './model';

/** A lone '-' is the report's zero; anything else starting like a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  if (text === '-') return text;
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fields(model: ExportModel): string[][] {
  return model.grid.map((line) => line.map((cell) => (cell ? neutralise(cell.text) : '')));
}

export interface DelimitedOptions {
  /** Write the unit line on its own line above the table, as the report's text does (default true for TSV). */
  unitLine?: boolean;
}

export function toTsv(model: ExportModel, options: DelimitedOptions = {}): string {
  // A tab or line break inside a field cannot be quoted in TSV: it becomes a space (cellText already folds them).
  const rows = fields(model).map((line) => line.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t'));
  const head = options.unitLine !== false && model.unitLine !== undefined ? [neutralise(model.unitLine.replace(/[\t\r\n]+/g, ' ')), ''] : [];
  return `${[...head, ...rows].join('\n')}\n`;
}

export function toCsv(model: ExportModel, options: DelimitedOptions = {}): string {
  const rows = fields(model).map((line) => line.map(csvField).join(','));
  const head = options.unitLine === true && model.unitLine !== undefined ? [csvField(neutralise(model.unitLine))] : [];
  return `${[...head, ...rows].join('\r\n')}\r\n`;
}
