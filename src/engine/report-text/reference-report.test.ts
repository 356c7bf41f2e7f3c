/** The reference report (test/fixtures/reference-report.txt) parsed: every table, with its captions, counted by hand. */
import { referenceText } from '../../../test/fixtures/reference-text';
import { allTables, parseReportText } from './parse-report-text';
import { placeReport } from './layout-report';

const U = '(단위 : 천원)';

/** [first line of the table, rows × columns, [caption kind, caption text]..., comment lines...] counted by hand. */
const EXPECTED: { line: number; size: [number, number]; captions: [string, string][]; comments?: number[] }[] = [
  { line: 31, size: [5, 2], captions: [['title', '□ 조 직 : 4팀']] },
  { line: 41, size: [2, 8], captions: [['title', '□ 인 력 : 정원 22명(현원 22명)'], ['basis', "(기준일 : '20. 10월말)"]] },
  { line: 46, size: [12, 4], captions: [['title', '주요사업 목록']] },
  { line: 72, size: [3, 13], captions: [['title', '- 공약수 : 5대 목표 12개 분야 69개 사업']] },
  { line: 85, size: [2, 4], captions: [['title', '- 성·나이·지역별 인구 비례에 의거 선발']] },
  { line: 104, size: [4, 6], captions: [['amount', '□ 2021년 소요예산 : 19,000천원'], ['unit', U]] },
  { line: 166, size: [4, 6], captions: [['amount', '□ 소요예산 : 5,000천원'], ['unit', U]] },
  {
    line: 213,
    size: [4, 6],
    captions: [['title', '□ 2021년 소요예산 : 미정(시비)'], ['note', '※ 1개 과제당 연구예산 5,000천원 ~ 10,000천원 지원'], ['unit', U]],
  },
  { line: 239, size: [4, 7], captions: [['title', '※ 2020. 예산규모'], ['unit', '(단위 : 백만원)']] },
  { line: 285, size: [7, 5], captions: [['title', '○ 최근 3년간 운영현황']], comments: [293, 295] },
  { line: 324, size: [4, 4], captions: [['title', '- 교육·청소년분야 한도액은 청소년의회와 연계 운영']] },
  { line: 358, size: [5, 6], captions: [['amount', '□ 2021년 소요예산 : 32,300천원'], ['unit', U]] },
  { line: 441, size: [4, 6], captions: [['amount', '2021년 소요예산 : 34,900천원'], ['unit', U]] },
  { line: 479, size: [2, 11], captions: [['title', '※ 2020년 공모사업 상시모니터링 기관 현황']] },
  { line: 512, size: [4, 6], captions: [['amount', '□ 2021년 소요예산 : 34,080천원'], ['unit', U]] },
  { line: 557, size: [3, 4], captions: [['title', '[참고] 희망경제학교 강의 구성(예시)']], comments: [561] },
  { line: 572, size: [4, 6], captions: [['amount', '□ 2021년 소요예산 : 13,750천원'], ['unit', U]] },
  {
    line: 588,
    size: [12, 10],
    captions: [['title', '- 일반 소송 현황(*제소일자 기준)'], ['basis', '(2020. 10월말 기준, 단위 : 건)']],
    comments: [601, 602],
  },
  { line: 608, size: [5, 6], captions: [['title', '- 법률 전문관 자문 유형별 현황'], ['basis', '(2020. 10월말 기준, 단위 : 건)']] },
  { line: 639, size: [4, 6], captions: [['amount', '□ 소요예산 : 182,170천원'], ['unit', U]] },
  { line: 650, size: [3, 6], captions: [['title', '자치법규 현황'], ['basis', '(2020. 10월 말 기준, 단위: 건)']] },
  { line: 660, size: [9, 6], captions: [['title', '추진실적']] },
  { line: 703, size: [5, 7], captions: [['title', '- 구의회 정례회 및 임시회 업무 지원'], ['basis', '(2020. 10월말 기준)']] },
  { line: 739, size: [4, 6], captions: [['amount', '□ 2021년 소요예산 : 52,700천원'], ['unit', U]], comments: [744] },
];

describe('the reference report', () => {
  const text = referenceText();
  const doc = parseReportText(text);
  const rawLines = text.split('\n');

  test('has the bureau page and one department section, 기획예산과, with its four teams', () => {
    expect(doc.bureau?.name).toBe('기획재정국');
    expect(doc.bureau?.departments).toEqual(['기획예산과', '홍보디지털과', '재무과', '세무1과', '세무2과', '부동산정보과']);
    expect(doc.sections.map((s) => s.department)).toEqual(['기획예산과']);
    expect(doc.sections[0].teams).toEqual(['정책기획팀', '예산팀', '혁신공모팀', '의회법제팀']);
  });

  test(`has ${EXPECTED.length} tables`, () => {
    expect(allTables(doc).map((t) => t.table.line)).toEqual(EXPECTED.map((e) => e.line));
  });

  test.each(EXPECTED.map((e, i) => ({ n: i + 1, ...e })))('table $n (line $line): size, captions, comments', ({ line, size, captions, comments }) => {
    const table = allTables(doc).find((t) => t.table.line === line)?.table;
    expect(table).toBeDefined();
    if (!table) return;
    expect([table.rows.length, table.width]).toEqual(size);
    expect(table.captions.map((c) => [c.kind, c.text])).toEqual(captions);
    expect(table.title).toBe(captions.find(([kind]) => kind === 'title' || kind === 'amount')?.[1]);
    expect(table.comments.map((c) => c.line)).toEqual(comments ?? []);
    for (const c of table.comments) expect(c.text).toBe(rawLines[c.line - 1].trim());
  });

  test('every tab-separated line of the report is in exactly one table, field for field', () => {
    const tableLines = rawLines.map((l, i) => ({ l, no: i + 1 })).filter(({ l }) => l.includes('\t'));
    const rows = allTables(doc).flatMap(({ table }) => table.rows.map((row, r) => ({ row, no: table.line + r })));
    expect(rows.map((r) => r.no)).toEqual(tableLines.map((t) => t.no));
    for (const { row, no } of rows) {
      const fields = rawLines[no - 1].split('\t').map((f) => f.replace(/<ul[^>]*>/, '').trim());
      expect(row.slice(0, fields.length)).toEqual(fields);
      expect(row.slice(fields.length).every((f) => f === '')).toBe(true);
    }
  });

  test('units come from the unit and basis lines', () => {
    const units = allTables(doc).map((t) => t.table.unit ?? '');
    const byLine = new Map(allTables(doc).map((t, k) => [t.table.line, units[k]]));
    for (const line of [104, 166, 213, 358, 441, 512, 572, 639, 739]) expect(byLine.get(line)).toBe('천원');
    expect(byLine.get(239)).toBe('백만원');
    for (const line of [588, 608, 650]) expect(byLine.get(line)).toBe('건');
    for (const line of [31, 41, 46, 72, 703]) expect(byLine.get(line)).toBe('');
  });

  test('no markup survives in fields, captions or comments', () => {
    const all = allTables(doc).flatMap(({ table }) => [
      ...table.rows.flat(),
      ...table.captions.map((c) => c.text),
      ...table.comments.map((c) => c.text),
    ]);
    expect(all.filter((t) => /<\/?ul|\*\*/.test(t))).toEqual([]);
  });

  test('round trip: each placed range holds exactly the table fields, in both number modes, merged or not', () => {
    for (const options of [{}, { numbers: 'values' as const, mergeHeaders: true }, { origin: { row: 2, col: 1 }, gapRows: 1 }]) {
      const { sheets, placements } = placeReport(doc, options);
      const tables = allTables(doc);
      expect(placements).toHaveLength(tables.length);
      placements.forEach((p, k) => {
        const sheet = sheets.find((s) => s.name === p.sheet);
        const table = tables[k].table;
        const got: string[][] = [];
        for (let r = p.range.r0; r <= p.range.r1; r++) {
          const line: string[] = [];
          for (let c = p.range.c0; c <= p.range.c1; c++) {
            const cell = sheet?.cells[r]?.[c];
            const v = cell?.v;
            // values mode: a number cell reads back as the figure the report wrote ("19,000" ↔ 19000 with #,##0).
            line.push(v === null || v === undefined ? '' : typeof v === 'number' && cell?.fmt ? v.toLocaleString('en-US') : String(v));
          }
          got.push(line);
        }
        expect(got).toEqual(table.rows);
        // Nothing else on the sheet overlaps the table's columns right above or below it except its captions/comments.
        expect(sheet?.cells[p.range.r1 + 1]?.slice(p.range.c0).some((c) => c)).toBeFalsy();
      });
    }
  });
});
