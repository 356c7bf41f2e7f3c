export * from './pane';
export type * from './pane.types';
