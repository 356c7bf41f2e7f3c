import { adoptTable } from '../engine/registry';
import type { Table } from '../engine/model/table';
import { parseTableSpec, SPEC_PROBLEM_CODES } from '../specs';
import { specPlace, specProblemMessage, specProblemsMessage } from './spec-problem-messages';

describe('spec problems in words', () => {
  it('every problem code has its own Korean and English text, with no English inside the Korean', () => {
    for (const lang of ['ko', 'en'] as const) {
      const texts = SPEC_PROBLEM_CODES.map((code) => specProblemMessage({ code, path: [], params: { axis: 'row', label: 'x', count: 2, cell: 'B5', reason: 'header', mark: '㉑', year: 2025, from: 2020, to: 2023, row: 1, depth: 1, labelColumns: 2 } }, lang));
      expect(new Set(texts).size).toBe(SPEC_PROBLEM_CODES.length);
      if (lang === 'ko') for (const t of texts) expect(t).not.toMatch(/\b(the|a|an|spec|table|unit)\b/i);
    }
  });

  it.each([
    [['relations', 0, 'parts', 1], '관계 1 › 부분 2', 'relation 1 › part 2'],
    [['unit'], '단위', 'unit'],
    [[], '', ''],
    [['columns', 2, 'label'], '열 3 › 제목', 'columns 3 › label'],
  ])('names the place %j', (path, ko, en) => {
    expect(specPlace(path, 'ko')).toBe(ko);
    expect(specPlace(path, 'en')).toBe(en);
  });

  it("says a spec's fault with its figures and its place", () => {
    const r = parseTableSpec({
      kind: 'crosstab',
      unit: '건',
      rowHeader: ['구분'],
      columns: [{ label: '합계' }, { label: '갑' }],
      rows: [{ label: '계' }, { label: '가' }],
      relations: [{ type: 'sum', over: 'columns', total: ['합계'], parts: [['병']] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(specProblemsMessage(r.problems, 'ko')).toBe("사양에 열 '병'이(가) 없습니다 (있는 열: 합계, 갑) (관계 1 › 부분 1)");
    expect(specProblemsMessage(r.problems, 'en')).toBe("the spec has no column '병' (its columns: 합계, 갑) (relation 1 › part 1)");
  });

  it("a malformed value (zod's own check) is named by its place", () => {
    const r = parseTableSpec({ kind: 'crosstab', unit: '건', rowHeader: ['구분'], columns: 'none', rows: [{ label: '계' }], relations: [] });
    expect(r.ok ? '' : specProblemsMessage(r.problems, 'ko')).toBe('열: 값이 올바르지 않습니다');
  });

  it('an adopt refusal reads as one plain sentence in either language', () => {
    const table: Table = {
      id: 'S!A1:C3',
      sheet: 'S',
      range: { r0: 0, c0: 0, r1: 2, c1: 2 },
      headerRows: 1,
      labelCols: 1,
      kind: 'budget-by-year',
      captions: [],
      headers: [],
      columns: [
        { col: 0, path: ['구분'], isLabel: true },
        { col: 1, path: ['2020년'], isLabel: false, year: 2020 },
        { col: 2, path: ['2021년'], isLabel: false, year: 2021 },
      ],
      rows: [
        { row: 1, path: ['계'] },
        { row: 2, path: ['구비'] },
      ],
      relations: [],
    };
    const adopted = adoptTable(table);
    expect(adopted.ok).toBe(false);
    if (adopted.ok) return;
    expect(specProblemsMessage(adopted.problems, 'ko')).toMatch(/^금액 표는 단위\(천원, 백만원 등\)를 적어야/);
    expect(specProblemsMessage(adopted.problems, 'en')).toMatch(/^a table of amounts needs its unit/);
    expect(specProblemMessage({ code: 'adopt.text-table', path: ['kind'] }, 'ko')).toBe('숫자가 없는 글 표라서 검사할 관계가 없습니다');
  });
});
