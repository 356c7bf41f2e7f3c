import { applyCellWrites, toA1, type SheetGrid } from '../../engine';
import { grid } from '../../engine/test-support';
import { previewFill } from './fill-preview';

const FMT = '#,##0;"△"#,##0;"-"';

/** DESIGN.md's budget table at B4:G8 (계, 시비, 구비 × 2020–2023 and 합계) with the given total cells. */
function budget(totals: { c6?: unknown; c7?: unknown; c8?: unknown; d6?: unknown } = {}): SheetGrid {
  const n = (v: number) => ({ v, fmt: FMT });
  const t = (x: unknown) => (x === undefined ? null : typeof x === 'number' ? n(x) : (x as never));
  return grid(
    [
      ['□ 2021년 소요예산 : 32,300천원'],
      [null, null, null, null, null, '(단위 : 천원)'],
      ['재원별', '합계', '연차별 소요재원'],
      [null, null, '2020년', '2021년', '2022년', '2023년'],
      ['계', t(totals.c6), t(totals.d6), null, null, null],
      ['시비', t(totals.c7), n(0), n(16150), n(24500), n(24500)],
      ['구비', t(totals.c8), n(0), n(16150), n(24500), n(24500)],
    ],
    { name: '기획예산과', at: 'B2', merges: ['B4:B5', 'C4:C5', 'D4:G4'] },
  );
}

describe('previewFill (the real engine)', () => {
  it('an emptied table: every row and column total to write, as formulas', () => {
    const preview = previewFill([budget()], { rounding: 'half-up' });
    const cells = preview.writes.map((w) => toA1(w.row, w.col)).sort();
    // The caption (kept in step with the 계 row's 2021년 cell), the 계 row (D6:G6), the 합계 column (C7, C8), the corner.
    expect(cells).toEqual(['B2', 'C6', 'C7', 'C8', 'D6', 'E6', 'F6', 'G6']);
    // The caption is typed text that agrees with the table: it becomes a formula.
    expect(preview.counts).toMatchObject({ writes: 8, totals: 7, captions: 1, rates: 0, differences: 0, toFormulas: 1 });
    expect(preview.conflicts).toEqual([]);
    expect(preview.tables).toBe(1);
    const filled = applyCellWrites([budget()], preview.writes)[0];
    expect(filled.cells[6][2]).toMatchObject({ v: 65150, f: expect.stringMatching(/^SUM\(/) });
  });

  it('a typed constant that agrees becomes a formula; one that disagrees is a conflict, written only with overwrite', () => {
    const preview = previewFill([budget({ c7: 65150, c8: 65000 })], { rounding: 'half-up' });
    expect(preview.counts.toFormulas).toBe(2); // C7 and the caption
    expect(preview.writes.some((w) => toA1(w.row, w.col) === 'C8')).toBe(false);
    expect(preview.conflicts).toEqual([expect.objectContaining({ rule: 'fill.conflict', cell: 'C8', expected: 65150, actual: 65000 })]);
    expect(preview.overwriteWrites.some((w) => toA1(w.row, w.col) === 'C8')).toBe(true);
    expect(preview.overwriteCounts.toFormulas).toBe(3);
    expect(preview.overwriteCounts.writes).toBe(preview.counts.writes + 1);
  });

  it('a scope covers only the tables it overlaps', () => {
    const other = { ...budget(), name: '다른 시트' };
    const all = previewFill([budget(), other], { rounding: 'half-up' });
    const one = previewFill([budget(), other], { rounding: 'half-up' }, { sheet: '다른 시트', range: { r0: 6, c0: 3, r1: 6, c1: 3 } });
    expect(one.writes.length * 2).toBe(all.writes.length);
    expect(new Set(one.writes.map((w) => w.sheet))).toEqual(new Set(['다른 시트']));
  });
});
