/**
 * One line per unreadable-file reason, naming the file and saying what to do. Codes are those of
 * src/xlsx/read-problem.ts (kept as a string here so messages do not depend on the adapter).
 */
import type { Lang } from './lang';

export interface ReadProblemLike {
  file: string;
  code: string;
  detail?: string;
}

type Texts = Record<Lang, (detail: string | undefined) => string>;

const TEXTS: Record<string, Texts> = {
  'not-found': {
    ko: () => '파일이 없습니다',
    en: () => 'no such file',
  },
  'is-directory': {
    ko: () => '파일이 아니라 폴더입니다',
    en: () => 'is a directory, not a file',
  },
  unreadable: {
    ko: (d) => `파일을 열 수 없습니다${d ? ` (${d})` : ''}`,
    en: (d) => `cannot be opened${d ? ` (${d})` : ''}`,
  },
  empty: {
    ko: () => '빈 파일입니다 (0바이트)',
    en: () => 'is empty (0 bytes)',
  },
  'not-zip': {
    ko: (d) =>
      d === 'text'
        ? '엑셀 파일이 아니라 텍스트 파일입니다 (.xlsx는 zip 형식이어야 합니다)'
        : '엑셀(.xlsx) 파일이 아닙니다 (zip 형식이 아님)',
    en: (d) =>
      d === 'text' ? 'is a text file, not an Excel workbook (.xlsx is a zip package)' : 'is not an Excel (.xlsx) workbook (not a zip package)',
  },
  'corrupt-zip': {
    ko: () => '파일이 손상되었습니다 (zip 구조가 깨짐). 원본을 다시 받거나 Excel에서 복구해 저장하세요',
    en: () => 'is damaged (broken zip structure); get the original again or repair it in Excel and save',
  },
  'not-xlsx': {
    ko: (d) =>
      d === 'no-sheets' ? '워크시트가 하나도 없습니다' : `엑셀 통합 문서가 아닙니다${d === 'OLE' ? ' (다른 Office 문서)' : ' (워크북 부분 없음)'}`,
    en: (d) =>
      d === 'no-sheets' ? 'has no worksheets' : `is not an Excel workbook${d === 'OLE' ? ' (another Office document)' : ' (no workbook part)'}`,
  },
  'legacy-xls': {
    ko: () => '옛 Excel 97-2003(.xls) 형식입니다. Excel에서 열어 .xlsx로 저장한 뒤 다시 확인하세요',
    en: () => 'is an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx, then check again',
  },
  encrypted: {
    ko: () => '암호가 걸린 통합 문서입니다. Excel에서 암호를 해제해 저장한 뒤 다시 확인하세요',
    en: () => 'is password-protected; remove the password in Excel (File > Info > Protect Workbook), save, and check again',
  },
  drm: {
    ko: (d) => `문서보안(DRM)으로 암호화된 파일입니다${d ? ` (${d})` : ''}. 문서보안 프로그램에서 복호화(해제)하거나 반출 승인을 받은 뒤 다시 확인하세요`,
    en: (d) => `is DRM-protected${d ? ` (${d})` : ''}; decrypt it (or export it) with your document-security client first, then check again`,
  },
  'hancom-cell': {
    ko: () => '한컴오피스 한셀(.cell) 파일입니다. 한셀에서 [다른 이름으로 저장] → Excel 통합 문서(.xlsx)로 저장하세요',
    en: () => 'is a Hancom Office Hancell (.cell) file; in Hancell use Save As → Excel workbook (.xlsx)',
  },
  'malformed-xml': {
    ko: (d) => `파일 안의 XML이 깨졌습니다${d ? ` (${d})` : ''}. Excel에서 열어 복구한 뒤 다시 저장하세요`,
    en: (d) => `has broken XML inside${d ? ` (${d})` : ''}; open it in Excel to repair it and save it again`,
  },
  unsupported: {
    ko: (d) => `이 프로그램이 아직 읽지 못하는 내용이 들어 있습니다${d ? ` (${d})` : ''}. Excel에서 열어 .xlsx로 다시 저장해 보세요`,
    en: (d) => `holds something this tool cannot read yet${d ? ` (${d})` : ''}; try opening it in Excel and saving it as .xlsx again`,
  },
};

/** The reason alone ("빈 파일입니다 (0바이트)"). */
export function readProblemReason(problem: Omit<ReadProblemLike, 'file'>, lang: Lang): string {
  const texts = TEXTS[problem.code];
  if (!texts) return lang === 'ko' ? `읽을 수 없습니다 (${problem.code})` : `cannot be read (${problem.code})`;
  return texts[lang](problem.detail);
}

/** One line naming the file and the reason: "book.xlsx: 빈 파일입니다 (0바이트)". */
export function readProblemMessage(problem: ReadProblemLike, lang: Lang): string {
  return `${problem.file}: ${readProblemReason(problem, lang)}`;
}
