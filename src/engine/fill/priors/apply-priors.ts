/**
 * Priors for fill, where the numbers have nothing to say: totals emptied (or never typed) leave inference without
 * a relation for a total cell, or with a membership it could not decide (is 비고 a part?). Then
 *  - the table kind's spec decides membership and names totals (legal advice: 합계 = 서면+전화+방문+비고(소송지휘));
 *  - a total label over its siblings names totals whose parts are all blank or "-" (계 over a year column with
 *    nothing in it), with the parts the numbers chose for the same total line elsewhere in the table.
 * A prior never overrides the numbers: it is not used where a total holds a figure it contradicts, nor anywhere
 * in a table where one of its equations is contradicted. Priors only feed fill (the checks never see them), so
 * they cannot make a finding.
 */
import type { CellRef, SheetGrid } from '../../grid/types';
import type { CheckResult } from '../../model/result';
import type { Relation, Table } from '../../model/table';
import { relationTarget } from '../../model/relation-target';
import { isRemarkLabel } from '../../labels';
import { figuresOf, type TableFigures } from '../../relations';
import { labelSkeleton, zeroedSheet } from './label-skeleton';
import { specEquations, type PriorEquation } from './spec-equations';

type SumRelation = Extract<Relation, { type: 'sum' }>;

const EPS = 1e-9;
const cellKey = (r: { row: number; col: number }) => `${r.row},${r.col}`;
const lineOf = (axis: 'row' | 'column' | 'cell', ref: CellRef) => (axis === 'row' ? ref.col : ref.row);
const crossOf = (axis: 'row' | 'column' | 'cell', ref: CellRef) => (axis === 'row' ? ref.row : ref.col);

/**
 * open: the total holds no figure (blank or "-" alone never decides); holds / fails: the total's figure against
 * its parts (within the rounding of coarse figures); unreadable: words, a compound cell, an error.
 */
type Verdict = 'open' | 'holds' | 'fails' | 'unreadable';

function verdict(figures: TableFigures, total: CellRef, parts: readonly CellRef[]): Verdict {
  const t = figures.figure(total);
  if (!t) return 'unreadable';
  if (t.empty) return 'open';
  let sum = 0;
  let rounded = figures.tableCoarse || t.rounded;
  let decimals = t.decimals;
  for (const p of parts) {
    const f = figures.figure(p);
    if (!f) return 'unreadable';
    sum += f.value;
    rounded ||= f.rounded;
    decimals = Math.max(decimals, f.decimals);
  }
  const tolerance = rounded ? (parts.length + 1) * 0.5 * 10 ** -decimals : 0;
  return Math.abs(t.value - sum) <= tolerance + EPS * Math.max(1, Math.abs(sum)) ? 'holds' : 'fails';
}

function sameParts(a: readonly CellRef[], b: readonly CellRef[]): boolean {
  const ka = new Set(a.map(cellKey));
  return ka.size === new Set(b.map(cellKey)).size && b.every((p) => ka.has(cellKey(p)));
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** What priors changed in one table: for tests and for saying so. */
export interface PriorChanges {
  /** Relations whose parts the spec decided (totals empty, so the numbers could not). */
  decided: number;
  /** Relations added for total cells inference left without one. */
  added: number;
}

/** One table with the priors' relations; `zeroed` is its sheet with table figures zeroed (see zeroedSheet). */
export function applyPriors(sheet: SheetGrid, zeroed: SheetGrid, table: Table): { table: Table; changes: PriorChanges } {
  const changes: PriorChanges = { decided: 0, added: 0 };
  // A registered table is filled by its own spec; a text table has nothing to fill.
  if (table.kind === 'text' || table.relations.some((r) => r.type !== 'caption' && r.evidence === 'spec')) return { table, changes };
  const figures = figuresOf(sheet, table);
  const plain = (r: SumRelation) => r.total.comp === undefined && r.parts.every((p) => p.comp === undefined);

  const specs = specEquations(table);
  const refutedSpec = new Set(specs.filter((e) => verdict(figures, e.total, e.parts) === 'fails').map((e) => e.family));
  const specByTotal = new Map<string, PriorEquation>();
  for (const e of specs) if (!refutedSpec.has(e.family) && !specByTotal.has(cellKey(e.total))) specByTotal.set(cellKey(e.total), e);

  // Membership: where no total of an inferred family contradicts the spec, the spec's parts stand.
  const relations = [...table.relations];
  const families = groupBy(
    relations.map((r, i) => ({ r, i })).filter((x): x is { r: SumRelation; i: number } => x.r.type === 'sum' && plain(x.r as SumRelation)),
    (x) => x.r.family,
  );
  for (const members of families.values()) {
    const spec = members.map((m) => specByTotal.get(cellKey(m.r.total)));
    if (spec.some((e, k) => !e || e.axis !== members[k].r.axis)) continue;
    if (members.every((m, k) => sameParts(m.r.parts, spec[k]!.parts))) continue;
    if (members.some((m, k) => { const v = verdict(figures, m.r.total, spec[k]!.parts); return v === 'fails' || v === 'unreadable'; })) continue;
    members.forEach((m, k) => {
      relations[m.i] = { ...m.r, parts: spec[k]!.parts, evidence: 'spec', family: `prior:${spec[k]!.family}` };
      changes.decided++;
    });
  }

  // Totals without any relation: the spec's equation first, then what the labels propose.
  const taken = new Set(relations.map((r) => cellKey(relationTarget(r))));
  const add = (rel: SumRelation) => {
    relations.push(rel);
    taken.add(cellKey(rel.total));
    changes.added++;
  };
  const usable = (total: CellRef, parts: readonly CellRef[]) => {
    if (taken.has(cellKey(total))) return false;
    const v = verdict(figures, total, parts);
    return v === 'open' || v === 'holds';
  };
  for (const e of specByTotal.values()) {
    if (usable(e.total, e.parts)) add({ type: 'sum', axis: e.axis, total: e.total, parts: e.parts, evidence: 'spec', family: `prior:${e.family}` });
  }

  // The parts the numbers chose for each total line (a family's equations share one set of part lines).
  const chosen = new Map<string, number[]>();
  for (const r of relations) {
    if (r.type !== 'sum' || !plain(r) || r.axis === 'cell') continue;
    const k = `${r.axis}:${lineOf(r.axis, r.total)}`;
    if (!chosen.has(k)) chosen.set(k, r.parts.map((p) => lineOf(r.axis, p)));
  }
  // A blank 비고 line is a place for remarks, not a figure a total label reaches across (budget size: 계 × 비고).
  const remarkColumns = new Set(table.columns.filter((c) => !c.isLabel && c.path.some(isRemarkLabel)).map((c) => c.col));
  const remarkRows = new Set(table.rows.filter((r) => r.path.some(isRemarkLabel)).map((r) => r.row));
  const onRemark = (r: SumRelation) => (r.axis === 'column' ? remarkColumns.has(r.total.col) : remarkRows.has(r.total.row));
  const skeleton = labelSkeleton(zeroed, table).filter((r) => !onRemark(r));
  for (const [k, proposed] of groupBy(skeleton, (r) => `${r.axis}:${lineOf(r.axis, r.total)}`)) {
    const lines = chosen.get(k);
    const at = (r: SumRelation, line: number): CellRef => (r.axis === 'row' ? { row: crossOf('row', r.total), col: line } : { row: line, col: crossOf('column', r.total) });
    const equations = proposed.map((r) => ({ r, parts: lines ? lines.map((line) => at(r, line)) : r.parts }));
    // A label reading the numbers turned down anywhere in the table is not taken up where they are silent.
    if (!lines && equations.some((e) => verdict(figures, e.r.total, e.parts) === 'fails')) continue;
    for (const e of equations) {
      if (usable(e.r.total, e.parts)) add({ ...e.r, parts: e.parts, family: `prior:${e.r.family}` });
    }
  }
  if (changes.added === 0 && changes.decided === 0) return { table, changes };
  return { table: { ...table, relations }, changes };
}

/** Every table of a check result with the priors' relations (what fill plans from). */
export function withFillPriors(sheets: readonly SheetGrid[], result: Pick<CheckResult, 'tables'>): Pick<CheckResult, 'tables'> {
  const bySheet = groupBy(result.tables.filter((t) => t.kind !== 'text'), (t) => t.sheet);
  const zeroed = new Map<string, SheetGrid>();
  const tables = result.tables.map((table) => {
    const sheet = sheets.find((s) => s.name === table.sheet);
    if (!sheet || table.kind === 'text') return table;
    let probe = zeroed.get(sheet.name);
    if (!probe) {
      probe = zeroedSheet(sheet, bySheet.get(sheet.name) ?? []);
      zeroed.set(sheet.name, probe);
    }
    return applyPriors(sheet, probe, table).table;
  });
  return { ...result, tables };
}
