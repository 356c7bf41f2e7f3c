/**
 * One pass over a workbook: find every table on every sheet, infer its relations, run every check,
 * then the checks that compare tables with each other. The CLI and the task pane both call this.
 */
import type { CellRange, SheetGrid } from './grid/types';
import { checkOptionsSchema, type CheckOptions, type CheckOptionsInput } from './model/options';
import type { Finding } from './model/finding';
import type { CheckResult } from './model/result';
import type { Relation, Table, TableLayout } from './model/table';
import { fromA1 } from './grid/a1';
import { WorkbookChecks } from './checks';
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
  const parsed: CheckOptions = given.planYear === undefined ? withInferredPlanYear(given, sheets) : given;
  const tables: Table[] = [];
  const findings: Finding[] = [];
  const checks = new WorkbookChecks(parsed);
  const targets = scope ? sheets.filter((s) => s.name === scope.sheet) : sheets;
  // Registered tables are checked by their spec; detection leaves their ranges alone.
  const registered = checkRegistered(sheets, registry ?? registryFromSheets(sheets), scope?.sheet);
  for (const f of registered.findings) if (!scope?.range || overlaps(fromA1Range(f.cell), scope.range)) findings.push(f);
  const claimedBySheet = new Map<string, CellRange[]>();
  for (const table of registered.tables) {
    const claimed = claimedBySheet.get(table.sheet);
    if (claimed) claimed.push(table.range);
    else claimedBySheet.set(table.sheet, [table.range]);
    if (scope?.range && !overlaps(table.range, scope.range)) continue;
    const sheet = sheets.find((s) => s.name === table.sheet)!;
    tables.push(table);
    append(findings, checks.table(sheet, table));
  }
  for (const sheet of targets) {
    // The very-hidden registry sheet holds specs as JSON, not report tables (LibreOffice saves it merely hidden).
    if (sheet.state === 'veryHidden' || sheet.name === REGISTRY_SHEET) continue;
    const claimed = claimedBySheet.get(sheet.name);
    for (const layout of detectTables(sheet)) {
      if (scope?.range && !overlaps(layout.range, scope.range)) continue;
      if (claimed?.some((r) => overlaps(r, layout.range))) continue;
      const table = withRelations(layout, inferRelations(sheet, layout, parsed));
      tables.push(table);
      append(findings, checks.table(sheet, table));
    }
  }
  append(findings, checks.across());
  return { tables, findings: sortFindings(findings, sheets) };
}

/**
 * Captions without a year name the report's plan year: the year most captions of the workbook name. Finding it
 * reads every cell of the workbook, so it is done when such a caption first asks (often none does), and once.
 */
function withInferredPlanYear(given: CheckOptions, sheets: SheetGrid[]): CheckOptions {
  let planYear: number | undefined | null = null;
  return {
    ...given,
    get planYear(): number | undefined {
      if (planYear === null) planYear = inferPlanYear(sheets);
      return planYear;
    },
  };
}

/**
 * The table a detected layout makes: the layout itself, its relations added. detectTables' layouts are made
 * fresh for this call and nothing else holds them; a copy would cost more than all the checks allocate.
 */
function withRelations(layout: TableLayout, relations: Relation[]): Table {
  const table = layout as Table;
  table.relations = relations;
  return table;
}

/** Pushes one by one: spreading a long list into push() can overflow the stack. */
function append(to: Finding[], more: readonly Finding[]): void {
  for (const f of more) to.push(f);
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
  // Each finding's place is read once, not at every comparison.
  const keyed = findings.map((f) => {
    const cell = f.cell;
    const plainCol = plainColumnOf(cell);
    if (plainCol >= 0) return { f, sheet: order.get(f.sheet) ?? Infinity, row: plainRowOf(cell), col: plainCol };
    const at = fromA1(cell) ?? { row: 0, col: 0 };
    return { f, sheet: order.get(f.sheet) ?? Infinity, row: at.row, col: at.col };
  });
  keyed.sort((a, b) => {
    const s = a.sheet - b.sheet;
    if (s !== 0 && !Number.isNaN(s)) return s;
    return a.row - b.row || a.col - b.col;
  });
  return keyed.map((k) => k.f);
}

/**
 * The column of a plain A1 address as the checks write it ('B7': capital letters, then a row from 1 without leading
 * zeros), or -1 for anything else, which fromA1 reads. Findings are many (a text-number table has one per cell),
 * and fromA1's patterns cost more than the sort.
 */
function plainColumnOf(a1: string): number {
  const n = a1.length;
  let i = 0;
  let col = 0;
  while (i < n && i < 3) {
    const ch = a1.charCodeAt(i);
    if (ch < 0x41 || ch > 0x5a) break;
    col = col * 26 + (ch - 64);
    i++;
  }
  if (i === 0 || i === n || n - i > 7) return -1;
  if (a1.charCodeAt(i) === 0x30) return -1;
  for (let j = i; j < n; j++) {
    const ch = a1.charCodeAt(j);
    if (ch < 0x30 || ch > 0x39) return -1;
  }
  return col - 1;
}

/** The row of an address plainColumnOf accepted. */
function plainRowOf(a1: string): number {
  let row = 0;
  for (let j = 0; j < a1.length; j++) {
    const ch = a1.charCodeAt(j);
    if (ch >= 0x30 && ch <= 0x39) row = row * 10 + (ch - 0x30);
  }
  return row - 1;
}
