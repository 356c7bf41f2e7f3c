// By path: the messages' index would pull in the finding messages and, through them, the engine.
import { readProblemReason } from '../../messages/read-problem-messages';
import { browserAcceptanceStore, type StorageLike } from '../acceptance';
import type { StandaloneServices } from '../services';

type XlsxReader = typeof import('../../xlsx/read-workbook');

function localStorageOrNull(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    // Some privacy settings throw on mere access.
    return null;
  }
}

/**
 * Standalone mode: .xlsx files are read in the page by the exceljs adapter, fetched as a separate chunk on the
 * first file so the pane's start-up never pays for exceljs. Nothing is uploaded anywhere.
 */
export function standaloneServices(): StandaloneServices {
  return {
    readWorkbook: async (data, fileName) => {
      const { readWorkbookBuffer }: XlsxReader = await import(
        /* webpackChunkName: "xlsx" */
        // @ts-expect-error -- tsconfig's nodenext wants '.js' on an import(); webpack resolves the .ts itself.
        '../../xlsx/read-workbook'
      );
      try {
        return await readWorkbookBuffer(data, { fileName });
      } catch (error) {
        throw withReason(error);
      }
    },
    acceptancesFor: (fileName) => browserAcceptanceStore(localStorageOrNull(), fileName),
  };
}

/**
 * The reader's WorkbookReadError says why as a code; attach the precise reason in both languages ("a text file,
 * not an Excel workbook") so the pane can say more than "cannot be read".
 */
export function withReason(error: unknown): unknown {
  const problem = (error as { problem?: { code?: unknown; detail?: unknown } } | null)?.problem;
  if (!problem || typeof problem.code !== 'string') return error;
  const p = { code: problem.code, detail: typeof problem.detail === 'string' ? problem.detail : undefined };
  return Object.assign(error as object, { reason: { ko: readProblemReason(p, 'ko'), en: readProblemReason(p, 'en') } });
}

export { localStorageOrNull };
