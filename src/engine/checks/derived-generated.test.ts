/**
 * Generated tables of the kinds other departments keep (local-tax collection with 징수율, arrears with 정리율,
 * year-on-year tables with 증감 and 증감률), laid out at random offsets, figures as numbers or as text: clean
 * ones check without errors, and a changed rate or 증감 cell is named.
 */
import fc from 'fast-check';
import { toA1 } from '../grid/a1';
import { sheet as sheetOf, type Plain } from '../test-support/grid-builder';
import { handLayout } from '../test-support/hand-layout';
import type { Table } from '../model/table';
import { roundToDecimalString } from '../numbers/rounding';
import { inferDiffRelations } from '../relations/diffs';
import { inferRateRelations } from '../relations/rates';
import { checkDiffs } from './diffs';
import { checkRates } from './rates';

type Shape = 'collection' | 'arrears' | 'year-on-year';

interface Generated {
  rows: Plain[][];
  /** Column index (within the table) of the derived figures that can be planted with a fault. */
  derivedCols: number[];
}

function grouped(n: number): string {
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `△${s}` : s;
}

function build(shape: Shape, items: [number, number][], asText: boolean): Generated {
  const fig = (n: number): Plain => (asText ? grouped(n) : n);
  const pct = (n: number, d: number): Plain => (d === 0 ? '-' : roundToDecimalString((n * 100) / d, 1, 'half-up'));
  const total: [number, number] = items.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
  const all = [total, ...items];
  const names = ['계', ...items.map((_, i) => `항목${i + 1}`)];
  if (shape === 'collection') {
    // 부과액 a, 징수액 b ≤ a, 미수납액 a − b, 징수율 b / a.
    return {
      rows: [['세목', '부과액', '징수액', '미수납액', '징수율(%)'], ...all.map(([a, b], i) => [names[i], fig(a), fig(b), fig(a - b), pct(b, a)])],
      derivedCols: [4],
    };
  }
  if (shape === 'arrears') {
    return {
      rows: [['구분', '체납액', '정리액', '정리율(%)', '잔액'], ...all.map(([a, b], i) => [names[i], fig(a), fig(b), pct(b, a), fig(a - b)])],
      derivedCols: [3],
    };
  }
  return {
    rows: [
      ['구분', '2019년', '2020년', '증감', '증감률(%)'],
      ...all.map(([a, b], i) => [names[i], fig(a), fig(b), fig(b - a), a === 0 ? '-' : roundToDecimalString(((b - a) * 100) / a, 1, 'half-up')]),
    ],
    derivedCols: [3, 4],
  };
}

const itemsArb = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 100 })).map(([a, share]) => [a, Math.floor((a * share) / 100)] as [number, number]),
  { minLength: 1, maxLength: 6 },
);
const caseArb = fc.record({
  shape: fc.constantFrom<Shape>('collection', 'arrears', 'year-on-year'),
  items: itemsArb,
  asText: fc.boolean(),
  row: fc.integer({ min: 0, max: 20 }),
  col: fc.integer({ min: 0, max: 5 }),
});

function check(rows: Plain[][], at: { row: number; col: number }) {
  const origin = toA1(at.row, at.col);
  const g = sheetOf('세무과', [{ at: origin, rows }]);
  const range = `${origin}:${toA1(at.row + rows.length - 1, at.col + rows[0].length - 1)}`;
  const layout = handLayout(g, { range, headerRows: 1, labelCols: 1, unit: '천원' });
  const table: Table = { ...layout, relations: [...inferRateRelations(g, layout), ...inferDiffRelations(g, layout)] };
  return { table, findings: [...checkRates(g, table, {}), ...checkDiffs(g, table, {})] };
}

describe('generated department tables', () => {
  test('clean tables check clean, with their derived figures related', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, items, asText, row, col }) => {
        const { rows, derivedCols } = build(shape, items, asText);
        const { table, findings } = check(rows, { row, col });
        expect(findings).toEqual([]);
        // Every derived column is related on every body row (계 included).
        expect(table.relations.length).toBe(derivedCols.length * rows.length - derivedCols.length);
      }),
      { numRuns: 150 },
    );
  });

  // A rate lowered by one unit of its last decimal may be the truncated figure (a warning); two units or more is not.
  test('a changed rate or 증감 cell is an error on that cell', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -40, max: -2 })), ({ shape, items, asText, row, col }, pick, by) => {
        const { rows, derivedCols } = build(shape, items, asText);
        const r = 1 + (pick % (rows.length - 1));
        const c = derivedCols[pick % derivedCols.length];
        const before = rows[r][c];
        const isRate = c === rows[0].length - 1 || shape !== 'year-on-year';
        const old = before === '-' ? 0 : Number(String(before).replace(/[,△]/g, '')) * (String(before).startsWith('△') ? -1 : 1);
        // One unit toward zero is the truncated figure: for a negative rate that is +1, so the change is mirrored.
        const step = isRate && old < 0 ? -by : by;
        rows[r][c] = isRate ? (old + step / 10).toFixed(1) : grouped(old + step);
        const { findings } = check(rows, { row, col });
        const cell = toA1(row + r, col + c);
        expect(findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toContain(cell);
      }),
      { numRuns: 150 },
    );
  });
});
