export * from './detect-host';
