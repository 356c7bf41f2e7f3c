/** Templates: a table kind's spec placed on a sheet as cell writes, merges and the range to register. */
export { instantiateTemplate, drawTemplate, specTable, type TemplateBlock, type TemplatePlacement } from './instantiate';
