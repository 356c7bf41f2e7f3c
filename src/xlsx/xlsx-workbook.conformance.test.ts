import { describeWorkbookPortConformance } from '../port/conformance';
import { gridsToXlsxBuffer } from './write-grids';
import { XlsxWorkbook } from './xlsx-workbook';

// Through real bytes both ways: the port is opened from a written file, and reopened from its own output.
describeWorkbookPortConformance('exceljs (XlsxWorkbook)', async (sheets) => {
  const port = await XlsxWorkbook.fromBuffer(await gridsToXlsxBuffer(sheets));
  return { port, reopen: async () => XlsxWorkbook.fromBuffer(await port.toBuffer()) };
});

describeWorkbookPortConformance('exceljs (XlsxWorkbook.fromGrids, in memory)', async (sheets) => {
  const port = XlsxWorkbook.fromGrids(sheets);
  return { port, reopen: async () => XlsxWorkbook.fromBuffer(await port.toBuffer()) };
});
