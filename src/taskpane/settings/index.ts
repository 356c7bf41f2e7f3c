export * from './rounding-setting';
