export * from './rounding-setting';
export * from './rounding-policy';
