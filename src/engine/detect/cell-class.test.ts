import type { Cell } from '../grid/types';
import { classifyCell, type CellClass } from './cell-class';

describe('classifyCell', () => {
  test.each<[string, Cell | null, CellClass]>([
    ['blank', null, 'empty'],
    ['spaces', { v: '  ' }, 'empty'],
    ['a number', { v: 19000 }, 'figure'],
    ['a number as text', { v: '19,000' }, 'figure'],
    ["the report's zero", { v: '-' }, 'figure'],
    ['a compound', { v: '22(22)' }, 'figure'],
    ['a compound with units', { v: '116건/ 4,817백만원' }, 'figure'],
    ['a count with a unit', { v: '4회' }, 'figure'],
    ['a footnote mark', { v: '61,800 ¹⁾' }, 'figure'],
    ['a mistyped number', { v: '12,5OO' }, 'figure'],
    ['an error value', { v: null, error: '#REF!' }, 'figure'],
    ['a formula without a cached value', { v: null, f: 'SUM(B2:B4)' }, 'figure'],
    ['a year word', { v: '2020년' }, 'year'],
    ['a year with a note', { v: '2018년 (2019년 예산)' }, 'year'],
    ['an abbreviated year', { v: "'20" }, 'year'],
    ['a bare year as text', { v: '2020' }, 'yearNumber'],
    ['a bare year as a number', { v: 2021 }, 'yearNumber'],
    ['a thousands-formatted 2,020 is a figure', { v: 2020, fmt: '#,##0' }, 'figure'],
    ['a grade', { v: '3급' }, 'text'],
    ['an age group', { v: '20대' }, 'text'],
    ['a label with its total', { v: '공약(69)' }, 'text'],
    ['a header with a circled formula', { v: '1회추경 (㉓)' }, 'text'],
    ['words in a numeric row', { v: '진행 중' }, 'text'],
    ['a date written as text', { v: "'18.8.30개최" }, 'text'],
    ['a date value', { v: 44000, date: true }, 'text'],
    ['a boolean', { v: true }, 'text'],
  ])('%s', (_name, cell, want) => expect(classifyCell(cell)).toBe(want));
});
