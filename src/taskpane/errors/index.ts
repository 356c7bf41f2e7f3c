export * from './pane-error';
