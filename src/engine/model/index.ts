export * from './table';
export * from './finding';
export * from './options';
export * from './result';
export * from './cell-write';
export * from './relation-target';
