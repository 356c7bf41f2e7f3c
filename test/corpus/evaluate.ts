/**
 * Measures the engine on a corpus against issue 2's bars: tables found with their exact header + body range,
 * no error findings on clean workbooks, planted faults found (an error on an accepted cell), and a changed
 * part of a two-way table named by sum.cell. Renders a report an engineer can reproduce each failure from.
 */
import { checkWorkbook, type CheckOptionsInput, type CheckResult, type CheckScope, type Finding, type SheetGrid } from '../../src/engine';
import { columnName, fromA1, rangeFromA1, rangeToA1 } from '../../src/engine/grid/a1';
import type { Corpus, CorpusFault, FaultKind, TruthTable } from './generate';
import { FAULT_KINDS } from './generate';
import { CORPUS_KINDS, type CorpusKind } from './kinds';

/** A faulty variant differs from its clean workbook on one sheet: only that sheet needs checking (scope). */
export type Checker = (sheets: SheetGrid[], scope?: CheckScope) => CheckResult;

export const defaultChecker =
  (options?: CheckOptionsInput): Checker =>
  (sheets, scope) =>
    checkWorkbook(sheets, options, scope);

export interface DetectionFailure {
  table: TruthTable;
  /** Detected ranges overlapping the true one (empty: missed altogether). */
  detected: string[];
  sheets: SheetGrid[];
}

export interface FalseError {
  workbook: string;
  finding: Finding;
  /** The true table the cell lies in (or under whose captions), if any. */
  table?: TruthTable;
  sheets: SheetGrid[];
}

export interface FaultOutcome {
  fault: CorpusFault;
  found: boolean;
  /** For a part of a two-way table: sum.cell named exactly that cell. */
  namedBySumCell?: boolean;
  findings: Finding[];
  /** Error findings on the faulty table that are not on an accepted cell (a miss that still saw something). */
  errorsElsewhere: Finding[];
}

export interface Tally {
  total: number;
  hit: number;
}

export interface Evaluation {
  seed: number;
  workbooks: number;
  tables: number;
  detection: { exact: number; total: number; failures: DetectionFailure[]; extras: { workbook: string; sheet: string; range: string; kind: string }[] };
  falseErrors: FalseError[];
  /** Clean tables with at least one error finding. */
  tablesWithFalseErrors: number;
  faults: FaultOutcome[];
  found: Tally;
  byFaultKind: Record<string, Tally>;
  byTableKind: Record<string, Tally>;
  sumCell: Tally;
}

function sheetOfTable(tables: TruthTable[], sheet: string, cell: string): TruthTable | undefined {
  const p = fromA1(cell);
  if (!p) return undefined;
  return tables.find((t) => {
    if (t.sheet !== sheet) return false;
    const r = rangeFromA1(t.range);
    // Captions sit up to four rows above the header and may start right of it (a right-aligned unit line).
    return !!r && p.row >= r.r0 - 4 && p.row <= r.r1 + 1 && p.col >= r.c0 && p.col <= r.c1;
  });
}

function overlaps(a: string, b: string): boolean {
  const x = rangeFromA1(a);
  const y = rangeFromA1(b);
  return !!x && !!y && x.r0 <= y.r1 && y.r0 <= x.r1 && x.c0 <= y.c1 && y.c0 <= x.c1;
}

function tally(): Tally {
  return { total: 0, hit: 0 };
}

export function evaluateCorpus(corpus: Corpus, check: Checker = defaultChecker()): Evaluation {
  const ev: Evaluation = {
    seed: corpus.seed,
    workbooks: corpus.workbooks.length,
    tables: corpus.workbooks.reduce((s, w) => s + w.tables.length, 0),
    detection: { exact: 0, total: 0, failures: [], extras: [] },
    falseErrors: [],
    tablesWithFalseErrors: 0,
    faults: [],
    found: tally(),
    byFaultKind: Object.fromEntries(FAULT_KINDS.map((k) => [k, tally()])),
    byTableKind: Object.fromEntries(CORPUS_KINDS.map((k) => [k, tally()])),
    sumCell: tally(),
  };
  for (const wb of corpus.workbooks) {
    const result = check(wb.sheets);
    const detected = result.tables.map((t) => ({ sheet: t.sheet, range: rangeToA1(t.range), kind: t.kind }));
    for (const truth of wb.tables) {
      ev.detection.total++;
      const same = detected.filter((d) => d.sheet === truth.sheet && overlaps(d.range, truth.range));
      if (same.length === 1 && same[0].range === truth.range) ev.detection.exact++;
      else ev.detection.failures.push({ table: truth, detected: same.map((d) => d.range), sheets: wb.sheets });
    }
    for (const d of detected) {
      if (!wb.tables.some((t) => t.sheet === d.sheet && overlaps(t.range, d.range))) ev.detection.extras.push({ workbook: wb.id, ...d });
    }
    const withErrors = new Set<string>();
    for (const f of result.findings) {
      if (f.severity !== 'error') continue;
      const table = sheetOfTable(wb.tables, f.sheet, f.cell);
      if (table) withErrors.add(table.id);
      ev.falseErrors.push({ workbook: wb.id, finding: f, table, sheets: wb.sheets });
    }
    ev.tablesWithFalseErrors += withErrors.size;
  }
  for (const fault of corpus.faults) {
    const result = check(fault.sheets, { sheet: fault.sheet });
    const findings = result.findings.filter((f) => f.sheet === fault.sheet);
    const found = findings.some((f) => f.severity === 'error' && fault.acceptable.includes(f.cell));
    const truth = corpus.workbooks.find((w) => w.id === fault.workbook)?.tables.find((t) => t.id === fault.table);
    const errorsElsewhere = findings.filter(
      (f) => f.severity === 'error' && !fault.acceptable.includes(f.cell) && !!truth && !!sheetOfTable([truth], f.sheet, f.cell),
    );
    const outcome: FaultOutcome = { fault, found, findings, errorsElsewhere };
    ev.found.total++;
    ev.byFaultKind[fault.kind].total++;
    ev.byTableKind[fault.tableKind].total++;
    if (found) {
      ev.found.hit++;
      ev.byFaultKind[fault.kind].hit++;
      ev.byTableKind[fault.tableKind].hit++;
    }
    if (fault.kind === 'part' && fault.twoWayPart) {
      outcome.namedBySumCell = findings.some((f) => f.rule === 'sum.cell' && f.cell === fault.cell);
      ev.sumCell.total++;
      if (outcome.namedBySumCell) ev.sumCell.hit++;
    }
    ev.faults.push(outcome);
  }
  return ev;
}

export const BARS = { found: 0.95, sumCell: 0.8 } as const;

export function share(t: Tally): number {
  return t.total === 0 ? 1 : t.hit / t.total;
}

function pct(t: Tally): string {
  return t.total === 0 ? 'n/a' : `${((100 * t.hit) / t.total).toFixed(1)}% (${t.hit}/${t.total})`;
}

/** The region of a sheet around a table (captions above, a note below) as TSV with row numbers and column letters. */
export function tableAsTsv(sheets: SheetGrid[], sheet: string, range: string, extra: { above?: number; below?: number } = {}): string {
  const g = sheets.find((s) => s.name === sheet);
  const r = rangeFromA1(range);
  if (!g || !r) return '(no such sheet or range)';
  const r0 = Math.max(0, r.r0 - (extra.above ?? 4));
  const r1 = r.r1 + (extra.below ?? 1);
  const c0 = r.c0;
  const c1 = r.c1;
  const lines = [['', ...Array.from({ length: c1 - c0 + 1 }, (_, k) => columnName(c0 + k))].join('\t')];
  for (let row = r0; row <= r1; row++) {
    const fields = [];
    for (let col = c0; col <= c1; col++) {
      const cell = g.cells[row]?.[col];
      if (!cell || (cell.v === null && !cell.error)) fields.push('');
      else if (cell.error) fields.push(cell.error);
      // An apostrophe marks a figure stored as text, as Excel's formula bar does.
      else if (typeof cell.v === 'string' && /^\s*[△(-]?[\d,.]+\)?\s*$/.test(cell.v)) fields.push(`'${cell.v}`);
      else fields.push(String(cell.v).replace(/\n/g, '⏎') + (cell.fmt?.includes('%') ? ` [${cell.fmt}]` : ''));
    }
    lines.push([String(row + 1), ...fields].join('\t'));
  }
  const merges = g.merges.filter((m) => m.r0 <= r1 && m.r1 >= r0 && m.c0 <= c1 && m.c1 >= c0).map((m) => rangeToA1(m));
  return lines.join('\n') + (merges.length > 0 ? `\nmerges: ${merges.join(' ')}` : '\nmerges: none');
}

function describeFinding(f: Finding): string {
  const rel = f.related && f.related.length > 0 ? ` related ${f.related.slice(0, 8).join(',')}${f.related.length > 8 ? '…' : ''}` : '';
  return `${f.severity} ${f.rule} ${f.sheet}!${f.cell} expected ${JSON.stringify(f.expected)} actual ${JSON.stringify(f.actual)}${rel}`;
}

function fence(text: string): string {
  return '```\n' + text + '\n```';
}

function tableById(corpus: Corpus, id: string): TruthTable | undefined {
  for (const wb of corpus.workbooks) for (const t of wb.tables) if (t.id === id) return t;
  return undefined;
}

function styleOf(t: TruthTable): string {
  const s = t.style;
  return `${s.merged ? 'merged' : 'unmerged'}, text figures ${Math.round(s.textShare * 100)}%, zero ${s.zero}, negative ${s.negative}${s.rateText ? ', rates as text' : ''}${s.unitRight ? ', unit line at right' : ''}${s.gapAfterCaptions ? ', blank row under captions' : ''}${s.wrapHeaders ? ', headers wrapped' : ''}${s.mergeTitle ? ', title merged' : ''}${s.spacedHeaders ? ', headers spaced' : ''}${s.paddedText ? ', text padded' : ''}${s.rateFraction ? ', rates as % fractions' : ''}`;
}

/** The numbers in a few lines (for a test's failure message). */
export function summary(ev: Evaluation): string {
  return [
    `seed ${ev.seed}: ${ev.tables} tables in ${ev.workbooks} workbooks, ${ev.found.total} faulty variants`,
    `detection exact ${ev.detection.exact}/${ev.detection.total}`,
    `false errors on clean workbooks: ${ev.falseErrors.length} (in ${ev.tablesWithFalseErrors} tables)`,
    `planted faults found: ${pct(ev.found)}`,
    `two-way part named by sum.cell: ${pct(ev.sumCell)}`,
  ].join('\n');
}

export function renderReport(corpus: Corpus, ev: Evaluation, options: { title?: string; maxCases?: number } = {}): string {
  const max = options.maxCases ?? 30;
  const out: string[] = [];
  out.push(`# ${options.title ?? 'Corpus report'}`, '');
  out.push('Generated by test/corpus (seeded; rerun with the same seed to reproduce). Bars from issue 2.', '');
  out.push('| measure | value | bar |', '|---|---|---|');
  out.push(`| tables found with exact header+body range | ${ev.detection.exact}/${ev.detection.total} | all |`);
  out.push(`| error findings on clean workbooks | ${ev.falseErrors.length} (in ${ev.tablesWithFalseErrors} tables) | 0 |`);
  out.push(`| planted faults found | ${pct(ev.found)} | ≥ 95% |`);
  out.push(`| two-way part named by sum.cell | ${pct(ev.sumCell)} | ≥ 80% |`, '');
  out.push('## Found by fault kind', '', '| fault | found |', '|---|---|');
  for (const k of FAULT_KINDS) out.push(`| ${k} | ${pct(ev.byFaultKind[k])} |`);
  out.push('', '## Found by table kind', '', '| table kind | found | detection exact | false errors (clean) |', '|---|---|---|---|');
  for (const k of CORPUS_KINDS) {
    const all = corpus.workbooks.flatMap((w) => w.tables).filter((t) => t.kind === k);
    const bad = ev.detection.failures.filter((f) => f.table.kind === k).length;
    const fe = ev.falseErrors.filter((f) => f.table?.kind === k).length;
    out.push(`| ${k} | ${pct(ev.byTableKind[k])} | ${all.length - bad}/${all.length} | ${fe} |`);
  }
  out.push('');

  // Patterns first: what an engineer fixes is a pattern, the cases below are its evidence.
  const falseByRule = countBy(ev.falseErrors, (f) => `${f.finding.rule} on ${f.table?.kind ?? '(outside tables)'}`);
  const missByKind = countBy(
    ev.faults.filter((o) => !o.found),
    (o) => `${o.fault.kind} in ${o.fault.tableKind}`,
  );
  out.push('## Failure patterns', '');
  out.push('False errors (rule on table kind): ' + (falseByRule.length ? falseByRule.map(([k, n]) => `${k} ×${n}`).join('; ') : 'none'), '');
  out.push('Missed faults (fault in table kind): ' + (missByKind.length ? missByKind.map(([k, n]) => `${k} ×${n}`).join('; ') : 'none'), '');
  const missed = ev.faults.filter((o) => !o.found);
  if (missed.length > 0) {
    const elsewhere = countBy(
      missed.filter((o) => o.errorsElsewhere.length > 0),
      (o) => `${o.fault.kind} → ${Array.from(new Set(o.errorsElsewhere.map((f) => f.rule))).join('+')}`,
    );
    out.push(
      `Of the missed: ${missed.filter((o) => o.errorsElsewhere.length === 0).length} with no error on the table at all; ` +
        `${missed.length - missed.filter((o) => o.errorsElsewhere.length === 0).length} with an error elsewhere on it` +
        (elsewhere.length ? ` (${elsewhere.map(([k, n]) => `${k} ×${n}`).join('; ')})` : ''),
      '',
    );
  }
  const unnamedParts = ev.faults.filter((o) => o.namedBySumCell === false);
  if (unnamedParts.length > 0) {
    const said = countBy(unnamedParts, (o) => {
      const rules = o.findings.filter((f) => f.severity === 'error' && f.rule.startsWith('sum.')).map((f) => (f.rule === 'sum.cell' ? 'sum.cell elsewhere' : f.rule));
      return rules.length ? Array.from(new Set(rules)).sort().join('+') : 'no sum error';
    });
    out.push(`Two-way parts not named (what was said instead): ${said.map(([k, n]) => `${k} ×${n}`).join('; ')}`, '');
  }
  out.push(
    'Detection (table kind): ' +
      (ev.detection.failures.length ? countBy(ev.detection.failures, (f) => (f.detected.length === 0 ? `missed ${f.table.kind}` : `wrong range ${f.table.kind}`)).map(([k, n]) => `${k} ×${n}`).join('; ') : 'all exact'),
    '',
  );

  out.push(`## Detection failures (${ev.detection.failures.length})`, '');
  for (const f of ev.detection.failures.slice(0, max)) {
    out.push(`### ${f.table.id} (${f.table.kind}, ${f.table.placement})`, '');
    out.push(`true range ${f.table.range}; detected ${f.detected.length ? f.detected.join(', ') : 'nothing overlapping'}; style: ${styleOf(f.table)}`, '');
    out.push(fence(tableAsTsv(f.sheets, f.table.sheet, f.table.range)), '');
  }
  if (ev.detection.extras.length > 0) {
    out.push(`Tables detected where none is: ${ev.detection.extras.slice(0, max).map((e) => `${e.workbook}/${e.sheet}!${e.range} (${e.kind})`).join(', ')}`, '');
  }

  out.push(`## False errors on clean workbooks (${ev.falseErrors.length})`, '');
  for (const f of ev.falseErrors.slice(0, max)) {
    out.push(`### ${f.workbook}/${f.finding.sheet}!${f.finding.cell}: ${f.finding.rule} (${f.table?.kind ?? 'outside any table'})`, '');
    out.push(describeFinding(f.finding), '');
    if (f.table) {
      out.push(`table ${f.table.id}, range ${f.table.range}, ${f.table.placement}, style: ${styleOf(f.table)}`, '');
      out.push(fence(tableAsTsv(f.sheets, f.table.sheet, f.table.range)), '');
    }
  }

  const misses = ev.faults.filter((o) => !o.found);
  out.push(`## Planted faults not found (${misses.length})`, '');
  for (const o of misses.slice(0, max)) writeFaultCase(out, corpus, o);

  const unnamed = ev.faults.filter((o) => o.namedBySumCell === false);
  out.push(`## Two-way parts not named by sum.cell (${unnamed.length})`, '');
  for (const o of unnamed.slice(0, max)) writeFaultCase(out, corpus, o);
  return out.join('\n') + '\n';
}

function writeFaultCase(out: string[], corpus: Corpus, o: FaultOutcome): void {
  const t = tableById(corpus, o.fault.table);
  out.push(`### ${o.fault.id}: ${o.fault.description}`, '');
  out.push(`table kind ${o.fault.tableKind}; accepted cells ${o.fault.acceptable.join(', ')}${t ? `; range ${t.range}; ${t.placement}; style: ${styleOf(t)}` : ''}`, '');
  if (t) out.push(fence(tableAsTsv(o.fault.sheets, t.sheet, t.range)), '');
  const near = t ? o.findings.filter((f) => sheetOfTable([t], f.sheet, f.cell)) : o.findings;
  out.push('findings on the table:', '');
  out.push(near.length ? near.map((f) => `- ${describeFinding(f)}`).join('\n') : '- (none)', '');
}

function countBy<T>(items: T[], key: (x: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

export type { FaultKind, CorpusKind };
