export * from './pane-services';
export * from './preferences';
