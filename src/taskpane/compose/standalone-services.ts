// By path: the messages' index would pull in the finding messages and, through them, the engine.
import { readProblemReason } from '../../messages/read-problem-messages';
import { browserAcceptanceStore, type StorageLike } from '../acceptance';
import type { StandaloneServices } from '../services';

type XlsxReader = typeof import('../../xlsx/read-workbook');
type XlsxPatcher = typeof import('../../xlsx/patch');

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
    // Patch the original package (charts, comments, validation … carried over byte for byte), then read the
    // result back and check every write landed: the download is whole and right, or there is none.
    fillFile: async (data, sheets, writes) => {
      const { patchXlsxPackage, verifyPatched, isPatchError }: XlsxPatcher = await import(
        /* webpackChunkName: "xlsx" */
        // @ts-expect-error -- as above
        '../../xlsx/patch'
      );
      try {
        const { bytes } = await patchXlsxPackage(new Uint8Array(data), writes, { sheets });
        await verifyPatched(bytes, writes);
        return bytes;
      } catch (error) {
        throw isPatchError(error) ? patchRefusal(error) : error;
      }
    },
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

/** The patcher's refusal in the pane's words: nothing was made, and why (the reason is technical, kept as detail). */
export function patchRefusal(error: Error & { code?: string }): Error {
  const protectedSheet = error.code === 'protected';
  return Object.assign(new Error(error.message), {
    name: 'PatchRefusal',
    reason: protectedSheet
      ? {
          ko: '보호된 시트가 있어 채운 파일을 만들지 않았습니다. Excel에서 시트 보호를 해제하고 저장한 뒤 다시 여세요.',
          en: 'A sheet is protected, so no filled file was made. Unprotect it in Excel, save, and open the file again.',
        }
      : {
          ko: `이 파일은 안전하게 채울 수 없어 채운 파일을 만들지 않았습니다 (${error.message}). 원래 파일은 그대로입니다.`,
          en: `This file cannot be filled safely, so no filled file was made (${error.message}). The original is unchanged.`,
        },
  });
}

export { localStorageOrNull };
