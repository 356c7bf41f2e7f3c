/** Types for scripts/webpack-helpers.js (plain CommonJS so webpack.config.js can require it). */
export declare const DEV_URL: string;
export declare const OFFICE_JS_CDN: string;
export declare const LOCAL_OFFICE_JS_DIR: string;
export declare const OFFICE_JS_TIMEOUT_MS: number;
export declare const STARTUP_BUDGET_BYTES: number;
export declare function normalizeDeployUrl(raw: string): string;
export declare function rewriteManifestUrls(xml: string, deployUrl: string): string;
export declare function selectOfficeJsFiles(relPaths: string[]): string[];
export declare function officeJsUrl(options: { intranet: boolean }): string;
export interface StartupReport {
  entry: string;
  files: { file: string; bytes: number; gzip: number }[];
  gzip: number;
  budget: number;
  problems: string[];
}
export declare function startupReport(input: {
  entry: string;
  files: Record<string, string | Buffer>;
  modulesByFile: Record<string, string[]>;
  forbiddenPackage?: string;
  budget?: number;
}): StartupReport;
export declare function kb(n: number): string;
export declare function pageScriptSources(html: string): string[];
export declare function foreignScripts(html: string, options?: { intranet?: boolean }): string[];
