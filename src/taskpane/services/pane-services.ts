import { createContext, useContext } from 'react';
import type { CellWrite, CheckResult, CheckScope, Finding, RoundingPolicy, RuleId, SheetGrid } from '../../engine';
import type { FillPreview } from '../fill/fill.types';
import type { WorkbookChange, WorkbookPort } from '../../port';
import type { AcceptanceStore } from '../acceptance';
import type { HostInfo } from '../boot';
import type { Lang } from '../strings';

/** What Excel adds: the open workbook, navigation, and the workbook's own settings for acceptances. */
export interface OfficeServices {
  port: WorkbookPort;
  /** Activate the sheet and select the cell (A1). */
  selectCell(sheet: string, a1: string): Promise<void>;
  acceptances: AcceptanceStore;
  /** The workbook's own undo log (very-hidden sheet): every write the pane makes goes through it. */
  undo?: UndoServices;
}

/** What "Undo last change" needs; the log lives in the workbook, so it outlives the pane. */
export interface UndoServices {
  /** How many changes can be undone, and what the newest was ('fill' …). */
  peek(): Promise<{ count: number; label: string | null }>;
  /** Write and log in one go; `plannedOn` refuses the batch if a target cell changed since the preview. */
  apply(writes: CellWrite[], label: string, plannedOn?: SheetGrid[]): Promise<void>;
  /** A structural change (template, import, adopt, summary) as one entry: undo takes off its sheets, merges, tables, chart. */
  applyChange?(change: WorkbookChange, label: string): Promise<void>;
  /** Undo the newest entry; says which added sheets were kept because someone typed in them since. */
  undoLast(): Promise<{ keptSheets: string[] } | void>;
  /** Called after every logged write or undo, whoever made it (the Undo button refreshes on it). */
  subscribe?(listener: () => void): () => void;
}

/** What standalone mode adds: reading a dropped/picked .xlsx, and acceptances kept per file name. */
export interface StandaloneServices {
  /** Loaded on demand (a separate chunk), so the pane's start-up does not pay for exceljs. */
  readWorkbook(data: ArrayBuffer, fileName: string): Promise<SheetGrid[]>;
  acceptancesFor(fileName: string): AcceptanceStore;
  /** The original file with the writes patched in, keeping every part it did not change (src/xlsx/patch). */
  fillFile?(data: ArrayBuffer, sheets: SheetGrid[], writes: CellWrite[]): Promise<Uint8Array>;
}

/** A small persisted preference (the rounding policy): document settings in Excel, localStorage outside. */
export interface PreferenceStore {
  loadRounding(): RoundingPolicy | null;
  saveRounding(policy: RoundingPolicy): void;
}

/**
 * Everything the pane needs from outside React, in one object so tests can hand in fakes instead of Office,
 * exceljs or the engine. The composition root (index.tsx) builds the real one.
 */
export interface PaneServices {
  host: HostInfo;
  /** May be asynchronous: the real one loads the engine as its own chunk on first use. */
  checkWorkbook(
    sheets: SheetGrid[],
    options: { rounding: RoundingPolicy },
    scope?: CheckScope,
  ): CheckResult | Promise<CheckResult>;
  formatFinding(finding: Finding, lang: Lang): string;
  /** A short name for a rule ("합계 불일치"); the rule id is shown when absent. */
  ruleTitle?(rule: RuleId, lang: Lang): string;
  /** What Fill would write (and leave alone) for the workbook or the tables a scope overlaps. */
  previewFill?(sheets: SheetGrid[], options: { rounding: RoundingPolicy }, scope?: CheckScope): FillPreview | Promise<FillPreview>;
  office?: OfficeServices;
  standalone?: StandaloneServices;
  preferences?: PreferenceStore;
}

const PaneServicesContext = createContext<PaneServices | null>(null);

export const PaneServicesProvider = PaneServicesContext.Provider;

export function usePaneServices(): PaneServices {
  const services = useContext(PaneServicesContext);
  if (!services) throw new Error('usePaneServices needs a <PaneServicesProvider> above it');
  return services;
}
