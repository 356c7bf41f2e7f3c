/** Every check of one table with its relations, and the checks that compare tables. */
import type { SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Table } from '../model/table';
import { checkCaptions } from './captions';
import { checkCells } from './cell-checks';
import { checkDiffs } from './diffs';
import { checkProseRates } from './prose-rates';
import { checkRates } from './rates';
import { checkSums } from './sums';
import { checkYears, checkYearSpan, YearSpans } from './years';

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
  // Most checks find nothing: start from the first one's list and append the rare others.
  const findings = checkCells(sheet, table);
  append(findings, checkSums(sheet, table, options));
  append(findings, checkRates(sheet, table, options));
  append(findings, checkProseRates(sheet, table, options));
  append(findings, checkDiffs(sheet, table, options));
  append(findings, checkCaptions(sheet, table, options));
  append(findings, checkYears(sheet, table));
  return findings;
}

function append(to: Finding[], more: Finding[]): void {
  for (const f of more) to.push(f);
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
