import { describeWorkbookPortConformance } from '../port/conformance';
import { ExcelWorkbook } from './excel-workbook';
import { FakeExcel } from './test-support';

// The Office.js adapter against a fake Excel built from the grids; `reopen` is a new adapter over the same
// workbook, as after closing and opening the pane.
describeWorkbookPortConformance('Office.js (ExcelWorkbook over a fake Excel)', async (sheets) => {
  const excel = FakeExcel.fromGrids(sheets);
  const open = () => new ExcelWorkbook({ run: excel.run, supportsMergedAreas: () => true });
  return { port: open(), reopen: async () => open() };
});
