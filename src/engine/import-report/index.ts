/** Report text in: the report's text form as a structured workbook (sheets, registry rows, defined names). */
export { importReportText, guessUnit, typedFigure, reportNumberFormat, REPORT_NUMBER_FORMAT, type ImportedTable, type ImportOptions, type ReportImport } from './import-report';
