import { describeUndoConformance } from '../port/conformance';
import { ExcelWorkbook } from './excel-workbook';
import { FakeExcel } from './test-support';
import { runWithNames } from './test-support/fake-names';

// The fake Excel with names; `reopen` is a new adapter (a new pane: nothing remembered of the log).
describeUndoConformance('Office.js (ExcelWorkbook over a fake Excel with names)', async (sheets) => {
  const excel = FakeExcel.fromGrids(sheets);
  const names = new Map<string, string>();
  const open = () => new ExcelWorkbook({ run: runWithNames(excel, names), supportsMergedAreas: () => true });
  return { port: open(), reopen: async () => open() };
});
