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

export const relationSpecSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sum'),
    over: overSchema,
    total: labelPathSchema,
    parts: z.array(labelPathSchema).min(1),
    /** Limit to these lines of the other axis (default: every one). */
    only: onlySchema,
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
  }),
  z.object({
    type: z.literal('diff'),
    over: overSchema,
    target: labelPathSchema,
    later: labelPathSchema,
    earlier: labelPathSchema,
    only: onlySchema,
  }),
  z.object({
    /** A caption line above the table, '□ 2021년 소요예산 : N천원', stating one cell. */
    type: z.literal('caption'),
    year: z.number().int().min(1900).max(2200),
    row: labelPathSchema,
    column: labelPathSchema,
    phrase: z.string().min(1).default('소요예산'),
  }),
]);
export type RelationSpec = z.infer<typeof relationSpecSchema>;

const SPEC_KINDS = TABLE_KINDS.filter((k) => k !== 'text') as [Exclude<(typeof TABLE_KINDS)[number], 'text'>, ...Exclude<(typeof TABLE_KINDS)[number], 'text'>[]];

const tableSpecObject = z.object({
  version: z.literal(1).default(1),
  kind: z.enum(SPEC_KINDS),
  title: z.string().min(1).optional(),
  /** '천원', '백만원', '건' …: written as the unit line '(단위 : 천원)'. */
  unit: z.string().min(1),
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
    .refine((y) => y.from <= y.to, { message: 'the span ends before it starts', path: ['to'] })
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

function checkPath(ctx: Ctx, leaves: string[][], path: readonly string[], at: (string | number)[], axis: string): void {
  if (!leaves.some((l) => samePath(l, path))) {
    ctx.addIssue({ code: 'custom', path: at, message: `no ${axis} ${JSON.stringify(path)} in the spec (${axis}s: ${leaves.map((l) => l.join('/')).join(', ')})` });
  }
}

function checkUnique(ctx: Ctx, leaves: string[][], at: string, axis: string): void {
  const seen = new Set<string>();
  leaves.forEach((l) => {
    const k = l.map((x) => x.replace(/\s+/g, '')).join('\u0001');
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [at], message: `the ${axis} ${JSON.stringify(l)} appears twice` });
    seen.add(k);
  });
}

export const tableSpecSchema = tableSpecObject.superRefine((spec, ctx) => {
  const cols = leafPaths(spec.columns);
  const rows = leafPaths(spec.rows);
  checkUnique(ctx, cols, 'columns', 'column');
  checkUnique(ctx, rows, 'rows', 'row');
  if (spec.rowHeader.length === 0) {
    if (rows.length !== 1 || rows[0].length !== 1) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'a table without label columns has exactly one row' });
  } else {
    rows.forEach((r, i) => {
      if (r.length !== spec.rowHeader.length) {
        ctx.addIssue({ code: 'custom', path: ['rows'], message: `row ${i + 1} (${r.join('/')}) is ${r.length} labels deep but there are ${spec.rowHeader.length} label columns` });
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
          if (samePath(p, rel.total)) ctx.addIssue({ code: 'custom', path: at('parts', j), message: 'a total cannot be its own part' });
        });
        break;
      case 'circled': {
        circledNumbers(rel.formula).forEach((mark) => {
          const hits = cols.filter((c) => ownMark(c[c.length - 1]) === mark);
          if (hits.length !== 1) {
            ctx.addIssue({ code: 'custom', path: at('formula'), message: hits.length === 0 ? `no column label carries ${mark}` : `several column labels carry ${mark}` });
          }
        });
        break;
      }
      case 'label-total':
        checkPath(ctx, rows, rel.row, at('row'), 'row');
        if (spec.rowHeader.length === 0) ctx.addIssue({ code: 'custom', path: at('row'), message: 'a label total needs a label column' });
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
        if (spec.years && (rel.year < spec.years.from || rel.year > spec.years.to)) {
          ctx.addIssue({ code: 'custom', path: at('year'), message: `the caption's year ${rel.year} is outside the span ${spec.years.from}–${spec.years.to}` });
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

/** A problem with a spec, as data: where (zod's path) and what. */
export interface SpecProblem {
  path: (string | number)[];
  message: string;
}

export type SpecParse = { ok: true; spec: TableSpec } | { ok: false; problems: SpecProblem[] };

/** Validate untrusted spec data (a registry row, a file): problems as data, never a throw. */
export function parseTableSpec(data: unknown): SpecParse {
  const r = tableSpecSchema.safeParse(data);
  if (r.success) return { ok: true, spec: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) };
}
