/**
 * Fakes for the pane's tests: the pane takes everything from PaneServices, so tests hand in a scripted engine,
 * an in-memory workbook port and stores, and never need Office, exceljs or the real engine.
 */
import type { CellWrite, CheckResult, CheckScope, Finding, SheetGrid, Table } from '../../engine';
import type { FillPreview } from '../fill/fill.types';
import type { Selection } from '../../port';
import { memoryAcceptanceStore, type AcceptanceMap, type AcceptanceStore } from '../acceptance';
import type { HostInfo } from '../boot';
import type { PaneServices } from '../services';
import type { Lang } from '../strings';

export function table(id: string, sheet: string, range: { r0: number; c0: number; r1: number; c1: number }, title?: string): Table {
  return {
    id,
    sheet,
    range,
    headerRows: 1,
    labelCols: 1,
    kind: 'budget-by-year',
    title,
    captions: [],
    headers: [],
    columns: [],
    rows: [],
    relations: [],
  };
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'rule' | 'sheet' | 'cell'>): Finding {
  return { severity: 'error', ...partial };
}

export const sheetGrid = (name: string): SheetGrid => ({ name, cells: [[{ v: name }]], merges: [] });

export function standaloneHost(lang: Lang = 'ko'): HostInfo {
  return { mode: 'standalone', reason: 'not-in-office', lang, theme: 'light' };
}

export function officeHost(lang: Lang = 'ko'): HostInfo {
  return { mode: 'office', host: 'Excel', lang, theme: 'light' };
}

/** A message that shows which language and finding it was made for, so tests can tell them apart. */
export const fakeFormat = (f: Finding, lang: Lang) => `[${lang}] ${f.rule} @ ${f.sheet}!${f.cell}`;

export interface FakeOptions {
  host?: HostInfo;
  /** What the engine returns; a function sees the grids and options it was called with. */
  result?: CheckResult | ((sheets: SheetGrid[]) => CheckResult);
  sheets?: SheetGrid[];
  readWorkbook?: (data: ArrayBuffer, name: string) => Promise<SheetGrid[]>;
  selection?: Selection | null;
  acceptances?: AcceptanceStore;
  initialAcceptances?: AcceptanceMap;
  /** What Fill's preview says; a function sees the grids and scope it was planned for. */
  fill?: FillPreview | ((sheets: SheetGrid[], scope?: CheckScope) => FillPreview);
  /** The undo log the workbook holds (Office): entries as labels, newest last. Shared between renders = the workbook. */
  undoLog?: string[];
  /** Make the next apply/undo fail with this error. */
  writeError?: unknown;
}

/** A preview with these writes and conflicts (counts follow from them; every write is a total unless said). */
export function fillPreview(writes: CellWrite[], conflicts: Finding[] = [], extra: Partial<FillPreview> = {}): FillPreview {
  const counts = (list: CellWrite[]) => ({ writes: list.length, totals: list.length, rates: 0, differences: 0, captions: 0, toFormulas: 0 });
  const forced = [
    ...writes,
    ...conflicts.map((f) => ({ sheet: f.sheet, row: 0, col: 0, formula: `SUM(${f.cell})`, value: f.expected as number })),
  ];
  return {
    plannedOn: [],
    tables: 1,
    writes,
    counts: counts(writes),
    overwriteWrites: forced,
    overwriteCounts: counts(forced),
    conflicts,
    ...extra,
  };
}

export function fakeServices(options: FakeOptions = {}) {
  const host = options.host ?? standaloneHost();
  const sheets = options.sheets ?? [sheetGrid('기획예산과')];
  const result = options.result ?? { tables: [], findings: [] };
  const checkWorkbook = jest.fn((grids: SheetGrid[], _options?: { rounding: string }, _scope?: CheckScope) => (typeof result === 'function' ? result(grids) : result));
  const readWorkbook = jest.fn(options.readWorkbook ?? (async () => sheets));
  const store = options.acceptances ?? memoryAcceptanceStore(options.initialAcceptances);
  const save = jest.spyOn(store, 'save');
  const stores = new Map<string, AcceptanceStore>();
  const acceptancesFor = jest.fn((name: string) => {
    if (!stores.has(name)) stores.set(name, store);
    return stores.get(name)!;
  });
  const port = {
    readSheets: jest.fn(async () => sheets),
    getSelection: jest.fn(async () => options.selection ?? null),
    writeCells: jest.fn(async () => undefined),
  };
  const selectCell = jest.fn(async (_sheet: string, _a1: string) => undefined);
  const undoLog = options.undoLog ?? [];
  const failNext = { error: options.writeError };
  const takeFailure = () => {
    const error = failNext.error;
    failNext.error = undefined;
    if (error) throw error;
  };
  const undo = {
    peek: jest.fn(async () => ({ count: undoLog.length, label: undoLog[undoLog.length - 1] ?? null })),
    apply: jest.fn(async (_writes: CellWrite[], label: string, _plannedOn?: SheetGrid[]) => {
      takeFailure();
      undoLog.push(label);
    }),
    undoLast: jest.fn(async () => {
      takeFailure();
      undoLog.pop();
    }),
  };
  const fill = options.fill ?? fillPreview([]);
  const previewFill = jest.fn((grids: SheetGrid[], _options: { rounding: string }, scope?: CheckScope) =>
    typeof fill === 'function' ? fill(grids, scope) : fill,
  );
  const fillFile = jest.fn(async (_data: ArrayBuffer, _sheets: SheetGrid[], _writes: CellWrite[]) => {
    takeFailure();
    return new Uint8Array([0x50, 0x4b, 5, 6]);
  });
  const rounding = { value: null as null | 'half-up' | 'truncate' };
  const services: PaneServices = {
    host,
    checkWorkbook,
    formatFinding: jest.fn(fakeFormat),
    previewFill,
    office: host.mode === 'office' ? { port, selectCell, acceptances: store, undo } : undefined,
    standalone: host.mode === 'standalone' ? { readWorkbook, acceptancesFor, fillFile } : undefined,
    preferences: {
      loadRounding: () => rounding.value,
      saveRounding: jest.fn((p) => {
        rounding.value = p;
      }),
    },
  };
  return { services, checkWorkbook, readWorkbook, port, selectCell, store, save, acceptancesFor, undo, undoLog, previewFill, fillFile, failNext };
}

/** Fluent UI reads a few browser APIs jsdom does not have. */
export function installDomPolyfills(): void {
  const w = window as unknown as Record<string, unknown>;
  if (!w.matchMedia) {
    w.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  if (!w.ResizeObserver) {
    w.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

export function xlsxFile(name: string, bytes: number[] = [0x50, 0x4b, 3, 4]): File {
  return new File([new Uint8Array(bytes)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
