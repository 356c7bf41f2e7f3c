/**
 * A table kind as data: the header tree, the row groups, the relations (named by label paths, never by cell
 * addresses, so a spec survives being placed anywhere), the unit, the number formats and the captions.
 * Validation rejects a spec whose relations name a column or row it does not have, with zod's path.
 */
import { z } from 'zod';
import { TABLE_KINDS } from '../engine/model/table';

/** Amounts in the report's style: thousands separators, △ for negatives, "-" for zero. */
export const SPEC_AMOUNT_FORMAT = '#,##0;"△"#,##0;"-"';
export const SPEC_RATE_FORMAT = '0.0';

/** A header (or row group) node: a label, and the nodes under it. A leaf is one body column (or body row). */
export interface LabelNode {
  label: string;
  children?: LabelNode[];
}

export const labelNodeSchema: z.ZodType<LabelNode> = z.lazy(() =>
  z.object({
    label: z.string().min(1),
    children: z.array(labelNodeSchema).min(1).optional(),
  }),
);

/** Labels from the outermost header down to a leaf: ['처리현황', '종결', '소계']. */
export const labelPathSchema = z.array(z.string().min(1)).min(1);
export type LabelPath = z.infer<typeof labelPathSchema>;

/** Which axis a relation's paths name: 'columns' (applied in every body row) or 'rows' (in every body column). */
const overSchema = z.enum(['columns', 'rows']);

const onlySchema = z.array(labelPathSchema).min(1).optional();

/**
 * Components of compound text cells ("22(22)" is 정원(현원); "766(84.5%)" is 집행액(집행률)): which component each
 * role of a relation reads, by index from 0. A role left out reads the whole cell. 정원 sums on its own:
 * `comp: { total: 0, parts: 0 }`; a rate inside one cell over another's second figure:
 * `comp: { target: 1, numerator: 0, denominator: 1 }`.
 */
const compIndexSchema = z.number().int().min(0).max(9);
const componentsOf = <K extends string>(...roles: K[]) =>
  z.strictObject(Object.fromEntries(roles.map((r) => [r, compIndexSchema.optional()])) as Record<K, z.ZodOptional<typeof compIndexSchema>>).optional();

export const relationSpecSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sum'),
    over: overSchema,
    total: labelPathSchema,
    parts: z.array(labelPathSchema).min(1),
    /** Limit to these lines of the other axis (default: every one). */
    only: onlySchema,
    comp: componentsOf('total', 'parts'),
  }),
  z.object({
    /** A header formula in circled numbers, '㉑=㉒+㉓+㉔+㉕': each number names the column whose label carries it. */
    type: z.literal('circled'),
    formula: z.string().regex(/^\s*[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]\s*=\s*[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF](\s*\+\s*[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF])+\s*$/u, 'a formula of circled numbers such as ㉑=㉒+㉓'),
    only: onlySchema,
  }),
  z.object({
    /** A row whose label states its total ('공약(69)'): the label cell is the sum of the row's figures. */
    type: z.literal('label-total'),
    row: labelPathSchema,
    /** Default: every body column. */
    parts: z.array(labelPathSchema).min(1).optional(),
  }),
  z.object({
    type: z.literal('rate'),
    over: overSchema,
    target: labelPathSchema,
    numerator: labelPathSchema,
    denominator: labelPathSchema,
    /** 100: a percentage number (84.5); 1: a fraction with a % format. */
    scale: z.union([z.literal(100), z.literal(1)]).default(100),
    decimals: z.number().int().min(0).max(6).default(1),
    only: onlySchema,
    comp: componentsOf('target', 'numerator', 'denominator'),
  }),
  z.object({
    type: z.literal('diff'),
    over: overSchema,
    target: labelPathSchema,
    later: labelPathSchema,
    earlier: labelPathSchema,
    only: onlySchema,
    comp: componentsOf('target', 'later', 'earlier'),
  }),
  z.object({
    /**
     * The amount caption above the table, '□ 2021년 소요예산 : N천원', stating one cell. Without a year it is a
     * caption that names none ('□ 인 력 : 정원 22명(현원 22명)'); with `comp.cell`, the caption's figure of that
     * index states that component of the cell (정원 22명 → 22(22)'s first).
     */
    type: z.literal('caption'),
    year: z.number().int().min(1900).max(2200).optional(),
    row: labelPathSchema,
    column: labelPathSchema,
    phrase: z.string().min(1).default('소요예산'),
    comp: componentsOf('cell'),
  }),
]);
export type RelationSpec = z.infer<typeof relationSpecSchema>;

const SPEC_KINDS = TABLE_KINDS.filter((k) => k !== 'text') as [Exclude<(typeof TABLE_KINDS)[number], 'text'>, ...Exclude<(typeof TABLE_KINDS)[number], 'text'>[]];

const tableSpecObject = z.object({
  version: z.literal(1).default(1),
  kind: z.enum(SPEC_KINDS),
  title: z.string().min(1).optional(),
  /**
   * '천원', '백만원', '건' …: written as the unit line '(단위 : 천원)'. Empty when the table names no unit: its
   * figures are then plain exact counts, which only a table of amounts cannot be (see MONEY_KINDS).
   */
  unit: z.string().trim().default(''),
  /** Headers of the label columns, left to right; empty for a table with no label column (one row only). */
  rowHeader: z.array(z.string().min(1)),
  columns: z.array(labelNodeSchema).min(1),
  rows: z.array(labelNodeSchema).min(1),
  relations: z.array(relationSpecSchema),
  formats: z
    .object({
      amount: z.string().min(1).default(SPEC_AMOUNT_FORMAT),
      rate: z.string().min(1).default(SPEC_RATE_FORMAT),
    })
    .default({ amount: SPEC_AMOUNT_FORMAT, rate: SPEC_RATE_FORMAT }),
  /** The year span the kind was made for (budget by year), inclusive. */
  years: z
    .object({ from: z.number().int().min(1900).max(2200), to: z.number().int().min(1900).max(2200) })
    .refine((y) => y.from <= y.to, { message: 'the span ends before it starts', path: ['to'], params: { problem: 'spec.span-reversed' } })
    .optional(),
});

/** The leaf paths of a label tree, in drawing order. */
export function leafPaths(nodes: readonly LabelNode[], prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const n of nodes) {
    const path = [...prefix, n.label];
    if (n.children) out.push(...leafPaths(n.children, path));
    else out.push(path);
  }
  return out;
}

/** Labels compare without spaces: '구 분' is '구분', '합 계' is '합계'. */
export function sameLabel(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => sameLabel(x, b[i]));
}

const CIRCLED = /[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]/u;

/** The circled number a column label is named by: its first ('최종예산액 (㉑=㉒+㉓)' is ㉑). */
export function ownMark(label: string): string | undefined {
  return CIRCLED.exec(label)?.[0];
}

/** The circled numbers of a header formula: the target first, then the parts. */
export function circledNumbers(formula: string): string[] {
  return [...formula.replace(/[\s=+]/g, '')];
}

type Ctx = z.RefinementCtx;

/**
 * What can be wrong with a spec beyond its shape (zod's own codes cover the shape: 'invalid_type', 'too_small' …).
 * Stable ids: messages in src/messages are made from them and their params.
 */
export const SPEC_PROBLEM_CODES = [
  'spec.no-line',
  'spec.duplicate-line',
  'spec.one-row-only',
  'spec.row-depth',
  'spec.own-part',
  'spec.circled-missing',
  'spec.circled-ambiguous',
  'spec.label-total-needs-label',
  'spec.caption-year-outside',
  'spec.span-reversed',
  'spec.unit-required',
  'adopt.text-table',
  'register.not-asked',
  'register.undeclared-relations',
  'register.spec-differs',
  'register.checks-worse',
] as const;
export type SpecProblemCode = (typeof SPEC_PROBLEM_CODES)[number];

export type SpecProblemParams = Record<string, string | number>;

/** Table kinds whose figures are amounts: their rounding depends on the unit (백만원 is coarse, 천원 exact), so they need one. */
export const MONEY_KINDS: readonly SpecKindName[] = ['budget-by-year', 'budget-size', 'participatory-budget'];
type SpecKindName = Exclude<(typeof TABLE_KINDS)[number], 'text'>;

function issue(ctx: Ctx, path: (string | number)[], code: SpecProblemCode, params: SpecProblemParams, message: string): void {
  ctx.addIssue({ code: 'custom', path, message, params: { ...params, problem: code } });
}

function checkPath(ctx: Ctx, leaves: string[][], path: readonly string[], at: (string | number)[], axis: 'column' | 'row'): void {
  if (!leaves.some((l) => samePath(l, path))) {
    issue(ctx, at, 'spec.no-line', { axis, label: path.join('/'), lines: leaves.map((l) => l.join('/')).join(', ') }, `no ${axis} ${JSON.stringify(path)} in the spec (${axis}s: ${leaves.map((l) => l.join('/')).join(', ')})`);
  }
}

function checkUnique(ctx: Ctx, leaves: string[][], at: string, axis: 'column' | 'row'): void {
  const seen = new Set<string>();
  leaves.forEach((l) => {
    const k = l.map((x) => x.replace(/\s+/g, '')).join('\u0001');
    if (seen.has(k)) issue(ctx, [at], 'spec.duplicate-line', { axis, label: l.join('/') }, `the ${axis} ${JSON.stringify(l)} appears twice`);
    seen.add(k);
  });
}

export const tableSpecSchema = tableSpecObject.superRefine((spec, ctx) => {
  const cols = leafPaths(spec.columns);
  const rows = leafPaths(spec.rows);
  checkUnique(ctx, cols, 'columns', 'column');
  checkUnique(ctx, rows, 'rows', 'row');
  if (spec.unit === '' && MONEY_KINDS.includes(spec.kind)) {
    issue(ctx, ['unit'], 'spec.unit-required', { kind: spec.kind }, `a ${spec.kind} table states amounts: name their unit (천원, 백만원 …)`);
  }
  if (spec.rowHeader.length === 0) {
    if (rows.length !== 1 || rows[0].length !== 1) issue(ctx, ['rows'], 'spec.one-row-only', {}, 'a table without label columns has exactly one row');
  } else {
    rows.forEach((r, i) => {
      if (r.length !== spec.rowHeader.length) {
        issue(ctx, ['rows'], 'spec.row-depth', { row: i + 1, label: r.join('/'), depth: r.length, labelColumns: spec.rowHeader.length }, `row ${i + 1} (${r.join('/')}) is ${r.length} labels deep but there are ${spec.rowHeader.length} label columns`);
      }
    });
  }
  const axisLeaves = (over: 'columns' | 'rows') => (over === 'columns' ? cols : rows);
  const otherLeaves = (over: 'columns' | 'rows') => (over === 'columns' ? rows : cols);
  const axisName = (over: 'columns' | 'rows') => (over === 'columns' ? 'column' : 'row');
  const otherName = (over: 'columns' | 'rows') => (over === 'columns' ? 'row' : 'column');
  spec.relations.forEach((rel, i) => {
    const at = (...rest: (string | number)[]) => ['relations', i, ...rest];
    const only = 'only' in rel ? rel.only : undefined;
    switch (rel.type) {
      case 'sum':
        checkPath(ctx, axisLeaves(rel.over), rel.total, at('total'), axisName(rel.over));
        rel.parts.forEach((p, j) => {
          checkPath(ctx, axisLeaves(rel.over), p, at('parts', j), axisName(rel.over));
          // The same cell may be a total of its other components ('22(22)': 정원 and 현원 sum on their own).
          if (samePath(p, rel.total) && (rel.comp?.total ?? -1) === (rel.comp?.parts ?? -1)) issue(ctx, at('parts', j), 'spec.own-part', { label: p.join('/') }, 'a total cannot be its own part');
        });
        break;
      case 'circled': {
        circledNumbers(rel.formula).forEach((mark) => {
          const hits = cols.filter((c) => ownMark(c[c.length - 1]) === mark);
          if (hits.length === 0) issue(ctx, at('formula'), 'spec.circled-missing', { mark }, `no column label carries ${mark}`);
          else if (hits.length > 1) issue(ctx, at('formula'), 'spec.circled-ambiguous', { mark }, `several column labels carry ${mark}`);
        });
        break;
      }
      case 'label-total':
        checkPath(ctx, rows, rel.row, at('row'), 'row');
        if (spec.rowHeader.length === 0) issue(ctx, at('row'), 'spec.label-total-needs-label', {}, 'a label total needs a label column');
        rel.parts?.forEach((p, j) => checkPath(ctx, cols, p, at('parts', j), 'column'));
        break;
      case 'rate':
        checkPath(ctx, axisLeaves(rel.over), rel.target, at('target'), axisName(rel.over));
        checkPath(ctx, axisLeaves(rel.over), rel.numerator, at('numerator'), axisName(rel.over));
        checkPath(ctx, axisLeaves(rel.over), rel.denominator, at('denominator'), axisName(rel.over));
        break;
      case 'diff':
        checkPath(ctx, axisLeaves(rel.over), rel.target, at('target'), axisName(rel.over));
        checkPath(ctx, axisLeaves(rel.over), rel.later, at('later'), axisName(rel.over));
        checkPath(ctx, axisLeaves(rel.over), rel.earlier, at('earlier'), axisName(rel.over));
        break;
      case 'caption':
        checkPath(ctx, rows, rel.row, at('row'), 'row');
        checkPath(ctx, cols, rel.column, at('column'), 'column');
        if (spec.years && rel.year !== undefined && (rel.year < spec.years.from || rel.year > spec.years.to)) {
          issue(ctx, at('year'), 'spec.caption-year-outside', { year: rel.year, from: spec.years.from, to: spec.years.to }, `the caption's year ${rel.year} is outside the span ${spec.years.from}–${spec.years.to}`);
        }
        break;
    }
    if (only && rel.type !== 'circled') {
      const over = rel.type === 'sum' || rel.type === 'rate' || rel.type === 'diff' ? rel.over : 'columns';
      only.forEach((p, j) => checkPath(ctx, otherLeaves(over), p, at('only', j), otherName(over)));
    } else if (only) {
      only.forEach((p, j) => checkPath(ctx, rows, p, at('only', j), 'row'));
    }
  });
});

export type TableSpec = z.infer<typeof tableSpecSchema>;
export type TableSpecInput = z.input<typeof tableSpecSchema>;
export type SpecKind = TableSpec['kind'];

/**
 * A problem with a spec (or with turning a table into one), as data in zod's manner: what (`code`: one of
 * SPEC_PROBLEM_CODES, or zod's own code for a malformed value), where (`path`) and the figures it names
 * (`params`). `message` is English for logs and tests; what users read is made from the rest (src/messages).
 */
export interface SpecProblem {
  code: SpecProblemCode | `zod.${string}`;
  path: (string | number)[];
  params?: SpecProblemParams;
  message: string;
}

export type SpecParse = { ok: true; spec: TableSpec } | { ok: false; problems: SpecProblem[] };

function problemOf(i: z.core.$ZodIssue): SpecProblem {
  const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const raw = i.code === 'custom' ? (i.params as Record<string, unknown> | undefined) : undefined;
  if (raw && typeof raw.problem === 'string' && (SPEC_PROBLEM_CODES as readonly string[]).includes(raw.problem)) {
    const params: SpecProblemParams = {};
    for (const [k, v] of Object.entries(raw)) if (k !== 'problem' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
    return { code: raw.problem as SpecProblemCode, path, ...(Object.keys(params).length ? { params } : {}), message: i.message };
  }
  return { code: `zod.${i.code}`, path, message: i.message };
}

/** Validate untrusted spec data (a registry row, a file): problems as data, never a throw. */
export function parseTableSpec(data: unknown): SpecParse {
  const r = tableSpecSchema.safeParse(data);
  if (r.success) return { ok: true, spec: r.data };
  return { ok: false, problems: r.error.issues.map(problemOf) };
}
