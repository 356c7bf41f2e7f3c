import { cellFromExcel, excelInput, isDateFormat, placeBlock, rangesFromAreasAddress } from './cells';
import type { Cell } from '../engine';

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy', true],
    ['yyyy"년" m"월" d"일"', true],
    ['[$-ko-KR]yyyy-mm-dd', true],
    ['h:mm:ss', true],
    ['[h]:mm', true],
    ['[Red]yyyy-mm-dd', true],
    ['General', false],
    ['@', false],
    ['#,##0;"△"#,##0;"-"', false],
    ['0.0%', false],
    ['#,##0"천원"', false],
    ['"day"0', false],
    ['0\\d', false],
    [undefined, false],
  ])('%s -> %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('cellFromExcel', () => {
  it.each<[string, unknown, unknown, unknown, string | undefined, Cell | null]>([
    ['empty', '', '', 'General', 'Empty', null],
    ['number with format', 1200, 1200, '#,##0', 'Double', { v: 1200, fmt: '#,##0' }],
    ['general format left out', 5, 5, 'General', 'Double', { v: 5 }],
    ['text', '계', '계', 'General', 'String', { v: '계' }],
    ['boolean', true, true, 'General', 'Boolean', { v: true }],
    ['formula', 30, '=SUM(A1:A2)', 'General', 'Double', { v: 30, f: 'SUM(A1:A2)' }],
    ['formula giving 0', 0, '=A1-A1', 'General', 'Double', { v: 0, f: 'A1-A1' }],
    ['formula giving ""', '', '=""', 'General', 'String', { v: '', f: '""' }],
    ['error constant', '#REF!', '#REF!', 'General', 'Error', { v: null, error: '#REF!' }],
    ['error from formula', '#DIV/0!', '=A1/0', '0.0', 'Error', { v: null, f: 'A1/0', error: '#DIV/0!', fmt: '0.0' }],
    ['error text typed as text', '#N/A', '#N/A', 'General', 'String', { v: '#N/A' }],
    ['error string without valueTypes', '#N/A', '#N/A', 'General', undefined, { v: null, error: '#N/A' }],
    ['date', 44197, 44197, 'yyyy-mm-dd', 'Double', { v: 44197, fmt: 'yyyy-mm-dd', date: true }],
    ['text in a date format is not a date', 'x', 'x', 'yyyy-mm-dd', 'String', { v: 'x', fmt: 'yyyy-mm-dd' }],
  ])('%s', (_name, value, formula, format, type, expected) => {
    expect(cellFromExcel(value, formula, format, type as never)).toEqual(expected);
  });
});

describe('placeBlock', () => {
  it('puts a block at its sheet position and leaves gaps empty', () => {
    const rows: (Cell | null)[][] = [];
    placeBlock(rows, {
      rowIndex: 2,
      columnIndex: 1,
      values: [[1, ''], ['', 'x']],
      formulas: [[1, ''], ['', 'x']],
      numberFormat: [['General', 'General'], ['General', 'General']],
      valueTypes: [['Double', 'Empty'], ['Empty', 'String']],
    });
    expect(rows).toEqual([[], [], [null, { v: 1 }], [null, null, { v: 'x' }]]);
  });
});

describe('rangesFromAreasAddress', () => {
  it.each([
    ['Sheet1!A1:B2', [{ r0: 0, c0: 0, r1: 1, c1: 1 }]],
    ['Sheet1!$A$1:$B$2, Sheet1!D4:D5', [{ r0: 0, c0: 0, r1: 1, c1: 1 }, { r0: 3, c0: 3, r1: 4, c1: 3 }]],
    ["'예산, 결산'!B4:B5, '예산, 결산'!C4:G4", [{ r0: 3, c0: 1, r1: 4, c1: 1 }, { r0: 3, c0: 2, r1: 3, c1: 6 }]],
    ["'it''s'!A1:A2", [{ r0: 0, c0: 0, r1: 1, c1: 0 }]],
    ['Sheet1!1:2', []],
    ['', []],
  ])('%s', (address, expected) => {
    expect(rangesFromAreasAddress(address)).toEqual(expected);
  });
});

describe('excelInput', () => {
  it.each<[number | string | boolean | null, number | string | boolean]>([
    [null, ''],
    [1200, 1200],
    [false, false],
    ['', ''],
    ['계', '계'],
    ['19,000', "'19,000"],
    ['=not a formula', "'=not a formula"],
    ['-', "'-"],
    ['TRUE', "'TRUE"],
    ["'quoted", "''quoted"],
    ['2021년', "'2021년"],
  ])('%j -> %j', (value, expected) => {
    expect(excelInput(value)).toEqual(expected);
  });
});
