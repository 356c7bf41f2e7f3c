/**
 * Starts the pane: decides Excel vs standalone without ever hanging, builds the services the pane needs and
 * renders it. The boot gate in taskpane.html has already let office.js load, fail or time out
 * (window.__officeJsFailed); detectHost settles the rest.
 */
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../app';
import { detectHost, officeInfo, type HostInfo, type HostWindow } from './detect-host';
import { chunkLoaders, servicesFor, type ChunkLoaders } from '../compose';

/** Fired by taskpane.html when office.js arrives after its boot timeout. */
const OFFICE_JS_LATE_EVENT = 'report-tables:office-js-late';

/** Marks for scripts/bench-pane.js: where the start-up time goes (script running → host known → rendered). */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // No User Timing: nothing to measure with.
  }
}

async function render(root: Root, host: HostInfo, loaders: ChunkLoaders): Promise<void> {
  const services = await servicesFor(host, loaders);
  root.render(<App services={services} />);
  // The engine is not needed to draw the pane, only to check: fetch it once the pane is on screen.
  setTimeout(services.preload, 0);
}

export async function startPane(
  element: HTMLElement | null,
  win: HostWindow & Pick<Window, 'addEventListener'>,
  loaders: ChunkLoaders = chunkLoaders,
): Promise<void> {
  mark('pane:script-start');
  if (!element) return;
  const root = createRoot(element);
  const host = await detectHost(win);
  mark('pane:host-known');
  await render(root, host, loaders);
  if (host.mode === 'standalone') {
    // Office may still answer late (a slow CDN, a slow host): switch to Excel mode if it turns out we are in it.
    let switched = false;
    const switchIfInOffice = async () => {
      const office = win.Office;
      if (!office || switched) return;
      const info = await Promise.resolve()
        .then(() => office.onReady())
        .catch(() => null);
      if (info?.host && !switched) {
        switched = true;
        await render(root, officeInfo(String(info.host), office.context), loaders);
      }
    };
    if (host.reason === 'timeout') void switchIfInOffice();
    win.addEventListener(OFFICE_JS_LATE_EVENT, () => void switchIfInOffice(), { once: true });
  }
}
