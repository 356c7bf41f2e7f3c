export * from './file-picker';
export type * from './file-picker.types';
export { readFileBytes } from './read-file-bytes';
