/**
 * The report imported into a sheet (report-text's layout) is detected the same whatever the layout options:
 * merged or pasted headers, any origin, two, one or no blank rows between blocks, figures as text or as numbers.
 */
import { layoutReport, parseReportText, type ReportLayoutOptions } from '../report-text';
import type { TableKind } from '../model/table';
import { detectTables } from '.';
import { REFERENCE_TABLES } from './test-data/reference-report';

const text = Object.values(REFERENCE_TABLES)
  .map((t) => t.tsv)
  .join('\n\n');
const doc = parseReportText(text);

function summary(options: ReportLayoutOptions): unknown[] {
  const sheets = layoutReport(doc, options);
  const dc = options.origin?.col ?? 0;
  return sheets.flatMap((s) =>
    detectTables(s).map((t) => ({
      kind: t.kind,
      headerRows: t.headerRows,
      labelCols: t.labelCols,
      unit: t.unit,
      title: t.title,
      captions: t.captions.map((c) => `${c.kind}:${c.text}`),
      columns: t.columns.map((c) => c.path),
      rows: t.rows.map((r) => r.path),
      width: t.range.c1 - t.range.c0 + 1,
      height: t.range.r1 - t.range.r0 + 1,
      left: t.range.c0 - dc,
      headers: t.headers.map((h) => [h.text, h.rowSpan, h.colSpan]),
    })),
  );
}

const base = summary({});

test('every table of the imported report is found, with its kind', () => {
  const kinds = base.map((t) => (t as { kind: TableKind }).kind);
  expect(kinds).toEqual([
    'text',
    'staffing',
    'text',
    'pledge-counts',
    'text',
    'budget-by-year',
    'budget-by-year',
    'budget-by-year',
    'budget-size',
    'participatory-budget',
    'text',
    'budget-by-year',
    'budget-by-year',
    'counts-by-field',
    'budget-by-year',
    'text',
    'budget-by-year',
    'lawsuits',
    'legal-advice',
    'budget-by-year',
    'bylaws',
    'text',
    'council-sessions',
    'budget-by-year',
  ]);
});

test.each<[ReportLayoutOptions]>([
  [{ mergeHeaders: true }],
  [{ origin: { row: 3, col: 2 } }],
  [{ gapRows: 1 }],
  [{ gapRows: 0 }],
  [{ gapRows: 1, mergeHeaders: true }],
  [{ numbers: 'values' }],
  [{ numbers: 'values', mergeHeaders: true, gapRows: 0, origin: { row: 1, col: 1 } }],
])('layout %j gives the same tables', (options) => {
  expect(summary(options)).toEqual(base);
});
