import type { XlsxWorkbook } from '../../xlsx/xlsx-workbook';
import type { StructureTarget } from './structured-services';
import type { WorkbookChange } from './workbook-change';

type XlsxModule = typeof import('../../xlsx/xlsx-workbook');

export const NEW_WORKBOOK_NAME = '보고서 표.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The standalone page's workbook: the file the user opened (or a new one), held in memory by the exceljs
 * adapter; every change goes into it and the pane offers the result as a download. Nothing leaves the page.
 */
/** The file the pane opened: its name and bytes. */
export interface OpenedBytes {
  name: string;
  data: ArrayBuffer;
}

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
    apply: async (change: WorkbookChange) => {
      const wb = await workbook();
      const raw = wb.workbook;
      for (const s of change.sheets) {
        const ws = raw.getWorksheet(s.name) ?? raw.addWorksheet(s.name);
        if (s.state === 'veryHidden') ws.state = 'veryHidden';
      }
      await wb.writeCells(change.writes);
      const bySheet = new Map<string, WorkbookChange['merges'][number]['range'][]>();
      change.merges.forEach((m) => bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m.range]));
      for (const [sheet, ranges] of bySheet) await wb.mergeCells(sheet, ranges);
      // RT_ ids are fresh (newTableId), so a name is only ever added here.
      for (const n of change.names) raw.definedNames.add(n.reference, n.name);
    },
    savedFile: async () => {
      const bytes = await (await workbook()).toBuffer();
      saved = new File([bytes as BlobPart], file?.name ?? NEW_WORKBOOK_NAME, { type: XLSX_TYPE });
      return saved;
    },
  };
}
