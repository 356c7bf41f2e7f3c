/** Every check of one table with its relations, and the checks that compare tables. */
import type { SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Table } from '../model/table';
import { checkCaptionsInto } from './captions';
import { checkCells } from './cell-checks';
import { checkDiffsInto } from './diffs';
import { checkProseRatesInto } from './prose-rates';
import { checkRatesInto } from './rates';
import { checkSumsInto } from './sums';
import { checkYearsInto, checkYearSpan, YearSpans } from './years';

export { checkCells } from './cell-checks';
export { checkSums, sumFormulaCells } from './sums';
export { checkRates } from './rates';
export { checkProseRates } from './prose-rates';
export { checkDiffs } from './diffs';
export { checkCaptions } from './captions';
export { checkYears, checkYearSpan } from './years';

/** Text tables (no numeric body) are detected and reported, never checked. */
export function checkTable(sheet: SheetGrid, table: Table, options: CheckOptions): Finding[] {
  if (table.kind === 'text') return [];
  // Most checks find nothing: each appends to the first one's list rather than returning a list of its own.
  const findings = checkCells(sheet, table);
  checkSumsInto(sheet, table, options, findings);
  checkRatesInto(sheet, table, options, findings);
  checkProseRatesInto(sheet, table, options, findings);
  checkDiffsInto(sheet, table, options, findings);
  checkCaptionsInto(sheet, table, options, findings);
  checkYearsInto(sheet, table, findings);
  return findings;
}

/** Checks across the tables of one workbook. */
export function checkTables(tables: Table[]): Finding[] {
  return checkYearSpan(tables);
}

/**
 * checkTable for each table of a workbook in turn, then checkTables over them all; what the checks across
 * tables need of each table is noted while that table is being checked (its layout is then at hand).
 */
export class WorkbookChecks {
  private readonly spans = new YearSpans();

  constructor(private readonly options: CheckOptions) {}

  /** checkTable; tables are to be given in the order checkTables would see them. */
  table(sheet: SheetGrid, table: Table): Finding[] {
    const findings = checkTable(sheet, table, this.options);
    this.spans.note(table);
    return findings;
  }

  /** checkTables over every table given so far. */
  across(): Finding[] {
    return this.spans.findings();
  }
}
