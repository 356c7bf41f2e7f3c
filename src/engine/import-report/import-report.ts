/**
 * The report's text form → a structured workbook: one sheet per department section (report-text's layout, headers
 * merged), plain figures in each table's numeric body typed as numbers in the report's number format, and every
 * table that a spec can declare registered (rows for `_report_tables`, `RT_<id>` defined names). Compound cells
 * ("22(22)"), '-' and words stay text exactly as the report writes them; header and label cells stay text too
 * (a year label "2018" is a label, not an amount).
 */
import type { Cell, CellRange, SheetGrid } from '../grid/types';
import { checkWorkbook } from '../check-workbook';
import { parseNumber, readNumeric, UNIT_WORDS } from '../numbers';
import type { Finding } from '../model/finding';
import type { Table, TableKind } from '../model/table';
import { fromA1 } from '../grid/a1';
import { placeReport, parseReportText, type ReportDocument } from '../report-text';
import {
  absoluteReference,
  adoptTable,
  definedNameOf,
  newTableId,
  REGISTRY_SHEET,
  registrySheetWrites,
  specDifference,
  type RegistryEntry,
} from '../registry';
import type { SpecProblem } from '../../specs';

/** The report's own format: thousands separators, △ for negatives, '-' for zero. */
export const REPORT_NUMBER_FORMAT = '#,##0;"△"#,##0;"-"';

/** The report's format with `decimals` places (a figure written "12.5" keeps showing "12.5"). */
export function reportNumberFormat(decimals: number): string {
  if (decimals <= 0) return REPORT_NUMBER_FORMAT;
  const n = `#,##0.${'0'.repeat(decimals)}`;
  return `${n};"△"${n};"-"`;
}

export interface ImportedTable {
  sheet: string;
  /** Header rows and body, without captions and comments. */
  range: CellRange;
  kind: TableKind;
  title?: string;
  /** The registry id when the table was registered as a structured table. */
  id?: string;
  /** Why a table was left unregistered (detection still finds and checks it), in English for logs. */
  unregistered?: string;
  /** The same as data, for messages in the user's language (src/messages: specProblemMessage). */
  problems?: SpecProblem[];
}

export interface ReportImport {
  doc: ReportDocument;
  /** Department sheets, then the very-hidden registry sheet when any table was registered. */
  sheets: SheetGrid[];
  tables: ImportedTable[];
  /** Workbook-scoped defined names to create: `RT_<id>` → 'Sheet'!$A$1:$F$4. */
  definedNames: { name: string; reference: string }[];
}

export interface ImportOptions {
  /** Timestamp written into the registry rows (ISO 8601); the caller's clock, so the engine stays pure. */
  now?: string;
  /** Register tables as structured tables (default true). */
  register?: boolean;
}

/** A body field typed as a number, or null when it stays text. */
export function typedFigure(text: string): Cell | null {
  const parsed = parseNumber(text);
  if (!parsed || parsed.dash || parsed.percent || parsed.unit || parsed.footnote || parsed.negative === 'parens') return null;
  return { v: parsed.value, fmt: reportNumberFormat(parsed.decimals) };
}

function typeBodies(sheet: SheetGrid, tables: readonly Table[]): SheetGrid {
  const cells = sheet.cells.map((line) => [...line]);
  for (const t of tables) {
    if (t.kind === 'text') continue;
    for (let r = t.range.r0 + t.headerRows; r <= t.range.r1; r++) {
      for (let c = t.range.c0 + t.labelCols; c <= t.range.c1; c++) {
        const v = cells[r]?.[c]?.v;
        if (typeof v !== 'string') continue;
        const typed = typedFigure(v);
        if (typed) cells[r][c] = typed;
      }
    }
  }
  return { ...sheet, cells };
}

function registrySheet(entries: readonly RegistryEntry[]): SheetGrid {
  const cells: (Cell | null)[][] = [];
  for (const w of registrySheetWrites(undefined, entries)) {
    const line = (cells[w.row] ??= []);
    while (line.length < w.col) line.push(null);
    line[w.col] = w.value === null ? null : { v: w.value };
  }
  return { name: REGISTRY_SHEET, cells, merges: [], state: 'veryHidden' };
}

const MONEY = /원$/;
const UNIT_AFTER_DIGIT = new RegExp(`\\d\\s*(${[...UNIT_WORDS].sort((a, b) => b.length - a.length).join('|')})`, 'g');

/**
 * A unit for a table whose unit line names none: the money unit its figures are written in ('116건/ 4,817백만원'
 * → 백만원), else the unit its figures or its captions most often name ('4회', '정원 22명' → 명). A table of amounts
 * needs one to be registered; a table of counts that names none is registered without one (its figures are exact).
 */
export function guessUnit(sheet: SheetGrid, table: Table): string | undefined {
  const counts = new Map<string, number>();
  const add = (u: string | undefined) => u && counts.set(u, (counts.get(u) ?? 0) + 1);
  for (let r = table.range.r0 + table.headerRows; r <= table.range.r1; r++) {
    for (let c = table.range.c0 + table.labelCols; c <= table.range.c1; c++) {
      const n = readNumeric(sheet.cells[r]?.[c]);
      if (n.kind === 'number') add(n.parsed?.unit);
      if (n.kind === 'compound') n.parts.forEach((p) => add(p.unit));
    }
  }
  if (counts.size === 0) for (const caption of table.captions) for (const m of caption.text.matchAll(UNIT_AFTER_DIGIT)) add(m[1]);
  const units = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([u]) => u);
  return units.find((u) => MONEY.test(u)) ?? units[0];
}

function findingsIn(findings: readonly Finding[], sheet: string, range: CellRange): Finding[] {
  return findings.filter((f) => {
    const at = fromA1(f.cell);
    return f.sheet === sheet && at !== null && at.row >= range.r0 && at.row <= range.r1 && at.col >= range.c0 && at.col <= range.c1;
  });
}

/** Parse the report's text and build its workbook. A text with no tables gives no sheets. */
export function importReportText(text: string, options: ImportOptions = {}): ReportImport {
  const doc = parseReportText(text);
  const placed = placeReport(doc, { mergeHeaders: true }).sheets.filter((s) => s.cells.length > 0);
  // Detection on the laid-out text says which cells are the numeric body; the typed sheets are detected again below.
  const detected = checkWorkbook(placed);
  const sheets = placed.map((s) => typeBodies(s, detected.tables.filter((t) => t.sheet === s.name)));
  const result = checkWorkbook(sheets);
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const found = [...result.tables].sort((a, b) => (order.get(a.sheet)! - order.get(b.sheet)!) || a.range.r0 - b.range.r0 || a.range.c0 - b.range.c0);

  const now = options.now ?? '1970-01-01T00:00:00.000Z';
  const entries: RegistryEntry[] = [];
  const refused = (base: ImportedTable, problems: SpecProblem[]): ImportedTable => ({
    ...base,
    unregistered: problems.map((p) => `${p.path.join('.') || 'spec'}: ${p.message}`).join('; '),
    problems,
  });
  const tables: ImportedTable[] = found.map((t) => {
    const base: ImportedTable = { sheet: t.sheet, range: t.range, kind: t.kind, ...(t.title ? { title: t.title } : {}) };
    if (options.register === false) return refused(base, [{ code: 'register.not-asked', path: [], message: 'registration not asked for' }]);
    const sheet = sheets[order.get(t.sheet)!];
    // A table of counts whose unit line names none is registered without one (its figures are exact either way).
    const adopted = adoptTable(t, t.unit ? {} : { unit: guessUnit(sheet, t) });
    if (!adopted.ok) return refused(base, adopted.problems);
    // Registered tables are checked by their spec alone: one that cannot declare every relation detection finds
    // would lose checks, so it stays with detection.
    if (adopted.dropped > 0) {
      return refused(base, [{ code: 'register.undeclared-relations', path: ['relations'], params: { count: adopted.dropped }, message: `its spec cannot declare ${adopted.dropped} of its relations` }]);
    }
    const differs = specDifference(sheet, adopted.spec, t.range);
    if (differs) {
      return refused(base, [{ code: 'register.spec-differs', path: [], params: { reason: differs.reason, cell: differs.cell }, message: `the spec would not match the sheet (${differs.reason} at ${differs.cell})` }]);
    }
    const id = newTableId(t.kind, entries.map((e) => e.id));
    entries.push({ id, sheet: t.sheet, range: t.range, kind: t.kind, spec: adopted.spec, created: now, updated: now });
    return { ...base, id };
  });
  // A spec declares less than detection infers (compound components, say): a table that would check worse by its
  // spec than by detection stays unregistered, so the import never makes a clean report check dirty.
  if (entries.length > 0) {
    const errors = (f: Finding) => f.severity === 'error';
    const byDetection = result.findings.filter(errors);
    const bySpec = checkWorkbook([...sheets, registrySheet(entries)]).findings.filter(errors);
    for (const t of tables) {
      if (!t.id) continue;
      const worse = findingsIn(bySpec, t.sheet, t.range).length > findingsIn(byDetection, t.sheet, t.range).length;
      if (!worse) continue;
      entries.splice(entries.findIndex((e) => e.id === t.id), 1);
      delete t.id;
      Object.assign(t, refused(t, [{ code: 'register.checks-worse', path: [], message: 'its spec would check it with errors detection does not find' }]));
    }
  }
  const definedNames = entries.map((e) => ({ name: definedNameOf(e.id), reference: absoluteReference(e.sheet, e.range) }));
  return { doc, sheets: entries.length > 0 ? [...sheets, registrySheet(entries)] : sheets, tables, definedNames };
}
