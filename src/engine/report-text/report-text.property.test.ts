/** Property tests: any report text made of tables, captions and prose parses back to its fields and lays out losslessly. */
import fc from 'fast-check';
import type { CellRange } from '../grid/types';
import { cleanField } from './clean-text';
import { placeReport } from './layout-report';
import { allTables, parseReportText } from './parse-report-text';

const FIELDS = ['', '', '계', '구비', '19,000', '-', '5000', '2020년', '22(22)', '766(84.5%)', '예 산 팀', '<ul style="list-style-type: none"> ◦ 예산편성', '**굵게**', '61,800 ¹⁾', '0'];

/** A table: 1–6 rows of the same width (2–7), no row entirely empty (that would be a blank line). */
const tableArb = fc
  .integer({ min: 2, max: 7 })
  .chain((width) =>
    fc.array(
      fc.array(fc.constantFrom(...FIELDS), { minLength: width, maxLength: width }).filter((row) => row.some((f) => f !== '')),
      { minLength: 1, maxLength: 6 },
    ),
  );

const CAPTIONS = ['□ 2021년 소요예산 : 19,000천원', '(단위 : 천원)', '○ 현황', '※ 참고 사항', '- 일반 현황', '(2020. 10월말 기준, 단위 : 건)'];
const PROSE = ['- 추진 실적이 많습니다', '□ 추진계획', '', '본문 문장이 길게 이어지는 경우에도 표와 섞이지 않아야 합니다.'];

const reportArb = fc.array(
  fc.record({
    before: fc.array(fc.constantFrom(...PROSE, ...CAPTIONS), { maxLength: 3 }),
    table: tableArb,
  }),
  { minLength: 1, maxLength: 5 },
);

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

test('tables come back field for field, and every layout holds them exactly', () => {
  fc.assert(
    fc.property(
      reportArb,
      fc.record({
        mergeHeaders: fc.boolean(),
        numbers: fc.constantFrom('text' as const, 'values' as const),
        gapRows: fc.integer({ min: 0, max: 3 }),
        origin: fc.record({ row: fc.integer({ min: 0, max: 4 }), col: fc.integer({ min: 0, max: 3 }) }),
      }),
      (parts, options) => {
        const lines = ['기획예산과', '- 예산팀', ''];
        for (const part of parts) lines.push(...part.before, '', ...part.table.map((row) => row.join('\t')), '');
        const doc = parseReportText(lines.join('\n'));
        const tables = allTables(doc).map((t) => t.table);
        expect(tables.map((t) => t.rows)).toEqual(parts.map((p) => p.table.map((row) => row.map(cleanField))));

        const { sheets, placements } = placeReport(doc, options);
        expect(sheets).toHaveLength(1);
        const sheet = sheets[0];
        placements.forEach((p, k) => {
          const rows = tables[k].rows;
          for (let r = 0; r < rows.length; r++)
            for (let c = 0; c < rows[r].length; c++) {
              const cell = sheet.cells[p.range.r0 + r]?.[p.range.c0 + c];
              const want = rows[r][c];
              if (want === '') expect(cell ?? null).toBeNull();
              else if (typeof cell?.v === 'number') expect(Number(want.replace(/,/g, ''))).toBe(cell.v);
              else expect(cell?.v).toBe(want);
            }
          if (k > 0) expect(p.range.r0).toBeGreaterThan(placements[k - 1].range.r1);
        });
        // Merges never overlap and never hide a value: only their top-left cell may hold one.
        sheet.merges.forEach((m, i) => {
          for (const other of sheet.merges.slice(i + 1)) expect(overlaps(m, other)).toBe(false);
          for (let r = m.r0; r <= m.r1; r++)
            for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) expect(sheet.cells[r]?.[c] ?? null).toBeNull();
        });
      },
    ),
    { numRuns: 100 },
  );
});
