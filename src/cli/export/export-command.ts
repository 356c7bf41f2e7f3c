/**
 * report-tables export <book.xlsx> --sheet S [--range A1:G9] [--format html|tsv|csv|md] [-o file] [--force] [--captions none|unit|all]
 * A table as the report prints it, on standard output or into a file. Without --range, the sheet's first table
 * (structured or detected) is exported and the others are named on stderr. Exit: 0 written, 2 trouble.
 */
import { checkWorkbook, rangeFromA1, rangeToA1, type CellRange, type SheetGrid, type TableLayout } from '../../engine';
import { EXPORT_FORMATS, exportTable, type ExportFormat, type ExportOptions } from '../../engine/export';
import { readProblemReason } from '../../messages';
import { readWorkbookFile } from '../../xlsx/read-file';
import { isWorkbookReadError } from '../../xlsx/read-problem';
import type { Command } from '../command';
import { EXIT_OK, reportTrouble, UsageError, type CliIo } from '../io';
import { oneOf, parseOptions } from '../parse-options';
import { writeFailureReason, writeWhole } from '../fill/write-output';

const CAPTIONS: readonly NonNullable<ExportOptions['captions']>[] = ['none', 'unit', 'all'];

/** A whole HTML document (a file needs its charset said, or Korean reads as mojibake). */
export function htmlDocument(fragment: string, title: string): string {
  const safeTitle = title.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  return `<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n<title>${safeTitle}</title>\n</head>\n<body>\n${fragment}</body>\n</html>\n`;
}

function tablesOn(sheets: SheetGrid[], sheet: string): TableLayout[] {
  return checkWorkbook(sheets, {}, { sheet })
    .tables.filter((t) => t.sheet === sheet)
    .sort((a, b) => a.range.r0 - b.range.r0 || a.range.c0 - b.range.c0);
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    sheet: { type: 'string' },
    range: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    captions: { type: 'string' },
  });
  const format: ExportFormat = oneOf('format', values.format as string | undefined, EXPORT_FORMATS, 'html');
  const captions = values.captions === undefined ? undefined : oneOf('captions', values.captions as string, CAPTIONS, 'unit');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no workbook given' : 'give exactly one workbook');
  const sheetName = values.sheet as string | undefined;
  if (!sheetName) throw new UsageError('no sheet given (--sheet <name>)');
  const input = positionals[0];
  const output = values.output as string | undefined;

  let sheets: SheetGrid[];
  try {
    sheets = await readWorkbookFile(input);
  } catch (err) {
    if (isWorkbookReadError(err)) return reportTrouble(io, input, readProblemReason(err.problem, 'en'));
    return reportTrouble(io, input, `internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const sheet = sheets.find((s) => s.name === sheetName && s.state !== 'veryHidden');
  if (!sheet) {
    const names = sheets.filter((s) => s.state !== 'veryHidden').map((s) => `'${s.name}'`);
    return reportTrouble(io, input, `no sheet named '${sheetName}' (sheets: ${names.join(', ') || 'none'})`);
  }

  const tables = tablesOn(sheets, sheet.name);
  let range: CellRange;
  const rangeText = values.range as string | undefined;
  if (rangeText !== undefined) {
    const parsed = rangeFromA1(rangeText.trim().toUpperCase().replace(/\$/g, ''));
    if (!parsed) return reportTrouble(io, input, `'${rangeText}' is not a range like A1:G9`);
    range = parsed;
  } else {
    if (tables.length === 0) return reportTrouble(io, input, `no table found on sheet '${sheet.name}': give --range`);
    range = tables[0].range;
    if (tables.length > 1) {
      io.stderr(`report-tables: exported the first of ${tables.length} tables on '${sheet.name}' (${rangeToA1(range)}); the others: ${tables.slice(1).map((t) => rangeToA1(t.range)).join(', ')}\n`);
    }
  }
  if (!sheet.cells.slice(range.r0, range.r1 + 1).some((line) => line?.slice(range.c0, range.c1 + 1).some((c) => c && c.v !== null && c.v !== ''))) {
    return reportTrouble(io, input, `the range ${rangeToA1(range)} of '${sheet.name}' is empty`);
  }
  const table = tables.find((t) => rangeToA1(t.range) === rangeToA1(range));
  let text = exportTable(sheet, range, format, { table, captions });
  if (format === 'html') text = htmlDocument(text, table?.title ?? `${sheet.name}!${rangeToA1(range)}`);

  if (output === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  // Excel opens a CSV without a byte-order mark as the system code page (CP949 in Korea): Korean would garble.
  const bytes = new TextEncoder().encode(format === 'csv' ? `\uFEFF${text}` : text);
  const written = await writeWhole(output, bytes, values.force === true);
  if (!written.ok) {
    return reportTrouble(io, output, writeFailureReason(written, false));
  }
  io.stderr(`report-tables: ${sheet.name}!${rangeToA1(range)} → ${output} (${format})\n`);
  return EXIT_OK;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export <book.xlsx> --sheet S [--range A1:G9] [--format html|tsv|csv|md] [-o file] [--force] [--captions none|unit|all]',
  summary: 'write a table as the report prints it (HTML for HWP/Word, TSV, CSV, Markdown); the first table of the sheet without --range',
  run: (args, io) => run(args, io),
};
