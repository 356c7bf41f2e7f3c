/**
 * Fill until nothing new: relations found from labels and numbers may only show once the totals under them hold
 * figures (a 총계 over emptied 소계 rows), so plan, apply the writes to the grids, infer again and plan again.
 */
import type { SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import type { CheckResult } from '../model/result';
import { applyCellWrites } from '../undo/snapshot';
import { planWorkbookFill } from './plan-fill';
import { withFillPriors } from './priors';
import type { FillOptionsInput, FillPlan } from './types';

export const MAX_FILL_ROUNDS = 4;

export function planFillSettled(
  sheets: readonly SheetGrid[],
  infer: (sheets: SheetGrid[]) => Pick<CheckResult, 'tables'>,
  options?: FillOptionsInput,
  maxRounds = MAX_FILL_ROUNDS,
): FillPlan {
  const writes = new Map<string, CellWrite>();
  let current = [...sheets];
  let plan: FillPlan | null = null;
  for (let round = 0; round < maxRounds; round++) {
    // Where totals are blank the numbers cannot decide; the kind's spec and total labels do (priors).
    plan = planWorkbookFill(current, withFillPriors(current, infer(current)), options);
    const fresh = plan.writes.filter((w) => {
      const k = `${w.sheet}\u0000${w.row},${w.col}`;
      const before = writes.get(k);
      return !before || before.formula !== w.formula || before.value !== w.value;
    });
    for (const w of plan.writes) {
      const k = `${w.sheet}\u0000${w.row},${w.col}`;
      const before = writes.get(k);
      // A later round sees the format an earlier one set; keep it with the write.
      writes.set(k, before && w.fmt === undefined && before.fmt !== undefined ? { ...w, fmt: before.fmt } : w);
    }
    if (fresh.length === 0) break;
    current = applyCellWrites(current, fresh);
  }
  const final = plan!;
  return { ...final, writes: [...writes.values()] };
}
