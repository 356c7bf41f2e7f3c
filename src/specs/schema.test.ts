import { defaultSpecs, makeBudgetByYearSpec, makeLawsuitsSpec } from './kinds';
import { leafPaths, parseTableSpec, tableSpecSchema, type TableSpecInput } from './schema';

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
    ['no unit', { ...base, unit: '' }, 'unit', /./],
    ['an empty header label', { ...base, columns: [{ label: '' }] }, 'columns.0.label', /./],
    ['a row shallower than the label columns', { ...base, rowHeader: ['연도', '구분'] }, 'rows', /1 labels deep but there are 2/],
    ['a column listed twice', { ...base, columns: [{ label: '합계' }, { label: '갑' }, { label: '갑' }] }, 'columns', /twice/],
    ['a year span that ends before it starts', { ...base, years: { from: 2023, to: 2020 } }, 'years.to', /ends before/],
    ['no label columns but two rows', { ...base, rowHeader: [], relations: [] }, 'rows', /exactly one row/],
    ['a label total without a label column', { ...base, rowHeader: [], rows: [{ label: '계' }], relations: [{ type: 'label-total', row: ['계'] }] }, 'relations.0.row', /label column/],
  ])('%s', (_name, input, path, message) => {
    const r = parseTableSpec(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.problems.find((p) => p.path.join('.') === path);
    expect(hit).toBeDefined();
    expect(hit!.message).toMatch(message);
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
