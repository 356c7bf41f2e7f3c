/** Read one workbook file and check it: the result, or the reason it could not be read. */
import type { CheckOptionsInput, CheckResult, SheetGrid } from '../../engine';
import type { CliDeps } from '../command';
import { readWorkbookFile } from '../../xlsx/read-file';
import { isWorkbookReadError, type ReadProblem } from '../../xlsx/read-problem';

export type FileOutcome =
  | { file: string; ok: true; sheets: SheetGrid[]; result: CheckResult }
  | { file: string; ok: false; problem: ReadProblem | { file: string; code: 'internal'; message: string; detail?: string } };

export async function checkFile(file: string, options: CheckOptionsInput, deps: CliDeps): Promise<FileOutcome> {
  let sheets: SheetGrid[];
  try {
    sheets = await readWorkbookFile(file);
  } catch (err) {
    if (isWorkbookReadError(err)) return { file, ok: false, problem: err.problem };
    return { file, ok: false, problem: internal(file, err) };
  }
  try {
    return { file, ok: true, sheets, result: deps.checkWorkbook(sheets, options) };
  } catch (err) {
    // An engine failure on one file must not stop the others; it is reported like an unreadable file.
    return { file, ok: false, problem: internal(file, err) };
  }
}

function internal(file: string, err: unknown) {
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { file, code: 'internal' as const, message: `${file}: internal error: ${detail}`, detail };
}
