/**
 * Why a workbook could not be read, as data. Messages for users are made in src/messages from `code`.
 * Classification works on bytes alone (plus the file name's extension), so it is shared by Node and the browser.
 */
export const READ_PROBLEM_CODES = [
  'not-found',
  'is-directory',
  'unreadable',
  'empty',
  'not-zip',
  'corrupt-zip',
  'not-xlsx',
  'legacy-xls',
  'encrypted',
  'drm',
  'hancom-cell',
  'malformed-xml',
  'unsupported',
] as const;
export type ReadProblemCode = (typeof READ_PROBLEM_CODES)[number];

/** A file that could not be read: which file, why (a stable code), and a one-line English message for logs. */
export interface ReadProblem {
  file: string;
  code: ReadProblemCode;
  message: string;
  /** Extra fact for the message (the DRM vendor, the part of the package with broken XML …). */
  detail?: string;
}

/** Thrown by the readers; carries the problem as data so callers never show a stack trace. */
export class WorkbookReadError extends Error {
  readonly problem: ReadProblem;
  constructor(problem: ReadProblem) {
    super(problem.message);
    this.name = 'WorkbookReadError';
    this.problem = problem;
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}
