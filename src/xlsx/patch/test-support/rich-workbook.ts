/**
 * A workbook with everything a plain exceljs rewrite may lose, built on the fly: on the table's sheet an image, a
 * comment (note), conditional formatting, data validation and a named cell; on a second sheet a chart (its
 * drawing and chart parts written into the package by hand); a third sheet untouched.
 */
import JSZip from 'jszip';
import type { SheetGrid } from '../../../engine';
import { gridsToWorkbook } from '../../write-grids';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'차트'!$A$1:$A$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const DRAWING_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`;

const SHEET_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>`;

export const RICH = { tableSheet: 0, chartSheet: '차트', plainSheet: '기타' } as const;

/** The package bytes; `table` is the sheet fill will write to (it gets the image, note, CF, DV and a name). */
export async function buildRichWorkbook(table: SheetGrid): Promise<Uint8Array> {
  const chartData: SheetGrid = { name: RICH.chartSheet, cells: [[{ v: 1 }], [{ v: 2 }], [{ v: 3 }]], merges: [] };
  const other: SheetGrid = { name: RICH.plainSheet, cells: [[{ v: '메모' }, { v: 12345, fmt: '#,##0' }]], merges: [] };
  const wb = gridsToWorkbook([table, chartData, other]);
  const ws = wb.getWorksheet(table.name)!;
  const image = wb.addImage({ buffer: PNG as unknown as ArrayBuffer, extension: 'png' } as never);
  ws.addImage(image, 'J2:K4');
  ws.getCell('A1').note = '담당: 기획예산과';
  ws.addConditionalFormatting({
    ref: 'B3:F9',
    rules: [{ type: 'cellIs', operator: 'lessThan', priority: 1, formulae: ['0'], style: { font: { color: { argb: 'FFFF0000' } } } }],
  });
  ws.getCell('C5').dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] };
  ws.getCell('A2').name = 'RT_table';
  const base = await wb.xlsx.writeBuffer();

  const zip = await JSZip.loadAsync(base);
  const sheetPath = 'xl/worksheets/sheet2.xml';
  const sheet = await zip.file(sheetPath)!.async('string');
  if (!sheet.includes('xmlns:r=')) throw new Error('sheet2 lacks the relationships namespace');
  zip.file(sheetPath, sheet.replace('</worksheet>', '<drawing r:id="rIdChart1"/></worksheet>'));
  zip.file('xl/worksheets/_rels/sheet2.xml.rels', SHEET_RELS);
  zip.file('xl/drawings/drawing9.xml', DRAWING_XML);
  zip.file('xl/drawings/_rels/drawing9.xml.rels', DRAWING_RELS);
  zip.file('xl/charts/chart1.xml', CHART_XML);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Every part of a package, decompressed. */
export async function packageParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (!f.dir) out.set(name, await f.async('uint8array'));
  }
  return out;
}
