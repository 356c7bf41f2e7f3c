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
      return readWorkbookBuffer(data, { fileName });
    },
    acceptancesFor: (fileName) => browserAcceptanceStore(localStorageOrNull(), fileName),
  };
}

export { localStorageOrNull };
