import type { StringKey } from '../strings';

/** Why a check could not run, as the pane explains it. */
export type PaneErrorKind =
  | 'unreadable-file'
  | 'ole-file'
  | 'empty-file'
  | 'drm-file'
  | 'hancom-file'
  | 'cell-edit-mode'
  | 'protected'
  | 'busy'
  | 'unknown';

export interface PaneError {
  kind: PaneErrorKind;
  /** The original message, for the "details" disclosure (never a stack trace). */
  detail?: string;
}

export const ERROR_MESSAGE: Record<PaneErrorKind, StringKey> = {
  'unreadable-file': 'errorUnreadableFile',
  'ole-file': 'errorOleFile',
  'empty-file': 'errorEmptyFile',
  'drm-file': 'errorDrmFile',
  'hancom-file': 'errorHancomFile',
  'cell-edit-mode': 'errorCellEditMode',
  protected: 'errorProtected',
  busy: 'errorBusy',
  unknown: 'errorUnknown',
};

function messageOf(e: unknown): string | undefined {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return undefined;
}

/**
 * The xlsx reader throws WorkbookReadError carrying `problem.code` (src/xlsx/read-problem.ts). Matched by
 * shape rather than `instanceof` so the pane's start-up chunk need not import the exceljs adapter.
 */
export function classifyFileError(e: unknown): PaneError {
  const code = (e as { problem?: { code?: unknown } } | null)?.problem?.code;
  const detail = messageOf(e);
  switch (code) {
    case 'empty':
      return { kind: 'empty-file', detail };
    case 'legacy-xls':
    case 'encrypted':
      return { kind: 'ole-file', detail };
    case 'drm':
      return { kind: 'drm-file', detail };
    case 'hancom-cell':
      return { kind: 'hancom-file', detail };
    default:
      return { kind: 'unreadable-file', detail };
  }
}

/**
 * Excel's refusals arrive as OfficeExtension.Error (`code` such as InvalidOperationInCellEditMode,
 * AccessDenied) or, from src/excel, as errors carrying a short `kind`; both are recognised here.
 */
export function classifyExcelError(e: unknown): PaneError {
  const fields = e && typeof e === 'object' ? (e as Record<string, unknown>) : {};
  const tags = [fields.kind, fields.code, fields.name].filter((x): x is string => typeof x === 'string').join(' ');
  const detail = messageOf(e);
  const text = `${tags} ${detail ?? ''}`;
  if (/edit-?mode|cell-?edit|InvalidOperationInCellEditMode/i.test(text)) return { kind: 'cell-edit-mode', detail };
  if (/protect|AccessDenied/i.test(text)) return { kind: 'protected', detail };
  if (/busy|ActivityLimitReached|Throttl|RequestAborted|Timeout/i.test(text)) return { kind: 'busy', detail };
  return { kind: 'unknown', detail };
}
