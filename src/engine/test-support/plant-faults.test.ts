import { at, gridFromTsv } from './grid-builder';
import { bump, FAULT_KINDS, plantAllFaults, plantFaults, typo, type FaultTable } from './plant-faults';

/** A budget table as the report writes it, at A1: captions in A1:A2, header A3:F4, 계 row 5, sources 6–7. */
const BUDGET_TSV = [
  '□ 2021년 소요예산 : 32,300천원',
  '(단위 : 천원)',
  '재원별\t합계\t연차별 소요재원\t\t\t',
  '\t\t2020년\t2021년\t2022년\t2023년',
  '계\t143,040\t31,140\t32,300\t37,300\t42,300',
  '시비\t48,400\t10,900\t12,500\t12,500\t12,500',
  '구비\t94,640\t20,240\t19,800\t24,800\t29,800',
  '집행\t766(84.5%)',
].join('\n');

const BUDGET: FaultTable = {
  sheet: 'S',
  range: 'A3:F7',
  headerRows: 2,
  labelCols: 1,
  sums: [
    ...[5, 6, 7].map((r) => ({ total: `B${r}`, parts: ['C', 'D', 'E', 'F'].map((c) => `${c}${r}`) })),
    ...['B', 'C', 'D', 'E', 'F'].map((c) => ({ total: `${c}5`, parts: [`${c}6`, `${c}7`] })),
  ],
  years: ['C4', 'D4', 'E4', 'F4'],
  captions: [{ cell: 'A1', target: 'D5' }],
  rates: ['B8'],
};

const grid = gridFromTsv(BUDGET_TSV, { name: 'S' });

describe('plantFaults', () => {
  test('one fault of each kind, each on a copy', () => {
    const faults = plantFaults(grid, BUDGET);
    expect(faults.map((f) => f.kind)).toEqual(FAULT_KINDS);
    for (const f of faults) {
      expect(f.sheet).toBe('S');
      expect(f.acceptable).toContain(f.cell);
      for (const c of f.changes) expect(at(f.grid, c.cell)).toEqual(c.after);
      for (const c of f.changes) expect(at(grid, c.cell)).toEqual(c.before);
    }
    expect(at(grid, 'C6')?.v).toBe('10,900');
  });

  const cases: { kind: string; pick: number; cell: string; after: (string | number)[]; acceptable: string[] }[] = [
    { kind: 'part', pick: 0, cell: 'C6', after: ['20,900'], acceptable: ['C6', 'B6', 'C5'] },
    { kind: 'part', pick: 5, cell: 'D7', after: ['29,800'], acceptable: ['D7', 'B7', 'D5'] },
    { kind: 'total', pick: 0, cell: 'B5', after: ['243,040'], acceptable: ['B5'] },
    { kind: 'total', pick: 4, cell: 'D5', after: ['42,300'], acceptable: ['D5', 'B5', 'A1'] },
    { kind: 'year-duplicate', pick: 1, cell: 'E4', after: ['2021년'], acceptable: ['E4', 'D4'] },
    { kind: 'year-skip', pick: 1, cell: 'E4', after: ['2023년', '2024년'], acceptable: ['E4', 'F4', 'D4'] },
    { kind: 'caption-amount', pick: 0, cell: 'A1', after: ['□ 2021년 소요예산 : 42,300천원'], acceptable: ['A1', 'D5'] },
    { kind: 'rate', pick: 0, cell: 'B8', after: ['766(85.5%)'], acceptable: ['B8'] },
    { kind: 'typo', pick: 0, cell: 'B5', after: ['143,O40'], acceptable: ['B5'] },
  ];
  test.each(cases)('$kind #$pick: $cell', ({ kind, pick, cell, after, acceptable }) => {
    const f = plantFaults(grid, BUDGET, { pick }).find((x) => x.kind === kind);
    expect(f?.cell).toBe(cell);
    expect(f?.changes.map((c) => c.after.v)).toEqual(after);
    expect(f?.acceptable).toEqual(acceptable);
  });

  test('typed values keep their number format; a typo becomes text', () => {
    const typed = gridFromTsv('계\t1\n구비\t1', { name: 'S' });
    const cells = typed.cells.map((l) => l.map((c) => c && (c.v === '1' ? { v: 19000, fmt: '#,##0' } : c)));
    const g = { ...typed, cells };
    const t: FaultTable = { sheet: 'S', range: 'A1:B2', headerRows: 0, labelCols: 1, sums: [{ total: 'B1', parts: ['B2'] }] };
    const all = plantAllFaults(g, t);
    expect(all.find((f) => f.kind === 'part')?.changes[0].after).toEqual({ v: 29000, fmt: '#,##0' });
    expect(all.find((f) => f.kind === 'typo' && f.cell === 'B2')?.changes[0].after).toEqual({ v: '19,0O0', fmt: '#,##0' });
  });

  test('zeros, dashes and compound cells are not planted in; years need a sequence', () => {
    const g = gridFromTsv('a\t2020년\n계\t-\n구비\t22(22)', { name: 'S' });
    const t: FaultTable = { sheet: 'S', range: 'A1:B3', headerRows: 1, labelCols: 1, sums: [{ total: 'B2', parts: ['B3'] }], years: ['B1'] };
    expect(plantAllFaults(g, t)).toEqual([]);
  });

  test('descending year labels skip downwards', () => {
    const g = gridFromTsv('2020년\t1\n2019년\t2\n2018년\t3', { name: 'S' });
    const t: FaultTable = { sheet: 'S', range: 'A1:B3', headerRows: 0, labelCols: 1, sums: [], years: ['A1', 'A2', 'A3'] };
    const skips = plantAllFaults(g, t).filter((f) => f.kind === 'year-skip');
    expect(skips.map((f) => f.changes.map((c) => c.after.v))).toEqual([['2018년', '2017년'], ['2017년']]);
  });

  test('the grid must be the table\'s sheet', () => {
    expect(() => plantFaults(grid, { ...BUDGET, sheet: 'Other' })).toThrow(/not sheet/);
  });
});

describe('bump and typo', () => {
  test.each([
    [19000, 29000],
    [7, 8],
    [9, 10],
    [0, 1],
    [-1200, -2200],
    [84.5, 94.5],
  ])('bump(%d) = %d', (x, y) => expect(bump(x)).toBe(y));
  test.each([
    ['19,000', '19,0O0'],
    ['10', '1O'],
    ['15', 'l5'],
    ['48건', '4 8건'],
    ['5000', '50O0'],
  ])('typo(%s) = %s', (x, y) => expect(typo(x)).toBe(y));
});
