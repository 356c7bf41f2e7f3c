export * from './grid-builder';
export * from './table-builder';
export * from './lines-layout';
