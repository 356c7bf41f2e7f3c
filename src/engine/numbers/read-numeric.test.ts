import fc from 'fast-check';
import type { Cell } from '../grid/types';
import { looksLikeMistypedNumber, parseCompound, parseNumber } from './parse';
import { numericValue, readNumeric } from './read-numeric';
import type { NumericCell } from './types';

describe('readNumeric', () => {
  it.each<[string, Cell | null | undefined, Partial<NumericCell>]>([
    ['null', null, { kind: 'empty' }],
    ['undefined', undefined, { kind: 'empty' }],
    ['v null', { v: null }, { kind: 'empty' }],
    ['spaces', { v: '  ' }, { kind: 'empty' }],
    ['a number', { v: 19000 }, { kind: 'number', value: 19000, fromText: false }],
    ['a formula', { v: 5, f: 'SUM(B2:C2)' }, { kind: 'number', value: 5, fromText: false, formula: 'SUM(B2:C2)' }],
    ['a number as text', { v: '19,000' }, { kind: 'number', value: 19000, fromText: true }],
    ['a triangle', { v: '△1,200' }, { kind: 'number', value: -1200, fromText: true }],
    ['a dash', { v: '-' }, { kind: 'number', value: 0, fromText: false }],
    ['a count with its unit', { v: '4회' }, { kind: 'number', value: 4, fromText: true }],
    ['a footnoted figure', { v: '61,800 ¹⁾' }, { kind: 'number', value: 61800, fromText: true }],
    ['a compound', { v: '22(22)' }, { kind: 'compound', text: '22(22)' }],
    ['a typo', { v: '12,5OO' }, { kind: 'invalid', text: '12,5OO' }],
    ['words', { v: '진행 중' }, { kind: 'label', text: '진행 중' }],
    ['a date label', { v: "'18.8.30개최" }, { kind: 'label' }],
    ['an error', { v: null, error: '#REF!' }, { kind: 'error', code: '#REF!' }],
    ['a formula error', { v: null, f: 'A1/0', error: '#DIV/0!' }, { kind: 'error', code: '#DIV/0!' }],
    ['a date', { v: 44000, date: true }, { kind: 'date', serial: 44000 }],
    ['a boolean', { v: true }, { kind: 'bool', value: true }],
  ])('%s', (_name, cell, expected) => {
    expect(readNumeric(cell)).toMatchObject(expected);
  });

  it('keeps what the text said', () => {
    const read = readNumeric({ v: '-' });
    expect(read.kind === 'number' && read.parsed?.dash).toBe(true);
    const compound = readNumeric({ v: '766(84.5%)' });
    expect(compound.kind === 'compound' && compound.parts.map((p) => p.value)).toEqual([766, 84.5]);
  });

  it.each<[NumericCell, number | null]>([
    [{ kind: 'empty' }, 0],
    [{ kind: 'number', value: 7, fromText: false }, 7],
    [{ kind: 'label', text: '진행 중' }, null],
    [{ kind: 'error', code: '#REF!' }, null],
  ])('numericValue(%j) = %s', (cell, expected) => {
    expect(numericValue(cell)).toBe(expected);
  });
});

describe('readNumeric on any text', () => {
  /** Texts built from the pieces report figures and their typos are made of, plus words. */
  const piece = fc.constantFrom(
    ...['0', '1', '5', '9', '12', '000', ',', '.', ' ', '-', '△', '(', ')', '/', '%', '건', '백만원', '명', '¹⁾', '*'],
    ...['O', 'l', "'", '진행', '년', '－', '１', '　'],
  );
  const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));

  it('agrees with parseNumber, parseCompound and looksLikeMistypedNumber', () => {
    fc.assert(
      fc.property(text, (t) => {
        const read = readNumeric({ v: t });
        const single = parseNumber(t);
        const expected =
          t.trim() === ''
            ? 'empty'
            : single
              ? 'number'
              : parseCompound(t)
                ? 'compound'
                : looksLikeMistypedNumber(t)
                  ? 'invalid'
                  : 'label';
        expect(read.kind).toBe(expected);
        if (read.kind === 'number') expect(read.value).toBe(single?.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (t) => {
        expect(() => readNumeric({ v: t })).not.toThrow();
      }),
    );
  });
});
