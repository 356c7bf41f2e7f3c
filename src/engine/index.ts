/**
 * The pure engine: plain grids in; tables, findings and cell writes out.
 * Nothing here may import Office, exceljs, React, Node or the DOM (enforced by ESLint).
 */
export * from './grid';
export * from './model';
export { checkWorkbook, type CheckScope } from './check-workbook';
export * from './fill';
export * from './undo';
export * from './templates';
export * from './registry';
export * from './summary';
