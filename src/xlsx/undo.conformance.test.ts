import { describeUndoConformance } from '../port/conformance';
import { gridsToXlsxBuffer } from './write-grids';
import { XlsxWorkbook } from './xlsx-workbook';

// Through real bytes: opened from a written file, reopened from its own output (the log travels with the file).
describeUndoConformance('exceljs (XlsxWorkbook)', async (sheets) => {
  const port = await XlsxWorkbook.fromBuffer(await gridsToXlsxBuffer(sheets));
  return { port, reopen: async () => XlsxWorkbook.fromBuffer(await port.toBuffer()) };
});
