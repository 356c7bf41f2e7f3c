export * from './workbook-port';
export * from './workbook-change';
export * from './change-errors';
