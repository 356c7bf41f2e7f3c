/**
 * The consent bar on real inference: for generated tables with random cells changed (typed wrong, emptied, turned
 * into text), fill — every round of it — never writes over a typed constant that disagrees, unless told to.
 */
import fc from 'fast-check';
import type { Cell, SheetGrid } from '../grid/types';
import { readNumeric } from '../numbers';
import { planFillSettled } from '.';
import { checkWithAllRelations } from './test-support/all-relations';
import { CHANGE_TSV, COLLECTION_ZERO_TSV, GROUPED_TSV, GROWTH_TSV, shapeSheet } from './test-support/shapes';

const SHAPES = [CHANGE_TSV, COLLECTION_ZERO_TSV, GROUPED_TSV, GROWTH_TSV].map((tsv, i) => shapeSheet(`S${i}`, tsv));

const editArb = fc.record({
  row: fc.integer({ min: 2, max: 9 }),
  col: fc.integer({ min: 1, max: 4 }),
  cell: fc.oneof<fc.Arbitrary<Cell | null>[]>(
    fc.constant(null),
    fc.integer({ min: -500, max: 5000 }).map((v) => ({ v })),
    fc.constantFrom('-', '미정', '1,234').map((v) => ({ v })),
  ),
});

function edited(sheet: SheetGrid, edits: { row: number; col: number; cell: Cell | null }[]): SheetGrid {
  const rows = sheet.cells.map((l) => Array.from(l));
  for (const e of edits) {
    if (!rows[e.row] || e.col >= rows[e.row].length) continue;
    rows[e.row][e.col] = e.cell;
  }
  return { ...sheet, cells: rows };
}

test('property: no disagreeing typed constant is written over without overwrite', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: SHAPES.length - 1 }), fc.array(editArb, { maxLength: 6 }), (which, edits) => {
      const sheet = edited(SHAPES[which], edits);
      const plan = planFillSettled([sheet], (s) => checkWithAllRelations(s));
      for (const w of plan.writes) {
        const before = sheet.cells[w.row]?.[w.col];
        if (!before || before.f !== undefined) continue;
        const n = readNumeric(before);
        if (n.kind === 'empty') continue;
        // A typed constant may only become a formula that computes the very figure (or caption text) it states.
        // A rate left blank by a zero denominator agrees with a typed 0 or "-" (all three are the report's zero).
        const same = n.kind === 'number' ? n.value === w.value || (w.value === '' && n.value === 0) : before.v === w.value;
        expect([w.row, w.col, before.v, w.value, same]).toEqual([w.row, w.col, before.v, w.value, true]);
      }
      for (const c of plan.conflicts) expect(plan.writes.some((w) => w.sheet === c.sheet && `${w.row},${w.col}` === `${Number(c.cell.slice(1)) - 1},${c.cell.charCodeAt(0) - 65}`)).toBe(false);
    }),
    { numRuns: 60 },
  );
});
