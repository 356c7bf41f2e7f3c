import fc from 'fast-check';
import { fromA1, refToA1, toA1 } from '../grid/a1';
import type { Cell, SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { Table } from '../model/table';
import { parseCompound } from '../numbers';
import { inferSumRelations } from '../relations/sums';
import { grid, tableFromTsv, type TsvTableOptions } from '../test-support';
import { REFERENCE_TABLES } from './reference-tables.fixture';
import { checkSums, sumFormulaCells } from './sums';

function check(sheet: SheetGrid, layout: Omit<Table, 'relations'>): Finding[] {
  return checkSums(sheet, { ...layout, relations: inferSumRelations(sheet, layout) });
}

function checkTsv(tsv: string, options: TsvTableOptions): Finding[] {
  const { sheet, layout } = tableFromTsv(tsv, options);
  return check(sheet, layout);
}

function setCell(sheet: SheetGrid, a1: string, cell: Cell | null): SheetGrid {
  const p = fromA1(a1)!;
  const cells = sheet.cells.map((row) => [...row]);
  while (cells[p.row].length <= p.col) cells[p.row].push(null);
  cells[p.row][p.col] = cell;
  return { ...sheet, cells };
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

describe('the reference report checks clean', () => {
  it.each(REFERENCE_TABLES.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    expect(checkTsv(t.tsv, t)).toEqual([]);
  });
});

/** Every figure of every reference table changed, one at a time: the fault must be found. */
describe('planted faults in the reference tables', () => {
  const cases: [string, string, string, TsvTableOptions & { tsv: string }][] = [];
  for (const t of REFERENCE_TABLES) {
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const relations = inferSumRelations(sheet, layout);
    const involved = new Set(relations.flatMap((r) => [r.total, ...r.parts]).map((ref) => refToA1(ref)));
    for (const a1 of involved) {
      const p = fromA1(a1)!;
      if (p.col < layout.range.c0 + layout.labelCols) continue;
      const v = sheet.cells[p.row]?.[p.col]?.v;
      const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
      const parts = parseCompound(text);
      let changed: string;
      if (parts) changed = text.replace(/^(\d+)/, (d) => String(Number(d) + 3));
      else {
        const n = Number(text.replace(/[^\d.-]/g, '')) || 0;
        changed = String(n + 7);
      }
      cases.push([t.name, a1, changed, t]);
    }
  }

  it.each(cases)('%s: %s changed to %s', (_name, a1, changed, t) => {
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const planted = setCell(sheet, a1, { v: changed });
    const relations = inferSumRelations(planted, layout);
    const found = errors(checkSums(planted, { ...layout, relations }));
    // Found: an error on the cell itself, or on a total it feeds.
    const feeds = new Set(relations.filter((r) => r.parts.some((p) => refToA1(p) === a1)).map((r) => refToA1(r.total)));
    expect(found.some((f) => f.cell === a1 || feeds.has(f.cell))).toBe(true);
  });

  it('names a changed part cell of the two-way reference tables as sum.cell at least 80% of the time', () => {
    let named = 0;
    let total = 0;
    for (const t of REFERENCE_TABLES) {
      const { sheet, layout } = tableFromTsv(t.tsv, t);
      const relations = inferSumRelations(sheet, layout);
      const inRow = new Set(relations.filter((r) => r.axis === 'row').flatMap((r) => r.parts.map(refToA1)));
      const inColumn = new Set(relations.filter((r) => r.axis === 'column').flatMap((r) => r.parts.map(refToA1)));
      const totals = new Set(relations.map((r) => refToA1(r.total)));
      for (const a1 of inRow) {
        if (!inColumn.has(a1) || totals.has(a1)) continue;
        const p = fromA1(a1)!;
        const v = sheet.cells[p.row]?.[p.col]?.v;
        const n = Number(String(v ?? '').replace(/[^\d.-]/g, '')) || 0;
        total++;
        const found = check(setCell(sheet, a1, { v: n + 11 }), layout);
        if (found.length === 1 && found[0].rule === 'sum.cell' && found[0].cell === a1 && found[0].expected === n) named++;
      }
    }
    expect(total).toBeGreaterThan(40);
    expect(named / total).toBeGreaterThanOrEqual(0.8);
  });

  it('names the changed part cell of a two-way table (sum.cell) with the value that fixes both checks', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'budget143040')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const planted = setCell(sheet, 'D4', { v: '12,900' }); // 시비 2021: was 12,500
    const found = check(planted, layout);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'sum.cell', cell: 'D4', expected: 12500, actual: 12900 }),
    ]);
    expect(new Set(found[0].related)).toEqual(new Set(['B4', 'D3']));
  });

  it('reports a changed grand total on the corner cell, not spread over its row and column', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'legalAdvice')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'B2', { v: 785 }), layout);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.cell', cell: 'B2', expected: 784, actual: 785 });
  });

  it('reports a changed row total on that total', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'legalAdvice')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'B4', { v: 270 }), layout);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: 'B4', expected: 268, actual: 270 });
  });

  it('names a changed component of a compound cell', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'staffing')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'F2', { v: '6(8)' }), layout);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'sum.row', cell: 'A2', expected: 23, actual: 22, params: expect.objectContaining({ component: 1 }) }),
    ]);
  });

  it('checks the total a label states (공약(69))', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'pledges')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'A3', { v: '공약(70)' }), layout);
    expect(found).toEqual([expect.objectContaining({ rule: 'sum.row', cell: 'A3', expected: 69, actual: 70 })]);
  });

  it('names the changed cell in a three-level table with row groups', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'lawsuits')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'G8', { v: '25' }), layout); // 2019 행정소송 소취하: was 23
    expect(found).toEqual([expect.objectContaining({ rule: 'sum.cell', cell: 'G8', expected: 23, actual: 25 })]);
  });
});

describe('the arithmetic of a finding', () => {
  it('sum.row names the total, its parts, and shows the sum', () => {
    const found = checkTsv('구분\t합계\t가\t나\nA\t48,000\t10,900\t37,500', { headerRows: 1, labelCols: 1 });
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'sum.row',
        severity: 'error',
        cell: 'B2',
        expected: 48400,
        actual: 48000,
        related: ['C2', 'D2'],
        params: expect.objectContaining({ difference: -400, arithmetic: '10,900 + 37,500 = 48,400' }),
      }),
    ]);
  });

  it('sum.column for a total row', () => {
    const found = checkTsv('구분\t금액\n계\t31\n가\t10\n나\t20', { headerRows: 1, labelCols: 1 });
    expect(found).toEqual([expect.objectContaining({ rule: 'sum.column', cell: 'B2', expected: 30, actual: 31, related: ['B3', 'B4'] })]);
  });
});

describe('rounding', () => {
  const tsv = (total: string) => `구분\t계\t가\t나\tㄷ\nA\t${total}\t1\t2\t3`;
  it.each<[string, string | undefined, string, string | null]>([
    ['a miss of one in 백만원 is rounding', '백만원', '7', 'sum.rounding'],
    ['a miss of two in 백만원 with three parts is still rounding', '백만원', '8', 'sum.rounding'],
    ['a miss of three is beyond rounding', '백만원', '9', 'sum.row'],
    ['a miss of one in 천원 is an error', '천원', '7', 'sum.row'],
    ['a miss of one in 건 is an error', '건', '7', 'sum.row'],
    ['an exact total is clean', '백만원', '6', null],
  ])('%s', (_name, unit, total, rule) => {
    const found = checkTsv(tsv(total), { headerRows: 1, labelCols: 1, unit });
    expect(found.map((f) => f.rule)).toEqual(rule ? [rule] : []);
  });

  it('a column headed in 백만원 is rounded even when the table counts 건', () => {
    const found = checkTsv('구분\t건수\t금액(백만원)\n계\t6\t101\n가\t2\t40\n나\t4\t60', { headerRows: 1, labelCols: 1, unit: '건' });
    expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual(['sum.rounding C2']);
  });

  it('under a two-unit line (건, 백만원) the money columns are rounded and the counts exact', () => {
    const { sheet, layout } = tableFromTsv('구분\t건수\t금액\n계\t7\t101\n가\t2\t40\n나\t4\t60', { headerRows: 1, labelCols: 1, unit: '건' });
    const withLine = { ...layout, captions: [{ row: 0, col: 0, text: '(단위 : 건, 백만원)', kind: 'unit' as const }] };
    expect(check(sheet, withLine).map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(['sum.column B2', 'sum.rounding C2']);
  });

  it('columns with their own units (건수 → 건 beside 금액 → 백만원 in a 백만원 table): the counts are exact', () => {
    const { sheet, layout } = tableFromTsv('구분\t건수\t금액\n계\t7\t101\n가\t2\t40\n나\t4\t60', { headerRows: 1, labelCols: 1, unit: '백만원' });
    const units: Record<number, string> = { 1: '건', 2: '백만원' };
    const withUnits = { ...layout, columns: layout.columns.map((c) => (units[c.col] ? { ...c, unit: units[c.col] } : c)) };
    expect(check(sheet, withUnits).map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(['sum.column B2', 'sum.rounding C2']);
  });

  it('a gap of one in 백만원 in a row and a column through one cell is still rounding, never an error', () => {
    // Each figure rounded on its own can leave a row and a column each one short through the same cell.
    const t = REFERENCE_TABLES.find((x) => x.name === 'budgetSize')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'E4', { v: '1,398' }), layout);
    expect(errors(found)).toEqual([]);
    expect(found.map((f) => `${f.rule} ${f.cell} ${f.params?.difference}`).sort()).toEqual(['sum.rounding B4 -1', 'sum.rounding E2 -1']);
  });

  it('clear gaps in a row and a column that differ by rounding name their cell (300 one way, 299 the other)', () => {
    // Rounded on its own, row A's 합계 is one over 가 + 나 (and 나's 계 one over its column).
    const tsv = '구분\t합계\t가\t나\n계\t2001\t978\t1023\nA\t1001\t478\t522\nB\t1000\t500\t500';
    const { sheet, layout } = tableFromTsv(tsv, { headerRows: 1, labelCols: 1, unit: '백만원' });
    const rule = (f: Finding) => `${f.rule} ${f.cell}`;
    expect(check(sheet, layout).map(rule).sort()).toEqual(['sum.rounding B3', 'sum.rounding D2']);
    const found = check(setCell(sheet, 'C3', { v: 778 }), layout);
    expect(found.map(rule).sort()).toEqual(['sum.cell C3', 'sum.rounding D2']);
    const named = found.find((f) => f.rule === 'sum.cell')!;
    expect(named).toEqual(expect.objectContaining({ actual: 778, related: expect.arrayContaining(['B3', 'C2']) }));
    expect([478, 479]).toContain(named.expected);
  });

  it('a clear gap in the column and a small one in the row through one cell: that cell', () => {
    const t = REFERENCE_TABLES.find((x) => x.name === 'budgetSize')!;
    const { sheet, layout } = tableFromTsv(t.tsv, t);
    const found = check(setCell(sheet, 'E4', { v: '1,399' }), layout);
    expect(found).toEqual([expect.objectContaining({ rule: 'sum.cell', cell: 'E4', expected: 1397, actual: 1399 })]);
    expect(new Set(found[0].related)).toEqual(new Set(['B4', 'E2']));
  });

  it('gaps of one scattered over a 백만원 table stay rounding', () => {
    const tsv = '구분\t계\t가\t나\n계\t20\t10\t10\nA\t10\t5\t6\nB\t10\t5\t4';
    const found = checkTsv(tsv, { headerRows: 1, labelCols: 1, unit: '백만원' });
    expect(found.map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(['sum.rounding B3', 'sum.rounding B4']);
  });

  it('figures with decimals are rounded figures', () => {
    const found = checkTsv('구분\t계\t가\t나\nA\t3.1\t1.0\t2.0', { headerRows: 1, labelCols: 1 });
    expect(found).toEqual([
      expect.objectContaining({ rule: 'sum.rounding', severity: 'warning', params: expect.objectContaining({ difference: 0.1, tolerance: 0.15 }) }),
    ]);
  });
});

describe('sum.formula-range', () => {
  const formula = (f: string, v: number): Cell => ({ v, f });
  const base = (total: Cell) =>
    grid([
      ['구분', '합계', '가', '나', '다'],
      ['A', total, 1, 2, 3],
    ]);
  const layout = tableFromTsv('구분\t합계\t가\t나\t다\nA\t6\t1\t2\t3', { headerRows: 1, labelCols: 1 }).layout;

  it.each<[string, string, number, string | null]>([
    ['the whole row', 'SUM(C2:E2)', 6, null],
    ['single cells joined by +', 'C2+D2+E2', 6, null],
    ['a part left out', 'SUM(C2:D2)', 3, 'E2'],
    ['a non-part taken in', 'SUM(A2:E2)', 6, 'A2'],
  ])('%s', (_name, f, v, named) => {
    const found = checkSums(base(formula(f, v)), { ...layout, relations: inferSumRelations(base(formula(f, v)), layout) }).filter(
      (x) => x.rule === 'sum.formula-range',
    );
    if (named === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(`${found[0].params?.missing} ${found[0].params?.extra}`).toContain(named);
    }
  });

  it('accepts a grand total summed over the leaves of its subtotals', () => {
    const g = grid([
      ['구분', '금액'],
      ['총계', formula('SUM(B4:B5,B7)', 60)],
      ['소계', formula('SUM(B4:B5)', 30)],
      ['가', 10],
      ['나', 20],
      ['소계', formula('B7', 30)],
      ['다', 30],
    ]);
    const { layout: l } = tableFromTsv('구분\t금액\n총계\t60\n소계\t30\n가\t10\n나\t20\n소계\t30\n다\t30', { headerRows: 1, labelCols: 1 });
    const found = checkSums(g, { ...l, relations: inferSumRelations(g, l) });
    expect(found).toEqual([]);
  });

  it('takes the corner of a two-way table summed either way', () => {
    const tsv = '구분\t합계\t가\t나\n계\t10\t4\t6\nA\t3\t1\t2\nB\t7\t3\t4';
    const { layout: l } = tableFromTsv(tsv, { headerRows: 1, labelCols: 1 });
    for (const f of ['SUM(C2:D2)', 'SUM(B3:B4)']) {
      const g = grid([
        ['구분', '합계', '가', '나'],
        ['계', formula(f, 10), 4, 6],
        ['A', 3, 1, 2],
        ['B', 7, 3, 4],
      ]);
      expect(checkSums(g, { ...l, relations: inferSumRelations(g, l) })).toEqual([]);
    }
  });

  it('parses SUM arguments and refuses anything else', () => {
    expect(sumFormulaCells('SUM(B2:B3,$C$7)')).toEqual(new Set(['1:1', '2:1', '6:2']));
    expect(sumFormulaCells('B2*2')).toBeNull();
    expect(sumFormulaCells('SUM(Sheet2!B2:B3)')).toBeNull();
    expect(sumFormulaCells('B2')).toBeNull();
  });
});

/** Consistent generated tables are clean; one changed cell is named, or the total it feeds. */
describe('property: generated two-way tables', () => {
  const arbTable = fc.record({
    nRows: fc.integer({ min: 2, max: 6 }),
    nCols: fc.integer({ min: 2, max: 6 }),
    totalRowFirst: fc.boolean(),
    totalColFirst: fc.boolean(),
    pool: fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 36, maxLength: 36 }),
  });

  function build(t: { nRows: number; nCols: number; totalRowFirst: boolean; totalColFirst: boolean; pool: number[] }) {
    const body = Array.from({ length: t.nRows }, (_, r) => Array.from({ length: t.nCols }, (_, c) => t.pool[r * 6 + c]));
    const withTotals = body.map((row) => {
      const s = row.reduce((a, b) => a + b, 0);
      return t.totalColFirst ? [s, ...row] : [...row, s];
    });
    const totalRow = withTotals[0].map((_, c) => withTotals.reduce((s, row) => s + row[c], 0));
    const rows = t.totalRowFirst ? [totalRow, ...withTotals] : [...withTotals, totalRow];
    const totalRowAt = t.totalRowFirst ? 0 : rows.length - 1;
    const totalColAt = t.totalColFirst ? 0 : t.nCols;
    const header = ['구분', ...rows[0].map((_, c) => (c === totalColAt ? '합계' : `항목${c}`))];
    const lines = [header, ...rows.map((row, r) => [r === totalRowAt ? '계' : `행${r}`, ...row])];
    const tsv = lines.map((l) => l.join('\t')).join('\n');
    const { sheet, layout } = tableFromTsv(tsv, { headerRows: 1, labelCols: 1, unit: '천원' });
    return { sheet, layout, rows, totalRowAt, totalColAt };
  }

  it('a consistent table yields no finding', () => {
    fc.assert(
      fc.property(arbTable, (t) => {
        const { sheet, layout } = build(t);
        expect(check(sheet, layout)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('one changed cell yields an error naming it (sum.cell for a part), or the total it feeds', () => {
    fc.assert(
      fc.property(arbTable, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (t, r0, c0, delta, up) => {
        const { sheet, layout, rows, totalRowAt, totalColAt } = build(t);
        const r = r0 % rows.length;
        const c = c0 % rows[0].length;
        const a1 = toA1(1 + r, 1 + c);
        const changed = rows[r][c] + (up ? delta : -delta);
        const found = errors(check(setCell(sheet, a1, { v: changed }), layout));
        expect(found.length).toBeGreaterThan(0);
        const isPart = r !== totalRowAt && c !== totalColAt;
        if (isPart) expect(found).toEqual([expect.objectContaining({ rule: 'sum.cell', cell: a1, expected: rows[r][c] })]);
        else expect(found.map((f) => f.cell)).toContain(a1);
      }),
      { numRuns: 150 },
    );
  });
});

it('equations through words are not checked', () => {
  expect(checkTsv('구분\t계\t가\t나\n2020\t10\t4\t6\n2021\t진행 중\t3\t3\n2022\t5\t2\t3', { headerRows: 1, labelCols: 1 })).toEqual([]);
});

describe('blank totals: blank means zero, but a family of totals all still blank waits for fill', () => {
  it.each([
    ['every total of the 계 column blank: nothing to report yet', '구분\t계\t가\t나\n2020\t\t4\t6\n2021\t\t3\t3', []],
    ['blank parts and a blank total agree (all zero)', '구분\t계\t가\t나\n2020\t\t\t\n2021\t6\t3\t3', []],
  ])('%s', (_name, tsv, expected) => {
    expect(checkTsv(tsv, { headerRows: 1, labelCols: 1 })).toEqual(expected);
  });

  it('a blank total beside written ones is a missing figure, said to be blank', () => {
    const found = checkTsv('구분\t계\t가\t나\n2020\t\t4\t6\n2021\t6\t3\t3', { headerRows: 1, labelCols: 1 });
    expect(found).toEqual([expect.objectContaining({ rule: 'sum.row', severity: 'error', cell: 'B2', expected: 10, actual: null })]);
  });

  it('a blank cell where a row total and a column total cross is named by sum.cell with the value that fixes both', () => {
    const found = checkTsv('구분\t계\t가\t나\n계\t600\t300\t300\n가\t\t100\t200\n나\t300\t200\t100', { headerRows: 1, labelCols: 1 });
    expect(errors(found)).toEqual([expect.objectContaining({ rule: 'sum.cell', cell: 'B3', expected: 300, actual: null })]);
  });
});

/** Row groups with their own 소계 under a 총계, and a 합계 column: three levels of sums. */
describe('property: generated grouped tables', () => {
  const arbGrouped = fc.record({
    groups: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
    nCols: fc.integer({ min: 2, max: 4 }),
    pool: fc.array(fc.integer({ min: 0, max: 9_999 }), { minLength: 64, maxLength: 64 }),
  });

  function build(t: { groups: number[]; nCols: number; pool: number[] }) {
    let k = 0;
    const lines: { labels: [string, string]; values: number[]; role: 'grand' | 'sub' | 'leaf' }[] = [];
    const subs: number[][] = [];
    t.groups.forEach((size, g) => {
      const leaves = Array.from({ length: size }, () => Array.from({ length: t.nCols }, () => t.pool[k++ % 64]));
      const sub = Array.from({ length: t.nCols }, (_, c) => leaves.reduce((s, l) => s + l[c], 0));
      subs.push(sub);
      lines.push({ labels: [`그룹${g}`, '소계'], values: sub, role: 'sub' });
      leaves.forEach((l, i) => lines.push({ labels: ['', `항목${g}-${i}`], values: l, role: 'leaf' }));
    });
    const grand = Array.from({ length: t.nCols }, (_, c) => subs.reduce((s, l) => s + l[c], 0));
    lines.unshift({ labels: ['총계', ''], values: grand, role: 'grand' });
    const rows = lines.map((l) => [...l.labels, l.values.reduce((a, b) => a + b, 0), ...l.values]);
    const header = ['구분', '', '합계', ...Array.from({ length: t.nCols }, (_, c) => `항목${c}`)];
    const tsv = [header, ...rows].map((r) => r.join('\t')).join('\n');
    const { sheet, layout } = tableFromTsv(tsv, { headerRows: 1, labelCols: 2, unit: '건' });
    return { sheet, layout, rows, lines };
  }

  it('a consistent grouped table yields no finding', () => {
    fc.assert(
      fc.property(arbGrouped, (t) => {
        const { sheet, layout } = build(t);
        expect(check(sheet, layout)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('one changed figure is named (sum.cell for a leaf), or the total it feeds', () => {
    fc.assert(
      fc.property(arbGrouped, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 500 }), (t, r0, c0, delta) => {
        const { sheet, layout, rows, lines } = build(t);
        const r = r0 % rows.length;
        const c = 2 + (c0 % (rows[0].length - 2));
        const a1 = toA1(1 + r, c);
        const before = rows[r][c] as number;
        const found = errors(check(setCell(sheet, a1, { v: before + delta }), layout));
        expect(found.length).toBeGreaterThan(0);
        if (lines[r].role === 'leaf' && c > 2) expect(found).toEqual([expect.objectContaining({ rule: 'sum.cell', cell: a1, expected: before })]);
        else expect(found.map((f) => f.cell)).toContain(a1);
      }),
      { numRuns: 120 },
    );
  });
});
