export * from './standalone-services';
