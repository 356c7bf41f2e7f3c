import type { Lang } from './strings';

/** The structured-sheet features' words (templates, adopt, the list, paste box, copy, summary). Keep both in step. */
const ko = {
  sectionTitle: '보고서 표 만들기',
  tabTemplates: '서식',
  tabTables: '구조화된 표',
  tabPaste: '보고서 붙여넣기',
  tabSummary: '총괄',
  yearFrom: '시작 연도',
  yearTo: '끝 연도',
  team: '팀 이름',
  tableTitle: '표 제목 (선택)',
  insertOnTeamSheet: '팀 시트에 넣기',
  insertAtSelection: '선택한 셀에 넣기',
  loading: '불러오는 중…',
  working: '처리하는 중…',
  inserted: '표를 넣고 등록했습니다',
  refusedOccupied: '넣을 자리에 이미 내용이 있습니다',
  refusedBadSpan: '연도 범위가 맞지 않습니다 (시작 ≤ 끝, 30년 이내).',
  refusedNoTeam: '팀 이름을 입력하세요. 팀마다 시트 하나에 표를 모읍니다.',
  refusedNoSelection: '선택한 셀이 없습니다. 표를 넣을 셀을 선택하세요.',
  refusedNotAdoptable: '이 표는 등록할 수 없습니다',
  refusedNoTables: '붙여넣은 글에서 표를 찾지 못했습니다. 보고서의 탭으로 구분된 표를 붙여넣으세요.',
  refusedNoBudget: '통합 문서에 연차별 소요재원 표가 없어 총괄표를 만들 수 없습니다.',
  failed: '작업하지 못했습니다',
  noStructured: '등록된 구조화 표가 없습니다.',
  refresh: '새로 고침',
  detected: '찾은 표 (등록 안 됨)',
  adopt: '구조화 표로 등록',
  adoptTitle: '등록하기 전에 고칠 곳',
  isTotalRow: '이 행은 합계입니다',
  isPartColumn: '이 열은 합계에 들어갑니다',
  unit: '단위',
  adoptConfirm: '등록',
  cancel: '취소',
  adopted: '구조화 표로 등록했습니다',
  pasteLabel: '보고서 글 붙여넣기 (탭으로 구분된 표, 제목 줄 포함)',
  pastePreview: '미리 보기',
  pasteImport: '통합 문서에 넣기',
  pastePreviewResult: '표 {tables}개 → 시트: {sheets}',
  imported: '보고서의 표를 넣고 등록했습니다',
  importedCounts: '보고서의 표 {written}개를 넣고, 그중 {registered}개를 구조화 표로 등록했습니다',
  copy: '보고서용 복사',
  copied: '표를 복사했습니다. 한글이나 워드에 붙여넣으세요.',
  copyFailed: '복사하지 못했습니다. 브라우저가 클립보드를 막았습니다.',
  copyGone: '이 표의 시트를 찾을 수 없습니다.',
  summaryBuild: '총괄표 만들기/새로 고침',
  summaryBody: '연차별 소요재원 표를 모두 모아 총괄 시트에 실시간 수식으로 나열합니다.',
  summaryDone: '총괄표를 만들었습니다',
  summaryChart: 'Excel 차트도 그렸습니다',
  download: '바뀐 통합 문서 내려받기',
  recheckHint: '「통합 문서 검사」로 새 표를 검사할 수 있습니다.',
  tablesCount: '표',
} as const;

export type StructuredStrings = Record<keyof typeof ko, string>;

const en = {
  sectionTitle: 'Build report tables',
  tabTemplates: 'Templates',
  tabTables: 'Structured tables',
  tabPaste: 'Paste a report',
  tabSummary: 'Summary',
  yearFrom: 'From year',
  yearTo: 'To year',
  team: 'Team name',
  tableTitle: 'Table title (optional)',
  insertOnTeamSheet: "Insert on the team's sheet",
  insertAtSelection: 'Insert at the selection',
  loading: 'Loading…',
  working: 'Working…',
  inserted: 'Table inserted and registered',
  refusedOccupied: 'The place to insert already holds something',
  refusedBadSpan: 'The year span is not right (from ≤ to, 30 years at most).',
  refusedNoTeam: "Enter a team name: each team's tables go on one sheet.",
  refusedNoSelection: 'Nothing is selected. Select the cell to insert the table at.',
  refusedNotAdoptable: 'This table cannot be registered',
  refusedNoTables: "No table was found in the pasted text. Paste the report's tab-separated tables.",
  refusedNoBudget: 'The workbook has no budget-by-year table to summarise.',
  failed: 'Could not do it',
  noStructured: 'No structured tables are registered.',
  refresh: 'Refresh',
  detected: 'Tables found (not registered)',
  adopt: 'Adopt as structured',
  adoptTitle: 'Correct before registering',
  isTotalRow: 'This row is a total',
  isPartColumn: 'This column is a part',
  unit: 'Unit',
  adoptConfirm: 'Register',
  cancel: 'Cancel',
  adopted: 'Registered as a structured table',
  pasteLabel: "Paste the report's text (tab-separated tables with their captions)",
  pastePreview: 'Preview',
  pasteImport: 'Put into the workbook',
  pastePreviewResult: '{tables} tables → sheets: {sheets}',
  imported: "The report's tables were written and registered",
  importedCounts: "Wrote the report's {written} tables; {registered} of them registered as structured tables",
  copy: 'Copy for report',
  copied: 'Table copied. Paste it into HWP or Word.',
  copyFailed: 'Could not copy: the browser blocked the clipboard.',
  copyGone: "This table's sheet cannot be found.",
  summaryBuild: 'Build / refresh the summary',
  summaryBody: 'Lists every budget-by-year table on the summary sheet with live formulas.',
  summaryDone: 'Summary built',
  summaryChart: 'An Excel chart was drawn too',
  download: 'Download the changed workbook',
  recheckHint: 'Press “Check workbook” to check the new tables.',
  tablesCount: 'tables',
} as const satisfies StructuredStrings;

export function structuredStringsFor(lang: Lang): StructuredStrings {
  return lang === 'ko' ? ko : en;
}

/** The language of a set of these strings (what messages made elsewhere, such as spec problems, are written in). */
export function structuredLang(s: StructuredStrings): Lang {
  return s === en ? 'en' : 'ko';
}

/** '{tables} tables' with its figures put in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

const KIND_NAMES: Record<string, [ko: string, en: string]> = {
  'budget-by-year': ['연차별 소요재원', 'Budget by year'],
  'budget-size': ['예산 규모', 'Budget size'],
  staffing: ['정원·현원', 'Staffing'],
  'pledge-counts': ['공약 사업 수', 'Pledge counts'],
  'participatory-budget': ['주민참여예산', 'Participatory budget'],
  lawsuits: ['소송 현황', 'Lawsuits'],
  'legal-advice': ['법률 상담', 'Legal advice'],
  bylaws: ['자치법규', 'By-laws'],
  'council-sessions': ['의회 회기', 'Council sessions'],
  'counts-by-field': ['분야별 건수', 'Counts by field'],
  crosstab: ['교차표', 'Crosstab'],
};

/** A table kind as people call it ('소송 현황'); the id itself for a kind not named here. */
export function kindName(kind: string, lang: Lang): string {
  const names = KIND_NAMES[kind];
  return names ? names[lang === 'ko' ? 0 : 1] : kind;
}

/** What a listed table is called: its title, else its kind as people call it ('소송 현황', never 'lawsuits'). */
export function tableHeading(title: string | undefined, kind: string, lang: Lang): string {
  return title?.trim() ? title : kindName(kind, lang);
}
