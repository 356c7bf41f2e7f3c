/**
 * The label readings that spare making Lines (pathLeaf, pathDepth, TableLines.anyLabel) must say what the Lines
 * would: the same leaf, the same depth, and "some label passes" exactly when some level of some Line's norm does.
 */
import fc from 'fast-check';
import type { TableLayout } from '../model/table';
import { layoutFromLines } from '../test-support/lines-layout';
import { TableLines, normalizeText, pathDepth, pathLeaf } from './axis-lines';

// Pieces normalisation treats specially: spaces, markdown emphasis, full-width signs, decomposed Hangul.
const piece = fc.constantFrom('', ' ', '  ', '*', '**', '（', '）', '％', '%', '계', '집행률', '증감', '대비', '2020년', '\u1105\u1172\u11af', 'a/b');
const label = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(''));
const path = fc.array(label, { maxLength: 4 });

function layoutOf(colPaths: string[][], rowPaths: string[][]): TableLayout {
  return layoutFromLines(colPaths.map((path) => ({ path })), rowPaths.map((path) => ({ path })));
}

const tests: [string, (t: string) => boolean][] = [
  ['holds 률', (t) => t.includes('률')],
  ['holds %', (t) => t.includes('%')],
  ['is 증감', (t) => t === '증감'],
  ['holds a space or a star', (t) => /[\s*]/.test(t)],
];

describe('Line readings without Lines', () => {
  it('pathLeaf and pathDepth match the Line made of the path', () => {
    fc.assert(
      fc.property(path, (p) => {
        const [line] = new TableLines(layoutOf([], [p])).rows();
        expect(pathLeaf(p)).toBe(line.leaf);
        expect(pathDepth(p)).toBe(line.norm.length);
      }),
    );
  });

  it.each(tests)('anyLabel (%s) is true exactly when some level of some line passes', (_name, test) => {
    fc.assert(
      fc.property(fc.array(path, { maxLength: 3 }), fc.array(path, { maxLength: 3 }), (colPaths, rowPaths) => {
        const lines = new TableLines(layoutOf(colPaths, rowPaths));
        for (const axis of ['col', 'row'] as const) {
          const viaLines = lines.of(axis).some((l) => l.norm.some(test));
          const drawn = (label: string) => test(normalizeText(label));
          expect(new TableLines(layoutOf(colPaths, rowPaths)).anyLabel(axis, drawn)).toBe(viaLines);
        }
      }),
    );
  });

  it('anyLabel passes over label columns', () => {
    const lines = new TableLines(layoutOf([['금액']], [['계']]));
    expect(lines.anyLabel('col', (label) => label === '구분')).toBe(false);
    expect(lines.anyLabel('col', (label) => label === '금액')).toBe(true);
  });
});
