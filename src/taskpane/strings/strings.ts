/** UI language of the pane. Messages for findings come from src/messages in the same language. */
export type Lang = 'ko' | 'en';

/**
 * Korean is the product's language; English is the alternate for staff whose Office (or browser) is not
 * set to Korean. Keep both tables in step: the `satisfies` check below fails the build if a key is missing.
 */
const ko = {
  appTitle: '보고서 표 검사',
  modeOffice: '통합 문서 검사',
  modeStandalone: '파일 검사 (Excel 밖)',
  checkWorkbook: '통합 문서 검사',
  checkSelection: '선택 영역 검사',
  recheck: '다시 검사',
  openFile: '.xlsx 파일 열기',
  dropHere: '여기에 .xlsx 파일을 끌어다 놓거나',
  chooseFile: '파일 선택',
  fileStaysHere: '파일은 이 컴퓨터 밖으로 보내지지 않습니다. 모든 검사는 이 페이지 안에서 이루어집니다.',
  idleOffice: '「통합 문서 검사」를 누르면 모든 시트의 표에서 합계, 연도, 비율을 확인합니다.',
  idleStandalone: 'Excel 밖에서 열렸습니다. 검사할 .xlsx 파일을 여세요.',
  reading: '파일을 읽는 중…',
  readingWorkbook: '통합 문서를 읽는 중…',
  checking: '표를 검사하는 중…',
  summaryTables: '찾은 표',
  summaryErrors: '오류',
  summaryWarnings: '경고',
  summaryInfos: '참고',
  summaryAccepted: '승인됨',
  checkedSource: '검사 대상',
  selectionScope: '선택 영역',
  wholeWorkbook: '통합 문서 전체',
  noTablesTitle: '표를 찾지 못했습니다',
  noTablesBody: '합계(계·합계·소계) 행이나 열이 있는 숫자 표가 없습니다. 표가 있는 시트인지, 선택 영역이 표를 포함하는지 확인하세요.',
  allGoodTitle: '모든 합계가 맞습니다',
  allGoodBody: '찾은 표에서 고칠 곳이 없습니다.',
  allAcceptedBody: '남은 항목은 모두 검토자가 승인했습니다.',
  severityError: '오류',
  severityWarning: '경고',
  severityInfo: '참고',
  expected: '맞는 값',
  actual: '현재 값',
  cell: '셀',
  otherFindings: '표 밖',
  accept: '승인',
  acceptTitle: '이 항목을 승인합니다',
  acceptNoteLabel: '메모 (왜 그대로 두는지)',
  acceptNotePlaceholder: '예: 원 단위 반올림 차이, 예산서와 같음',
  acceptConfirm: '승인',
  cancel: '취소',
  acceptedSection: '승인한 항목',
  acceptedNote: '메모',
  reopen: '승인 취소',
  acceptSaveFailed: '승인을 저장하지 못했습니다. 다시 시도하세요.',
  rounding: '비율 반올림',
  roundingHalfUp: '반올림',
  roundingTruncate: '버림',
  settings: '설정',
  goToCell: '셀로 이동',
  errorTitle: '검사하지 못했습니다',
  errorUnreadableFile:
    '파일을 읽을 수 없습니다. .xlsx 형식의 Excel 통합 문서인지 확인하세요. 다른 프로그램(한셀 등)에서 만든 파일이면 Excel 통합 문서(.xlsx)로 다시 저장해 주세요.',
  errorOleFile:
    '암호가 걸린 파일이거나 옛 .xls 형식입니다. Excel에서 열어 암호를 풀거나 Excel 통합 문서(.xlsx)로 다시 저장해 주세요.',
  errorNotXlsx: '.xlsx 파일만 검사할 수 있습니다.',
  errorEmptyFile: '빈 파일입니다. 내용이 있는 .xlsx 파일을 여세요.',
  errorDrmFile:
    '문서보안(DRM)이 걸린 파일이라 읽을 수 없습니다. 문서보안 프로그램에서 암호화를 해제(반출)한 뒤 다시 여세요.',
  errorHancomFile: '한셀 파일입니다. 한셀에서 「다른 이름으로 저장」으로 Excel 통합 문서(.xlsx)로 저장한 뒤 여세요.',
  errorCellEditMode: 'Excel에서 셀을 편집하는 중입니다. Enter 또는 Esc로 편집을 마친 뒤 다시 시도하세요.',
  errorProtected: '보호된 시트라서 Excel이 요청을 거절했습니다. 시트 보호를 해제한 뒤 다시 시도하세요.',
  errorBusy: 'Excel이 다른 작업으로 바쁩니다. 잠시 후 다시 시도하세요.',
  errorNavigate: '이 셀로 이동하지 못했습니다.',
  errorUnknown: '예상하지 못한 문제가 생겼습니다. 다시 시도해 주세요.',
  errorDetails: '자세히',
  tryAgain: '다시 시도',
  dismiss: '닫기',
  language: '언어',
  findingsRegion: '검사 결과',
} as const;

export type StringKey = keyof typeof ko;
export type Strings = Record<StringKey, string>;

const en = {
  appTitle: 'Report table check',
  modeOffice: 'Check this workbook',
  modeStandalone: 'Check a file (outside Excel)',
  checkWorkbook: 'Check workbook',
  checkSelection: 'Check selection',
  recheck: 'Check again',
  openFile: 'Open an .xlsx file',
  dropHere: 'Drop an .xlsx file here, or',
  chooseFile: 'Choose a file',
  fileStaysHere: 'Your file never leaves this computer: every check runs inside this page.',
  idleOffice: 'Press “Check workbook” to check totals, years and rates in every table on every sheet.',
  idleStandalone: 'Opened outside Excel. Open an .xlsx file to check it.',
  reading: 'Reading the file…',
  readingWorkbook: 'Reading the workbook…',
  checking: 'Checking the tables…',
  summaryTables: 'Tables',
  summaryErrors: 'Errors',
  summaryWarnings: 'Warnings',
  summaryInfos: 'Notes',
  summaryAccepted: 'Accepted',
  checkedSource: 'Checked',
  selectionScope: 'Selection',
  wholeWorkbook: 'Whole workbook',
  noTablesTitle: 'No tables found',
  noTablesBody:
    'No numeric table with a total (계, 합계, 소계) row or column was found. Check that the sheet holds tables, or that the selection covers one.',
  allGoodTitle: 'All totals add up',
  allGoodBody: 'Nothing to fix in the tables found.',
  allAcceptedBody: 'Everything left has been accepted by a reviewer.',
  severityError: 'Error',
  severityWarning: 'Warning',
  severityInfo: 'Note',
  expected: 'Expected',
  actual: 'Found',
  cell: 'Cell',
  otherFindings: 'Outside tables',
  accept: 'Accept',
  acceptTitle: 'Accept this finding',
  acceptNoteLabel: 'Note (why it stays as it is)',
  acceptNotePlaceholder: 'e.g. rounding in won, matches the budget book',
  acceptConfirm: 'Accept',
  cancel: 'Cancel',
  acceptedSection: 'Accepted findings',
  acceptedNote: 'Note',
  reopen: 'Re-open',
  acceptSaveFailed: 'Could not save the acceptance. Please try again.',
  rounding: 'Rate rounding',
  roundingHalfUp: 'Half up',
  roundingTruncate: 'Truncate',
  settings: 'Settings',
  goToCell: 'Go to cell',
  errorTitle: 'Could not check',
  errorUnreadableFile:
    'This file cannot be read. Make sure it is an Excel workbook (.xlsx). If another program (such as Hancom Cell) made it, save it again as an Excel workbook (.xlsx).',
  errorOleFile:
    'This file is password-protected or in the old .xls format. Open it in Excel, remove the password or save it as an Excel workbook (.xlsx).',
  errorNotXlsx: 'Only .xlsx files can be checked.',
  errorEmptyFile: 'The file is empty. Open an .xlsx file with content.',
  errorDrmFile:
    'This file is protected by document DRM and cannot be read. Decrypt (export) it with your DRM program, then open it again.',
  errorHancomFile: 'This is a Hancom Cell file. In Hancom Cell use “Save as” to save it as an Excel workbook (.xlsx), then open that.',
  errorCellEditMode: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  errorProtected: 'Excel refused because the sheet is protected. Unprotect the sheet and try again.',
  errorBusy: 'Excel is busy with something else. Try again in a moment.',
  errorNavigate: 'Could not go to this cell.',
  errorUnknown: 'Something unexpected went wrong. Please try again.',
  errorDetails: 'Details',
  tryAgain: 'Try again',
  dismiss: 'Dismiss',
  language: 'Language',
  findingsRegion: 'Findings',
} as const satisfies Strings;

const tables: Record<Lang, Strings> = { ko, en };

export function stringsFor(lang: Lang): Strings {
  return tables[lang];
}

/** Korean when the locale tag is Korean ("ko", "ko-KR"), English for anything else (the product's rule). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^ko\b/i.test((locale ?? '').trim()) ? 'ko' : 'en';
}

/** Figures as the report writes them: thousands separators, △ for negatives. */
export function formatFigure(value: number | string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  const abs = Math.abs(value).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 6 });
  return value < 0 ? `△${abs}` : abs;
}
