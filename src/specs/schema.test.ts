import { defaultSpecs, makeBudgetByYearSpec, makeLawsuitsSpec } from './kinds';
import { refToA1 } from '../engine/grid/a1';
import type { CellRef } from '../engine/grid/types';
import { resolveRelations, specGeometry } from './layout';
import { leafPaths, parseTableSpec, SPEC_PROBLEM_CODES, tableSpecSchema, type TableSpecInput } from './schema';

const base: TableSpecInput = {
  kind: 'crosstab',
  unit: '건',
  rowHeader: ['구분'],
  columns: [{ label: '합계' }, { label: '갑' }, { label: '을' }],
  rows: [{ label: '계' }, { label: '가' }, { label: '나' }],
  relations: [
    { type: 'sum', over: 'columns', total: ['합계'], parts: [['갑'], ['을']] },
    { type: 'sum', over: 'rows', total: ['계'], parts: [['가'], ['나']] },
  ],
};

const withRelation = (rel: unknown): unknown => ({ ...base, relations: [rel] });

describe('tableSpecSchema rejects a bad spec with the path of the fault', () => {
  it.each([
    ['a part naming a missing column', withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['갑'], ['병']] }), 'relations.0.parts.1', /no column \["병"\]/],
    ['a total naming a missing row', withRelation({ type: 'sum', over: 'rows', total: ['총계'], parts: [['가']] }), 'relations.0.total', /no row/],
    ['a total that is its own part', withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['합계']] }), 'relations.0.parts.0', /its own part/],
    ['a rate denominator that does not exist', withRelation({ type: 'rate', over: 'columns', target: ['합계'], numerator: ['갑'], denominator: ['정'] }), 'relations.0.denominator', /no column/],
    ['a diff over rows naming a column', withRelation({ type: 'diff', over: 'rows', target: ['계'], later: ['가'], earlier: ['갑'] }), 'relations.0.earlier', /no row/],
    ['an `only` line that is not there', withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['갑']], only: [['다']] }), 'relations.0.only.0', /no row/],
    ['a caption naming a missing column', withRelation({ type: 'caption', year: 2021, row: ['계'], column: ['2021년'] }), 'relations.0.column', /no column/],
    ['a circled number no label carries', withRelation({ type: 'circled', formula: '①=②+③' }), 'relations.0.formula', /no column label carries ①/],
    ['a formula that is not circled numbers', withRelation({ type: 'circled', formula: 'A=B+C' }), 'relations.0.formula', /circled numbers/],
    ['an unknown relation type', withRelation({ type: 'product', over: 'rows' }), 'relations.0.type', /./],
    ['an unknown kind', { ...base, kind: 'payroll' }, 'kind', /./],
    ['the text kind (never checked)', { ...base, kind: 'text' }, 'kind', /./],
    ['a table of amounts with no unit', { ...base, kind: 'budget-size', unit: '' }, 'unit', /name their unit/],
    ['an empty header label', { ...base, columns: [{ label: '' }] }, 'columns.0.label', /./],
    ['a row shallower than the label columns', { ...base, rowHeader: ['연도', '구분'] }, 'rows', /1 labels deep but there are 2/],
    ['a column listed twice', { ...base, columns: [{ label: '합계' }, { label: '갑' }, { label: '갑' }] }, 'columns', /twice/],
    ['a year span that ends before it starts', { ...base, years: { from: 2023, to: 2020 } }, 'years.to', /ends before/],
    ['no label columns but two rows', { ...base, rowHeader: [], relations: [] }, 'rows', /exactly one row/],
    ['a label total without a label column', { ...base, rowHeader: [], rows: [{ label: '계' }], relations: [{ type: 'label-total', row: ['계'] }] }, 'relations.0.row', /label column/],
    ['a negative component', withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['갑'], ['을']], comp: { total: -1 } }), 'relations.0.comp.total', /./],
    ['a component of a role the relation has not', withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['갑']], comp: { target: 0 } }), 'relations.0.comp', /./],
    ['a cell that is its own part in the same component', withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['합계']], comp: { total: 0, parts: 0 } }), 'relations.0.parts.0', /its own part/],
  ])('%s', (_name, input, path, message) => {
    const r = parseTableSpec(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.problems.find((p) => p.path.join('.') === path);
    expect(hit).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('problems are data: a stable code, the path, and the figures a message needs', () => {
    const r = parseTableSpec(withRelation({ type: 'sum', over: 'columns', total: ['합계'], parts: [['병']] }));
    expect(r.ok ? [] : r.problems).toEqual([
      { code: 'spec.no-line', path: ['relations', 0, 'parts', 0], params: { axis: 'column', label: '병', lines: '합계, 갑, 을' }, message: expect.any(String) },
    ]);
    const shape = parseTableSpec({ ...base, rows: 'none' });
    expect(shape.ok ? [] : shape.problems.map((p) => [p.code, p.path.join('.')])).toEqual([['zod.invalid_type', 'rows']]);
    const codes = new Set<string>(SPEC_PROBLEM_CODES);
    expect(codes.size).toBe(SPEC_PROBLEM_CODES.length);
  });

  it('a caption year outside the span', () => {
    const r = parseTableSpec({ ...makeBudgetByYearSpec({ from: 2020, to: 2023 }), relations: [{ type: 'caption', year: 2025, row: ['계'], column: ['합계'] }] });
    expect(r.ok ? [] : r.problems.map((p) => p.path.join('.'))).toEqual(['relations.0.year']);
  });

  it('accepts the base spec, filling defaults', () => {
    const spec = tableSpecSchema.parse(base);
    expect(spec.version).toBe(1);
    expect(spec.formats).toEqual({ amount: '#,##0;"△"#,##0;"-"', rate: '0.0' });
  });

  it('compares labels without spaces', () => {
    expect(parseTableSpec(withRelation({ type: 'sum', over: 'columns', total: ['합 계'], parts: [['갑']] })).ok).toBe(true);
  });
});

describe('builders', () => {
  it.each(Object.entries(defaultSpecs()))('%s is valid and survives JSON', (kind, spec) => {
    expect(spec.kind).toBe(kind);
    expect(tableSpecSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('budget by year takes its years as a parameter', () => {
    const spec = makeBudgetByYearSpec({ from: 2019, to: 2025, sources: ['국비', '시비', '구비'] });
    expect(leafPaths(spec.columns).map((p) => p.join('/'))).toEqual(['합계', ...[2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `연차별 소요재원/${y}년`)]);
    expect(leafPaths(spec.rows).flat()).toEqual(['계', '국비', '시비', '구비']);
    expect(spec.relations).toContainEqual({ type: 'caption', year: 2020, row: ['계'], column: ['연차별 소요재원', '2020년'], phrase: '소요예산' });
  });

  it.each([
    [{ from: 2023, to: 2020 }],
    [{ from: 2020.5, to: 2022 }],
    [{ from: 1990, to: 2030 }],
  ])('refuses the year span %j', (span) => {
    expect(() => makeBudgetByYearSpec(span)).toThrow(RangeError);
  });

  it('lawsuits: one 계 = 행정 + 민사 per year group, newest first', () => {
    const spec = makeLawsuitsSpec({ from: 2018, to: 2020 });
    expect(leafPaths(spec.rows).slice(0, 3)).toEqual([['2020', '계'], ['2020', '행정소송'], ['2020', '민사소송']]);
    expect(spec.relations.filter((r) => r.type === 'sum' && r.over === 'rows')).toHaveLength(3);
  });
});

describe('components of compound cells', () => {
  // '22(22)' = 정원(현원) in one row; '766(84.5%)' = 집행액(집행률) over the 편성 amount '35건/ 906백만원'.
  const staffing: TableSpecInput = {
    kind: 'staffing',
    unit: '명',
    rowHeader: [],
    columns: [{ label: '합계' }, { label: '3급' }, { label: '4급' }],
    rows: [{ label: '현황' }],
    relations: [
      { type: 'sum', over: 'columns', total: ['합계'], parts: [['3급'], ['4급']], comp: { total: 0, parts: 0 } },
      { type: 'sum', over: 'columns', total: ['합계'], parts: [['3급'], ['4급']], comp: { total: 1, parts: 1 } },
      { type: 'caption', row: ['현황'], column: ['합계'], phrase: '인력', comp: { cell: 1 } },
    ],
  };
  const participatory: TableSpecInput = {
    kind: 'participatory-budget',
    unit: '백만원',
    rowHeader: ['구분'],
    columns: [{ label: '2018년' }, { label: '2019년' }],
    rows: [{ label: '편성현황' }, { label: '집행액 (집행률)' }],
    relations: [{ type: 'rate', over: 'rows', target: ['집행액 (집행률)'], numerator: ['집행액 (집행률)'], denominator: ['편성현황'], comp: { target: 1, numerator: 0, denominator: 1 }, only: [['2018년']] }],
  };
  const text = (r: CellRef) => (r.comp === undefined ? refToA1(r) : `${refToA1(r)}[${r.comp}]`);

  it('are declared by role and land on the cells with their component', () => {
    const spec = tableSpecSchema.parse(staffing);
    const rels = resolveRelations(spec, specGeometry(spec, { row: 10, col: 0 }), 't');
    expect(rels.map((r) => (r.type === 'sum' ? `${text(r.total)}=${r.parts.map(text).join('+')}` : r.type))).toEqual(['A12[0]=B12[0]+C12[0]', 'A12[1]=B12[1]+C12[1]']);

    const rate = tableSpecSchema.parse(participatory);
    const [r] = resolveRelations(rate, specGeometry(rate, { row: 0, col: 0 }), 't');
    expect(r.type === 'rate' && [text(r.target), text(r.numerator), text(r.denominator)]).toEqual(['B3[1]', 'B3[0]', 'B2[1]']);
  });

  it('a caption may name no year, and survives JSON', () => {
    const spec = tableSpecSchema.parse(staffing);
    expect(tableSpecSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(spec.relations[2]).toEqual({ type: 'caption', row: ['현황'], column: ['합계'], phrase: '인력', comp: { cell: 1 } });
  });
});

describe('unit', () => {
  it('a table of counts may name none; a table of amounts must', () => {
    expect(tableSpecSchema.parse({ ...base, unit: undefined }).unit).toBe('');
    const r = parseTableSpec({ ...base, kind: 'budget-by-year', unit: ' ' });
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.path.join('.')])).toEqual([['spec.unit-required', 'unit']]);
  });
});
