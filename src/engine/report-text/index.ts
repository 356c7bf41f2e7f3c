/** Report text in: the report's text form (tab-separated tables, captions, prose) as sections and tables, and as sheets. */
export * from './types';
export { parseReportText, allTables, FALLBACK_SECTION } from './parse-report-text';
export { layoutReport, placeReport, reportLayoutOptionsSchema } from './layout-report';
export type { ReportLayout, ReportLayoutOptions, ReportPlacement } from './layout-report';
export { headerCells, guessHeaderRows, groupLabelSpans, tableMerges, isFigureField } from './header-cells';
export { cleanText, cleanField } from './clean-text';
export { classifyLine, type LineRole } from './classify-line';
export { plainFigure } from './plain-figure';
export { safeSheetName, uniqueSheetName, MAX_SHEET_NAME } from './sheet-name';
