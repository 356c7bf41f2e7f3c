export * from './grid-builder';
export * from './table-builder';
