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

/** The whole formula read with regular expressions and rangeFromA1, term by term: what the in-place scan replaces. */
function readByExpressions(formula: string): Set<string> | null {
  const bare = /\s/.test(formula) ? formula.replace(/\s+/g, '') : formula;
  const text = bare.startsWith('=') ? bare.slice(1) : bare;
  if (!text) return null;
  const cells = new Set<string>();
  const add = (ref: string): boolean => {
    const c = cellsByRangeFromA1(ref);
    c?.forEach((x) => cells.add(x));
    return c !== null;
  };
  const terms = text.split('+');
  let sawSum = false;
  for (const term of terms) {
    const m = /^SUM\((.*)\)$/i.exec(term);
    if (m) {
      sawSum = true;
      for (const a of m[1].split(/[,;]/)) if (!add(a)) return null;
    } else if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(term) || !add(term)) return null;
  }
  return sawSum || terms.length > 1 ? cells : null;
}

describe('sumFormulaCells reads whole formulas as term-by-term expressions would', () => {
  const space = fc.constantFrom('', '', '', '', '', '', ' ', '\n', '\u00a0');
  const sumName = fc.constantFrom('SUM', 'SUM', 'SUM', 'sum', 'Sum', 'SUN', 'SU');
  // Mostly references that read, so that whole formulas often do too.
  const column = fc.string({ unit: fc.constantFrom('A', 'b', 'c', 'D'), minLength: 1, maxLength: 2 });
  const goodRef = fc.tuple(dollar, column, dollar, fc.integer({ min: 1, max: 60 })).map((p) => p.join(''));
  const goodArg = fc.tuple(goodRef, fc.option(goodRef, { nil: undefined })).map(([a, b]) => (b === undefined ? a : `${a}:${b}`));
  const someArg = fc.oneof({ weight: 4, arbitrary: goodArg }, { weight: 1, arbitrary: arg });
  const separator = fc.constantFrom(',', ';', ',', ',', '+');
  const sumTerm = fc
    .tuple(sumName, space, fc.array(fc.tuple(space, someArg, space), { minLength: 0, maxLength: 3 }), separator, fc.constantFrom(')', ')', ')', ')', ')', ')', '', '))'))
    .map(([name, sp, args, sep, close]) => `${name}${sp}(${args.map((a) => a.join('')).join(sep)}${close}`);
  const term = fc.oneof({ weight: 3, arbitrary: sumTerm }, { weight: 2, arbitrary: goodRef }, ref, fc.tuple(goodRef, space).map((p) => p.join('')), junk);
  const formula = fc
    .tuple(fc.constantFrom('', '=', ' =', '= '), fc.array(term, { minLength: 1, maxLength: 4 }), fc.constantFrom('+', '+', '+', ' + ', '++'))
    .map(([start, terms, plus]) => `${start}${terms.join(plus)}`);

  it('the same cells, or null together', () => {
    fc.assert(
      fc.property(formula, (f) => {
        expect(sumFormulaCells(f)).toEqual(readByExpressions(f));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    'SUM(B2:B4)',
    '=sum(B2:B4)+C5',
    'B2+B3+B4',
    ' = SUM( B2 , B3 ) ',
    'SUM(B2;B3)',
    'B2',
    '=',
    '',
    'SUM(B2)SUM(B3)',
    'SUM(B2:B3)+',
    'SUM(B2,)',
    'SUMB2)',
    'A1+\u00a0A2',
  ])('%j', (f) => {
    expect(sumFormulaCells(f)).toEqual(readByExpressions(f));
  });
});
