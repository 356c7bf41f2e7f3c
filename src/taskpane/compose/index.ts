export * from './standalone-services';
export * from './office-services';
export * from './services-for';
