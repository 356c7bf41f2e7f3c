/**
 * Starts the pane: decides Excel vs standalone without ever hanging, builds the services the pane needs and
 * renders it. The boot gate in taskpane.html has already let office.js load, fail or time out
 * (window.__officeJsFailed); detectHost settles the rest.
 */
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../app';
import { detectHost, officeInfo, type HostInfo, type HostWindow } from './detect-host';
import { servicesFor } from '../compose';

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

function render(root: Root, host: HostInfo): void {
  root.render(<App services={servicesFor(host)} />);
}

export async function startPane(element: HTMLElement | null, win: HostWindow & Pick<Window, 'addEventListener'>): Promise<void> {
  mark('pane:script-start');
  if (!element) return;
  const root = createRoot(element);
  const host = await detectHost(win);
  mark('pane:host-known');
  render(root, host);
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
        render(root, officeInfo(String(info.host), office.context));
      }
    };
    if (host.reason === 'timeout') void switchIfInOffice();
    win.addEventListener(OFFICE_JS_LATE_EVENT, () => void switchIfInOffice(), { once: true });
  }
}
