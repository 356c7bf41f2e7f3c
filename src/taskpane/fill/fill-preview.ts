/**
 * The preview Fill shows before it writes anything: the plan without and with overwriting, sorted into totals,
 * rates, differences and captions by the relation each write completes. Loaded with the engine chunk (it imports
 * the engine), never at the pane's start-up.
 */
import { checkWorkbook, fromA1, planFillSettled, planWorkbookFill, type CellWrite, type Finding, type CheckScope, type RoundingPolicy, type SheetGrid, type Table } from '../../engine';
import type { FillCounts, FillPreview } from './fill.types';

type Kind = 'totals' | 'rates' | 'differences' | 'captions';

const cellKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

function kindsOf(tables: readonly Table[], into: Map<string, Kind>): void {
  for (const t of tables) {
    for (const rel of t.relations) {
      if (rel.type === 'sum') into.set(cellKey(t.sheet, rel.total.row, rel.total.col), 'totals');
      else if (rel.type === 'rate') into.set(cellKey(t.sheet, rel.target.row, rel.target.col), 'rates');
      else if (rel.type === 'diff') into.set(cellKey(t.sheet, rel.target.row, rel.target.col), 'differences');
      else into.set(cellKey(t.sheet, rel.caption.row, rel.caption.col), 'captions');
    }
  }
}

function countsOf(writes: readonly CellWrite[], kinds: Map<string, Kind>, sheets: readonly SheetGrid[]): FillCounts {
  const counts: FillCounts = { writes: writes.length, totals: 0, rates: 0, differences: 0, captions: 0, toFormulas: 0 };
  for (const w of writes) {
    counts[kinds.get(cellKey(w.sheet, w.row, w.col)) ?? 'totals'] += 1;
    const cell = sheets.find((s) => s.name === w.sheet)?.cells[w.row]?.[w.col];
    const typed = cell && cell.f === undefined && cell.error === undefined && cell.v !== null && cell.v !== '';
    if (typed && w.formula !== undefined) counts.toFormulas += 1;
  }
  return counts;
}

export function previewFill(sheets: SheetGrid[], options: { rounding: RoundingPolicy }, scope?: CheckScope): FillPreview {
  const kinds = new Map<string, Kind>();
  let tables = 0;
  let first = true;
  const infer = (current: SheetGrid[]) => {
    const result = checkWorkbook(current, { rounding: options.rounding }, scope);
    kindsOf(result.tables, kinds);
    if (first) tables = result.tables.length;
    first = false;
    return result;
  };
  const plan = planFillSettled(sheets, infer, { rounding: options.rounding, overwrite: false });
  // The settled plan reports the conflicts of its last round only; a constant left alone in the first round must
  // still be listed (the user decides about it), so the first round's conflicts are added.
  const firstRound = planWorkbookFill(sheets, checkWorkbook(sheets, { rounding: options.rounding }, scope), { rounding: options.rounding });
  const conflicts = mergeConflicts(plan.conflicts, firstRound.conflicts, plan.writes);
  const forced = conflicts.length > 0 ? planFillSettled(sheets, infer, { rounding: options.rounding, overwrite: true }) : plan;
  return {
    plannedOn: sheets,
    tables,
    writes: plan.writes,
    counts: countsOf(plan.writes, kinds, sheets),
    overwriteWrites: forced.writes,
    overwriteCounts: countsOf(forced.writes, kinds, sheets),
    conflicts,
  };
}

function mergeConflicts(last: Finding[], first: Finding[], writes: readonly CellWrite[]): Finding[] {
  const written = new Set(writes.map((w) => `${w.sheet}\u0000${w.row},${w.col}`));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...last, ...first]) {
    const k = `${f.sheet}!${f.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  // A cell the plan writes after all is not left alone.
  return out.filter((f) => {
    const at = fromA1(f.cell);
    return !at || !written.has(`${f.sheet}\u0000${at.row},${at.col}`);
  });
}
