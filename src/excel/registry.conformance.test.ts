import { describeRegistryConformance } from '../port/conformance';
import { ExcelWorkbook } from './excel-workbook';
import { FakeExcel } from './test-support';
import { runWithNames } from './test-support/fake-names';

// The shared fake Excel with workbook names added; `reopen` is a new adapter over the same workbook and names.
describeRegistryConformance('Office.js (ExcelWorkbook over a fake Excel with names)', async (sheets) => {
  const excel = FakeExcel.fromGrids(sheets);
  const names = new Map<string, string>();
  const open = () => new ExcelWorkbook({ run: runWithNames(excel, names), supportsMergedAreas: () => true });
  return { port: open(), reopen: async () => open() };
});
