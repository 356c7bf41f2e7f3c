import fc from 'fast-check';
import { columnIndex, columnName, fromA1, rangeFromA1, rangeToA1, toA1 } from './a1';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, name) => {
    expect(columnName(index)).toBe(name);
    expect(columnIndex(name)).toBe(index);
  });

  it.each([
    ['A1', { row: 0, col: 0 }],
    ['$C$7', { row: 6, col: 2 }],
    ['ab12', { row: 11, col: 27 }],
    ['A0', null],
    ['1A', null],
    ['', null],
  ])('parses %s', (text, expected) => {
    expect(fromA1(text)).toEqual(expected);
  });

  it('round-trips any cell', () => {
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), (row, col) => {
        expect(fromA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
  });

  it('normalises ranges', () => {
    expect(rangeFromA1('G8:B4')).toEqual({ r0: 3, c0: 1, r1: 7, c1: 6 });
    expect(rangeToA1({ r0: 3, c0: 1, r1: 7, c1: 6 })).toBe('B4:G8');
    expect(rangeToA1({ r0: 0, c0: 0, r1: 0, c1: 0 })).toBe('A1');
    expect(rangeFromA1('B4:C')).toBeNull();
  });
});
