import type { ChunkLoaders } from './services-for';

type EngineChunk = typeof import('./engine-kit');
type OfficeChunk = typeof import('./office-services');

/** The page's loaders: each heavy part is its own webpack chunk, fetched from the add-in's own server. */
export const chunkLoaders: ChunkLoaders = {
  engine: async () => {
    const chunk: EngineChunk = await import(
      /* webpackChunkName: "engine" */
      // @ts-expect-error -- tsconfig's nodenext wants '.js' on an import(); webpack resolves the .ts itself.
      './engine-kit'
    );
    return chunk.engineKit;
  },
  office: () =>
    import(
      /* webpackChunkName: "office" */
      // @ts-expect-error -- as above
      './office-services'
    ) as Promise<OfficeChunk>,
};
