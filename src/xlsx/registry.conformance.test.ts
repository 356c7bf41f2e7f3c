import { describeRegistryConformance } from '../port/conformance';
import { gridsToXlsxBuffer } from './write-grids';
import { XlsxWorkbook } from './xlsx-workbook';

describeRegistryConformance('exceljs (XlsxWorkbook)', async (sheets) => {
  const port = await XlsxWorkbook.fromBuffer(await gridsToXlsxBuffer(sheets));
  return { port, reopen: async () => XlsxWorkbook.fromBuffer(await port.toBuffer()) };
});
