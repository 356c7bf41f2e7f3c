/**
 * One spec per table kind the report uses, built by functions so a year span or a list of sources is a
 * parameter. Every builder returns a validated spec (it parses its own output: a bad parameter is a zod error).
 */
import { tableSpecSchema, type LabelNode, type RelationSpec, type SpecKind, type TableSpec, type TableSpecInput } from './schema';

const leaves = (labels: readonly string[]): LabelNode[] => labels.map((label) => ({ label }));

function yearsOf(from: number, to: number): number[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 30) {
    throw new RangeError(`a year span from ${from} to ${to} is not one the report uses`);
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function build(input: TableSpecInput): TableSpec {
  return tableSpecSchema.parse(input);
}

export interface BudgetByYearParams {
  from: number;
  to: number;
  sources?: string[];
  /** The year the caption '□ N년 소요예산' states (default: the second year of the span, the plan year). */
  planYear?: number | null;
  title?: string;
}

/** 재원별 / 합계 / 연차별 소요재원 {2020년..2023년}; rows 계, sources; '□ 2021년 소요예산 : N천원'. */
export function makeBudgetByYearSpec(p: BudgetByYearParams): TableSpec {
  const years = yearsOf(p.from, p.to).map((y) => `${y}년`);
  const sources = p.sources ?? ['시비', '구비'];
  const planYear = p.planYear === null ? null : (p.planYear ?? Math.min(p.from + 1, p.to));
  const yearCols = years.map((y) => ['연차별 소요재원', y]);
  const relations: RelationSpec[] = [
    { type: 'sum', over: 'columns', total: ['합계'], parts: yearCols },
    { type: 'sum', over: 'rows', total: ['계'], parts: sources.map((s) => [s]) },
  ];
  if (planYear !== null) relations.push({ type: 'caption', year: planYear, row: ['계'], column: ['연차별 소요재원', `${planYear}년`], phrase: '소요예산' });
  return build({
    kind: 'budget-by-year',
    title: p.title,
    unit: '천원',
    rowHeader: ['재원별'],
    columns: [{ label: '합계' }, { label: '연차별 소요재원', children: leaves(years) }],
    rows: leaves(['계', ...sources]),
    relations,
    years: { from: p.from, to: p.to },
  });
}

/** 구 분 / 최종예산액 (㉑=㉒+㉓+㉔+㉕) / 당초예산 (㉒) / 1회추경 (㉓) / 2회추경 (㉔) / 간주처리 (㉕) / 비고; 계 = 일반회계 + 특별회계. */
export function makeBudgetSizeSpec(p: { title?: string; accounts?: string[] } = {}): TableSpec {
  const accounts = p.accounts ?? ['일반회계', '특별회계'];
  const amounts = ['최종예산액 (㉑=㉒+㉓+㉔+㉕)', '당초예산 (㉒)', '1회추경 (㉓)', '2회추경 (㉔)', '간주처리 (㉕)'];
  return build({
    kind: 'budget-size',
    title: p.title,
    unit: '백만원',
    rowHeader: ['구 분'],
    columns: leaves([...amounts, '비고']),
    rows: leaves(['계', ...accounts]),
    relations: [
      { type: 'circled', formula: '㉑=㉒+㉓+㉔+㉕' },
      { type: 'sum', over: 'rows', total: ['계'], parts: accounts.map((a) => [a]), only: amounts.map((a) => [a]) },
    ],
  });
}

export const GRADES = ['3급', '4급', '5급', '6급', '7급', '8급', '9급'];

/** Staffing by grade, 정원 and 현원 as two rows (the report writes them as one "22(22)" cell): 합계 = Σ grades. */
export function makeStaffingSpec(p: { title?: string; grades?: string[] } = {}): TableSpec {
  const grades = p.grades ?? GRADES;
  return build({
    kind: 'staffing',
    title: p.title,
    unit: '명',
    rowHeader: ['구 분'],
    columns: leaves(['합 계', ...grades]),
    rows: leaves(['정원', '현원']),
    relations: [{ type: 'sum', over: 'columns', total: ['합 계'], parts: grades.map((g) => [g]) }],
  });
}

export const PLEDGE_GOALS: { goal: string; fields: string[] }[] = [
  { goal: '더불어행복한 금천', fields: ['소통 행정', '주민 참여'] },
  { goal: '다시뛰는 금천', fields: ['도시 계획', '도시 재생', '지역 경제'] },
  { goal: '안전한 금천', fields: ['교통', '안전', '환경'] },
  { goal: '따뜻한 금천', fields: ['복지', '건강'] },
  { goal: '돌아오는 금천', fields: ['교육', '문화'] },
];

/** Goals × fields, one row '공약(N)' whose label states the total. */
export function makePledgeCountsSpec(p: { title?: string; goals?: { goal: string; fields: string[] }[] } = {}): TableSpec {
  const goals = p.goals ?? PLEDGE_GOALS;
  return build({
    kind: 'pledge-counts',
    title: p.title,
    unit: '개',
    rowHeader: ['사업수'],
    columns: goals.map((g) => ({ label: g.goal, children: leaves(g.fields) })),
    rows: [{ label: '공약' }],
    relations: [{ type: 'label-total', row: ['공약'] }],
  });
}

/** Years × {제안 건수/금액, 편성 건수/금액, 집행액, 집행률}: 집행률 = 집행액 / 편성 금액 × 100, one decimal. */
export function makeParticipatoryBudgetSpec(p: { from: number; to: number; title?: string }): TableSpec {
  const years = yearsOf(p.from, p.to).map((y) => `${y}년`);
  return build({
    kind: 'participatory-budget',
    title: p.title,
    unit: '백만원',
    rowHeader: ['구 분'],
    columns: leaves(years),
    rows: leaves(['제안 건수', '제안 금액', '편성 건수', '편성 금액', '집행액', '집행률(%)']),
    relations: [{ type: 'rate', over: 'rows', target: ['집행률(%)'], numerator: ['집행액'], denominator: ['편성 금액'], scale: 100, decimals: 1 }],
    years: { from: p.from, to: p.to },
  });
}

const OUTCOMES = ['승소', '소취하', '일부승', '패소'];

/** Year groups × {계, 행정소송, 민사소송}; 계 / 처리현황 {진행중, 종결 {소계, 승소, 소취하, 일부승, 패소}} / 비고. */
export function makeLawsuitsSpec(p: { from: number; to: number; title?: string; newestFirst?: boolean }): TableSpec {
  const years = yearsOf(p.from, p.to);
  if (p.newestFirst !== false) years.reverse();
  const kinds = ['계', '행정소송', '민사소송'];
  const remark = '비고 (소송대리인 선임 건수)';
  const relations: RelationSpec[] = [
    { type: 'sum', over: 'columns', total: ['계'], parts: [['처리현황', '진행중'], ['처리현황', '종결', '소계']] },
    { type: 'sum', over: 'columns', total: ['처리현황', '종결', '소계'], parts: OUTCOMES.map((o) => ['처리현황', '종결', o]) },
    ...years.map(
      (y): RelationSpec => ({ type: 'sum', over: 'rows', total: [String(y), '계'], parts: [[String(y), '행정소송'], [String(y), '민사소송']] }),
    ),
  ];
  return build({
    kind: 'lawsuits',
    title: p.title,
    unit: '건',
    rowHeader: ['연도', '소송'],
    columns: [
      { label: '계' },
      { label: '처리현황', children: [{ label: '진행중' }, { label: '종결', children: leaves(['소계', ...OUTCOMES]) }] },
      { label: remark },
    ],
    rows: years.map((y) => ({ label: String(y), children: leaves(kinds) })),
    relations,
    years: { from: p.from, to: p.to },
  });
}

/** 구 분 / 합 계 / 서 면 / 전 화 / 방 문 / 비고(소송지휘): here the remark column IS a part; 계 = Σ years. */
export function makeLegalAdviceSpec(p: { from: number; to: number; title?: string }): TableSpec {
  const years = yearsOf(p.from, p.to).reverse().map((y) => `${y}년`);
  const parts = ['서 면', '전 화', '방 문', '비고(소송지휘)'];
  return build({
    kind: 'legal-advice',
    title: p.title,
    unit: '건',
    rowHeader: ['구 분'],
    columns: leaves(['합 계', ...parts]),
    rows: leaves(['계', ...years]),
    relations: [
      { type: 'sum', over: 'columns', total: ['합 계'], parts: parts.map((x) => [x]) },
      { type: 'sum', over: 'rows', total: ['계'], parts: years.map((y) => [y]) },
    ],
    years: { from: p.from, to: p.to },
  });
}

/** 자치법규 {계, 조례, 규칙} / 행정규칙 {계, 훈령, 예규}: each group's 계 = the rest of its group; one row, no label column. */
export function makeBylawsSpec(p: { title?: string } = {}): TableSpec {
  return build({
    kind: 'bylaws',
    title: p.title,
    unit: '건',
    rowHeader: [],
    columns: [
      { label: '자치법규', children: leaves(['계', '조례', '규칙']) },
      { label: '행정규칙', children: leaves(['계', '훈령', '예규']) },
    ],
    rows: [{ label: '현황' }],
    relations: [
      { type: 'sum', over: 'columns', total: ['자치법규', '계'], parts: [['자치법규', '조례'], ['자치법규', '규칙']] },
      { type: 'sum', over: 'columns', total: ['행정규칙', '계'], parts: [['행정규칙', '훈령'], ['행정규칙', '예규']] },
    ],
  });
}

/** 합계 {횟수, 처리안건} / 정례회 {…} / 임시회 {…} by year rows: 합계.횟수 = 정례회.횟수 + 임시회.횟수, same for 처리안건. */
export function makeCouncilSessionsSpec(p: { from: number; to: number; title?: string }): TableSpec {
  const years = yearsOf(p.from, p.to).map((y) => `${y}년`);
  const measures = ['횟수', '처리안건'];
  const groups = ['정례회', '임시회'];
  return build({
    kind: 'council-sessions',
    title: p.title,
    unit: '회',
    rowHeader: ['구분'],
    columns: ['합계', ...groups].map((g) => ({ label: g, children: leaves(measures) })),
    rows: leaves(years),
    relations: measures.map((m): RelationSpec => ({ type: 'sum', over: 'columns', total: ['합계', m], parts: groups.map((g) => [g, m]) })),
    years: { from: p.from, to: p.to },
  });
}

/** Counts by field over years: 합계 = Σ fields in each row, 계 = Σ years in each column. */
export function makeCountsByFieldSpec(p: { fields: string[]; from: number; to: number; unit?: string; title?: string }): TableSpec {
  const years = yearsOf(p.from, p.to).map((y) => `${y}년`);
  return build({
    kind: 'counts-by-field',
    title: p.title,
    unit: p.unit ?? '건',
    rowHeader: ['구 분'],
    columns: leaves(['합 계', ...p.fields]),
    rows: leaves(['계', ...years]),
    relations: [
      { type: 'sum', over: 'columns', total: ['합 계'], parts: p.fields.map((f) => [f]) },
      { type: 'sum', over: 'rows', total: ['계'], parts: years.map((y) => [y]) },
    ],
    years: { from: p.from, to: p.to },
  });
}

/** Any two-way table: a total row (first) and a total column (first). */
export function makeCrosstabSpec(p: { rows: string[]; columns: string[]; unit: string; rowHeader?: string; totalRow?: string; totalColumn?: string; title?: string }): TableSpec {
  const totalRow = p.totalRow ?? '계';
  const totalColumn = p.totalColumn ?? '합계';
  return build({
    kind: 'crosstab',
    title: p.title,
    unit: p.unit,
    rowHeader: [p.rowHeader ?? '구 분'],
    columns: leaves([totalColumn, ...p.columns]),
    rows: leaves([totalRow, ...p.rows]),
    relations: [
      { type: 'sum', over: 'columns', total: [totalColumn], parts: p.columns.map((c) => [c]) },
      { type: 'sum', over: 'rows', total: [totalRow], parts: p.rows.map((r) => [r]) },
    ],
  });
}

/** Every kind with the report's own parameters (a gallery, and the tests' list of kinds). */
export function defaultSpecs(planYear = 2021): Record<SpecKind, TableSpec> {
  return {
    'budget-by-year': makeBudgetByYearSpec({ from: planYear - 1, to: planYear + 2, sources: ['시비', '구비'] }),
    'budget-size': makeBudgetSizeSpec(),
    staffing: makeStaffingSpec(),
    'pledge-counts': makePledgeCountsSpec(),
    'participatory-budget': makeParticipatoryBudgetSpec({ from: planYear - 3, to: planYear - 1 }),
    lawsuits: makeLawsuitsSpec({ from: planYear - 3, to: planYear - 1 }),
    'legal-advice': makeLegalAdviceSpec({ from: planYear - 3, to: planYear - 1 }),
    bylaws: makeBylawsSpec(),
    'council-sessions': makeCouncilSessionsSpec({ from: planYear - 3, to: planYear - 1 }),
    'counts-by-field': makeCountsByFieldSpec({ fields: ['행정', '복지', '경제'], from: planYear - 3, to: planYear - 1 }),
    crosstab: makeCrosstabSpec({ rows: ['가', '나', '다'], columns: ['갑', '을', '병'], unit: '건' }),
  };
}
