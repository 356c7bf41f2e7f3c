/** Types for scripts/pane-harness.js (plain CommonJS so scripts/bench-pane.js can require it). */
import type { BrowserContext, Page } from 'playwright-core';

export declare const ROOT: string;
export declare const DIST: string;
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function ensureBuilt(options?: { force?: boolean }): string;
export declare function serveDir(dir?: string): Promise<{ origin: string; close(): Promise<void> }>;
export declare function launchOffline(options?: {
  locale?: string;
  viewport?: { width: number; height: number };
  /** 'route' (default) intercepts and records every request; 'resolver' blocks by DNS rules, at no cost per request. */
  block?: 'route' | 'resolver';
}): Promise<{ context: BrowserContext; page: Page; blocked: string[]; close(): Promise<void> }>;
export declare function isLoopback(url: string): boolean;
