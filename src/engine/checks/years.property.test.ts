/**
 * checkYears settles the usual clean run of years straight from the layout: it must report a sequence problem on
 * an axis exactly when one of yearSequences' sequences has one (the way it finds which, when one does).
 */
import fc from 'fast-check';
import type { TableLayout } from '../model/table';
import { layoutFromLines } from '../test-support/lines-layout';
import { grid } from '../test-support/grid-builder';
import { checkYears, firstYearProblem, spanKey, spanText, yearSequences } from './years';

// Outer groups (some normalising alike, some nested two deep) over year labels, and lines without a year.
const group = fc.constantFrom<string[]>([], ['정례회'], ['임시회'], [' 정례회 '], ['회기', '정례회'], ['회기', '임시회'], ['']);
const leaf = fc.constantFrom('', '계', '건수');
const line = fc.record({
  year: fc.option(fc.integer({ min: 2017, max: 2023 }), { nil: undefined }),
  group,
  leaf,
});
const lines = fc.array(line, { maxLength: 7 });

function pathOf(l: { year?: number; group: string[]; leaf: string }): string[] {
  const path = [...l.group];
  if (l.year !== undefined) path.push(`${l.year}년`);
  if (l.leaf !== '' || path.length === 0) path.push(l.leaf || '구분');
  return path;
}

function layoutOf(cols: { year?: number; group: string[]; leaf: string }[], rows: { year?: number; group: string[]; leaf: string }[]): TableLayout {
  const spec = (l: { year?: number; group: string[]; leaf: string }) => ({ path: pathOf(l), year: l.year });
  return layoutFromLines(cols.map(spec), rows.map(spec), { year: 2000 });
}

describe('checkYears agrees with yearSequences and firstYearProblem', () => {
  it('on any mix of year lines, groups and undated lines', () => {
    const sheet = { ...grid([['구분']]), name: 'S' };
    fc.assert(
      fc.property(lines, lines, (cols, rows) => {
        const layout = layoutOf(cols, rows);
        const axes = checkYears(sheet, layout).map((f) => f.params?.axis);
        for (const [axis, name] of [['col', 'columns'], ['row', 'rows']] as const) {
          const expected = yearSequences(layout, axis).some((seq) => firstYearProblem(seq.map((o) => o.year)) !== null);
          expect(axes.includes(name)).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('spanKey', () => {
  const year = fc.oneof(
    fc.integer({ min: 2015, max: 2025 }),
    fc.constantFrom(0, -0, -1, 32767, 32768, 1e6, 2020.5, Number.NaN, Infinity, -Infinity),
  );
  it('keys two spans alike exactly when they read alike', () => {
    fc.assert(
      fc.property(year, year, year, year, (a, b, c, d) => {
        const x = { from: a, to: b };
        const y = { from: c, to: d };
        expect(spanKey(x) === spanKey(y)).toBe(spanText(x) === spanText(y));
      }),
      { numRuns: 2000 },
    );
  });
});
