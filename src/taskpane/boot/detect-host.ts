/// <reference types="office-js" />
import { langFromLocale, type Lang } from '../strings';

export type ThemeKind = 'light' | 'dark';

export type HostInfo =
  | { mode: 'office'; host: string; lang: Lang; theme: ThemeKind }
  | {
      mode: 'standalone';
      /** Why the pane is standalone; shown nowhere, but useful when someone asks "why not Excel?". */
      reason: 'no-office-js' | 'office-js-failed' | 'not-in-office' | 'timeout';
      lang: Lang;
      theme: ThemeKind;
    };

/** The part of `window` the detection reads: injected so tests do not need a real Office. */
export type OfficeContextLike = Partial<Pick<Office.Context, 'displayLanguage' | 'officeTheme'>>;

export interface HostWindow {
  Office?: { onReady: () => Promise<{ host: unknown }>; context?: OfficeContextLike };
  /** Set by taskpane.html when the office.js script fails to load (see docs/addin.md). */
  __officeJsFailed?: boolean;
  navigator?: { language?: string };
  matchMedia?: (query: string) => { matches: boolean };
}

/**
 * Short on purpose: outside Office, office.js resolves onReady at once with host null; a blocked or slow
 * CDN must not leave the user staring at nothing. If Office answers later the pane switches (see index.tsx).
 */
export const OFFICE_READY_TIMEOUT_MS = 1500;

/**
 * Decides Office vs standalone without ever hanging: office.js missing or failed → standalone at once;
 * otherwise Office.onReady races a timeout. Never rejects.
 */
export async function detectHost(win: HostWindow, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostInfo> {
  const standalone = (reason: Extract<HostInfo, { mode: 'standalone' }>['reason']): HostInfo => ({
    mode: 'standalone',
    reason,
    lang: langFromLocale(win.navigator?.language),
    theme: win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  });

  if (win.__officeJsFailed) return standalone('office-js-failed');
  const office = win.Office;
  if (!office || typeof office.onReady !== 'function') return standalone('no-office-js');

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let info: { host: unknown } | 'timeout' | 'failed';
  try {
    info = await Promise.race([Promise.resolve(office.onReady()).catch(() => 'failed' as const), timeout]);
  } catch {
    // onReady itself threw synchronously: office.js is there but broken.
    info = 'failed';
  } finally {
    clearTimeout(timer);
  }
  if (info === 'timeout') return standalone('timeout');
  if (info === 'failed') return standalone('office-js-failed');
  if (!info || !info.host) return standalone('not-in-office');
  return officeInfo(String(info.host), office.context);
}

/** Host info once Office has answered (also used when onReady resolves after the timeout). */
export function officeInfo(host: string, context: OfficeContextLike | undefined): HostInfo {
  return {
    mode: 'office',
    host,
    lang: langFromLocale(context?.displayLanguage ?? 'ko-KR'),
    theme: themeFromOffice(context?.officeTheme?.bodyBackgroundColor),
  };
}

/** Office reports its theme as colours; a dark body background means a dark theme (Black / Dark Gray). */
export function themeFromOffice(bodyBackgroundColor: string | undefined): ThemeKind {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}
