// The kit is not exported here: it is its own chunk, reached through ./structured-loaders.
export { StructuredPanel, type StructuredPanelProps } from './structured-panel';
export { StructuredServicesProvider, useStructuredServices, structuredServices, type StructuredServices, type StructureTarget, type StructuredOutcome } from './structured-services';
export { structuredServicesFor } from './structured-loaders';
export { useStructured } from './use-structured';
export type { WorkbookChange } from './workbook-change';
