import fc from 'fast-check';
import { fromA1, refToA1, toA1 } from '../grid/a1';
import type { Cell, CellRef, SheetGrid } from '../grid/types';
import type { Relation, Table } from '../model/table';
import { roundDown, roundHalfUp } from '../numbers';
import { grid } from '../test-support';
import { referenceGrids } from '../../../test/fixtures/reference';
import { AMOUNT_FORMAT, asValueWrites, captionShape, planFill, planFillSettled, planWorkbookFill, previewFill, sumFormula } from '.';
import { checkWorkbook } from '../check-workbook';
import { tablesWithAllRelations } from './test-support/all-relations';
import { CHANGE_TSV, COLLECTION_TSV, COLLECTION_ZERO_TSV, GROUPED_TSV, GROWTH_TSV, shapeSheet, TRUNCATED_TSV } from './test-support/shapes';

const ref = (a1: string): CellRef => fromA1(a1)!;

function table(relations: Relation[], id = 'S!A1:Z99'): Table {
  return {
    id,
    sheet: 'S',
    range: { r0: 0, c0: 0, r1: 98, c1: 25 },
    headerRows: 0,
    labelCols: 0,
    kind: 'crosstab',
    captions: [],
    headers: [],
    columns: [],
    rows: [],
    relations,
  };
}

const sum = (total: string, parts: string[]): Relation => ({
  type: 'sum',
  axis: 'cell',
  total: ref(total),
  parts: parts.map(ref),
  evidence: 'label',
  family: 'f',
});

/** Empty the given cells (A1) of a sheet. */
function emptied(sheet: SheetGrid, cells: Iterable<string>): SheetGrid {
  const rows = sheet.cells.map((l) => Array.from(l));
  for (const a of cells) {
    const p = fromA1(a)!;
    if (rows[p.row]) rows[p.row][p.col] = null;
  }
  return { ...sheet, cells: rows };
}

const targetsOf = (t: Table) =>
  t.relations.filter((r) => r.type !== 'caption').map((r) => (r.type === 'sum' ? r.total : r.target)).filter((r) => r.comp === undefined).map(refToA1);

describe('sumFormula', () => {
  test.each([
    [['C5', 'D5', 'E5', 'F5'], 'SUM(C5:F5)'],
    [['C5', 'E5', 'G5'], 'SUM(C5,E5,G5)'],
    [['B6', 'B7'], 'SUM(B6:B7)'],
    [['B6', 'B8', 'B9'], 'SUM(B6,B8:B9)'],
    [['D5', 'C5', 'D5'], 'SUM(C5:D5)'],
    [['C5', 'D6'], 'SUM(C5,D6)'],
    [['F9'], 'SUM(F9)'],
  ])('%j → %s', (parts, formula) => {
    expect(sumFormula(parts.map(ref))).toBe(formula);
  });

  test('a range never takes in a non-part (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (idx, alongRow) => {
        const parts = idx.map((i) => (alongRow ? { row: 4, col: i } : { row: i, col: 2 }));
        const covered = new Set<string>();
        for (const arg of sumFormula(parts).slice(4, -1).split(',')) {
          const [a, b] = arg.split(':').map((x) => fromA1(x)!);
          const end = b ?? a;
          for (let r = a.row; r <= end.row; r++) for (let c = a.col; c <= end.col; c++) covered.add(toA1(r, c));
        }
        expect([...covered].sort()).toEqual(parts.map((p) => toA1(p.row, p.col)).sort());
      }),
    );
  });
});

describe('planFill: consent', () => {
  const rel = sum('D1', ['A1', 'B1', 'C1']);
  test.each<[string, Cell | null, 'write' | 'conflict' | 'unchanged']>([
    ['an empty cell is filled', null, 'write'],
    ['a blank text cell is filled', { v: '  ' }, 'write'],
    ['a formula cell is filled', { v: 5, f: 'A1+B1' }, 'write'],
    ['an equal constant becomes a formula', { v: 6 }, 'write'],
    ['an equal text figure becomes a formula', { v: '6' }, 'write'],
    ['a disagreeing constant is a conflict', { v: 7 }, 'conflict'],
    ['a word is a conflict', { v: '미정' }, 'conflict'],
    ['the same formula and value are left alone', { v: 6, f: 'SUM(A1:C1)', fmt: '#,##0' }, 'unchanged'],
  ])('%s', (_name, d1, outcome) => {
    const s = grid([[1, 2, 3, d1]], { name: 'S' });
    const plan = planFill(s, table([rel]));
    expect(plan.writes.length).toBe(outcome === 'write' ? 1 : 0);
    expect(plan.conflicts.length).toBe(outcome === 'conflict' ? 1 : 0);
    expect(plan.unchanged).toBe(outcome === 'unchanged' ? 1 : 0);
    if (outcome === 'write') expect(plan.writes[0]).toMatchObject({ sheet: 'S', row: 0, col: 3, formula: 'SUM(A1:C1)', value: 6 });
    if (outcome === 'conflict') {
      expect(plan.conflicts[0]).toMatchObject({ rule: 'fill.conflict', severity: 'warning', cell: 'D1', expected: 6, related: ['A1', 'B1', 'C1'] });
    }
  });

  test('overwrite replaces a disagreeing constant', () => {
    const s = grid([[1, 2, 3, 7]], { name: 'S' });
    const plan = planFill(s, table([rel]), { overwrite: true });
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes[0]).toMatchObject({ formula: 'SUM(A1:C1)', value: 6 });
  });

  test('a total of totals uses a conflicting constant as the formula will (its typed figure)', () => {
    // D1 = A1..C1 (typed 7, wrong), D2 = A2..C2, D3 = D1+D2: the spreadsheet adds the 7 that stays.
    const s = grid([[1, 2, 3, 7], [1, 1, 1, null], [null, null, null, null]], { name: 'S' });
    const plan = planFill(s, table([sum('D3', ['D1', 'D2']), sum('D1', ['A1', 'B1', 'C1']), sum('D2', ['A2', 'B2', 'C2'])]));
    expect(plan.conflicts.map((c) => c.cell)).toEqual(['D1']);
    expect(plan.writes.map((w) => [refToA1(w), w.value])).toEqual([['D2', 3], ['D3', 10]]);
  });

  test('property: without overwrite no disagreeing typed constant is ever written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
        (rows) => {
          const s = grid(rows, { name: 'S' });
          // Row totals in D, column totals in row 4, corner both ways.
          const rels = [0, 1, 2].map((r) => sum(toA1(r, 3), [toA1(r, 0), toA1(r, 1), toA1(r, 2)]));
          rels.push(...[0, 1, 2, 3].map((c) => sum(toA1(3, c), [toA1(0, c), toA1(1, c), toA1(2, c)])));
          const plan = planFill(s, table(rels));
          for (const w of plan.writes) {
            const before = s.cells[w.row]?.[w.col];
            if (before && before.v !== null && before.f === undefined) expect(before.v).toBe(w.value);
          }
        },
      ),
    );
  });
});

describe('planFill: formulas and figures', () => {
  test('totals of totals come in dependency order', () => {
    const s = grid([[null, 1, 2], [null, 3, 4], [null, null, null]], { name: 'S' });
    const plan = planFill(s, table([sum('A3', ['B3', 'C3']), sum('B3', ['B1', 'B2']), sum('C3', ['C1', 'C2'])]));
    expect(plan.writes.map((w) => `${refToA1(w)}=${w.formula}→${w.value}`)).toEqual(['B3=SUM(B1:B2)→4', 'C3=SUM(C1:C2)→6', 'A3=SUM(B3:C3)→10']);
    expect(plan.writes.every((w) => w.fmt === AMOUNT_FORMAT)).toBe(true);
  });

  test('an existing number format is kept', () => {
    const s = grid([[1, 2, { v: null, fmt: '#,##0' }]], { name: 'S' });
    expect(planFill(s, table([sum('C1', ['A1', 'B1'])])).writes[0].fmt).toBeUndefined();
  });

  const rate = (over: Partial<Extract<Relation, { type: 'rate' }>> = {}): Relation => ({
    type: 'rate',
    target: ref('C1'),
    numerator: ref('A1'),
    denominator: ref('B1'),
    scale: 100,
    decimals: 1,
    evidence: 'label',
    family: 'r',
    ...over,
  });

  test.each([
    ['half-up', 87, 92, 'IF(B1=0,"",ROUND(A1/B1*100,1))', roundHalfUp((87 / 92) * 100, 1)],
    ['truncate', 87, 92, 'IF(B1=0,"",ROUNDDOWN(A1/B1*100,1))', roundDown((87 / 92) * 100, 1)],
    ['half-up', 5, 0, 'IF(B1=0,"",ROUND(A1/B1*100,1))', ''],
  ] as const)('rate under %s: %d / %d', (rounding, num, den, formula, value) => {
    const plan = planFill(grid([[num, den, null]], { name: 'S' }), table([rate()]), { rounding });
    expect(plan.writes[0]).toMatchObject({ formula, value, fmt: '0.0' });
  });

  test('94.5 versus 94.6: the report truncated 87/92', () => {
    expect(planFill(grid([[87, 92, null]], { name: 'S' }), table([rate()]), { rounding: 'truncate' }).writes[0].value).toBe(94.5);
    expect(planFill(grid([[87, 92, null]], { name: 'S' }), table([rate()])).writes[0].value).toBe(94.6);
  });

  test('a fraction rate keeps decimals + 2 places and a % format; a 증감률 subtracts', () => {
    const s = grid([[766, 906, null, 700]], { name: 'S' });
    const fraction = planFill(s, table([rate({ scale: 1 })])).writes[0];
    expect(fraction).toMatchObject({ formula: 'IF(B1=0,"",ROUND(A1/B1,3))', value: 0.845, fmt: '0.0%' });
    const growth = planFill(s, table([rate({ subtract: ref('D1') })])).writes[0];
    expect(growth).toMatchObject({ formula: 'IF(B1=0,"",ROUND((A1-D1)/B1*100,1))', value: roundHalfUp((66 / 906) * 100, 1) });
  });

  test('증감 is later minus earlier; the report\'s "-" is read through N()', () => {
    const diff: Relation = { type: 'diff', target: ref('C1'), later: ref('B1'), earlier: ref('A1'), evidence: 'label', family: 'd' };
    expect(planFill(grid([[100, 80, null]], { name: 'S' }), table([diff])).writes[0]).toMatchObject({ formula: 'B1-A1', value: -20 });
    expect(planFill(grid([['-', 80, null]], { name: 'S' }), table([diff])).writes[0]).toMatchObject({ formula: 'B1-N(A1)', value: 80 });
  });

  test('a part holding a figure typed as text is skipped, not summed as zero', () => {
    const plan = planFill(grid([['1,000', 2, null]], { name: 'S' }), table([sum('C1', ['A1', 'B1'])]));
    expect(plan.writes).toEqual([]);
    expect(plan.skipped).toMatchObject([{ cell: 'C1', reason: 'text-input', related: ['A1'] }]);
  });

  test.each([
    ['a figure with a footnote mark', '61,800 ¹⁾', 61802],
    ['a number stored as text', '1,000', 1002],
    ['a count with its unit', '4회', 6],
  ])('values: %s counts as its figure when the writes are constants', (_name, text, expected) => {
    const plan = planFill(grid([[text, 2, null]], { name: 'S' }), table([sum('C1', ['A1', 'B1'])]), { values: true });
    expect(plan.skipped).toEqual([]);
    expect(asValueWrites(plan.writes)).toMatchObject([{ row: 0, col: 2, value: expected }]);
  });

  test('values: a compound part is still left alone, and an agreeing "4회" total keeps its unit', () => {
    expect(planFill(grid([['2(2)', 2, null]], { name: 'S' }), table([sum('C1', ['A1', 'B1'])]), { values: true }).skipped).toMatchObject([{ cell: 'C1', reason: 'compound-input' }]);
    const kept = planFill(grid([['1회', '3회', '4회']], { name: 'S' }), table([sum('C1', ['A1', 'B1'])]), { values: true });
    expect([kept.writes, kept.conflicts, kept.unchanged]).toEqual([[], [], 1]);
    expect(planFill(grid([['1회', '3회', '5회']], { name: 'S' }), table([sum('C1', ['A1', 'B1'])]), { values: true }).conflicts).toMatchObject([{ cell: 'C1', expected: 4, actual: 5 }]);
  });

  test('a cycle among relations is left alone', () => {
    const plan = planFill(grid([[null, null, 1]], { name: 'S' }), table([sum('A1', ['B1', 'C1']), sum('B1', ['A1', 'C1'])]));
    expect(plan.skipped.map((s) => s.reason)).toContain('cycle');
  });

  test('the caption becomes a live text formula when it agrees, a conflict when not', () => {
    const cap = (amount: number): Relation => ({ type: 'caption', caption: ref('A1'), amount, cell: ref('B3'), year: 2021, family: 'c' });
    const s = grid([['□ 2021년 소요예산 : 32,300천원'], [], [null, 32300]], { name: 'S' });
    expect(planFill(s, table([cap(32300)])).writes[0]).toEqual({
      sheet: 'S',
      row: 0,
      col: 0,
      formula: '"□ 2021년 소요예산 : "&TEXT(B3,"#,##0")&"천원"',
      value: '□ 2021년 소요예산 : 32,300천원',
    });
    const wrong = grid([['□ 2021년 소요예산 : 32,000천원'], [], [null, 32300]], { name: 'S' });
    expect(planFill(wrong, table([cap(32000)])).conflicts[0]).toMatchObject({ cell: 'A1', expected: 32300, actual: 32000 });
  });

  test.each([
    ['□ 소요예산 : 5,000천원', 5000, { prefix: '□ 소요예산 : ', suffix: '천원', factor: 1 }],
    ['□ 소요예산 : 5,000,000원', 5000, { prefix: '□ 소요예산 : ', suffix: '원', factor: 1000 }],
    ['□ 소요예산 : 3.5억원', 350, null],
    ['소요예산 없음', 0, null],
  ])('captionShape(%s)', (text, amount, shape) => {
    expect(captionShape(text, amount)).toEqual(shape);
  });

  test('compound cells are never written; fill says what they should read', () => {
    const rels: Relation[] = [
      { type: 'sum', axis: 'row', total: { row: 0, col: 0, comp: 0 }, parts: [{ row: 0, col: 1, comp: 0 }, { row: 0, col: 2, comp: 0 }], evidence: 'label', family: 'a' },
      { type: 'sum', axis: 'row', total: { row: 0, col: 0, comp: 1 }, parts: [{ row: 0, col: 1, comp: 1 }, { row: 0, col: 2, comp: 1 }], evidence: 'label', family: 'b' },
    ];
    const plan = planFill(grid([['22(21)', '10(10)', '12(12)']], { name: 'S' }), table(rels));
    expect(plan.writes).toEqual([]);
    expect(plan.compound).toEqual([{ sheet: 'S', cell: 'A1', table: 'S!A1:Z99', actual: '22(21)', expected: '22(22)', agrees: false }]);
  });

  test('--values writes the same figures as constants', () => {
    const plan = planFill(grid([[5, 0, null]], { name: 'S' }), table([{ type: 'rate', target: ref('C1'), numerator: ref('A1'), denominator: ref('B1'), scale: 100, decimals: 1, evidence: 'label', family: 'r' }]));
    expect(asValueWrites(plan.writes)).toEqual([{ sheet: 'S', row: 0, col: 2, value: null, fmt: '0.0' }]);
  });
});

describe('planWorkbookFill on the reference report', () => {
  const sheets = referenceGrids({ numbers: 'values', mergeHeaders: true });
  const full = tablesWithAllRelations(sheets);

  test('emptying every total, subtotal and rate and filling gives back the report\'s figures', () => {
    // Totals written in labels ("공약(69)") are never emptied or written: only figure cells.
    const targets = full.tables.flatMap(targetsOf).filter((a) => {
      const p = fromA1(a)!;
      const v = sheets[0].cells[p.row]?.[p.col]?.v;
      return typeof v === 'number' || v === '-' || v === null || v === undefined;
    });
    expect(targets.length).toBeGreaterThan(100);
    const empty = sheets.map((s) => emptied(s, targets));
    const plan = planWorkbookFill(empty, full);
    expect(plan.conflicts).toEqual([]);
    const written = new Map(plan.writes.map((w) => [refToA1(w), w]));
    // Figures a formula cannot read ("61,800 ¹⁾" with a footnote mark, "4회" with a unit) keep their totals
    // unwritten, and the totals of those totals too; everything else comes back.
    const skipped = new Set(plan.skipped.map((s) => s.cell));
    expect(plan.skipped.every((s) => s.reason === 'text-input' || s.reason === 'compound-input')).toBe(true);
    expect(skipped.has('B208') && skipped.has('E208')).toBe(true);
    expect(skipped.size).toBeLessThan(15);
    for (const a of new Set(targets)) {
      if (skipped.has(a)) continue;
      const p = fromA1(a)!;
      const original = sheets[0].cells[p.row]?.[p.col];
      const expected = original?.v === '-' ? 0 : (original?.v ?? 0);
      expect([a, written.get(a)?.value]).toEqual([a, expected]);
      expect(written.get(a)?.formula).toMatch(/^SUM\(|^IF\(|-/);
    }
  });

  test('--values on the emptied report: every total, text inputs ("61,800 ¹⁾") included, comes back as the report\'s figure', () => {
    const targets = [...new Set(full.tables.flatMap(targetsOf))].filter((a) => {
      const p = fromA1(a)!;
      const v = sheets[0].cells[p.row]?.[p.col]?.v;
      return typeof v === 'number' || v === '-' || v === null || v === undefined;
    });
    const empty = sheets.map((s) => emptied(s, targets));
    const plan = planFillSettled(empty, (current) => checkWorkbook(current), { values: true });
    expect(plan.conflicts).toEqual([]);
    const written = new Map(asValueWrites(plan.writes).map((w) => [refToA1(w), w]));
    const skipped = plan.skipped.map((s) => s.cell).filter((c) => targets.includes(c));
    expect(skipped).toEqual([]);
    for (const a of targets) {
      const original = sheets[0].cells[fromA1(a)!.row]?.[fromA1(a)!.col];
      expect([a, written.get(a)?.value]).toEqual([a, original?.v === '-' ? 0 : (original?.v ?? 0)]);
    }
    expect(written.get('B208')).toMatchObject({ value: 219900 });
    expect(written.get('B208')?.formula).toBeUndefined();
  });

  test('on the full report, equal totals become formulas and nothing conflicts', () => {
    const plan = planWorkbookFill(sheets, full);
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes.length).toBeGreaterThan(100);
    expect(plan.compound.find((c) => c.cell === 'A33')).toMatchObject({ actual: '공약(69)', expected: '공약(69)', agrees: true });
    expect(plan.writes.some((w) => refToA1(w) === 'A33')).toBe(false);
  });

  test('the staffing table\'s compound cells are reported, not written', () => {
    const text = referenceGrids();
    const plan = planWorkbookFill(text, tablesWithAllRelations(text));
    const staffing = plan.compound.find((c) => c.cell === 'A12');
    expect(staffing).toMatchObject({ actual: '22(22)', expected: '22(22)', agrees: true });
    expect(plan.writes.some((w) => refToA1(w) === 'A12')).toBe(false);
  });
});

describe('planWorkbookFill on generated shapes', () => {
  test.each([
    ['grouped rows with 소계/총계', GROUPED_TSV, ['C3', 'D3', 'C4', 'D4', 'C7', 'D7']],
    ['징수율', COLLECTION_TSV, ['B3', 'C3', 'D3', 'D4', 'D5']],
    ['증감', CHANGE_TSV, ['B4', 'C4', 'D4', 'D5', 'D6']],
  ])('%s: emptied totals and rates come back', (_name, tsv, cells) => {
    const s = shapeSheet('S', tsv);
    const full = tablesWithAllRelations([s]);
    const targets = full.tables.flatMap(targetsOf);
    expect(new Set(targets)).toEqual(new Set(cells));
    const plan = planWorkbookFill([emptied(s, targets)], full);
    expect(plan.conflicts).toEqual([]);
    for (const a of cells) {
      const p = fromA1(a)!;
      expect([a, plan.writes.find((w) => refToA1(w) === a)?.value]).toEqual([a, s.cells[p.row]![p.col]!.v]);
    }
  });

  test('a zero denominator gives a blank rate, never #DIV/0!', () => {
    const s = shapeSheet('S', COLLECTION_ZERO_TSV);
    const plan = planWorkbookFill([emptied(s, ['D3', 'D4', 'D5', 'D6'])], tablesWithAllRelations([s]));
    expect(plan.writes.find((w) => refToA1(w) === 'D6')).toMatchObject({ formula: 'IF(B6=0,"",ROUND(C6/B6*100,1))', value: '' });
    expect(plan.writes.find((w) => refToA1(w) === 'D3')).toMatchObject({ value: 83.3 });
  });

  test('증감 and 증감률 side by side', () => {
    const s = shapeSheet('S', GROWTH_TSV);
    const full = tablesWithAllRelations([s]);
    const plan = planWorkbookFill([emptied(s, ['B3', 'C3', 'D3', 'D4', 'D5', 'E3', 'E4', 'E5'])], full);
    expect(plan.conflicts).toEqual([]);
    expect(Object.fromEntries(plan.writes.map((w) => [refToA1(w), w.value]))).toMatchObject({ D4: 100, D5: 0, E3: 10, E4: 25, E5: 0 });
  });

  test('rates the report truncated come back under the truncate policy only', () => {
    const s = shapeSheet('S', TRUNCATED_TSV);
    const full = tablesWithAllRelations([s], { rounding: 'truncate' });
    const empty = emptied(s, ['E3', 'E4', 'E5']);
    const truncated = planWorkbookFill([empty], full, { rounding: 'truncate' });
    expect(truncated.writes.map((w) => [refToA1(w), w.value, w.formula?.startsWith('IF(B3=0,"",ROUNDDOWN(') ?? false])).toEqual(
      expect.arrayContaining([['E3', 94.5, true]]),
    );
    expect(planWorkbookFill([empty], full).writes.find((w) => refToA1(w) === 'E3')?.value).toBe(94.6);
  });

  test('the caption stays in step with its table', () => {
    const s = shapeSheet('S', CHANGE_TSV);
    const plan = planWorkbookFill([s], tablesWithAllRelations([s]));
    expect(plan.writes.find((w) => refToA1(w) === 'A1')).toMatchObject({ formula: '"□ 2021년 소요예산 : "&TEXT(C4,"#,##0")&"천원"', value: '□ 2021년 소요예산 : 130천원' });
  });
});

describe('previewFill', () => {
  test('counts what will change per sheet and lists the cells left alone', () => {
    const s = grid([[1, 2, 3, 7], [1, 1, 1, null]], { name: 'S' });
    const plan = planFill(s, table([sum('D1', ['A1', 'B1', 'C1']), sum('D2', ['A2', 'B2', 'C2'])]));
    expect(previewFill(plan)).toEqual({
      formulas: 1,
      constants: 0,
      conflicts: 1,
      textToEdit: 0,
      skipped: 0,
      bySheet: [{ sheet: 'S', writes: 1, conflicts: 1 }],
      untouched: [{ sheet: 'S', cell: 'D1', expected: 6, actual: 7 }],
    });
    expect(previewFill({ ...plan, writes: asValueWrites(plan.writes) }).constants).toBe(1);
  });
});
