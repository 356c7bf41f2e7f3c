/** Why a workbook could not be patched safely; fill refuses with this reason instead of writing anything. */
export type PatchProblemCode =
  | 'not-a-workbook'
  | 'no-sheet'
  | 'unsupported-xml'
  | 'array-formula'
  | 'shared-formula'
  | 'styles'
  | 'protected'
  | 'verify-failed';

export class PatchError extends Error {
  readonly code: PatchProblemCode;
  constructor(code: PatchProblemCode, message: string) {
    super(message);
    this.name = 'PatchError';
    this.code = code;
  }
}

export function isPatchError(e: unknown): e is PatchError {
  return e instanceof PatchError;
}
