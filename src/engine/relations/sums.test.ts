import fc from 'fast-check';
import { refToA1 } from '../grid/a1';
import { REFERENCE_TABLES } from '../checks/reference-tables.fixture';
import type { Relation } from '../model/table';
import { grid, tableFromTsv, type TsvTableOptions } from '../test-support';
import { inferSumRelations } from './sums';

type SumRelation = Extract<Relation, { type: 'sum' }>;

/** 'B3=C3+D3' or 'A2#1=B2#1+C2#1' for a component. */
function show(r: SumRelation): string {
  const cell = (ref: SumRelation['total']) => `${refToA1(ref)}${ref.comp !== undefined ? `#${ref.comp}` : ''}`;
  return `${cell(r.total)}=${r.parts.map(cell).join('+')}`;
}

function infer(tsv: string, options: TsvTableOptions): SumRelation[] {
  const { sheet, layout } = tableFromTsv(tsv, options);
  return inferSumRelations(sheet, layout);
}

/** Expected equations of every numeric table of the reference report. */
const BUDGET_2 = (b: string[]) => [
  'B3=C3+D3+E3+F3',
  'B4=C4+D4+E4+F4',
  ...['B', 'C', 'D', 'E', 'F'].map((c) => `${c}3=${c}4`),
  ...b,
];
const EXPECTED: Record<string, string[]> = {
  staffing: ['A2#0=B2#0+C2#0+D2#0+E2#0+F2#0+G2#0+H2#0', 'A2#1=B2#1+C2#1+D2#1+E2#1+F2#1+G2#1+H2#1'],
  pledges: ['A3=B3+C3+D3+E3+F3+G3+H3+I3+J3+K3+L3+M3'],
  budget19000: BUDGET_2([]),
  budget5000: BUDGET_2([]),
  budget30000: BUDGET_2([]),
  budgetSize: [
    'B2=C2+D2+E2+F2',
    'B3=C3+D3+E3+F3',
    'B4=C4+D4+E4+F4',
    ...['B', 'C', 'D', 'E', 'F'].map((c) => `${c}2=${c}3+${c}4`),
  ],
  participatory: [],
  budget143040: [
    'B3=C3+D3+E3+F3',
    'B4=C4+D4+E4+F4',
    'B5=C5+D5+E5+F5',
    ...['B', 'C', 'D', 'E', 'F'].map((c) => `${c}3=${c}4+${c}5`),
  ],
  budget138100: BUDGET_2([]),
  countsByField: ['A2=B2+C2+D2+E2+F2+G2+H2+I2+J2+K2'],
  budget130220: BUDGET_2([]),
  budget53000: BUDGET_2([]),
  lawsuits: [
    ...[4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((r) => [`C${r}=D${r}+E${r}`, `E${r}=F${r}+G${r}+H${r}+I${r}`]),
    ...[4, 7, 10].flatMap((r) => ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => `${c}${r}=${c}${r + 1}+${c}${r + 2}`)),
  ],
  legalAdvice: [
    ...[2, 3, 4, 5].map((r) => `B${r}=C${r}+D${r}+E${r}+F${r}`),
    ...['B', 'C', 'D', 'E', 'F'].map((c) => `${c}2=${c}3+${c}4+${c}5`),
  ],
  budget735060: BUDGET_2([]),
  bylaws: ['A3=B3+C3', 'D3=E3+F3'],
  council: [3, 4, 5].flatMap((r) => [`B${r}=D${r}+F${r}`, `C${r}=E${r}+G${r}`]),
  budget219900: BUDGET_2([]),
};

describe('sum relations of the reference report', () => {
  it.each(REFERENCE_TABLES.map((t) => [t.name, t] as const))('%s', (name, t) => {
    const found = infer(t.tsv, t).map(show).sort();
    expect(found).toEqual([...EXPECTED[name]].sort());
  });

  it('decides membership of 비고 by the numbers: a part in legal advice, not in lawsuits', () => {
    const legal = REFERENCE_TABLES.find((t) => t.name === 'legalAdvice')!;
    const lawsuits = REFERENCE_TABLES.find((t) => t.name === 'lawsuits')!;
    expect(infer(legal.tsv, legal).some((r) => r.axis === 'row' && r.parts.some((p) => p.col === 5))).toBe(true);
    expect(infer(lawsuits.tsv, lawsuits).some((r) => r.axis === 'row' && r.parts.some((p) => p.col === 9))).toBe(false);
  });

  it('marks the evidence: labels, the header formula, numbers', () => {
    const size = REFERENCE_TABLES.find((t) => t.name === 'budgetSize')!;
    const rels = infer(size.tsv, size);
    expect(new Set(rels.filter((r) => r.axis === 'row').map((r) => r.evidence))).toEqual(new Set(['formula-header']));
    expect(new Set(rels.filter((r) => r.axis === 'column').map((r) => r.evidence))).toEqual(new Set(['label']));
  });
});

describe('shapes beyond the reference report', () => {
  it.each<[string, string, TsvTableOptions, string[]]>([
    [
      'total row at the bottom',
      '구분\t2019\t2020\n가\t1\t2\n나\t3\t4\n계\t4\t6',
      { headerRows: 1, labelCols: 1 },
      ['B4=B2+B3', 'C4=C2+C3'],
    ],
    [
      'total row on top of 동 rows, rate column left out of the sums',
      '동\t부과액\t징수액\t징수율\n계\t300\t240\t80.0\n가산동\t100\t90\t90.0\n독산동\t200\t150\t75.0',
      { headerRows: 1, labelCols: 1 },
      ['B2=B3+B4', 'C2=C3+C4'],
    ],
    [
      '증감 column: summed down, never a part across',
      '구분\t합계\t2019\t2020\t증감\n계\t30\t10\t20\t10\nA\t12\t5\t7\t2\nB\t18\t5\t13\t8',
      { headerRows: 1, labelCols: 1 },
      ['B2=C2+D2', 'B3=C3+D3', 'B4=C4+D4', 'B2=B3+B4', 'C2=C3+C4', 'D2=D3+D4', 'E2=E3+E4'],
    ],
    [
      'flat 소계 rows heading their groups under a 총계',
      '구분\t금액\n총계\t100\n소계\t30\n가\t10\n나\t20\n소계\t70\n다\t30\n라\t40',
      { headerRows: 1, labelCols: 1 },
      ['B3=B4+B5', 'B6=B7+B8', 'B2=B3+B6'],
    ],
    [
      'flat 소계 rows closing their groups above a 총계',
      '구분\t금액\t건수\n가\t10\t1\n나\t20\t2\n소계\t30\t3\n다\t30\t3\n라\t40\t4\n소계\t70\t7\n총계\t100\t10',
      { headerRows: 1, labelCols: 1 },
      ['B4=B2+B3', 'C4=C2+C3', 'B7=B5+B6', 'C7=C5+C6', 'B8=B4+B7', 'C8=C4+C7'],
    ],
    [
      'row groups with their own 소계 in a second label column',
      '구분\t\t금액\n총계\t\t100\n갑\t소계\t30\n\t가\t10\n\t나\t20\n을\t소계\t70\n\t다\t70',
      { headerRows: 1, labelCols: 2 },
      ['C3=C4+C5', 'C6=C7', 'C2=C3+C6'],
    ],
    [
      'a group heading row that holds its group total, under a 총계',
      '구분\t\t2019\t2020\n총계\t\t1,000\t1,300\n도시관리국\t\t600\t700\n\t도시계획과\t400\t450\n\t건축과\t200\t250\n복지국\t\t400\t600\n\t복지정책과\t150\t200\n\t노인복지과\t250\t400',
      { headerRows: 1, labelCols: 2 },
      ['C3=C4+C5', 'D3=D4+D5', 'C6=C7+C8', 'D6=D7+D8', 'C2=C3+C6', 'D2=D3+D6'],
    ],
    [
      'a blank group heading row: the 총계 sums the groups\' rows',
      '구분\t\t2019\n총계\t\t1,000\n도시관리국\t\t\n\t도시계획과\t400\n\t건축과\t200\n복지국\t\t\n\t복지정책과\t400',
      { headerRows: 1, labelCols: 2 },
      ['C2=C4+C5+C7'],
    ],
    [
      'a group heading row that is not its group total',
      '구분\t\t2019\t2020\n도시관리국\t\t7\t9\n\t도시계획과\t400\t450\n\t건축과\t200\t250',
      { headerRows: 1, labelCols: 2 },
      [],
    ],
    [
      'contracts with two-level headers by year and a 계 group',
      '구분\t계\t\t2019년\t\t2020년\t\n\t건수\t금액\t건수\t금액\t건수\t금액\n공사\t5\t500\t2\t200\t3\t300\n용역\t7\t70\t3\t30\t4\t40',
      { headerRows: 2, labelCols: 1 },
      ['B3=D3+F3', 'B4=D4+F4', 'C3=E3+G3', 'C4=E4+G4'],
    ],
    [
      'words in the body: the equation through them is skipped',
      '구분\t계\t가\t나\n2020\t10\t4\t6\n2021\t진행 중\t3\t3',
      { headerRows: 1, labelCols: 1 },
      ['B2=C2+D2'],
    ],
    [
      'no label: the last column is the sum of the others on three rows',
      '구분\t가\t나\t전체\nA\t1\t2\t3\nB\t4\t5\t9\nC\t7\t8\t15',
      { headerRows: 1, labelCols: 1 },
      ['D2=B2+C2', 'D3=B3+C3', 'D4=B4+C4'],
    ],
    [
      'no label and only two rows: the numbers alone are not enough',
      '구분\t가\t나\t전체\nA\t1\t2\t3\nB\t4\t5\t9',
      { headerRows: 1, labelCols: 1 },
      [],
    ],
    [
      'unrelated figures (연번, 쪽) make no relation',
      '연번\t주요사업\t구분\t쪽\n1\t가\t신규\t6\n2\t나\t신규\t8\n3\t다\t계속\t10\n4\t라\t계속\t12',
      { headerRows: 1, labelCols: 0 },
      [],
    ],
  ])('%s', (_name, tsv, options, expected) => {
    expect(infer(tsv, options).map(show).sort()).toEqual([...expected].sort());
  });

  it('a bracketed figure in a row label that counts something else is no total', () => {
    const tsv = '구분\t인원\n교육(3회)\t150\n간담회(2회)\t40';
    expect(infer(tsv, { headerRows: 1, labelCols: 1 })).toEqual([]);
  });

  it('bracketed totals in several row labels that add up are relations', () => {
    const tsv = '구분\t남\t여\n정규직(12명)\t5\t7\n계약직(6명)\t2\t4';
    expect(infer(tsv, { headerRows: 1, labelCols: 1 }).map(show)).toEqual(['A2=B2+C2', 'A3=B3+C3']);
  });

  it('a column of fractions shown as percentages is neither summed down nor a part', () => {
    const pct = (v: number) => ({ v, fmt: '0.0%' });
    const g = grid([
      ['구분', '계', '가', '나', '점유'],
      ['계', 10, 4, 6, pct(1)],
      ['A', 3, 1, 2, pct(0.3)],
      ['B', 7, 3, 4, pct(0.7)],
    ]);
    const { layout } = tableFromTsv('구분\t계\t가\t나\t점유\n계\t10\t4\t6\t1\nA\t3\t1\t2\t0.3\nB\t7\t3\t4\t0.7', { headerRows: 1, labelCols: 1 });
    const found = inferSumRelations(g, layout).map(show).sort();
    expect(found).toEqual(['B2=B3+B4', 'B2=C2+D2', 'B3=C3+D3', 'B4=C4+D4', 'C2=C3+C4', 'D2=D3+D4'].sort());
  });

  it('a label total refuted by most rows is not a relation', () => {
    const tsv = '구분\t계\t가\t나\nA\t1\t5\t9\nB\t2\t6\t8\nC\t3\t7\t7';
    expect(infer(tsv, { headerRows: 1, labelCols: 1 })).toEqual([]);
  });

  it('a label total stands alone in a one-row table even when it does not add up', () => {
    const rels = infer('계\t가\t나\n10\t4\t5', { headerRows: 1, labelCols: 0 });
    expect(rels.map(show)).toEqual(['A2=B2+C2']);
  });

  it('text tables have no relations', () => {
    const { sheet, layout } = tableFromTsv('계\t가\n3\t3', { headerRows: 1, labelCols: 0, kind: 'text' });
    expect(inferSumRelations(sheet, layout)).toEqual([]);
  });
});

describe('generated two-way tables', () => {
  it('find the total column and the total row wherever they sit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 25, maxLength: 25 }),
        (nRows, nCols, totalRowFirst, totalColFirst, pool) => {
          const body = Array.from({ length: nRows }, (_, r) => Array.from({ length: nCols }, (_, c) => pool[r * 5 + c]));
          const withTotals = body.map((row) => {
            const t = row.reduce((a, b) => a + b, 0);
            return totalColFirst ? [t, ...row] : [...row, t];
          });
          const totalRow = withTotals[0].map((_, c) => withTotals.reduce((s, row) => s + row[c], 0));
          const rows = totalRowFirst ? [totalRow, ...withTotals] : [...withTotals, totalRow];
          const labels = rows.map((_, i) => (i === (totalRowFirst ? 0 : rows.length - 1) ? '계' : `r${i}`));
          const headers = ['구분', ...Array.from({ length: nCols + 1 }, (_, i) => (i === (totalColFirst ? 0 : nCols) ? '합계' : `c${i}`))];
          const tsv = [headers, ...rows.map((row, i) => [labels[i], ...row.map(String)])].map((l) => l.join('\t')).join('\n');
          const rels = infer(tsv, { headerRows: 1, labelCols: 1 });
          expect(rels.filter((r) => r.axis === 'row')).toHaveLength(nRows + 1);
          expect(rels.filter((r) => r.axis === 'column')).toHaveLength(nCols + 1);
          for (const r of rels) expect(r.parts).toHaveLength(r.axis === 'row' ? nCols : nRows);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('tables whose labels read alike', () => {
  // Inference keeps what labels alone decide per sequence of line readings; each table must still be judged by
  // its own figures, whatever was inferred before it.
  const HEADED = (group: string) =>
    `구분\t\t2019\n총계\t\t1,000\n도시관리국\t\t${group}\n\t도시계획과\t400\n\t건축과\t200\n복지국\t\t400\n\t복지정책과\t400`;
  const cases: [string, string, TsvTableOptions, string[]][] = [
    ['heading row holding its group total', HEADED('600'), { headerRows: 1, labelCols: 2 }, ['C3=C4+C5', 'C6=C7', 'C2=C3+C6']],
    ['the same rows with that heading blank', HEADED(''), { headerRows: 1, labelCols: 2 }, ['C2=C4+C5+C6', 'C6=C7']],
    ['a total column that adds up', '구분\t계\t가\t나\nA\t3\t1\t2\nB\t7\t3\t4', { headerRows: 1, labelCols: 1 }, ['B2=C2+D2', 'B3=C3+D3']],
    ['the same header over figures that refute it', '구분\t계\t가\t나\nA\t1\t5\t9\nB\t2\t6\t8\nC\t3\t7\t7', { headerRows: 1, labelCols: 1 }, []],
    [
      'the same header moved down and right',
      '구분\t계\t가\t나\nA\t3\t1\t2\nB\t7\t3\t4',
      { headerRows: 1, labelCols: 1, at: 'C5' },
      ['D6=E6+F6', 'D7=E7+F7'],
    ],
  ];

  it('give each table its own equations in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }), (order) => {
        for (const [name, tsv, options, expected] of order) expect([name, infer(tsv, options).map(show).sort()]).toEqual([name, [...expected].sort()]);
      }),
      { numRuns: 20 },
    );
  });

  it('tell each of many group heading rows apart: some hold their group total, others are blank', () => {
    // Group k heads rows k-가 and k-나; the headings of the even groups but the 33rd hold their totals, the others
    // are blank (more headings than bits in a small integer, in no pattern that repeats every 32).
    const groups = 34;
    const holds = (k: number) => k % 2 === 0 && k !== 32;
    const rows = ['구분\t\t금액', `총계\t\t${groups * 3}`];
    for (let k = 0; k < groups; k++) rows.push(`그룹${k}\t\t${holds(k) ? 3 : ''}`, `\t가\t1`, `\t나\t2`);
    const found = infer(rows.join('\n'), { headerRows: 1, labelCols: 2 }).map(show);
    const heading = (k: number) => 3 + 3 * k;
    const grandParts = Array.from({ length: groups }, (_, k) => (holds(k) ? [`C${heading(k)}`] : [`C${heading(k) + 1}`, `C${heading(k) + 2}`])).flat();
    const groupTotals = Array.from({ length: groups }, (_, k) => k)
      .filter(holds)
      .map((k) => heading(k))
      .map((h) => `C${h}=C${h + 1}+C${h + 2}`);
    expect(found.sort()).toEqual([`C2=${grandParts.join('+')}`, ...groupTotals].sort());
  });

  it('a layout listing its columns out of sheet order gives the equations of the ordered one', () => {
    const tsv = '구분\t합계\t가\t나\t다\n2020\t6\t1\t2\t3\n2021\t15\t4\t5\t6';
    const options = { headerRows: 1, labelCols: 1 };
    const { sheet, layout } = tableFromTsv(tsv, options);
    const ordered = inferSumRelations(sheet, layout).map(show);
    expect(ordered).toEqual(['B2=C2+D2+E2', 'B3=C3+D3+E3']);
    const [label, ...data] = layout.columns;
    const reversed = inferSumRelations(sheet, { ...layout, columns: [label, ...data.reverse()] }).map(show);
    expect(reversed).toEqual(ordered);
  });
});
