export * from './types';
export * from './a1';
