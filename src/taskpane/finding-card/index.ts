export * from './finding-card';
export type * from './finding-card.types';
