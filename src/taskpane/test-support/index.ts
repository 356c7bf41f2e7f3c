export * from './fake-services';
