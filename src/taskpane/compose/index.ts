// Only what start-up needs: the engine kit and the Office adapter are reached through chunkLoaders.
export * from './standalone-services';
export * from './services-for';
export * from './chunk-loaders';
export * from './lazy-engine';
