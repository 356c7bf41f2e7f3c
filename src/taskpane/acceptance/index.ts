export * from './acceptance-store';
