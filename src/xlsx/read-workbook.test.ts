import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { grid, at } from '../engine/test-support';
import type { SheetGrid } from '../engine';
import { readWorkbookBuffer } from './read-workbook';
import { gridsToXlsxBuffer } from './write-grids';
import { XlsxWorkbook } from './xlsx-workbook';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function only(data: Uint8Array): Promise<SheetGrid> {
  const sheets = await readWorkbookBuffer(data);
  expect(sheets).toHaveLength(1);
  return sheets[0];
}

describe('readWorkbookBuffer: every cell kind becomes grid data', () => {
  it('reads what gridsToXlsxBuffer wrote (values, cached formulas, errors, formats, merges, states)', async () => {
    const budget = grid(
      [
        ['재원별', '합계', '연차별 소요재원', null],
        [null, null, '2020년', '2021년'],
        ['계', { v: 300, f: 'SUM(D3:E3)', fmt: '#,##0;"△"#,##0;"-"' }, 100, 200],
        ['비고', true, { v: null, f: '1/0', error: '#DIV/0!' }, { v: null, error: '#REF!' }],
        ['율', { v: 'x', f: 'IF(1,"x","y")' }, { v: 0.845, fmt: '0.0%' }, -1.5],
      ],
      { name: '기획예산과', at: 'B2', merges: ['B2:B3', 'C2:C3', 'D2:E2'] },
    );
    const sheets = await readWorkbookBuffer(
      await gridsToXlsxBuffer([budget, grid([[1]], { name: 'h', state: 'hidden' }), grid([['{}']], { name: '_rt', state: 'veryHidden' })]),
    );
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['기획예산과', 'visible'],
      ['h', 'hidden'],
      ['_rt', 'veryHidden'],
    ]);
    const g = sheets[0];
    expect(g.cells[0]).toEqual([]);
    expect(at(g, 'B2')).toEqual({ v: '재원별' });
    expect(at(g, 'C4')).toEqual({ v: 300, f: 'SUM(D3:E3)', fmt: '#,##0;"△"#,##0;"-"' });
    expect(at(g, 'C5')).toEqual({ v: true });
    expect(at(g, 'D5')).toEqual({ v: null, f: '1/0', error: '#DIV/0!' });
    expect(at(g, 'E5')).toEqual({ v: null, error: '#REF!' });
    expect(at(g, 'C6')).toEqual({ v: 'x', f: 'IF(1,"x","y")' });
    expect(at(g, 'D6')).toEqual({ v: 0.845, fmt: '0.0%' });
    expect(at(g, 'E6')).toEqual({ v: -1.5 });
    expect(at(g, 'C3')).toBeNull(); // inside a merge: the value sits top-left
    expect([...g.merges].sort((a, b) => a.c0 - b.c0)).toEqual([
      { r0: 1, c0: 1, r1: 2, c1: 1 },
      { r0: 1, c0: 2, r1: 2, c1: 2 },
      { r0: 1, c0: 3, r1: 1, c1: 4 },
    ]);
  });

  it('expands shared formulas to each cell’s own formula text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('B4').value = 1;
    ws.getCell('C4').value = 2;
    ws.getCell('B7').value = { formula: 'SUM(B4:B6)', result: 1, shareType: 'shared', ref: 'B7:D7' } as ExcelJS.CellValue;
    ws.getCell('C7').value = { sharedFormula: 'B7', result: 2 } as ExcelJS.CellValue;
    ws.getCell('D7').value = { sharedFormula: 'B7', result: 0 } as ExcelJS.CellValue;
    const g = await only(await bytesOf(wb));
    expect(at(g, 'B7')).toEqual({ v: 1, f: 'SUM(B4:B6)' });
    expect(at(g, 'C7')).toEqual({ v: 2, f: 'SUM(C4:C6)' });
    expect(at(g, 'D7')).toEqual({ v: 0, f: 'SUM(D4:D6)' });
  });

  it.each([
    ['rich text as its text', { richText: [{ text: '합' }, { font: { bold: true }, text: '계' }] }, { v: '합계' }],
    ['a hyperlink as its text', { text: '예산서', hyperlink: 'https://example.org/' }, { v: '예산서' }],
    ['a hyperlink with rich text', { text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'https://e.org' }, { v: 'ab' }],
    ['a boolean', false, { v: false }],
    ['a number stored as text', '19,000', { v: '19,000' }],
    ['a date as serial + flag', new Date(Date.UTC(2021, 0, 1)), { v: 44197, date: true, fmt: 'yyyy-mm-dd' }],
    ['a formula with a date result', { formula: 'DATE(2021,1,1)', result: new Date(Date.UTC(2021, 0, 1)) }, { v: 44197, f: 'DATE(2021,1,1)', date: true, fmt: 'yyyy-mm-dd' }],
    ['a formula with no cached result', { formula: 'A1+1' }, { v: null, f: 'A1+1' }],
  ])('reads %s', async (_name, value, expected) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('B2').value = value as ExcelJS.CellValue;
    if (value instanceof Date || (typeof value === 'object' && value !== null && 'result' in value && value.result instanceof Date)) {
      ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    }
    const g = await only(await bytesOf(wb));
    expect(at(g, 'B2')).toEqual(expected);
  });

  it('reads dates in a 1904-based workbook to the same serials Excel shows', async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = new Date(Date.UTC(1904, 0, 2));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const g = await only(await bytesOf(wb));
    expect(at(g, 'A1')).toEqual({ v: 1, date: true, fmt: 'yyyy-mm-dd' });
  });

  it('trims to the used range although the sheet claims a million rows', async () => {
    const zip = await JSZip.loadAsync(await gridsToXlsxBuffer([grid([['a', 1]])]));
    const path = 'xl/worksheets/sheet1.xml';
    let xml = await zip.file(path)!.async('string');
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    // A formatted but empty row at the very bottom, as left by "format whole column" in Excel.
    xml = xml.replace('</sheetData>', '<row r="1048576" s="0" customFormat="1"><c r="A1048576" s="0"/></row></sheetData>');
    zip.file(path, xml);
    const g = await only(await zip.generateAsync({ type: 'uint8array' }));
    expect(g.cells.length).toBe(1);
    expect(g.cells[0]).toEqual([{ v: 'a' }, { v: 1 }]);
  });

  it('accepts an ArrayBuffer as well as bytes', async () => {
    const bytes = new Uint8Array(await gridsToXlsxBuffer([grid([[7]])]));
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readWorkbookBuffer(copy))[0].cells).toEqual([[{ v: 7 }]]);
  });
});

describe('reading for grids only', () => {
  async function decorated(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = '계';
    ws.getCell('B1').value = 10;
    ws.getCell('B1').dataValidation = { type: 'whole', operator: 'greaterThan', formulae: [0], allowBlank: true };
    ws.addConditionalFormatting({ ref: 'B1:B9', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: {} }] });
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the cells of a sheet with validation and conditional formats', async () => {
    const [g] = await readWorkbookBuffer(await decorated());
    expect(g.cells).toEqual([[{ v: '계' }, { v: 10 }]]);
  });

  it('keeps those parts in a workbook loaded to be saved again', async () => {
    const port = await XlsxWorkbook.fromBuffer(await decorated());
    await port.writeCells([{ sheet: 's', row: 1, col: 1, value: 5 }]);
    const zip = await JSZip.loadAsync(await port.toBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<conditionalFormatting');
    expect(xml).toContain('<dataValidation ');
  });
});
