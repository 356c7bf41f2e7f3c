/**
 * Where a table sits must not change what is detected: any offset, and another table beside it (an empty column
 * between) or below it give the same layout, moved.
 */
import fc from 'fast-check';
import type { SheetGrid } from '../grid/types';
import type { TableLayout } from '../model/table';
import { gridFromTsv, sheet, type Plain } from '../test-support';
import { toA1 } from '../grid/a1';
import { detectTables } from '.';
import { REFERENCE_TABLES } from './test-data/reference-report';

const NAMES = Object.keys(REFERENCE_TABLES);

function rowsOf(name: string): Plain[][] {
  const g = gridFromTsv(REFERENCE_TABLES[name].tsv);
  return g.cells.map((line) => line.map((cell) => cell ?? null));
}

function widthOf(rows: Plain[][]): number {
  return Math.max(...rows.map((r) => r.length));
}

/** A layout with every coordinate moved back by (dr, dc) and the sheet name dropped, for comparing placements. */
function relative(t: TableLayout, dr: number, dc: number): unknown {
  return {
    range: { r0: t.range.r0 - dr, c0: t.range.c0 - dc, r1: t.range.r1 - dr, c1: t.range.c1 - dc },
    headerRows: t.headerRows,
    labelCols: t.labelCols,
    kind: t.kind,
    title: t.title,
    unit: t.unit,
    captions: t.captions.map((c) => ({ ...c, row: c.row - dr, col: c.col - dc })),
    headers: t.headers.map((h) => ({ ...h, row: h.row - dr, col: h.col - dc })),
    columns: t.columns.map((c) => ({ ...c, col: c.col - dc })),
    rows: t.rows.map((r) => ({ ...r, row: r.row - dr })),
  };
}

const alone = new Map<string, unknown>();
function detectedAlone(name: string): unknown {
  if (!alone.has(name)) {
    const tables = detectTables(gridFromTsv(REFERENCE_TABLES[name].tsv));
    alone.set(name, tables.map((t) => relative(t, 0, 0)));
  }
  return alone.get(name);
}

function place(blocks: { name: string; row: number; col: number }[]): SheetGrid {
  return sheet(
    'S',
    blocks.map((b) => ({ at: toA1(b.row, b.col), rows: rowsOf(b.name) })),
  );
}

test('any offset gives the same tables, moved', () => {
  fc.assert(
    fc.property(fc.constantFrom(...NAMES), fc.nat(40), fc.nat(12), (name, row, col) => {
      const tables = detectTables(place([{ name, row, col }]));
      expect(tables.map((t) => relative(t, row, col))).toEqual(detectedAlone(name));
    }),
    { numRuns: 60 },
  );
});

test('two tables side by side, an empty column or more between them, are not glued', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...NAMES),
      fc.constantFrom(...NAMES),
      fc.integer({ min: 1, max: 3 }),
      fc.nat(6),
      fc.nat(6),
      (left, right, gap, leftRow, rightRow) => {
        const rightCol = widthOf(rowsOf(left)) + gap;
        const tables = detectTables(
          place([
            { name: left, row: leftRow, col: 0 },
            { name: right, row: rightRow, col: rightCol },
          ]),
        );
        const leftTables = tables.filter((t) => t.range.c1 < rightCol);
        const rightTables = tables.filter((t) => t.range.c0 >= rightCol);
        expect(leftTables.length + rightTables.length).toBe(tables.length);
        expect(leftTables.map((t) => relative(t, leftRow, 0))).toEqual(detectedAlone(left));
        expect(rightTables.map((t) => relative(t, rightRow, rightCol))).toEqual(detectedAlone(right));
      },
    ),
    { numRuns: 60 },
  );
});

test('two tables one under the other, two blank rows between, keep their own captions', () => {
  fc.assert(
    fc.property(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), fc.nat(5), (upper, lower, col) => {
      const lowerRow = rowsOf(upper).length + 2;
      const tables = detectTables(
        place([
          { name: upper, row: 0, col },
          { name: lower, row: lowerRow, col },
        ]),
      );
      const top = tables.filter((t) => t.range.r1 < lowerRow);
      const bottom = tables.filter((t) => t.range.r0 >= lowerRow);
      expect(top.map((t) => relative(t, 0, col))).toEqual(detectedAlone(upper));
      expect(bottom.map((t) => relative(t, lowerRow, col))).toEqual(detectedAlone(lower));
    }),
    { numRuns: 60 },
  );
});
