/**
 * Table kinds of the bureau's departments as drafts: header and body cells in table-relative coordinates,
 * with the true structure (which cells are totals of which parts, rates, differences, years, the caption's
 * amount). Figures are integers in 천원/백만원/건, totals exact sums, rates ROUND(…, 1) half-up, differences exact.
 * How a draft is written into a sheet (merges, text numbers, '-', △) is layout.ts's business.
 */
import { roundHalfUp } from '../../src/engine/numbers';
import type { Rng } from './prng';

export type CorpusKind =
  | 'local-tax'
  | 'local-tax-years'
  | 'contracts'
  | 'real-estate'
  | 'row-groups'
  | 'year-on-year'
  | 'arrears'
  | 'arrears-two-level'
  | 'budget-by-year'
  | 'legal-advice'
  | 'council-sessions';

export const CORPUS_KINDS: readonly CorpusKind[] = [
  'local-tax',
  'local-tax-years',
  'contracts',
  'real-estate',
  'row-groups',
  'year-on-year',
  'arrears',
  'arrears-two-level',
  'budget-by-year',
  'legal-advice',
  'council-sessions',
];

/** [row, col] relative to the table's top-left header cell. */
export type Pos = [number, number];

/** A figure in the body. `role` decides how it may be written (rates keep their decimals; differences may be △). */
export interface NumCell {
  n: number;
  role: 'amount' | 'count' | 'rate' | 'diff';
  /** Decimals a rate is stated with. */
  decimals?: number;
  /** A unit word written after the figure ("4회", "48건"): always a text cell. */
  suffix?: string;
}

export type DraftCell = string | number | NumCell | null;

export interface SumTruth {
  total: Pos;
  parts: Pos[];
  /** 'row': a total column (total and parts in one row); 'column': a total row. */
  axis: 'row' | 'column';
  /** 'label': a 계/합계/소계/총계 label says so; 'numbers': only the figures show it (미수납액 = 부과액 − 징수액). */
  evidence: 'label' | 'numbers';
}

export interface Draft {
  kind: CorpusKind;
  /** Lines above the table, top to bottom: a title, an amount caption, the unit or basis line. */
  captions: string[];
  /** Index in `captions` of the unit/basis line, which may sit at the table's right edge. */
  unitLine?: number;
  /** Header rows then body rows. */
  rows: DraftCell[][];
  headerRows: number;
  labelCols: number;
  /** Header merges (r0, c0, r1, c1), used when the table's style merges headers. */
  headerMerges: [number, number, number, number][];
  /** Group labels merged down over their group (row groups), used when the style merges labels. */
  labelMerges: [number, number, number, number][];
  sums: SumTruth[];
  rates: { target: Pos; numerator: Pos; denominator: Pos; decimals: number }[];
  diffs: { target: Pos; later: Pos; earlier: Pos }[];
  /** Cells naming a year: column headers or row labels, in reading order. */
  years: Pos[];
  /** The caption line stating an amount, and the table cell it states. */
  caption?: { line: number; target: Pos; amount: number; unit: string };
  /** A note under the table (not part of its range). */
  footnote?: string;
  /**
   * Money shown in 백만원, each figure rounded on its own from exact 천원 amounts: totals may miss their
   * shown parts by a unit or two (sum.rounding, not an error) and rates come from the exact amounts.
   */
  rounded?: boolean;
}

const num = (n: number, role: NumCell['role'] = 'amount'): NumCell => ({ n, role });
const rate = (n: number): NumCell => ({ n, role: 'rate', decimals: 1 });
const pct = (a: number, b: number): number => roundHalfUp((a / b) * 100, 1);

/** An amount with a realistic spread: mostly mid-sized, some small, a few large; never 0 unless allowed. */
function amount(rng: Rng, lo: number, hi: number): number {
  const u = rng.next();
  const x = lo * Math.pow(hi / lo, u);
  // People's figures are round-ish at the thousands in 천원 tables, exact otherwise.
  return Math.max(lo, Math.round(x));
}

function totalLabel(rng: Rng): string {
  return rng.pick(['계', '계', '합계', '합 계']);
}

function labelHeader(rng: Rng, words: string[]): string {
  return rng.pick(words);
}

type YearStyle = 'suffix' | 'number' | 'short';

function yearText(rng: Rng, year: number, style: YearStyle): string | number {
  void rng;
  if (style === 'short') return `'${String(year % 100).padStart(2, '0')}`;
  return style === 'number' ? year : `${year}년`;
}

/** Year headers: mostly "2020년", some plain 2020, a few "'20" in column headers. */
function yearStyle(rng: Rng, short = false): YearStyle {
  const u = rng.next();
  return u < 0.72 ? 'suffix' : u < 0.9 || !short ? 'number' : 'short';
}

function unitLine(rng: Rng, unit: string, basisMonth = true): string {
  if (basisMonth && rng.chance(0.35)) return `(2020. ${rng.pick(['9', '10'])}월말 기준, 단위 : ${unit})`;
  return rng.pick([`(단위 : ${unit})`, `(단위: ${unit})`, `<단위 : ${unit}>`]);
}

function title(rng: Rng, text: string): string {
  return rng.pick([`□ ${text}`, `○ ${text}`, `- ${text}`, text]);
}

const TAXES = ['취득세', '등록면허세', '재산세', '자동차세', '주민세', '지방소득세', '담배소비세', '지역자원시설세'];

function localTax(rng: Rng): Draft {
  const taxes = rng.sample(TAXES, rng.int(3, 6));
  const unit = rng.pick(['천원', '천원', '백만원']);
  const withUnpaid = rng.chance(0.5);
  // Amounts are exact in 천원; a 백만원 table shows each one rounded on its own.
  const body = taxes.map((t) => {
    const levied = amount(rng, 80_000, 40_000_000);
    const collected = Math.round(levied * (0.82 + rng.next() * 0.175));
    return { t, levied, collected };
  });
  const L = body.reduce((s, x) => s + x.levied, 0);
  const C = body.reduce((s, x) => s + x.collected, 0);
  const shown = (x: number) => (unit === '천원' ? x : roundHalfUp(x / 1000));
  const header = [labelHeader(rng, ['세목', '세 목', '구분', '구 분']), '부과액', '징수액', ...(withUnpaid ? ['미수납액'] : []), '징수율(%)'];
  const line = (label: string, levied: number, collected: number): DraftCell[] => [
    label,
    num(shown(levied)),
    num(shown(collected)),
    ...(withUnpaid ? [num(shown(levied - collected))] : []),
    rate(pct(collected, levied)),
  ];
  const rows: DraftCell[][] = [header, line(totalLabel(rng), L, C), ...body.map((x) => line(x.t, x.levied, x.collected))];
  const n = rows.length;
  const rateCol = withUnpaid ? 4 : 3;
  const sums: SumTruth[] = [];
  for (let c = 1; c < rateCol; c++) {
    sums.push({ total: [1, c], parts: range(2, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  }
  if (withUnpaid) {
    for (let r = 1; r < n; r++) sums.push({ total: [r, 1], parts: [[r, 2], [r, 3]], axis: 'row', evidence: 'numbers' });
  }
  return {
    kind: 'local-tax',
    captions: [title(rng, rng.pick(['2020년 세목별 징수실적', '지방세 징수 현황', '세목별 부과·징수 실적'])), unitLine(rng, unit === '천원' ? '천원, %' : '백만원, %')],
    unitLine: 1,
    rows,
    headerRows: 1,
    labelCols: 1,
    headerMerges: [],
    labelMerges: [],
    sums,
    rates: range(1, n - 1).map((r) => ({ target: [r, rateCol] as Pos, numerator: [r, 2] as Pos, denominator: [r, 1] as Pos, decimals: 1 })),
    diffs: [],
    years: [],
    footnote: rng.chance(0.2) ? '※ 징수율 = 징수액 ÷ 부과액 × 100' : undefined,
    rounded: unit === '백만원',
  };
}

function localTaxYears(rng: Rng): Draft {
  const taxes = rng.sample(TAXES, rng.int(3, 5));
  const first = rng.pick([2018, 2019]);
  const years = [first, first + 1];
  const yStyle = yearStyle(rng);
  const per = taxes.map((t) =>
    years.map(() => {
      const levied = amount(rng, 100_000, 30_000_000);
      return { t, levied, collected: Math.round(levied * (0.85 + rng.next() * 0.14)) };
    }),
  );
  const h0: DraftCell[] = [labelHeader(rng, ['세목', '구분'])];
  const h1: DraftCell[] = [null];
  for (const y of years) {
    h0.push(yearText(rng, y, yStyle), null, null);
    h1.push('부과액', '징수액', '징수율(%)');
  }
  const line = (label: string, vals: { levied: number; collected: number }[]): DraftCell[] => [
    label,
    ...vals.flatMap((v) => [num(v.levied), num(v.collected), rate(pct(v.collected, v.levied))]),
  ];
  const totals = years.map((_, k) => ({
    levied: per.reduce((s, row) => s + row[k].levied, 0),
    collected: per.reduce((s, row) => s + row[k].collected, 0),
  }));
  const rows: DraftCell[][] = [h0, h1, line(totalLabel(rng), totals), ...per.map((row) => line(row[0].t, row))];
  const n = rows.length;
  const sums: SumTruth[] = [];
  const rates: Draft['rates'] = [];
  years.forEach((_, k) => {
    const c0 = 1 + 3 * k;
    for (const c of [c0, c0 + 1]) sums.push({ total: [2, c], parts: range(3, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
    for (let r = 2; r < n; r++) rates.push({ target: [r, c0 + 2], numerator: [r, c0 + 1], denominator: [r, c0], decimals: 1 });
  });
  return {
    kind: 'local-tax-years',
    captions: [title(rng, '연도별 지방세 징수실적'), unitLine(rng, '천원, %', false)],
    unitLine: 1,
    rows,
    headerRows: 2,
    labelCols: 1,
    headerMerges: [[0, 0, 1, 0], [0, 1, 0, 3], [0, 4, 0, 6]],
    labelMerges: [],
    sums,
    rates,
    diffs: [],
    years: [[0, 1], [0, 4]],
  };
}

function contracts(rng: Rng): Draft {
  const kinds = rng.pick([['공사', '용역', '물품'], ['공사', '용역', '물품', '기타'], ['일반경쟁', '제한경쟁', '수의계약']]);
  // Either a 합계 group over the years or, for two years, a 증감 group after them.
  const withDiff = rng.chance(0.3);
  const nYears = withDiff ? 2 : rng.int(2, 3);
  const first = 2021 - nYears;
  const years = range(first, first + nYears - 1);
  const totalFirst = !withDiff && rng.chance(0.35);
  const yStyle = yearStyle(rng, true);
  const unit = rng.pick(['천원', '백만원']);
  const shown = (x: number) => (unit === '천원' ? x : roundHalfUp(x / 1000));
  // Exact amounts in 천원; a 백만원 table shows each figure rounded on its own.
  const data = kinds.map(() => years.map(() => ({ count: rng.int(3, 320), money: amount(rng, 20_000, 9_000_000) })));
  const groups: (string | number)[] = years.map((y) => yearText(rng, y, yStyle));
  const extraName = withDiff ? rng.pick(['증감', '증 감', '전년대비 증감']) : rng.pick(['합계', '계', '합 계']);
  const order = totalFirst ? [-1, ...years.map((_, k) => k)] : [...years.map((_, k) => k), -1];
  const h0: DraftCell[] = [labelHeader(rng, ['구분', '구 분', '계약방법'])];
  const h1: DraftCell[] = [null];
  for (const g of order) {
    h0.push(g === -1 ? extraName : groups[g], null);
    h1.push('건수', '금액');
  }
  const rowVals = (vals: { count: number; money: number }[]): DraftCell[] =>
    order.flatMap((g) => {
      if (g !== -1) return [num(vals[g].count, 'count'), num(shown(vals[g].money))];
      if (withDiff) return [num(vals[1].count - vals[0].count, 'diff'), num(shown(vals[1].money) - shown(vals[0].money), 'diff')];
      return [num(sum(vals.map((v) => v.count)), 'count'), num(shown(sum(vals.map((v) => v.money))))];
    });
  const colTotals = years.map((_, k) => ({ count: sum(data.map((d) => d[k].count)), money: sum(data.map((d) => d[k].money)) }));
  const rows: DraftCell[][] = [h0, h1, [totalLabel(rng), ...rowVals(colTotals)], ...kinds.map((k, i) => [k, ...rowVals(data[i])])];
  const n = rows.length;
  const sums: SumTruth[] = [];
  const diffs: Draft['diffs'] = [];
  const extraCol = 1 + 2 * order.indexOf(-1);
  const yearCols = order.map((g, i) => ({ g, c: 1 + 2 * i })).filter((x) => x.g !== -1);
  for (let r = 2; r < n; r++) {
    for (const d of [0, 1]) {
      if (withDiff) diffs.push({ target: [r, extraCol + d], later: [r, yearCols[1].c + d], earlier: [r, yearCols[0].c + d] });
      else sums.push({ total: [r, extraCol + d], parts: yearCols.map((y): Pos => [r, y.c + d]), axis: 'row', evidence: 'label' });
    }
  }
  for (let c = 1; c < rows[0].length; c++) sums.push({ total: [2, c], parts: range(3, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  return {
    kind: 'contracts',
    captions: [title(rng, rng.pick(['연도별 계약 현황', '계약 체결 실적'])), unitLine(rng, `건, ${unit}`)],
    unitLine: 1,
    rows,
    headerRows: 2,
    labelCols: 1,
    headerMerges: [[0, 0, 1, 0], ...order.map((_, i): [number, number, number, number] => [0, 1 + 2 * i, 0, 2 + 2 * i])],
    labelMerges: [],
    sums,
    rates: [],
    diffs,
    years: yearCols.map((y): Pos => [0, y.c]),
    rounded: unit === '백만원',
  };
}

const DONGS = ['가산동', '독산1동', '독산2동', '독산3동', '독산4동', '시흥1동', '시흥2동', '시흥3동', '시흥4동', '시흥5동'];
const HOUSING = ['아파트', '단독·다가구', '연립·다세대', '오피스텔', '상가·업무', '토지'];

function realEstate(rng: Rng): Draft {
  const dongs = rng.sample(DONGS, rng.int(4, 10));
  const types = rng.sample(HOUSING, rng.int(3, 5));
  const data = dongs.map(() => types.map(() => (rng.chance(0.08) ? 0 : rng.int(1, 420))));
  const colTotals = types.map((_, j) => sum(data.map((d) => d[j])));
  // The 계 column first (as the bureau's tables have it) or, pasted from elsewhere, last.
  const totalLast = rng.chance(0.3);
  const line = (label: string, total: number, parts: number[]): DraftCell[] => {
    const cells = parts.map((x) => num(x, 'count'));
    return totalLast ? [label, ...cells, num(total, 'count')] : [label, num(total, 'count'), ...cells];
  };
  const header = [labelHeader(rng, ['동별', '동 별', '구분']), ...(totalLast ? [...types, totalLabel(rng)] : [totalLabel(rng), ...types])];
  const rows: DraftCell[][] = [header, line(totalLabel(rng), sum(colTotals), colTotals), ...dongs.map((d, i) => line(d, sum(data[i]), data[i]))];
  const n = rows.length;
  const w = header.length;
  const totalCol = totalLast ? w - 1 : 1;
  const partCols = range(1, w - 1).filter((c) => c !== totalCol);
  const sums: SumTruth[] = [];
  for (let r = 1; r < n; r++) sums.push({ total: [r, totalCol], parts: partCols.map((c): Pos => [r, c]), axis: 'row', evidence: 'label' });
  for (let c = 1; c < w; c++) sums.push({ total: [1, c], parts: range(2, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  return {
    kind: 'real-estate',
    captions: [title(rng, rng.pick(['동별 부동산 거래 현황', '2020년 동별 부동산 거래신고 현황'])), unitLine(rng, '건')],
    unitLine: 1,
    rows,
    headerRows: 1,
    labelCols: 1,
    headerMerges: [],
    labelMerges: [],
    sums,
    rates: [],
    diffs: [],
    years: [],
  };
}

const GROUPS: [string, string[]][] = [
  ['일반회계', ['인건비', '물건비', '경상이전', '자본지출', '융자및출자', '보전재원', '내부거래']],
  ['특별회계', ['주차장특별회계', '의료급여기금', '재활용품특별회계', '도시개발특별회계']],
  ['기금', ['재난관리기금', '사회복지기금', '주민참여기금', '체육진흥기금']],
];

function rowGroups(rng: Rng): Draft {
  const groups = rng.sample(GROUPS, rng.int(2, 3)).map(([g, items]) => ({ g, items: rng.sample(items, rng.int(2, 4)) }));
  const byYears = rng.chance(0.5);
  const first = rng.pick([2018, 2019]);
  const nYears = rng.int(2, 4);
  const years = range(first, first + nYears - 1);
  const yStyle = yearStyle(rng, true);
  const cols: DraftCell[] = byYears ? years.map((y) => yearText(rng, y, yStyle)) : ['예산액', '집행액', '집행률(%)'];
  const nNum = byYears ? years.length : 2;
  const itemVals = groups.map((g) =>
    g.items.map(() => {
      const base = amount(rng, 50_000, 60_000_000);
      return range(0, nNum - 1).map((k) => (byYears ? Math.round(base * (0.9 + 0.25 * rng.next()) * (1 + 0.05 * k)) : k === 0 ? base : Math.round(base * (0.6 + 0.39 * rng.next()))));
    }),
  );
  const groupTotals = itemVals.map((items) => range(0, nNum - 1).map((k) => sum(items.map((v) => v[k]))));
  const grand = range(0, nNum - 1).map((k) => sum(groupTotals.map((g) => g[k])));
  const withRate = (vals: number[]): DraftCell[] => [...vals.map((v) => num(v)), ...(byYears ? [] : [rate(pct(vals[1], vals[0]))])];
  const grandLabel = rng.pick(['총계', '총 계', '합계']);
  const rows: DraftCell[][] = [[labelHeader(rng, ['구분', '구 분', '회계별']), null, ...cols], [grandLabel, null, ...withRate(grand)]];
  const labelMerges: Draft['labelMerges'] = [[1, 0, 1, 1]];
  const subtotalRows: number[] = [];
  const sums: SumTruth[] = [];
  const subName = rng.pick(['소계', '소 계', '계']);
  groups.forEach((g, gi) => {
    const top = rows.length;
    subtotalRows.push(top);
    rows.push([g.g, subName, ...withRate(groupTotals[gi])]);
    g.items.forEach((item, ii) => rows.push([null, item, ...withRate(itemVals[gi][ii])]));
    labelMerges.push([top, 0, rows.length - 1, 0]);
    for (let c = 2; c < 2 + nNum; c++) sums.push({ total: [top, c], parts: range(top + 1, rows.length - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  });
  for (let c = 2; c < 2 + nNum; c++) sums.push({ total: [1, c], parts: subtotalRows.map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  const rates: Draft['rates'] = byYears ? [] : range(1, rows.length - 1).map((r) => ({ target: [r, 4] as Pos, numerator: [r, 3] as Pos, denominator: [r, 2] as Pos, decimals: 1 }));
  return {
    kind: 'row-groups',
    captions: [title(rng, rng.pick(['회계별 세출예산 현황', '회계별 예산 집행 현황', '성질별 세출 현황'])), unitLine(rng, '천원', !byYears)],
    unitLine: 1,
    rows,
    headerRows: 1,
    labelCols: 2,
    headerMerges: [[0, 0, 0, 1]],
    labelMerges,
    sums,
    rates,
    diffs: [],
    years: byYears ? years.map((_, k): Pos => [0, 2 + k]) : [],
  };
}

const YOY_ITEMS: [string, string, string[]][] = [
  ['세외수입 징수 현황', '천원', ['사용료', '수수료', '과징금', '과태료', '이자수입', '기타수입']],
  ['민원 처리 현황', '건', ['여권', '가족관계', '인감', '주민등록', '토지·건축', '기타']],
  ['체납 차량 번호판 영치', '건', ['자동차세', '과태료', '책임보험']],
  ['공유재산 대부 현황', '천원', ['토지', '건물', '시설물']],
];

function yearOnYear(rng: Rng): Draft {
  const [what, unit, itemsAll] = rng.pick(YOY_ITEMS);
  const items = rng.sample(itemsAll, rng.int(3, itemsAll.length));
  const later = rng.pick([2020, 2021]);
  const yStyle = yearStyle(rng);
  const withRate = rng.chance(0.5);
  const role: NumCell['role'] = unit === '건' ? 'count' : 'amount';
  const [lo, hi] = unit === '건' ? [40, 9_000] : [5_000, 3_000_000];
  const data = items.map(() => {
    const a = amount(rng, lo, hi);
    return [a, Math.max(1, Math.round(a * (0.7 + 0.6 * rng.next())))];
  });
  const tot = [sum(data.map((d) => d[0])), sum(data.map((d) => d[1]))];
  const laterHeader = rng.chance(0.1) && yStyle === 'suffix' ? `${later}년(예산)` : yearText(rng, later, yStyle);
  const header: DraftCell[] = [labelHeader(rng, ['구분', '구 분']), yearText(rng, later - 1, yStyle), laterHeader, rng.pick(['증감', '증 감', '증감(B-A)']), ...(withRate ? ['증감률(%)'] : [])];
  const line = (label: string, [a, b]: number[]): DraftCell[] => [label, num(a, role), num(b, role), num(b - a, 'diff'), ...(withRate ? [rate(pct(b - a, a))] : [])];
  const rows: DraftCell[][] = [header, line(totalLabel(rng), tot), ...items.map((it, i) => line(it, data[i]))];
  const n = rows.length;
  const sums: SumTruth[] = [1, 2, 3].map((c) => ({ total: [1, c] as Pos, parts: range(2, n - 1).map((r): Pos => [r, c]), axis: 'column' as const, evidence: 'label' as const }));
  return {
    kind: 'year-on-year',
    captions: [title(rng, what), unitLine(rng, withRate ? `${unit}, %` : unit)],
    unitLine: 1,
    rows,
    headerRows: 1,
    labelCols: 1,
    headerMerges: [],
    labelMerges: [],
    sums,
    rates: withRate ? range(1, n - 1).map((r) => ({ target: [r, 4] as Pos, numerator: [r, 3] as Pos, denominator: [r, 1] as Pos, decimals: 1 })) : [],
    diffs: range(1, n - 1).map((r) => ({ target: [r, 3] as Pos, later: [r, 2] as Pos, earlier: [r, 1] as Pos })),
    years: [[0, 1], [0, 2]],
  };
}

function arrears(rng: Rng): Draft {
  const items = rng.chance(0.5) ? ['지방세', '세외수입'] : rng.sample(TAXES.slice(0, 6), rng.int(3, 5));
  const data = items.map(() => {
    const owed = amount(rng, 20_000, 8_000_000);
    return [owed, Math.round(owed * (0.15 + 0.7 * rng.next()))];
  });
  const tot = [sum(data.map((d) => d[0])), sum(data.map((d) => d[1]))];
  const header = [labelHeader(rng, ['구분', '구 분', '세목']), rng.pick(['체납액', '이월체납액']), '정리액', rng.pick(['정리율(%)', '정리율'])];
  const line = (label: string, [a, b]: number[]): DraftCell[] => [label, num(a), num(b), rate(pct(b, a))];
  const rows: DraftCell[][] = [header, line(totalLabel(rng), tot), ...items.map((it, i) => line(it, data[i]))];
  const n = rows.length;
  return {
    kind: 'arrears',
    captions: [title(rng, rng.pick(['체납액 정리 실적', '이월 체납액 정리 현황'])), unitLine(rng, '천원')],
    unitLine: 1,
    rows,
    headerRows: 1,
    labelCols: 1,
    headerMerges: [],
    labelMerges: [],
    sums: [1, 2].map((c) => ({ total: [1, c] as Pos, parts: range(2, n - 1).map((r): Pos => [r, c]), axis: 'column' as const, evidence: 'label' as const })),
    rates: range(1, n - 1).map((r) => ({ target: [r, 3] as Pos, numerator: [r, 2] as Pos, denominator: [r, 1] as Pos, decimals: 1 })),
    diffs: [],
    years: [],
  };
}

function arrearsTwoLevel(rng: Rng): Draft {
  const items = rng.sample(TAXES.slice(0, 6), rng.int(3, 5));
  const data = items.map(() => {
    const cases = rng.int(200, 9_000);
    const owed = amount(rng, 20_000, 8_000_000);
    const share = 0.15 + 0.7 * rng.next();
    return [cases, owed, Math.round(cases * share * (0.8 + 0.3 * rng.next())), Math.round(owed * share)];
  });
  const tot = [0, 1, 2, 3].map((k) => sum(data.map((d) => d[k])));
  const h0: DraftCell[] = [labelHeader(rng, ['세목', '구분']), '체납액', null, '정리액', null, '정리율(%)'];
  const h1: DraftCell[] = [null, '건수', '금액', '건수', '금액', null];
  const line = (label: string, d: number[]): DraftCell[] => [label, num(d[0], 'count'), num(d[1]), num(d[2], 'count'), num(d[3]), rate(pct(d[3], d[1]))];
  const rows: DraftCell[][] = [h0, h1, line(totalLabel(rng), tot), ...items.map((it, i) => line(it, data[i]))];
  const n = rows.length;
  return {
    kind: 'arrears-two-level',
    captions: [title(rng, '세목별 체납액 정리 실적'), unitLine(rng, '건, 천원, %')],
    unitLine: 1,
    rows,
    headerRows: 2,
    labelCols: 1,
    headerMerges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 4], [0, 5, 1, 5]],
    labelMerges: [],
    sums: [1, 2, 3, 4].map((c) => ({ total: [2, c] as Pos, parts: range(3, n - 1).map((r): Pos => [r, c]), axis: 'column' as const, evidence: 'label' as const })),
    rates: range(2, n - 1).map((r) => ({ target: [r, 5] as Pos, numerator: [r, 4] as Pos, denominator: [r, 2] as Pos, decimals: 1 })),
    diffs: [],
    years: [],
  };
}

/** The report's own 소요예산 table; every caption names the plan year 2021, as a report's captions do. */
function budgetByYear(rng: Rng): Draft {
  const first = rng.pick([2019, 2020, 2021]);
  const years = range(first, first + 3);
  const sources = rng.pick([['구비'], ['시비', '구비'], ['국비', '시비', '구비'], ['특교세', '구비']]);
  const data = sources.map(() => years.map((y) => (y < 2021 && rng.chance(0.4) ? 0 : rng.chance(0.15) ? 0 : rng.int(1, 400) * rng.pick([100, 500, 1000]))));
  // The plan year always has money: the caption states it.
  const planIdx = years.indexOf(2021);
  if (sum(data.map((d) => d[planIdx])) === 0) data[data.length - 1][planIdx] = rng.int(5, 90) * 1000;
  const colTotals = years.map((_, k) => sum(data.map((d) => d[k])));
  const yStyle = yearStyle(rng, true);
  const h0: DraftCell[] = [rng.pick(['재원별', '구분']), rng.pick(['합계', '계']), rng.pick(['연차별 소요재원', '연차별 소요예산']), null, null, null];
  const h1: DraftCell[] = [null, null, ...years.map((y) => yearText(rng, y, yStyle))];
  const line = (label: string, vals: number[]): DraftCell[] => [label, num(sum(vals)), ...vals.map((v) => num(v))];
  const rows: DraftCell[][] = [h0, h1, line('계', colTotals), ...sources.map((s, i) => line(s, data[i]))];
  const n = rows.length;
  const sums: SumTruth[] = [];
  for (let r = 2; r < n; r++) sums.push({ total: [r, 1], parts: range(2, 5).map((c): Pos => [r, c]), axis: 'row', evidence: 'label' });
  if (sources.length > 1) for (let c = 1; c < 6; c++) sums.push({ total: [2, c], parts: range(3, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  const amountStated = colTotals[planIdx];
  const project = rng.pick(['공약 이행평가 운영', '온라인 회의 정착화', '구정연구단 운영', '주민참여예산 운영', '공모사업 역량강화']);
  return {
    kind: 'budget-by-year',
    captions: [`□ ${project}`, `□ 2021년 소요예산 : ${group(amountStated)}천원`, '(단위 : 천원)'],
    unitLine: 2,
    rows,
    headerRows: 2,
    labelCols: 1,
    headerMerges: [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 5]],
    labelMerges: [],
    sums,
    rates: [],
    diffs: [],
    years: years.map((_, k): Pos => [1, 2 + k]),
    caption: { line: 1, target: [2, 2 + planIdx], amount: amountStated, unit: '천원' },
  };
}

function legalAdvice(rng: Rng): Draft {
  const nYears = rng.int(3, 4);
  const years = range(2021 - nYears, 2020).reverse();
  const ways = ['서면', '전화', '방문', '비고(소송지휘)'];
  const data = years.map(() => ways.map((w) => rng.int(w === '전화' ? 10 : 5, 160)));
  const colTotals = ways.map((_, j) => sum(data.map((d) => d[j])));
  const yStyle = yearStyle(rng);
  const rows: DraftCell[][] = [
    [labelHeader(rng, ['구분', '구 분']), rng.pick(['합계', '합 계']), ...ways],
    ['계', num(sum(colTotals), 'count'), ...colTotals.map((x) => num(x, 'count'))],
    ...years.map((y, i) => [yearText(rng, y, yStyle), num(sum(data[i]), 'count'), ...data[i].map((x) => num(x, 'count'))]),
  ];
  const n = rows.length;
  const sums: SumTruth[] = [];
  for (let r = 1; r < n; r++) sums.push({ total: [r, 1], parts: range(2, 5).map((c): Pos => [r, c]), axis: 'row', evidence: 'label' });
  for (let c = 1; c < 6; c++) sums.push({ total: [1, c], parts: range(2, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  return {
    kind: 'legal-advice',
    captions: [title(rng, '법률자문 현황'), '(2020. 10월말 기준, 단위 : 건)'],
    unitLine: 1,
    rows,
    headerRows: 1,
    labelCols: 1,
    headerMerges: [],
    labelMerges: [],
    sums,
    rates: [],
    diffs: [],
    years: years.map((_, i): Pos => [2 + i, 0]),
  };
}

function councilSessions(rng: Rng): Draft {
  const nYears = rng.int(3, 4);
  const years = range(2021 - nYears, 2020).reverse();
  const withUnits = rng.chance(0.5);
  const withTotalRow = rng.chance(0.4);
  const data = years.map(() => {
    const regular = [rng.int(1, 2), rng.int(10, 45)];
    const extra = [rng.int(2, 7), rng.int(15, 60)];
    return [regular[0] + extra[0], regular[1] + extra[1], ...regular, ...extra];
  });
  const cell = (v: number, k: number): NumCell => ({ n: v, role: 'count', suffix: withUnits ? (k % 2 === 0 ? '회' : '건') : undefined });
  const yStyle = yearStyle(rng);
  const rows: DraftCell[][] = [
    [labelHeader(rng, ['구분', '연도']), '합계', null, '정례회', null, '임시회', null],
    [null, '횟수', '처리안건', '횟수', '처리안건', '횟수', '처리안건'],
  ];
  if (withTotalRow) rows.push(['계', ...range(0, 5).map((k) => cell(sum(data.map((d) => d[k])), k))]);
  const firstYearRow = rows.length;
  years.forEach((y, i) => rows.push([yearText(rng, y, yStyle), ...data[i].map((v, k) => cell(v, k))]));
  const n = rows.length;
  const sums: SumTruth[] = [];
  for (let r = 2; r < n; r++) {
    for (const d of [0, 1]) sums.push({ total: [r, 1 + d], parts: [[r, 3 + d], [r, 5 + d]], axis: 'row', evidence: 'label' });
  }
  if (withTotalRow) for (let c = 1; c < 7; c++) sums.push({ total: [2, c], parts: range(3, n - 1).map((r): Pos => [r, c]), axis: 'column', evidence: 'label' });
  return {
    kind: 'council-sessions',
    captions: [title(rng, '구의회 회기 운영 현황'), rng.pick(['(2020. 10월말 기준)', '(단위 : 회, 건)'])],
    unitLine: 1,
    rows,
    headerRows: 2,
    labelCols: 1,
    headerMerges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 4], [0, 5, 0, 6]],
    labelMerges: [],
    sums,
    rates: [],
    diffs: [],
    years: years.map((_, i): Pos => [firstYearRow + i, 0]),
  };
}

export const BUILDERS: Record<CorpusKind, (rng: Rng) => Draft> = {
  'local-tax': localTax,
  'local-tax-years': localTaxYears,
  contracts,
  'real-estate': realEstate,
  'row-groups': rowGroups,
  'year-on-year': yearOnYear,
  arrears,
  'arrears-two-level': arrearsTwoLevel,
  'budget-by-year': budgetByYear,
  'legal-advice': legalAdvice,
  'council-sessions': councilSessions,
};

export function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

export function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

/** 1234567 → "1,234,567" (negative: "-1,234"). */
export function group(n: number): string {
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

const REMARKS = ['10월말 기준', '추경 포함', '이월 포함', '신설', '전년 대비 감소', '일부 정산'];

/**
 * Variations every kind may get, as people's tables do: a 비고 column (mostly empty) at the right, the 계 row
 * at the bottom instead of the top, no title line or no unit line above.
 */
export function vary(rng: Rng, d: Draft): Draft {
  let out = d;
  if (['local-tax', 'arrears', 'arrears-two-level', 'year-on-year', 'contracts'].includes(d.kind) && rng.chance(0.3)) out = totalRowLast(out);
  if (d.kind !== 'budget-by-year' && rng.chance(0.25)) out = withRemarks(rng, out);
  if (!out.caption && out.captions.length > 1 && rng.chance(0.25)) out = dropCaption(out, 0);
  // A table shown in 백만원 keeps its unit line: without it nobody could tell a rounding gap from a mistake.
  else if (!out.caption && !out.rounded && out.captions.length > 1 && rng.chance(0.1)) out = dropCaption(out, out.unitLine ?? out.captions.length - 1);
  // Asked last, so the choices above stay what they were for every seed.
  if (rng.chance(0.1)) out = spacerUnderHeader(out);
  if (rng.chance(0.1)) out = wordColumnBetween(rng, out);
  return out;
}

const WORD_COLUMNS: [string, string[]][] = [
  ['추진방법', ['직영', '위탁', '보조']],
  ['담당', ['세무1팀', '세무2팀', '징수팀']],
];

/**
 * A column of words between two top-level groups of figure columns (추진방법 between 예산액 and 집행액), where no
 * header cell spans the place. Tables with fewer than three figure columns keep their shape.
 */
function wordColumnBetween(rng: Rng, d: Draft): Draft {
  const w = Math.max(...d.rows.map((r) => r.length));
  const header = d.rows.slice(0, d.headerRows).filter((r) => r.some((x) => x !== null));
  const places = range(d.labelCols + 1, w - 1).filter(
    (c) => header.every((r) => r[c] !== null && r[c] !== undefined) && !d.headerMerges.some(([, c0, , c1]) => c0 < c && c <= c1),
  );
  if (w - d.labelCols < 3 || places.length === 0) return d;
  const at = rng.pick(places);
  const [title, words] = rng.pick(WORD_COLUMNS);
  const rows = d.rows.map((line, r) => {
    const padded = [...line, ...new Array<DraftCell>(w - line.length).fill(null)];
    const cell: DraftCell = r === 0 ? title : r < d.headerRows ? null : rng.chance(0.8) ? rng.pick(words) : null;
    return [...padded.slice(0, at), cell, ...padded.slice(at)];
  });
  const moved = mapPositions(d, ([r, c]): Pos => [r, c >= at ? c + 1 : c]);
  const shift = ([r0, c0, r1, c1]: [number, number, number, number]): [number, number, number, number] =>
    c0 >= at ? [r0, c0 + 1, r1, c1 + 1] : [r0, c0, r1, c1];
  const merges = d.headerMerges.map(shift);
  if (header.length > 1) merges.push([0, at, header.length - 1, at]);
  return { ...moved, rows, headerMerges: merges, labelMerges: d.labelMerges.map(shift) };
}

/** A blank row left between the header and the body, as a paste from a word processor leaves one. */
function spacerUnderHeader(d: Draft): Draft {
  const h = d.headerRows;
  const w = Math.max(...d.rows.map((r) => r.length));
  const rows = [...d.rows.slice(0, h), new Array<DraftCell>(w).fill(null), ...d.rows.slice(h)];
  const moved = mapPositions(d, ([r, c]): Pos => [r >= h ? r + 1 : r, c]);
  const labelMerges = d.labelMerges.map(([r0, c0, r1, c1]): [number, number, number, number] => [r0 + 1, c0, r1 + 1, c1]);
  // The spacer belongs to the header zone: nothing in it is checked.
  return { ...moved, rows, headerRows: h + 1, labelMerges };
}

function mapPositions(d: Draft, f: (p: Pos) => Pos): Draft {
  return {
    ...d,
    sums: d.sums.map((s) => ({ ...s, total: f(s.total), parts: s.parts.map(f) })),
    rates: d.rates.map((r) => ({ ...r, target: f(r.target), numerator: f(r.numerator), denominator: f(r.denominator) })),
    diffs: d.diffs.map((x) => ({ target: f(x.target), later: f(x.later), earlier: f(x.earlier) })),
    years: d.years.map(f),
    caption: d.caption ? { ...d.caption, target: f(d.caption.target) } : undefined,
  };
}

/** The total row (first body row) moved under the items. */
function totalRowLast(d: Draft): Draft {
  const h = d.headerRows;
  const last = d.rows.length - 1;
  const rows = [...d.rows.slice(0, h), ...d.rows.slice(h + 1), d.rows[h]];
  const moved = mapPositions(d, ([r, c]): Pos => [r === h ? last : r > h ? r - 1 : r, c]);
  return { ...moved, rows };
}

function withRemarks(rng: Rng, d: Draft): Draft {
  const w = Math.max(...d.rows.map((r) => r.length));
  const chosen = new Set(rng.sample(range(d.headerRows, d.rows.length - 1), rng.int(0, 2)));
  const rows = d.rows.map((line, r) => {
    const padded = [...line, ...new Array<DraftCell>(w - line.length).fill(null)];
    if (r === 0) return [...padded, rng.pick(['비고', '비 고'])];
    if (r < d.headerRows) return [...padded, null];
    return [...padded, chosen.has(r) ? rng.pick(REMARKS) : null];
  });
  const merge: [number, number, number, number][] = d.headerRows > 1 ? [[0, w, d.headerRows - 1, w]] : [];
  return { ...d, rows, headerMerges: [...d.headerMerges, ...merge] };
}

function dropCaption(d: Draft, line: number): Draft {
  const captions = d.captions.filter((_, j) => j !== line);
  const unitLine = d.unitLine === undefined || d.unitLine === line ? undefined : d.unitLine > line ? d.unitLine - 1 : d.unitLine;
  return { ...d, captions, unitLine };
}
