export * from './grid-builder';
