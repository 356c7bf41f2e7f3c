import fc from 'fast-check';
import { fromA1, refToA1, toA1 } from '../../grid/a1';
import type { SheetGrid } from '../../grid/types';
import type { Relation, Table } from '../../model/table';
import { checkWorkbook } from '../../check-workbook';
import { detectTables } from '../../detect';
import { makeCountsByFieldSpec, makeLawsuitsSpec } from '../../../specs';
import { specTable } from '../../templates';
import { planFillSettled } from '../settle';
import { shapeSheet } from '../test-support/shapes';
import { applyPriors, specEquations, withFillPriors, zeroedSheet } from '.';

type Sum = Extract<Relation, { type: 'sum' }>;

/** 법률 자문: 합계 = 서면+전화+방문+비고(소송지휘), 계 = Σ years (the report's figures). */
const LEGAL_TSV = `(2020. 10월말 기준, 단위 : 건)
구 분	합 계	서 면	전 화	방 문	비고(소송지휘)
계	784	280	199	182	123
2020년	126	55	17	48	6
2019년	268	87	27	92	62
2018년	390	138	155	42	55`;

/** A budget table whose later year columns hold nothing yet: 계 over "-" and blanks. */
const BUDGET_TSV = `(단위 : 천원)
재원별	합계	연차별 소요재원			
		2020년	2021년	2022년	2023년
계	30,000	30,000	-	-	-
시비	30,000	30,000	-	-	
구비	-	-	-		`;

/** 계 as a total of 가 and 나, with a 비고 column nobody writes figures in. */
const REMARK_TSV = `(단위 : 건)
구분	2019년	2020년	비고
계	10	20	
가	4	8	
나	6	12	`;

function emptied(sheet: SheetGrid, cells: string[]): SheetGrid {
  const rows = sheet.cells.map((l) => Array.from(l));
  for (const a of cells) {
    const p = fromA1(a)!;
    rows[p.row][p.col] = null;
  }
  return { ...sheet, cells: rows };
}

function sumsOf(table: Table): Map<string, string[]> {
  return new Map(table.relations.filter((r): r is Sum => r.type === 'sum' && r.total.comp === undefined).map((r) => [refToA1(r.total), r.parts.map(refToA1)]));
}

/** Fill the way the CLI does (settled, with priors) and give each written cell's value. */
function filled(sheet: SheetGrid): Map<string, number | string | boolean | null> {
  const plan = planFillSettled([sheet], (s) => checkWorkbook(s));
  expect(plan.conflicts).toEqual([]);
  return new Map(plan.writes.map((w) => [toA1(w.row, w.col), w.value]));
}

function onlyTable(sheet: SheetGrid): Table {
  const tables = checkWorkbook([sheet]).tables.filter((t) => t.kind !== 'text');
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe('the kind\'s spec decides what the numbers cannot', () => {
  const legal = shapeSheet('S', LEGAL_TSV);
  const totals = ['B3', 'B4', 'B5', 'B6', 'C3', 'D3', 'E3', 'F3'];

  test('legal advice with every total emptied: 비고(소송지휘) is a part of 합계, and fill gives back the report\'s figures', () => {
    const sheet = emptied(legal, totals);
    const table = onlyTable(sheet);
    expect(table.kind).toBe('legal-advice');
    // Inference alone reads 비고 as a remark: nothing in the sheet says otherwise.
    expect(sumsOf(table).get('B4')).toEqual(['C4', 'D4', 'E4']);
    const { table: withPriors, changes } = applyPriors(sheet, zeroedSheet(sheet, [table]), table);
    expect(sumsOf(withPriors).get('B4')).toEqual(['C4', 'D4', 'E4', 'F4']);
    expect(changes.decided).toBeGreaterThanOrEqual(3);
    const values = filled(sheet);
    for (const a of totals) expect([a, values.get(a)]).toEqual([a, legal.cells[fromA1(a)!.row][fromA1(a)!.col]!.v]);
  });

  test.each([
    ['one 합계 emptied, the others show 비고 is a part', ['B4'], 126],
    ['only the 합계 column emptied', ['B3', 'B4', 'B5', 'B6'], 126],
  ])('legal advice, %s: B4 comes back as 126', (_name, cells, expected) => {
    expect(filled(emptied(legal, cells)).get('B4')).toBe(expected);
  });

  test('where the figures contradict the spec, the numbers decide: 합계 without 비고 stays without it', () => {
    // The same table kind, but this office's 합계 leaves 비고 out (and 비고 is not zero).
    const own = shapeSheet('S', LEGAL_TSV.replace('784', '661').replace('126', '120').replace('268', '206').replace('390', '335'));
    const sheet = emptied(own, ['B4']);
    const table = onlyTable(sheet);
    const { table: withPriors } = applyPriors(sheet, zeroedSheet(sheet, [table]), table);
    expect(sumsOf(withPriors).get('B4')).toEqual(['C4', 'D4', 'E4']);
    expect(filled(sheet).get('B4')).toBe(120);
    // Priors only feed fill: the check of the same sheet says nothing new.
    expect(checkWorkbook([own]).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a typed total the spec contradicts gets no relation from it (and so no conflict)', () => {
    // 합계 typed as 서면+전화+방문 in one row, others blank: the spec's equation fails there, so it is not used.
    const sheet = emptied(shapeSheet('S', LEGAL_TSV.replace('126', '120')), ['B3', 'B5', 'B6', 'C3', 'D3', 'E3', 'F3']);
    const table = onlyTable(sheet);
    const { table: withPriors } = applyPriors(sheet, zeroedSheet(sheet, [table]), table);
    expect(withPriors.relations.some((r) => r.type === 'sum' && r.evidence === 'spec')).toBe(false);
    expect(planFillSettled([sheet], (s) => checkWorkbook(s)).conflicts).toEqual([]);
  });
});

describe('a total label over blank or "-" parts is enough', () => {
  test('계 of year columns with nothing but "-" and blanks is written, live', () => {
    // 2023년 (F) holds nothing at all below its header once 계 is emptied.
    const sheet = emptied(shapeSheet('S', BUDGET_TSV), ['B4', 'C4', 'D4', 'E4', 'F4']);
    const table = onlyTable(sheet);
    expect(sumsOf(table).has('F4')).toBe(false);
    const values = filled(sheet);
    expect(Object.fromEntries(['B4', 'C4', 'D4', 'E4', 'F4'].map((a) => [a, values.get(a)]))).toEqual({ B4: 30000, C4: 30000, D4: 0, E4: 0, F4: 0 });
    const plan = planFillSettled([sheet], (s) => checkWorkbook(s));
    expect(plan.writes.find((w) => toA1(w.row, w.col) === 'F4')).toMatchObject({ formula: 'SUM(F5:F6)', fmt: expect.any(String) });
  });

  test('a blank 비고 column is not given a total', () => {
    const sheet = emptied(shapeSheet('S', REMARK_TSV), ['B3', 'C3']);
    const values = filled(sheet);
    expect([values.get('B3'), values.get('C3')]).toEqual([10, 20]);
    expect(values.has('D3')).toBe(false);
  });

  test('a label reading the numbers turn down is not taken up where they are silent', () => {
    // 계 is no total of 가 and 나 here (they are shares of something else); its blank column stays blank.
    const sheet = shapeSheet('S', `(단위 : 건)
구분	2018년	2019년	2020년
계	50	70	
가	4	8	
나	6	12	`);
    const table = onlyTable(sheet);
    expect(sumsOf(table).size).toBe(0);
    const { changes } = applyPriors(sheet, zeroedSheet(sheet, [table]), table);
    expect(changes.added).toBe(0);
    expect(planFillSettled([sheet], (s) => checkWorkbook(s)).writes).toEqual([]);
  });

  test('on tables whose totals are all there, priors change nothing', () => {
    for (const tsv of [LEGAL_TSV, BUDGET_TSV, REMARK_TSV]) {
      const sheet = shapeSheet('S', tsv);
      const result = checkWorkbook([sheet]);
      expect(withFillPriors([sheet], result).tables).toEqual(result.tables);
    }
  });
});

describe('specEquations: a spec laid over a detected table by its labels', () => {
  test('lawsuits over another span: each year group\'s 계 = 행정소송 + 민사소송, and 비고 is no part of 계', () => {
    const spec = makeLawsuitsSpec({ from: 2014, to: 2016 });
    const { table } = specTable(spec, 'S', { row: 0, col: 0 });
    const eq = specEquations({ ...table, relations: [] });
    const byTotal = new Map(eq.map((e) => [`${e.axis}:${refToA1(e.total)}`, e.parts.map(refToA1)]));
    // Rows 4-12: 2016 {계, 행정, 민사}, 2015 {…}, 2014 {…}; columns C 계 … J 비고.
    expect(byTotal.get('row:C4')).toEqual(['D4', 'E4']);
    expect(byTotal.get('column:C4')).toEqual(['C5', 'C6']);
    expect(byTotal.get('column:J4')).toEqual(['J5', 'J6']);
    expect(byTotal.get('column:J10')).toEqual(['J11', 'J12']);
    expect(eq.some((e) => e.parts.some((p) => p.col === 9 && e.axis === 'row'))).toBe(false);
  });

  test('a counts-by-field table with other fields is not the spec\'s: no equations', () => {
    const { table } = specTable(makeCountsByFieldSpec({ fields: ['교통', '주택'], from: 2019, to: 2020 }), 'S', { row: 0, col: 0 });
    expect(specEquations({ ...table, relations: [] }).filter((e) => e.axis === 'row')).toEqual([]);
    // Its 계 row over years still matches the kind (every year line, whatever the span).
    expect(specEquations({ ...table, relations: [] }).find((e) => e.axis === 'column' && refToA1(e.total) === 'B2')?.parts.map(refToA1)).toEqual(['B3', 'B4']);
  });

  test('detected legal advice: 합계 takes 비고 in every row, 계 takes every year row', () => {
    const [layout] = detectTables(shapeSheet('S', LEGAL_TSV));
    const eq = specEquations({ ...layout, relations: [] });
    const byTotal = new Map(eq.map((e) => [`${e.axis}:${refToA1(e.total)}`, e.parts.map(refToA1)]));
    expect(byTotal.get('row:B5')).toEqual(['C5', 'D5', 'E5', 'F5']);
    expect(byTotal.get('column:F3')).toEqual(['F4', 'F5', 'F6']);
  });
});

test('property: legal-advice tables of random figures, every total emptied, fill gives every total back', () => {
  const figure = fc.integer({ min: 0, max: 400 });
  fc.assert(
    fc.property(fc.array(fc.tuple(figure, figure, figure, figure), { minLength: 2, maxLength: 4 }), (years) => {
      const rows = years.map((y, i) => [`${2020 - i}년`, String(y[0] + y[1] + y[2] + y[3]), ...y.map(String)]);
      const totals = [0, 1, 2, 3].map((k) => years.reduce((s, y) => s + y[k], 0));
      const tsv = ['(단위 : 건)', '구 분\t합 계\t서 면\t전 화\t방 문\t비고(소송지휘)', ['계', String(totals.reduce((a, b) => a + b, 0)), ...totals.map(String)].join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
      const full = shapeSheet('S', tsv);
      const cells = ['B3', 'C3', 'D3', 'E3', 'F3', ...years.map((_, i) => `B${4 + i}`)];
      const values = filled(emptied(full, cells));
      for (const a of cells) {
        const p = fromA1(a)!;
        expect([a, values.get(a)]).toEqual([a, full.cells[p.row][p.col]!.v]);
      }
    }),
    { numRuns: 25 },
  );
});
