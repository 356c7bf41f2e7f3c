import type { CellRange, CheckResult, Finding, RoundingPolicy } from '../../engine';
import type { Acceptance, AcceptanceMap } from '../acceptance';
import type { OpenedFile } from '../fill/use-fill';
import type { PaneError } from '../errors';
import type { Lang, Strings } from '../strings';

/** What was checked: the whole workbook, the selection, or a file opened in standalone mode. */
export type CheckSource =
  | { kind: 'workbook' }
  | { kind: 'selection'; sheet: string; range: CellRange }
  | { kind: 'file'; name: string };

export type PanePhase =
  | { kind: 'idle' }
  | { kind: 'busy'; step: 'reading' | 'checking'; source: CheckSource }
  | { kind: 'done'; source: CheckSource; result: CheckResult }
  | { kind: 'error'; source?: CheckSource; error: PaneError };

/** A finding as the pane shows it: with its message and, when a reviewer accepted it, the acceptance. */
export interface ShownFinding {
  key: string;
  finding: Finding;
  message: string;
  /** The rule's short name in the pane's language. */
  ruleTitle: string;
  acceptance?: Acceptance;
}

export interface PaneCounts {
  tables: number;
  errors: number;
  warnings: number;
  infos: number;
  accepted: number;
}

export interface PaneState {
  mode: 'office' | 'standalone';
  lang: Lang;
  strings: Strings;
  phase: PanePhase;
  rounding: RoundingPolicy;
  /** Findings still open (not accepted), in the engine's order. */
  open: ShownFinding[];
  accepted: ShownFinding[];
  counts: PaneCounts | null;
  acceptances: AcceptanceMap;
  selectedKey: string | null;
  /** A short-lived problem that does not replace the results (navigation failed, an acceptance not saved). */
  notice: string | null;
  /** Standalone: the file last opened (its bytes, for Fill's download). */
  openedFile: OpenedFile | null;
}

export interface PaneActions {
  checkWorkbook(): Promise<void>;
  checkSelection(): Promise<void>;
  openFile(file: File): Promise<void>;
  setRounding(policy: RoundingPolicy): void;
  accept(finding: Finding, note: string): Promise<void>;
  reopen(key: string): Promise<void>;
  selectFinding(finding: ShownFinding): void;
  dismissNotice(): void;
}

export interface PaneProps {
  /** Overrides the language the host suggests (tests, or a user's choice). */
  lang?: Lang;
}
