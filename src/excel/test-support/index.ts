export { FakeExcel, richApiError, type FakeExcelOptions, type FakeSheet } from './fake-excel';
export { budgetSheet, manySheetWorkbook } from './workbooks';
