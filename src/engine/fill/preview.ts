/** What the pane's Fill preview shows before anything is written: counts per sheet and the cells left alone. */
import type { FillPlan } from './types';

export interface FillPreview {
  formulas: number;
  constants: number;
  conflicts: number;
  /** Compound or label cells whose text no longer matches its figures (fill says what they should read). */
  textToEdit: number;
  skipped: number;
  bySheet: { sheet: string; writes: number; conflicts: number }[];
  /** The cells fill will not touch because they disagree, for the preview's list (A1 with sheet). */
  untouched: { sheet: string; cell: string; expected: number | string | null; actual: number | string | null }[];
}

export function previewFill(plan: FillPlan): FillPreview {
  const sheets = new Map<string, { sheet: string; writes: number; conflicts: number }>();
  const entry = (sheet: string) => {
    let e = sheets.get(sheet);
    if (!e) {
      e = { sheet, writes: 0, conflicts: 0 };
      sheets.set(sheet, e);
    }
    return e;
  };
  for (const w of plan.writes) entry(w.sheet).writes++;
  for (const c of plan.conflicts) entry(c.sheet).conflicts++;
  return {
    formulas: plan.writes.filter((w) => w.formula !== undefined).length,
    constants: plan.writes.filter((w) => w.formula === undefined).length,
    conflicts: plan.conflicts.length,
    textToEdit: plan.compound.filter((c) => !c.agrees).length,
    skipped: plan.skipped.length,
    bySheet: [...sheets.values()],
    untouched: plan.conflicts.map((c) => ({ sheet: c.sheet, cell: c.cell, expected: c.expected ?? null, actual: c.actual ?? null })),
  };
}
