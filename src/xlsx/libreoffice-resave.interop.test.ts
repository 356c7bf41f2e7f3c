/**
 * Files re-saved by LibreOffice are read like files from Excel: LibreOffice writes shared formulas, inline
 * styles and its own number-format spellings, and recalculates every cached result.
 */
import { cellsByAddress, conformanceWorkbook } from '../port/conformance';
import { readWorkbookBuffer } from './read-workbook';
import { libreOfficeResave } from './test-support/libreoffice';
import { gridsToXlsxBuffer } from './write-grids';

describe('reading workbooks re-saved by LibreOffice', () => {
  it('keeps values, formulas (recalculated to the same results), errors, merges and hidden sheets', async () => {
    const input = conformanceWorkbook();
    const resaved = await readWorkbookBuffer(await libreOfficeResave(new Uint8Array(await gridsToXlsxBuffer(input))));
    expect(resaved.map((s) => s.name)).toEqual(input.map((s) => s.name));
    expect(resaved.find((s) => s.name === '숨김')?.state).toBe('hidden');
    // LibreOffice has no "very hidden"; it must at least stay hidden.
    expect(resaved.find((s) => s.name === '_report_tables')?.state).not.toBe('visible');

    const got = cellsByAddress(resaved[0]);
    const want = cellsByAddress(input[0]);
    for (const [a1, cell] of Object.entries(want)) {
      const actual = got[a1];
      expect({ a1, v: actual?.v, f: actual?.f, error: actual?.error }).toEqual({ a1, v: cell.v, f: cell.f, error: cell.error });
    }
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    // LibreOffice drops the quotes around literal characters: #,##0;△#,##0;- means the same to Excel.
    const reportFormat = /^#,##0;"?△"?#,##0;"?-"?$/;
    expect(got.D7.fmt).toMatch(reportFormat);
    expect(got.C6.fmt).toMatch(reportFormat);
    expect(got.C10.fmt).toBe('0.0%');
    expect([...resaved[0].merges].sort((a, b) => a.c0 - b.c0)).toEqual([...input[0].merges].sort((a, b) => a.c0 - b.c0));
  });

  it('expands the shared formulas LibreOffice writes for a filled-right total row', async () => {
    const n = (v: number) => ({ v });
    const row = (label: string, ...vals: number[]) => [{ v: label }, ...vals.map(n)];
    const sheet = {
      name: 's',
      cells: [
        row('a', 1, 2, 3, 4, 5, 6),
        row('b', 10, 20, 30, 40, 50, 60),
        [{ v: '계' }, ...[0, 1, 2, 3, 4, 5].map((c) => ({ v: null, f: `SUM(${'BCDEFG'[c]}1:${'BCDEFG'[c]}2)` }))],
      ],
      merges: [],
    };
    const [back] = await readWorkbookBuffer(await libreOfficeResave(new Uint8Array(await gridsToXlsxBuffer([sheet]))));
    const cells = cellsByAddress(back);
    expect(['B3', 'C3', 'D3', 'E3', 'F3', 'G3'].map((a) => [cells[a]?.f, cells[a]?.v])).toEqual([
      ['SUM(B1:B2)', 11],
      ['SUM(C1:C2)', 22],
      ['SUM(D1:D2)', 33],
      ['SUM(E1:E2)', 44],
      ['SUM(F1:F2)', 55],
      ['SUM(G1:G2)', 66],
    ]);
  });
});
