import { parseReportText, allTables, FALLBACK_SECTION } from './parse-report-text';
import type { ReportDocument } from './types';

/** Build report text from lines; '→' stands for a tab so table rows stay readable here. */
function text(...lines: string[]): string {
  return lines.map((l) => l.replace(/→/g, '\t')).join('\n');
}

const BUREAU = ['기획재정국', '', '- 기획예산과', '- 재무과', ''];

describe('parseReportText: sections', () => {
  const cases: { name: string; input: string; departments: string[]; teams?: string[][]; bureau?: string; tables: number[] }[] = [
    {
      name: 'bureau page then one department with its teams',
      input: text(...BUREAU, '기획예산과', '', '- 정책기획팀', '- 예산팀', '', '□ 조 직', 'a→b', 'c→d'),
      departments: ['기획예산과'],
      teams: [['정책기획팀', '예산팀']],
      bureau: '기획재정국',
      tables: [1],
    },
    {
      name: 'two departments from the bureau list, the second without a team list',
      input: text(...BUREAU, '기획예산과', '', '- 예산팀', '', 'x→1', '', '재무과', '', '□ 계약 현황', 'y→2', '', 'z→3'),
      departments: ['기획예산과', '재무과'],
      teams: [['예산팀'], []],
      bureau: '기획재정국',
      tables: [1, 2],
    },
    {
      name: 'no bureau page: a department heading followed by teams starts a section',
      input: text('세무1과', '- 세무관리팀', '- 징수팀', '', '징수 현황', '구분→징수액', '계→10', '', '세무2과', '- 체납팀', 'a→1'),
      departments: ['세무1과', '세무2과'],
      teams: [['세무관리팀', '징수팀'], ['체납팀']],
      tables: [1, 1],
    },
    {
      name: 'no department at all: one fallback section keeps every table',
      input: text('제목', '', 'a→b', '1→2', '', '※ 참고', 'c→d'),
      departments: [FALLBACK_SECTION],
      tables: [2],
    },
    {
      name: 'tables before the first department heading get a section named after the bureau',
      input: text(...BUREAU, '총괄표', 'a→b', '1→2', '', '기획예산과', '- 예산팀', 'c→d'),
      departments: ['기획재정국', '기획예산과'],
      bureau: '기획재정국',
      tables: [1, 1],
    },
    {
      name: 'a department name inside a table row is not a heading',
      input: text(...BUREAU, '기획예산과', '- 예산팀', '연번→소관', '1→재무과'),
      departments: ['기획예산과'],
      bureau: '기획재정국',
      tables: [1],
    },
  ];
  test.each(cases)('$name', ({ input, departments, teams, bureau, tables }) => {
    const doc = parseReportText(input);
    expect(doc.sections.map((s) => s.department)).toEqual(departments);
    expect(doc.sections.map((s) => s.tables.length)).toEqual(tables);
    if (teams) expect(doc.sections.map((s) => s.teams)).toEqual(teams);
    expect(doc.bureau?.name).toBe(bureau);
  });

  test('the bureau page lists its departments; the title page is the preamble', () => {
    const doc = parseReportText(text('', '2020. 주요업무 추진실적', '', '2020. 11.', '', ...BUREAU, '기획예산과', '- 예산팀', 'a→b'));
    expect(doc.title).toBe('2020. 주요업무 추진실적');
    expect(doc.bureau).toEqual({ name: '기획재정국', line: 6, departments: ['기획예산과', '재무과'] });
    expect(doc.preamble.map((b) => b.text)).toEqual(['2020. 주요업무 추진실적', '2020. 11.']);
    expect(doc.sections[0].line).toBe(11);
  });
});

function onlyTable(doc: ReportDocument) {
  const tables = allTables(doc);
  expect(tables).toHaveLength(1);
  return tables[0].table;
}

describe('parseReportText: table rows', () => {
  test('rows are padded to the widest row; empty fields stay empty strings', () => {
    const t = onlyTable(parseReportText(text('재원별→합계→연차별→→', '→→2020년→2021년', '계→1→1→', '구비')));
    expect(t.rows).toEqual([
      ['재원별', '합계', '연차별', '', ''],
      ['', '', '2020년', '2021년', ''],
      ['계', '1', '1', '', ''],
    ]);
    expect(t.width).toBe(5);
  });

  test('list markup and bold marks are stripped, the words kept; CRLF and a BOM are read', () => {
    const input = '\uFEFF□ **조 직**\r\n팀 명\t주 요 업 무\r\n예 산 팀\t<ul style="list-style-type: none"> ◦ 예산편성 ◦ **공시**\r\n';
    const t = onlyTable(parseReportText(input));
    expect(t.rows).toEqual([
      ['팀 명', '주 요 업 무'],
      ['예 산 팀', '◦ 예산편성 ◦ 공시'],
    ]);
    expect(t.captions).toEqual([{ line: 1, text: '□ 조 직', kind: 'title' }]);
  });

  test('a line of tabs and spaces only separates tables', () => {
    const doc = parseReportText(text('a→b', '1→2', ' → ', 'c→d', '3→4'));
    expect(allTables(doc).map((t) => t.table.line)).toEqual([1, 4]);
  });

  test('header rows: rows before the first row with a figure beyond the first column', () => {
    const cases: [string[], number][] = [
      [['재원별→합계→연차별', '→→2020년', '계→19,000→-'], 2],
      [['연도→소송→계→처리현황', '→→→진행중', '2020→계→22→12'], 2],
      [['합 계→3급', '22(22)→-'], 1],
      [['팀 명→업무', '예산팀→예산편성'], 1],
    ];
    for (const [lines, headerRows] of cases) expect(onlyTable(parseReportText(text(...lines))).headerRows).toBe(headerRows);
  });
});

describe('parseReportText: captions and comments', () => {
  const cases: { name: string; lines: string[]; captions: [string, string][]; title?: string; comments?: string[] }[] = [
    {
      name: 'amount caption and unit line',
      lines: ['- 앞 문단', '', '□ 2021년 소요예산 : 19,000천원', '', '(단위 : 천원)', '', '재원별→합계', '계→19,000'],
      captions: [['amount', '□ 2021년 소요예산 : 19,000천원'], ['unit', '(단위 : 천원)']],
      title: '□ 2021년 소요예산 : 19,000천원',
    },
    {
      name: 'a budget caption without an amount is a title; a ※ note between it and the table is a note',
      lines: ['□ **2021년 소요예산 : 미정(시비)**', '', '※ 1개 과제당 5,000천원', '', '(단위 : 천원)', '', 'a→b', '계→1'],
      captions: [['title', '□ 2021년 소요예산 : 미정(시비)'], ['note', '※ 1개 과제당 5,000천원'], ['unit', '(단위 : 천원)']],
      title: '□ 2021년 소요예산 : 미정(시비)',
    },
    {
      name: 'a ※ line under prose is the heading',
      lines: [' - 재정안정화기금 전출 133억원', '', '※ 2020. 예산규모', '', '(단위 : 백만원)', '', 'a→b', '계→1'],
      captions: [['title', '※ 2020. 예산규모'], ['unit', '(단위 : 백만원)']],
    },
    {
      name: 'a bullet right above the basis line names the table',
      lines: ['□ 추진 현황', '', '- 일반 소송 현황(*제소일자 기준)', '', '(2020. 10월말 기준, 단위 : 건)', '', '연도→계', '2020→22'],
      captions: [['title', '- 일반 소송 현황(*제소일자 기준)'], ['basis', '(2020. 10월말 기준, 단위 : 건)']],
    },
    {
      name: 'a bullet above a note does not name the table; the note does',
      lines: ['- 내 용 : 긴 설명', '', '※ 2020년 기관 현황', 'a→b', '1→2'],
      captions: [['title', '※ 2020년 기관 현황']],
    },
    {
      name: 'basis line without a unit',
      lines: ['- 구의회 정례회 지원', '', '(2020. 10월말 기준)', '', 'a→b', '1회→2건'],
      captions: [['title', '- 구의회 정례회 지원'], ['basis', '(2020. 10월말 기준)']],
    },
    {
      name: 'a short line with no bullet is a heading; long prose is not',
      lines: ['주요사업 목록', '', 'a→b', '1→x'],
      captions: [['title', '주요사업 목록']],
    },
    {
      name: 'long prose above: no caption',
      lines: ['이 문장은 표의 제목이 아니라 본문의 긴 설명으로 서른 글자를 훌쩍 넘기는 문장입니다', '', 'a→b', '1→x'],
      captions: [],
    },
    {
      name: 'a paragraph ending in ⇒ comments on the table; ※ lines under it too',
      lines: ['○ 현황', 'a→b', '1→2', '', '- 제소 114건 중 승소 87건', '⇒ 승소율 : 94.5%', '', '※ 비고 하나', '', '□ 다음 절'],
      captions: [['title', '○ 현황']],
      comments: ['- 제소 114건 중 승소 87건', '⇒ 승소율 : 94.5%', '※ 비고 하나'],
    },
    {
      name: 'a plain bullet paragraph under a table is prose, not a comment',
      lines: ['○ 현황', 'a→b', '1→2', '', '- 자치법규 정비 실시', '- 교육 실시'],
      captions: [['title', '○ 현황']],
      comments: [],
    },
    {
      name: 'a footnote "1) …" under a table is a comment',
      lines: ['○ 현황', 'a→b', '1→61,800 ¹⁾', '', '1) 연구용역비 포함'],
      captions: [['title', '○ 현황']],
      comments: ['1) 연구용역비 포함'],
    },
  ];
  test.each(cases)('$name', ({ lines, captions, title, comments }) => {
    const t = onlyTable(parseReportText(text(...lines)));
    expect(t.captions.map((c) => [c.kind, c.text])).toEqual(captions);
    if (title !== undefined) expect(t.title).toBe(title);
    expect(t.comments.map((c) => c.text)).toEqual(comments ?? []);
  });

  test('a ※ line over the next table is its caption, not the previous table\'s comment', () => {
    const doc = parseReportText(text('○ 첫 표', 'a→b', '1→2', '', '※ 둘째 표 현황', 'c→d', '3→4'));
    const [first, second] = allTables(doc).map((t) => t.table);
    expect(first.comments).toEqual([]);
    expect(second.captions.map((c) => c.text)).toEqual(['※ 둘째 표 현황']);
  });

  test('caption and comment lines are not repeated as prose blocks', () => {
    const doc = parseReportText(text('- 앞 문단', '○ 현황', 'a→b', '1→2', '※ 주석', '', '- 뒤 문단'));
    const blocks = doc.sections[0].blocks.map((b) => (b.type === 'text' ? b.text : 'TABLE'));
    expect(blocks).toEqual(['- 앞 문단', 'TABLE', '- 뒤 문단']);
  });
});
