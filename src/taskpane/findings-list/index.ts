export * from './findings-list';
export { groupFindings } from './use-findings-list';
export type * from './findings-list.types';
