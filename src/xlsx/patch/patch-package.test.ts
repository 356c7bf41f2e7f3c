import JSZip from 'jszip';
import { fromA1, planWorkbookFill, type CellWrite, type SheetGrid } from '../../engine';
import { tablesWithAllRelations } from '../../engine/fill/test-support/all-relations';
import { CHANGE_TSV, shapeSheet } from '../../engine/fill/test-support/shapes';
import { loadWorkbookBuffer, readWorkbookBuffer } from '../read-workbook';
import { gridsToXlsxBuffer } from '../write-grids';
import { isPatchError, patchSheetXml, patchXlsxPackage, StylesEditor, verifyPatched, withFullCalcOnLoad } from '.';
import { buildRichWorkbook, packageParts } from './test-support/rich-workbook';

function emptied(sheet: SheetGrid, cells: string[]): SheetGrid {
  const rows = sheet.cells.map((l) => Array.from(l));
  for (const a of cells) {
    const p = fromA1(a)!;
    rows[p.row][p.col] = null;
  }
  return { ...sheet, cells: rows };
}

const TOTALS = ['B4', 'C4', 'D4', 'D5', 'D6'];

describe('patchXlsxPackage keeps every part it does not change', () => {
  test('a workbook with a chart, an image, a comment, conditional formatting, data validation and a name', async () => {
    const table = emptied(shapeSheet('기획예산과', CHANGE_TSV), TOTALS);
    const input = await buildRichWorkbook(table);
    const sheets = await readWorkbookBuffer(input);
    const plan = planWorkbookFill(sheets, tablesWithAllRelations(sheets));
    expect(plan.writes.length).toBeGreaterThanOrEqual(TOTALS.length);
    const { bytes, changedParts, removedParts } = await patchXlsxPackage(input, plan.writes, { sheets });
    await verifyPatched(bytes, plan.writes);

    const before = await packageParts(input);
    const after = await packageParts(bytes);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(removedParts).toEqual([]);
    expect(changedParts.sort()).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    for (const [name, data] of before) {
      if (changedParts.includes(name)) continue;
      expect([name, Buffer.from(after.get(name)!).equals(Buffer.from(data))]).toEqual([name, true]);
    }
    // The chart, drawing, image and comment parts are among the untouched ones.
    for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing9.xml', 'xl/media/image1.png', 'xl/comments1.xml']) expect(after.has(part)).toBe(true);

    const sheetXml = new TextDecoder().decode(after.get('xl/worksheets/sheet1.xml'));
    for (const kept of ['<conditionalFormatting', '<dataValidations', '<drawing ', '<legacyDrawing ']) expect(sheetXml).toContain(kept);
    const wb = await loadWorkbookBuffer(bytes);
    const ws = wb.getWorksheet('기획예산과')!;
    expect(ws.getCell('A1').note).toBeDefined();
    expect(ws.getCell('C5').dataValidation).toMatchObject({ type: 'whole' });
    expect(wb.definedNames.getNames('기획예산과!$A$2')).toContain('RT_table');
    const back = await readWorkbookBuffer(bytes);
    expect(back[0].cells[3][1]).toMatchObject({ f: 'SUM(B5:B6)', v: 100, fmt: '#,##0;"△"#,##0;"-"' });
    expect(back[0].cells[5][3]).toMatchObject({ f: 'C6-B6', v: 20 });
    expect(new TextDecoder().decode(after.get('xl/workbook.xml'))).toContain('fullCalcOnLoad="1"');
  });

  test('no writes: the bytes come back unchanged', async () => {
    const input = new Uint8Array(await gridsToXlsxBuffer([shapeSheet('S', CHANGE_TSV)]));
    expect((await patchXlsxPackage(input, [], { sheets: [] })).bytes).toBe(input);
  });

  test('the calculation chain is removed with its relationship and content type', async () => {
    const zip = await JSZip.loadAsync(new Uint8Array(await gridsToXlsxBuffer([shapeSheet('S', CHANGE_TSV)])));
    zip.file('xl/calcChain.xml', '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="1"/></calcChain>');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const input = await zip.generateAsync({ type: 'uint8array' });
    const sheets = await readWorkbookBuffer(input);
    const { bytes, removedParts } = await patchXlsxPackage(input, [{ sheet: 'S', row: 3, col: 1, formula: 'SUM(B5:B6)', value: 100 }], { sheets });
    expect(removedParts).toEqual(['xl/calcChain.xml']);
    const out = await JSZip.loadAsync(bytes);
    expect(out.file('xl/calcChain.xml')).toBeNull();
    expect(await out.file('xl/_rels/workbook.xml.rels')!.async('string')).not.toContain('calcChain');
    expect(await out.file('[Content_Types].xml')!.async('string')).not.toContain('calcChain');
    await verifyPatched(bytes, [{ sheet: 'S', row: 3, col: 1, formula: 'SUM(B5:B6)', value: 100 }]);
  });

  test('a sheet that does not exist is refused', async () => {
    const input = new Uint8Array(await gridsToXlsxBuffer([shapeSheet('S', CHANGE_TSV)]));
    await expect(patchXlsxPackage(input, [{ sheet: 'X', row: 0, col: 0, value: 1 }], { sheets: [] })).rejects.toMatchObject({ code: 'no-sheet' });
  });
});

const SHEET = (data: string, extra = '') =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/>${extra}<sheetData>${data}</sheetData><mergeCells count="0"/></worksheet>`;

const ctx = (formulas: Record<string, string> = {}) => ({
  sheet: 'S',
  styleFor: (current: number | undefined, fmt: string | undefined) => (fmt ? 7 : current),
  expandedFormula: (row: number, col: number) => formulas[`${row},${col}`],
});

describe('patchSheetXml', () => {
  const w = (a1: string, rest: Partial<CellWrite>): CellWrite => ({ sheet: 'S', ...fromA1(a1)!, value: null, ...rest });

  test.each<[string, string, CellWrite[], RegExp[]]>([
    [
      'a shared-string cell becomes a formula with its cached value, style kept',
      '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>',
      [w('A1', { formula: 'SUM(B1:C1)', value: 5 })],
      [/<row r="1"><c r="A1" s="2"><f>SUM\(B1:C1\)<\/f><v>5<\/v><\/c><c r="B1"><v>5<\/v><\/c><\/row>/],
    ],
    [
      'a cell is inserted in column order; a new row in row order; the dimension widens',
      '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="5"><c r="A5"><v>1</v></c></row>',
      [w('B1', { formula: 'A1', value: 1, fmt: '0.0' }), w('A3', { value: 'x&y' })],
      [/<c r="A1"><v>1<\/v><\/c><c r="B1" s="7"><f>A1<\/f><v>1<\/v><\/c><c r="C1">/, /<\/row><row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">x&amp;y<\/t><\/is><\/c><\/row><row r="5">/],
    ],
    [
      'a text result is a str cell; a blank rate is an empty string',
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      [w('B1', { formula: 'IF(A1=0,"",1)', value: '' }), w('C1', { formula: '"a"&A1', value: 'a1' })],
      [/<c r="B1" t="str"><f>IF\(A1=0,"",1\)<\/f><v><\/v><\/c>/, /<c r="C1" t="str"><f>"a"&amp;A1<\/f><v>a1<\/v><\/c>/],
    ],
    [
      'overwriting a shared-formula master writes its copies out in full',
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>',
      [w('A1', { value: 9 })],
      [/<c r="A1"><v>9<\/v><\/c>/, /<c r="A2"><f>B2\*2<\/f><v>4<\/v><\/c>/],
    ],
    [
      'an error and a boolean are restored as such',
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      [w('A1', { value: null, error: '#REF!' }), w('B1', { value: true })],
      [/<c r="A1" t="e"><v>#REF!<\/v><\/c><c r="B1" t="b"><v>1<\/v><\/c>/],
    ],
  ])('%s', (_name, data, writes, expected) => {
    const out = patchSheetXml(SHEET(data), writes, ctx({ '1,0': 'B2*2' }));
    for (const re of expected) expect(out).toMatch(re);
    expect(out).toContain('<mergeCells count="0"/>');
  });

  test.each([
    ['an array formula', '<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2*2</f><v>2</v></c></row>', 'array-formula', ''],
    ['namespace prefixes', '<x:row r="1"></x:row>', 'unsupported-xml', ''],
    ['a cell without its address', '<row r="2"><c><v>1</v></c></row>', 'unsupported-xml', ''],
    ['a protected sheet', '<row r="1"><c r="A1"><v>1</v></c></row>', 'protected', '<sheetProtection sheet="1" objects="1"/>'],
    ['a shared formula whose copies cannot be read', '<row r="1"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2</f><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/></c></row>', 'shared-formula', ''],
  ])('%s is refused', (_name, data, code, extra) => {
    let caught: unknown;
    try {
      patchSheetXml(SHEET(data, extra), [{ sheet: 'S', row: 1, col: 0, value: 1 }], ctx());
    } catch (err) {
      caught = err;
    }
    expect(isPatchError(caught) && caught.code).toBe(code);
  });
});

describe('StylesEditor', () => {
  const STYLES = `<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts/><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="3" fontId="1" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs></styleSheet>`;
  test('clones the cell\'s format with the new number format, reusing formats and clones', () => {
    const s = new StylesEditor(STYLES);
    expect(s.withFormat(1, '#,##0')).toBe(1);
    expect(s.withFormat(1, '0.0')).toBe(2);
    expect(s.withFormat(1, '0.0')).toBe(2);
    expect(s.withFormat(0, '#,##0;"△"#,##0;"-"')).toBe(3);
    const xml = s.toXml();
    expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="#,##0;&quot;△&quot;#,##0;&quot;-&quot;"/></numFmts>');
    expect(xml).toContain('<cellXfs count="4">');
    expect(xml).toContain('<xf numFmtId="164" fontId="1" applyNumberFormat="1"><alignment horizontal="center"/></xf>');
  });
  test('unchanged styles are returned as they were', () => {
    const s = new StylesEditor(STYLES);
    s.withFormat(1, '#,##0');
    expect(s.toXml()).toBe(STYLES);
  });
});

test.each([
  ['<workbook><sheets/><calcPr calcId="191029"/></workbook>', '<workbook><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'],
  ['<workbook><sheets/><definedNames/><extLst/></workbook>', '<workbook><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>'],
  ['<workbook><sheets/></workbook>', '<workbook><sheets/><calcPr fullCalcOnLoad="1"/></workbook>'],
])('withFullCalcOnLoad(%s)', (input, output) => {
  expect(withFullCalcOnLoad(input)).toBe(output);
});
