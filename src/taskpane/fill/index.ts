// The preview planner (./fill-preview) imports the engine: it is reached only through the engine chunk.
export { FillPanel, type FillPanelProps } from './fill-panel';
export { useFill, filledFileName, type OpenedFile, type UseFillOptions } from './use-fill';
export type * from './fill.types';
