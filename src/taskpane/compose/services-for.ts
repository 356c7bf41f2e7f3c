import type { HostInfo } from '../boot';
import { browserPreferences, type PaneServices } from '../services';
import type { EngineKit } from './engine-kit';
import { lazyEngine } from './lazy-engine';
import type { officeServices } from './office-services';
import { localStorageOrNull, standaloneServices } from './standalone-services';

/** How the heavy parts arrive: dynamic import() chunks in the page; plain requires in tests. */
export interface ChunkLoaders {
  engine(): Promise<EngineKit>;
  office(): Promise<{ officeServices: typeof officeServices }>;
}

/**
 * The real services for a host: the engine and messages (loaded after the first render), and Excel's adapter
 * or the file reader. Excel's adapter is loaded only inside Excel; exceljs only when a file is opened.
 */
export async function servicesFor(host: HostInfo, loaders: ChunkLoaders): Promise<PaneServices & { preload(): void }> {
  const { preload, ...engine } = lazyEngine(loaders.engine);
  const common = { host, ...engine, preload };
  if (host.mode === 'office') return { ...common, ...(await loaders.office()).officeServices() };
  return { ...common, standalone: standaloneServices(), preferences: browserPreferences(localStorageOrNull()) };
}
