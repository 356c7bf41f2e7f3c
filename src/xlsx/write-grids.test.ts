import ExcelJS from 'exceljs';
import { grid } from '../engine/test-support';
import { gridsToXlsxBuffer } from './write-grids';

async function load(buf: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('gridsToXlsxBuffer', () => {
  it('writes values, formulas with cached results, formats, merges and sheet state', async () => {
    const budget = grid(
      [
        ['재원별', '합계', '연차별 소요재원', null],
        [null, null, '2020년', '2021년'],
        ['계', { v: 300, f: 'SUM(D3:E3)', fmt: '#,##0;"△"#,##0;"-"' }, 100, 200],
        ['비고', true, { v: null, f: '1/0', error: '#DIV/0!' }, { v: null, error: '#REF!' }],
      ],
      { name: '기획예산과', at: 'B1', merges: ['B1:B2', 'C1:C2', 'D1:E1'] },
    );
    const hidden = grid([[1]], { name: 'h', state: 'hidden' });
    const veryHidden = grid([['x']], { name: '_report_tables', state: 'veryHidden' });

    const wb = await load(await gridsToXlsxBuffer([budget, hidden, veryHidden]));

    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['기획예산과', 'visible'],
      ['h', 'hidden'],
      ['_report_tables', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet('기획예산과')!;
    expect(ws.getCell('B1').value).toBe('재원별');
    expect(ws.getCell('C3').value).toEqual({ formula: 'SUM(D3:E3)', result: 300 });
    expect(ws.getCell('C3').numFmt).toBe('#,##0;"△"#,##0;"-"');
    expect(ws.getCell('C4').value).toBe(true);
    expect(ws.getCell('D4').value).toEqual({ formula: '1/0', result: { error: '#DIV/0!' } });
    expect(ws.getCell('E4').value).toEqual({ error: '#REF!' });
    expect([...(ws.model.merges as string[])].sort()).toEqual(['B1:B2', 'C1:C2', 'D1:E1']);
  });

  it('writes an empty workbook sheet without cells', async () => {
    const wb = await load(await gridsToXlsxBuffer([{ name: 'empty', cells: [], merges: [] }]));
    expect(wb.worksheets).toHaveLength(1);
    expect(wb.worksheets[0].actualRowCount).toBe(0);
  });
});
