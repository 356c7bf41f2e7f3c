/**
 * One pass over a workbook: find every table on every sheet, infer its relations, run every check,
 * then the checks that compare tables with each other. The CLI and the task pane both call this.
 */
import type { CellRange, SheetGrid } from './grid/types';
import { checkOptionsSchema, type CheckOptions, type CheckOptionsInput } from './model/options';
import type { Finding } from './model/finding';
import type { CheckResult } from './model/result';
import type { Table } from './model/table';
import { fromA1 } from './grid/a1';
import { checkTable, checkTables } from './checks';
import { detectTables } from './detect';
import { inferPlanYear, inferRelations } from './relations';
import { checkRegistered, REGISTRY_SHEET, registryFromSheets, type RegistryRead } from './registry';

export interface CheckScope {
  /** Only this sheet. */
  sheet: string;
  /** Only tables that overlap this range of that sheet. */
  range?: CellRange;
}

/**
 * `registry`: the workbook's structured tables (an adapter's readRegistry, with the ranges its defined names
 * hold); when absent, the registry rows of the `_report_tables` sheet are used as they were written.
 */
export function checkWorkbook(sheets: SheetGrid[], options?: CheckOptionsInput, scope?: CheckScope, registry?: RegistryRead): CheckResult {
  const given: CheckOptions = checkOptionsSchema.parse(options ?? {});
  // Captions without a year name the report's plan year: the year most captions of the workbook name.
  const planYear = given.planYear ?? inferPlanYear(sheets);
  const parsed: CheckOptions = planYear === undefined ? given : { ...given, planYear };
  const tables: Table[] = [];
  const findings: Finding[] = [];
  const targets = scope ? sheets.filter((s) => s.name === scope.sheet) : sheets;
  // Registered tables are checked by their spec; detection leaves their ranges alone.
  const registered = checkRegistered(sheets, registry ?? registryFromSheets(sheets), scope?.sheet);
  findings.push(...registered.findings.filter((f) => !scope?.range || overlaps(fromA1Range(f.cell), scope.range)));
  for (const table of registered.tables) {
    if (scope?.range && !overlaps(table.range, scope.range)) continue;
    const sheet = sheets.find((s) => s.name === table.sheet)!;
    tables.push(table);
    findings.push(...checkTable(sheet, table, parsed));
  }
  for (const sheet of targets) {
    // The very-hidden registry sheet holds specs as JSON, not report tables (LibreOffice saves it merely hidden).
    if (sheet.state === 'veryHidden' || sheet.name === REGISTRY_SHEET) continue;
    const claimed = registered.tables.filter((t) => t.sheet === sheet.name).map((t) => t.range);
    for (const layout of detectTables(sheet)) {
      if (scope?.range && !overlaps(layout.range, scope.range)) continue;
      if (claimed.some((r) => overlaps(r, layout.range))) continue;
      const table: Table = { ...layout, relations: inferRelations(sheet, layout, parsed) };
      tables.push(table);
      findings.push(...checkTable(sheet, table, parsed));
    }
  }
  findings.push(...checkTables(tables));
  return { tables, findings: sortFindings(findings, sheets) };
}

function fromA1Range(a1: string): CellRange {
  const at = fromA1(a1) ?? { row: 0, col: 0 };
  return { r0: at.row, c0: at.col, r1: at.row, c1: at.col };
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** Sheet order first, then row, then column: the order a reviewer walks the workbook. */
export function sortFindings(findings: Finding[], sheets: SheetGrid[]): Finding[] {
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const key = (f: Finding) => fromA1(f.cell) ?? { row: 0, col: 0 };
  return [...findings].sort((a, b) => {
    const s = (order.get(a.sheet) ?? Infinity) - (order.get(b.sheet) ?? Infinity);
    if (s !== 0 && !Number.isNaN(s)) return s;
    const ka = key(a);
    const kb = key(b);
    return ka.row - kb.row || ka.col - kb.col;
  });
}
