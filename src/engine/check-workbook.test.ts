import { referenceGrids, referenceTables } from '../../test/fixtures/reference';
import { parseRelation } from '../../test/fixtures/reference-relations';
import { fromA1, refToA1, rangeFromA1 } from './grid/a1';
import type { SheetGrid } from './grid/types';
import type { Relation } from './model/table';
import { checkWorkbook } from './check-workbook';
import { grid, gridFromTsv, sheet } from './test-support';

type SumRelation = Extract<Relation, { type: 'sum' }>;

function cellKey(ref: { row: number; col: number; comp?: number }): string {
  return `${refToA1(ref)}${ref.comp !== undefined ? `[${ref.comp}]` : ''}`;
}

/** The ground truth's sums (table sums and label totals) as 'total=part+part' with parts sorted. */
function truthSums(words: string[]): string[] {
  return words
    .map(parseRelation)
    .filter((r) => r.type === 'sum' && (r.tag === undefined || r.tag === 'label'))
    .map((r) => {
      if (r.type !== 'sum') throw new Error('unreachable');
      const side = (terms: typeof r.left) => terms.map((t) => ('cell' in t ? `${t.cell}${t.comp !== undefined ? `[${t.comp}]` : ''}` : String(t.literal)));
      // A label total ('공약(69)') is the label cell itself, not a component of it.
      const left = r.tag === 'label' ? side(r.left).map((t) => t.replace(/\[0\]$/, '')) : side(r.left);
      return `${left.join('+')}=${side(r.right).sort().join('+')}`;
    })
    .sort();
}

function inferredSums(rels: Relation[]): string[] {
  return rels
    .filter((r): r is SumRelation => r.type === 'sum')
    .map((r) => `${cellKey(r.total)}=${r.parts.map(cellKey).sort().join('+')}`)
    .sort();
}

function replaceValue(sheets: SheetGrid[], a1: string, v: string | number): SheetGrid[] {
  const p = fromA1(a1)!;
  return sheets.map((s, i) => {
    if (i !== 0) return s;
    const cells = s.cells.map((row) => [...row]);
    cells[p.row][p.col] = { ...(cells[p.row][p.col] ?? {}), v };
    return { ...s, cells };
  });
}

describe.each([
  ['as the report text pastes', {}],
  ['typed as values with merged headers', { numbers: 'values' as const, mergeHeaders: true }],
])('the reference workbook %s', (_name, layoutOptions) => {
  const grids = referenceGrids(layoutOptions);
  const result = checkWorkbook(grids);

  it('checks clean: no error findings', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('finds every table', () => {
    const want = referenceTables().map((t) => t.range);
    expect(result.tables.map((t) => refToA1({ row: t.range.r0, col: t.range.c0 }) + ':' + refToA1({ row: t.range.r1, col: t.range.c1 }))).toEqual(
      expect.arrayContaining(want.filter((r) => r.includes(':'))),
    );
  });

  it.each(referenceTables().map((t) => [t.id, t] as const))('%s has the sum relations of the ground truth', (_id, ref) => {
    const range = rangeFromA1(ref.range)!;
    const table = result.tables.find((t) => t.range.r0 === range.r0 && t.range.c0 === range.c0);
    expect(table).toBeDefined();
    // A sum over one part (계 = 구비) is written out in the ground truth like any other.
    expect(inferredSums(table!.relations)).toEqual(truthSums(ref.relations));
  });
});

describe('planted faults in the reference workbook', () => {
  const grids = referenceGrids();
  const tables = referenceTables();
  const clean = checkWorkbook(grids);
  const cases: [string, string][] = [];
  for (const t of clean.tables) {
    for (const r of t.relations) {
      if (r.type !== 'sum' || r.axis === 'cell') continue;
      for (const p of [r.total, ...r.parts]) if (p.col >= t.range.c0 + t.labelCols && p.comp === undefined) cases.push([t.id, refToA1(p)]);
    }
  }
  // Every third figure keeps the run short; the cells still cover every numeric table.
  const unique = [...new Map(cases.map((c) => [c[1], c])).values()].filter((_, i) => i % 3 === 0);

  it('has faults to plant in every numeric table', () => {
    expect(unique.length).toBeGreaterThan(50);
    expect(new Set(unique.map((c) => c[0])).size).toBeGreaterThanOrEqual(15);
    expect(tables.length).toBe(24);
  });

  it('finds ≥95% of single changed figures, with an error on the cell or the total it feeds', () => {
    let found = 0;
    for (const [, a1] of unique) {
      const p = fromA1(a1)!;
      const v = grids[0].cells[p.row]?.[p.col]?.v;
      const n = Number(String(v ?? '0').replace(/[^\d.-]/g, '')) || 0;
      const planted = replaceValue(grids, a1, String(n + 13));
      const result = checkWorkbook(planted);
      const feeds = new Set(
        result.tables.flatMap((t) => t.relations).filter((r): r is SumRelation => r.type === 'sum' && r.parts.some((q) => refToA1(q) === a1)).map((r) => refToA1(r.total)),
      );
      if (result.findings.some((f) => f.severity === 'error' && (f.cell === a1 || feeds.has(f.cell)))) found++;
    }
    expect(found / unique.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('scope and order', () => {
  const two = [
    sheet('가', [{ at: 'B2', rows: [['구분', '합계', '가', '나'], ['A', 10, 4, 5]] }]),
    sheet('나', [
      { at: 'A1', rows: [['구분', '합계', '가', '나'], ['A', 10, 4, 5]] },
      { at: 'A5', rows: [['구분', '계', '다', '라'], ['B', 7, 1, 2]] },
    ]),
  ];

  it('sorts findings by sheet order, then row and column', () => {
    const cells = checkWorkbook(two).findings.filter((f) => f.rule.startsWith('sum.')).map((f) => `${f.sheet}!${f.cell}`);
    expect(cells).toEqual(['가!C3', '나!B2', '나!B6']);
  });

  it('checks only the sheet, or the range, it is asked to', () => {
    expect(checkWorkbook(two, {}, { sheet: '나' }).findings.every((f) => f.sheet === '나')).toBe(true);
    const inRange = checkWorkbook(two, {}, { sheet: '나', range: rangeFromA1('A5:D6')! });
    expect(inRange.tables).toHaveLength(1);
    expect(inRange.findings.filter((f) => f.rule.startsWith('sum.')).map((f) => f.cell)).toEqual(['B6']);
  });

  it('rejects bad options with a clear error', () => {
    expect(() => checkWorkbook([grid([['x']])], { rounding: 'sideways' as never })).toThrow();
  });

  it('skips the very hidden registry sheet', () => {
    const hidden = { ...two[0], state: 'veryHidden' as const };
    expect(checkWorkbook([hidden]).tables).toEqual([]);
  });
});

describe('the plan year of captions without a year', () => {
  // A budget table whose caption names no year, on a sheet of its own; other sheets' captions name the plan year.
  const budget = sheet('나', [
    {
      at: 'A1',
      rows: [
        ['□ 소요예산 : 700천원'],
        [null, null, null, '(단위 : 천원)'],
        ['구분', '2021년', '2022년', '2023년'],
        ['계', 500, 700, 900],
        ['시비', 300, 400, 500],
        ['구비', 200, 300, 400],
      ],
    },
  ]);
  const naming = (year: number) => sheet('가', [{ at: 'A1', rows: [[`□ ${year}년 소요예산 : 1천원`]] }, { at: 'A3', rows: [[`□ ${year}년 소요예산 : 2천원`]] }]);
  const captionFindings = (sheets: SheetGrid[], planYear?: number) =>
    checkWorkbook(sheets, planYear === undefined ? {} : { planYear }).findings.filter((f) => f.rule === 'caption.amount');

  it.each([
    [2022, []],
    [2021, [{ cell: 'A1', year: 2021, expected: 500 }]],
    [2023, [{ cell: 'A1', year: 2023, expected: 900 }]],
  ])("is the year the workbook's captions name most (%i)", (year, expected) => {
    const found = captionFindings([naming(year), budget]).map((f) => ({ cell: f.cell, year: f.params?.year, expected: f.expected }));
    expect(found).toEqual(expected);
  });

  it('is the option when given, and nothing when no caption names one', () => {
    expect(captionFindings([naming(2022), budget], 2023).map((f) => f.params?.year)).toEqual([2023]);
    expect(captionFindings([budget])).toEqual([]);
  });
});

describe('checkWorkbook: a 증감 column beside a column of figures, years as rows', () => {
  const rows = ['○ 연도별 민원 처리 현황', '(단위 : 건)', '연도\t처리건수\t증감', '2019년\t120\t-', '2020년\t135\t15', '2021년\t150\t15', '2022년\t142\t△8'];
  const run = (lines: string[]) => checkWorkbook([{ ...gridFromTsv(lines.join('\n')), name: '민원' }]);

  test('clean: no error, and each 증감 is tied to its year and the year before', () => {
    const result = run(rows);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const diffs = result.tables.flatMap((t) => t.relations).filter((r) => r.type === 'diff');
    expect(diffs).toHaveLength(3);
  });

  test('one wrong 증감 is a diff.mismatch on its cell with the right figure', () => {
    const wrong = [...rows];
    wrong[5] = '2021년\t150\t25';
    const errors = run(wrong).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([['diff.mismatch', 'C6', 15, 25]]);
  });
});
