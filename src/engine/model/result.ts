import type { Finding } from './finding';
import type { Table } from './table';

/** What a check of one workbook yields. */
export interface CheckResult {
  tables: Table[];
  findings: Finding[];
}
