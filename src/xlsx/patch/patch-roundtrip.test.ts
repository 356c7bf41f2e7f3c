/**
 * The patcher against the pure model: for random grids and random writes, the package read back holds exactly
 * what applyCellWrites says (values, formulas, errors, formats), and patching the undo writes gives back the cells
 * that were there.
 */
import fc from 'fast-check';
import { applyCellWrites, snapshotCells, undoWrites, type Cell, type CellWrite, type SheetGrid } from '../../engine';
import { readWorkbookBuffer } from '../read-workbook';
import { gridsToXlsxBuffer } from '../write-grids';
import { patchXlsxPackage } from '.';

const FORMATS = ['#,##0;"△"#,##0;"-"', '0.0', '0.0%', '#,##0'];

const cellArb: fc.Arbitrary<Cell | null> = fc.oneof<fc.Arbitrary<Cell | null>[]>(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }).map((v) => ({ v })),
  fc.constantFrom('계', '구비', '△1,200', '-', '<&>"').map((v) => ({ v })),
  fc.record({ v: fc.integer({ min: 0, max: 99 }), fmt: fc.constantFrom(...FORMATS) }),
  fc.constantFrom('#REF!', '#DIV/0!').map((error) => ({ v: null, error })),
);

const gridArb: fc.Arbitrary<SheetGrid> = fc
  .array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 })
  .map((cells) => ({ name: '표', cells, merges: [] }));

const writeArb: fc.Arbitrary<CellWrite> = fc
  .record({
    row: fc.integer({ min: 0, max: 6 }),
    col: fc.integer({ min: 0, max: 5 }),
    kind: fc.constantFrom('sum', 'number', 'text', 'blank-rate', 'clear'),
    n: fc.integer({ min: -5000, max: 5000 }),
    fmt: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
  })
  .map(({ row, col, kind, n, fmt }) => {
    const w: CellWrite = { sheet: '표', row, col, value: n };
    if (kind === 'sum') w.formula = 'SUM(A1:A2)';
    if (kind === 'text') w.value = `□ 소요예산 : ${n}천원 & <합계>`;
    if (kind === 'blank-rate') Object.assign(w, { formula: 'IF(B1=0,"",ROUND(A1/B1*100,1))', value: '' });
    if (kind === 'clear') Object.assign(w, { value: null, fmt: 'General' });
    else if (fmt) w.fmt = fmt;
    return w;
  });

/** A cell as the reader gives it back, without what a file cannot tell apart from empty. */
function normal(sheets: SheetGrid[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  sheets[0].cells.forEach((line, r) =>
    line.forEach((c, col) => {
      if (!c) return;
      const v = c.v === '' ? null : c.v;
      if (v === null && c.f === undefined && c.error === undefined) return;
      out[`${r},${col}`] = { v, f: c.f, error: c.error, fmt: c.fmt };
    }),
  );
  return out;
}

test('property: a patched package reads back as the writes say, and the undo writes restore it', async () => {
  await fc.assert(
    fc.asyncProperty(gridArb, fc.array(writeArb, { minLength: 1, maxLength: 8 }), async (sheet, writes) => {
      const input = new Uint8Array(await gridsToXlsxBuffer([sheet]));
      const original = await readWorkbookBuffer(input);
      const { bytes } = await patchXlsxPackage(input, writes, { sheets: original });
      const patched = await readWorkbookBuffer(bytes);
      expect(normal(patched)).toEqual(normal(applyCellWrites(original, writes)));
      const undo = undoWrites(snapshotCells(original, writes, { time: 't' }));
      const restored = await readWorkbookBuffer((await patchXlsxPackage(bytes, undo, { sheets: patched })).bytes);
      expect(normal(restored)).toEqual(normal(original));
    }),
    {
      numRuns: 25,
      examples: [
        // Found by CI: a cell written twice in one batch, the second write leaving the format alone.
        [
          { name: '표', cells: [[{ v: null, error: '#REF!' }]], merges: [] },
          [
            { sheet: '표', row: 3, col: 3, value: 0, formula: 'SUM(A1:A2)', fmt: '#,##0;"△"#,##0;"-"' },
            { sheet: '표', row: 3, col: 3, value: 0, formula: 'SUM(A1:A2)' },
            { sheet: '표', row: 0, col: 0, value: 0, formula: 'SUM(A1:A2)' },
          ],
        ],
      ],
    },
  );
}, 60000);
