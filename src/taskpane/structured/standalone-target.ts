import type { XlsxWorkbook } from '../../xlsx/xlsx-workbook';
import type { StructureTarget } from './structured-services';
import type { WorkbookChange } from './workbook-change';

type XlsxModule = typeof import('../../xlsx/xlsx-workbook');

export const NEW_WORKBOOK_NAME = '보고서 표.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file the pane opened: its name and bytes. */
export interface OpenedBytes {
  name: string;
  data: ArrayBuffer;
}

/**
 * The standalone page's workbook: the file the user opened (or a new one), held in memory by the exceljs
 * adapter; every change goes into it and the pane offers the result as a download. Nothing leaves the page.
 *
 * Each change is an entry of the file's own undo log (the rows Excel's adapter keeps), so "Undo last change" in
 * Excel takes it back whole — sheets, merges, registered tables. The page itself offers no Undo: the file the
 * user opened is untouched, and the download is a new file.
 */
export function standaloneTarget(loadXlsx: () => Promise<XlsxModule>): StructureTarget & { remember(file: OpenedBytes | null): void } {
  let file: OpenedBytes | null = null;
  let saved: File | null = null;
  let book: Promise<XlsxWorkbook> | null = null;
  const workbook = () => {
    book ??= (async () => {
      const { XlsxWorkbook } = await loadXlsx();
      return file ? XlsxWorkbook.fromBuffer(file.data) : XlsxWorkbook.empty();
    })().catch((e: unknown) => {
      book = null;
      throw e;
    });
    return book;
  };
  return {
    remember: (next: OpenedBytes | null) => {
      if (next === file || next?.data === file?.data) return;
      file = next;
      book = null;
    },
    readSheets: async () => (await workbook()).readSheets(),
    readRegistry: async () => (await workbook()).readRegistry(),
    selection: async () => null,
    charts: false,
    apply: async (change: WorkbookChange, label: string) => {
      await (await workbook()).applyChange(change, label);
    },
    savedFile: async () => {
      const bytes = await (await workbook()).toBuffer();
      saved = new File([bytes as BlobPart], file?.name ?? NEW_WORKBOOK_NAME, { type: XLSX_TYPE });
      return saved;
    },
  };
}
