export * from './status-views';
