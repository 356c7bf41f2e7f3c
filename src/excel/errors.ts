/**
 * Excel's refusals as data the pane can show: a stable `code`, a Korean and an English message, and Excel's own
 * code for support. Office.js rejects with `OfficeExtension.Error` (name 'RichApi.Error', a string `code`);
 * anything else reaching the adapter is a programmer error and is rethrown untouched.
 */

export type ExcelProblemCode =
  | 'cell-editing'
  | 'sheet-protected'
  | 'sheet-not-found'
  | 'sheet-hidden'
  | 'access-denied'
  | 'busy'
  | 'too-large'
  | 'not-supported'
  | 'invalid-selection'
  | 'unknown';

export interface ExcelProblem {
  code: ExcelProblemCode;
  message: { ko: string; en: string };
  /** Excel's error code ('InvalidOperationInCellEditMode', 'ItemNotFound' …) when Excel gave one. */
  excelCode?: string;
  /** The sheet concerned, when known. */
  sheet?: string;
}

/** Thrown by the Office.js adapter; `problem` is what the pane shows. */
export class ExcelAdapterError extends Error {
  readonly problem: ExcelProblem;

  constructor(problem: ExcelProblem, options?: { cause?: unknown }) {
    super(problem.message.en, options);
    this.name = 'ExcelAdapterError';
    this.problem = problem;
  }

  get code(): ExcelProblemCode {
    return this.problem.code;
  }
}

export function isExcelAdapterError(error: unknown): error is ExcelAdapterError {
  return error instanceof ExcelAdapterError;
}

const MESSAGES: Record<ExcelProblemCode, (sheet: string | undefined, detail: string | undefined) => ExcelProblem['message']> = {
  'cell-editing': () => ({
    ko: '셀을 편집하는 중이라 Excel이 요청을 받지 않습니다. Enter나 Esc로 편집을 끝낸 뒤 다시 시도하세요.',
    en: 'Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.',
  }),
  'sheet-protected': (sheet) => ({
    ko: `'${sheet ?? '?'}' 시트가 보호되어 있어 쓸 수 없습니다. [검토] > [시트 보호 해제] 후 다시 시도하세요.`,
    en: `Sheet '${sheet ?? '?'}' is protected, so nothing was written. Unprotect it (Review > Unprotect Sheet) and try again.`,
  }),
  'sheet-not-found': (sheet) => ({
    ko: `'${sheet ?? '?'}' 시트가 없습니다. 이름이 바뀌었거나 삭제되었습니다. 다시 검사하세요.`,
    en: `There is no sheet '${sheet ?? '?'}': it was renamed or deleted. Check the workbook again.`,
  }),
  'sheet-hidden': (sheet) => ({
    ko: `'${sheet ?? '?'}' 시트가 숨겨져 있어 이동할 수 없습니다. 시트 숨기기를 취소한 뒤 다시 누르세요.`,
    en: `Sheet '${sheet ?? '?'}' is hidden, so the cell cannot be shown. Unhide the sheet and try again.`,
  }),
  'access-denied': () => ({
    ko: '이 통합 문서를 바꿀 권한이 없습니다(읽기 전용이거나 보호됨). 편집 가능한 사본에서 다시 시도하세요.',
    en: 'You cannot change this workbook (it is read-only or protected). Try again on an editable copy.',
  }),
  busy: () => ({
    ko: 'Excel이 지금 요청을 처리하지 못했습니다(다른 작업 중). 잠시 후 다시 시도하세요.',
    en: 'Excel could not take the request just now (it is busy). Wait a moment and try again.',
  }),
  'too-large': () => ({
    ko: '통합 문서가 너무 커서 한 번에 읽거나 쓸 수 없습니다. 필요 없는 시트를 줄이거나 선택 영역만 검사하세요.',
    en: 'The workbook is too large to read or write in one go. Remove sheets you do not need, or check the selection only.',
  }),
  'not-supported': () => ({
    ko: '이 Excel 버전에서는 지원하지 않는 기능입니다. Microsoft 365나 Excel 2021 이상에서 사용하세요.',
    en: 'This version of Excel does not support that. Use Microsoft 365 or Excel 2021 or later.',
  }),
  'invalid-selection': () => ({
    ko: '셀 범위가 선택되어 있지 않습니다(도형이나 차트가 선택됨). 셀을 선택한 뒤 다시 시도하세요.',
    en: 'No cells are selected (a shape or chart is). Select cells and try again.',
  }),
  unknown: (_sheet, detail) => ({
    ko: `Excel이 요청을 거부했습니다${detail ? `: ${detail}` : '.'} 다시 시도하고, 계속되면 이 메시지를 담당자에게 알려 주세요.`,
    en: `Excel refused the request${detail ? `: ${detail}` : '.'} Try again; if it keeps happening, report this message.`,
  }),
};

export function excelProblem(code: ExcelProblemCode, extra: { sheet?: string; excelCode?: string; detail?: string } = {}): ExcelProblem {
  const problem: ExcelProblem = { code, message: MESSAGES[code](extra.sheet, extra.detail) };
  if (extra.excelCode) problem.excelCode = extra.excelCode;
  if (extra.sheet !== undefined) problem.sheet = extra.sheet;
  return problem;
}

/** Excel's codes (Excel.ErrorCodes, OfficeExtension.ErrorCodes) grouped by what the user can do about them. */
const BY_EXCEL_CODE: Record<string, ExcelProblemCode> = {
  InvalidOperationInCellEditMode: 'cell-editing',
  ItemNotFound: 'sheet-not-found',
  AccessDenied: 'access-denied',
  GeneralException: 'busy',
  Conflict: 'busy',
  RequestAborted: 'busy',
  ActivityLimitReached: 'busy',
  Timeout: 'busy',
  ServiceNotAvailable: 'busy',
  InactiveWorkbook: 'busy',
  ResponsePayloadSizeLimitExceeded: 'too-large',
  RequestPayloadSizeLimitExceeded: 'too-large',
  RangeExceedsLimit: 'too-large',
  OperationCellsExceedLimit: 'too-large',
  ApiNotFound: 'not-supported',
  NotImplemented: 'not-supported',
  UnsupportedOperation: 'not-supported',
  UnsupportedFeature: 'not-supported',
  InvalidSelection: 'invalid-selection',
};

/** Excel error codes meaning "this request was too big": the reader answers them by reading in chunks. */
export const TOO_LARGE_CODES: ReadonlySet<string> = new Set(
  Object.entries(BY_EXCEL_CODE)
    .filter(([, code]) => code === 'too-large')
    .map(([excelCode]) => excelCode),
);

/** The `code` of an Office.js error (OfficeExtension.Error / RichApi.Error), or undefined for anything else. */
export function excelErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * An Office.js rejection as an ExcelAdapterError; `sheet` names the sheet the request was about when the
 * caller knows it. Errors that are not Office.js errors (bugs) come back unchanged.
 */
export function toAdapterError(error: unknown, context: { sheet?: string } = {}): unknown {
  if (error instanceof ExcelAdapterError) return error;
  const excelCode = excelErrorCode(error);
  if (!excelCode) return error;
  const code = BY_EXCEL_CODE[excelCode] ?? 'unknown';
  const detail = code === 'unknown' ? `${excelCode}${messageOf(error) ? ` (${messageOf(error)})` : ''}` : undefined;
  return new ExcelAdapterError(excelProblem(code, { sheet: context.sheet, excelCode, detail }), { cause: error });
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}
