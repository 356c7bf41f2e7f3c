import type { Lang, StringKey, Strings } from '../strings';

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
  /** A precise message the adapter already wrote in both languages (src/excel's ExcelAdapterError). */
  message?: { ko: string; en: string };
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
 * The xlsx reader throws WorkbookReadError carrying `problem.code` (src/xlsx/read-problem.ts), to which the
 * standalone services add `reason` (the precise words from src/messages). Matched by shape rather than
 * `instanceof` so the pane's start-up chunk need not import the exceljs adapter.
 */
export function classifyFileError(e: unknown): PaneError {
  const kind = fileErrorKind(e);
  const reason = (e as { reason?: { ko?: unknown; en?: unknown } } | null)?.reason;
  if (reason && typeof reason.ko === 'string' && typeof reason.en === 'string') {
    return { ...kind, message: { ko: reason.ko, en: reason.en } };
  }
  return kind;
}

function fileErrorKind(e: unknown): PaneError {
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
 * Excel's refusals arrive from src/excel as ExcelAdapterError (`problem.code` such as 'cell-editing', with a
 * Korean and English message), or raw as OfficeExtension.Error (`code` such as InvalidOperationInCellEditMode);
 * both are recognised here.
 */
export function classifyExcelError(e: unknown): PaneError {
  const fields = e && typeof e === 'object' ? (e as Record<string, unknown>) : {};
  const problem = (fields.problem && typeof fields.problem === 'object' ? fields.problem : {}) as Record<string, unknown>;
  const tags = [problem.code, fields.code, fields.kind, fields.name].filter((x): x is string => typeof x === 'string').join(' ');
  const detail = messageOf(e);
  const text = `${tags} ${detail ?? ''}`;
  const m = problem.message as { ko?: unknown; en?: unknown } | undefined;
  const message = m && typeof m.ko === 'string' && typeof m.en === 'string' ? { ko: m.ko, en: m.en } : undefined;
  const kind: PaneErrorKind = /edit-?mode|cell-?edit/i.test(text)
    ? 'cell-edit-mode'
    : /protect|access-?denied/i.test(text)
      ? 'protected'
      : /busy|ActivityLimitReached|Throttl|RequestAborted|Timeout/i.test(text)
        ? 'busy'
        : 'unknown';
  return message ? { kind, detail, message } : { kind, detail };
}

/** The adapter's own message when it wrote one (it knows the sheet and Excel's code), else the pane's. */
export function errorMessage(error: PaneError, strings: Strings, lang: Lang): string {
  return error.message?.[lang] ?? strings[ERROR_MESSAGE[error.kind]];
}
