/**
 * sumFormulaCells reads references in place (no rangeFromA1 per argument): it must accept and cover exactly what
 * reading each argument with rangeFromA1 would, for well-formed and malformed references alike.
 */
import fc from 'fast-check';
import { rangeFromA1 } from '../grid/a1';
import { sumFormulaCells } from './sums';

/** The cells of one SUM argument as rangeFromA1 reads it; null when it is not a reference. */
function cellsByRangeFromA1(arg: string): string[] | null {
  if (arg.includes('!')) return null;
  const r = rangeFromA1(arg);
  if (!r) return null;
  if ((r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) > 10_000) return null;
  const out: string[] = [];
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) out.push(`${row}:${col}`);
  return out;
}

function expected(args: string[]): Set<string> | null {
  const cells = new Set<string>();
  for (const arg of args) {
    const c = cellsByRangeFromA1(arg);
    if (!c) return null;
    c.forEach((x) => cells.add(x));
  }
  return cells;
}

const letters = fc.string({ unit: fc.constantFrom('A', 'b', 'Z', 'x', 'Q'), minLength: 0, maxLength: 4 });
const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '7', '9'), minLength: 0, maxLength: 8 });
const dollar = fc.constantFrom('', '$');
const ref = fc.tuple(dollar, letters, dollar, digits).map((p) => p.join(''));
const junk = fc.constantFrom('', '!', ':', 'Sheet1!', '#', '.');
const arg = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(ref, fc.option(ref, { nil: undefined })).map(([a, b]) => (b === undefined ? a : `${a}:${b}`)) },
  { weight: 1, arbitrary: fc.tuple(junk, ref, junk, ref).map((p) => p.join('')) },
);

describe('sumFormulaCells reads references as rangeFromA1 does', () => {
  it('SUM(arguments): the same cells, or null together', () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 1, maxLength: 4 }), (args) => {
        expect(sumFormulaCells(`SUM(${args.join(',')})`)).toEqual(expected(args));
      }),
      { numRuns: 500 },
    );
  });

  it('examples', () => {
    expect(sumFormulaCells('=SUM($C$7:B2)')).toEqual(expected(['B2:C7']));
    expect(sumFormulaCells('SUM(c3:a1)')).toEqual(expected(['A1:C3']));
    expect(sumFormulaCells('SUM(A0)')).toBeNull();
    expect(sumFormulaCells('SUM(ABCD1)')).toBeNull();
    expect(sumFormulaCells('SUM(A12345678)')).toBeNull();
    expect(sumFormulaCells('SUM(A1:B2:C3)')).toBeNull();
    expect(sumFormulaCells('SUM(A1:)')).toBeNull();
    expect(sumFormulaCells('SUM()')).toBeNull();
    expect(sumFormulaCells('SUM(A1:ZZ1000)')).toBeNull();
  });
});
