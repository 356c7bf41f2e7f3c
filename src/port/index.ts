export * from './workbook-port';
