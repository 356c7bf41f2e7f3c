import { grid } from '../engine/test-support';
import { XlsxWorkbook } from './xlsx-workbook';

describe('XlsxWorkbook.writeCells', () => {
  const sheets = () => [grid([['재원별', '합계'], [null, null], ['계', 1]], { name: 's', merges: ['A1:A2'] })];

  it('refuses a batch that writes inside a merged area, and applies none of it', async () => {
    const port = XlsxWorkbook.fromGrids(sheets());
    await expect(
      port.writeCells([
        { sheet: 's', row: 2, col: 1, value: 2 },
        { sheet: 's', row: 1, col: 0, value: 'x' },
      ]),
    ).rejects.toThrow(/merged area: s!A2/);
    const [s] = await port.readSheets();
    expect(s.cells[0][0]).toEqual({ v: '재원별' });
    expect(s.cells[2][1]).toEqual({ v: 1 });
  });

  it.each([
    ['a negative row', { sheet: 's', row: -1, col: 0, value: 1 }],
    ['a fractional column', { sheet: 's', row: 0, col: 1.5, value: 1 }],
    ['no sheet name', { sheet: '', row: 0, col: 0, value: 1 }],
  ])('refuses %s', async (_name, write) => {
    await expect(XlsxWorkbook.fromGrids(sheets()).writeCells([write])).rejects.toThrow(RangeError);
  });

  it('adds a sheet a write names that does not exist yet', async () => {
    const port = XlsxWorkbook.fromGrids(sheets());
    await port.writeCells([{ sheet: '새 시트', row: 1, col: 1, value: 5, fmt: '#,##0' }]);
    const back = await (await XlsxWorkbook.fromBuffer(await port.toBuffer())).readSheets();
    expect(back.map((s) => s.name)).toEqual(['s', '새 시트']);
    expect(back[1].cells[1][1]).toEqual({ v: 5, fmt: '#,##0' });
  });
});
