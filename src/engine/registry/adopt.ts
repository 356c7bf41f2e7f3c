/**
 * Adopt: a detected table becomes a spec that declares what detection inferred — its header tree, its row
 * groups and its relations by label path — with the user's corrections (this row is not a total, that column
 * is not a part). Relations between components of compound cells ('22(22)' = 정원(현원), '766(84.5%)') are declared
 * with their component indices. What a spec cannot say (증감률 without a 증감 line, a sum whose parts mix
 * components) is left out and counted in `dropped`.
 */
import type { CellRef } from '../grid/types';
import type { Table } from '../model/table';
import { parseCaptionAmount } from '../relations/captions';
import { parseTableSpec, type LabelNode, type RelationSpec, type SpecProblem, type TableSpec } from '../../specs';

export interface AdoptCorrections {
  /** Sheet rows (0-based) that are not totals: the column sums whose total lies in them are dropped. */
  notTotalRows?: number[];
  /** Sheet columns that are not totals: the row sums whose total lies in them are dropped. */
  notTotalColumns?: number[];
  /** Sheet rows that are not parts of any column sum. */
  notPartRows?: number[];
  /** Sheet columns that are not parts of any row sum ('비고' is a remark here). */
  notPartColumns?: number[];
  /**
   * The unit when detection found none (or found the wrong one). A table of counts may go without one; a table
   * of amounts (MONEY_KINDS) may not: its problem is 'spec.unit-required'.
   */
  unit?: string;
  title?: string;
}

export type AdoptResult = { ok: true; spec: TableSpec; dropped: number } | { ok: false; problems: SpecProblem[] };

/** Consecutive paths sharing a first label become one node with children. */
function treeOf(paths: string[][]): LabelNode[] {
  const out: LabelNode[] = [];
  let i = 0;
  while (i < paths.length) {
    const head = paths[i][0];
    if (paths[i].length === 1) {
      out.push({ label: head });
      i++;
      continue;
    }
    let j = i;
    while (j < paths.length && paths[j].length > 1 && paths[j][0] === head) j++;
    out.push({ label: head, children: treeOf(paths.slice(i, j).map((p) => p.slice(1))) });
    i = j;
  }
  return out;
}

/** Row paths filled down to the label columns' depth ('2020' over '행정소송' when the sheet left it blank). */
function rowPaths(table: Table): string[][] {
  const depth = table.labelCols;
  const last: string[] = [];
  return table.rows.map((r) => {
    const raw = r.path.map((s) => s.trim());
    const padded = raw.length >= depth ? [...raw.slice(0, depth - 1), raw.slice(depth - 1).join(' ')] : [...last.slice(0, depth - raw.length), ...raw];
    padded.forEach((x, i) => (last[i] = x));
    return padded;
  });
}

export function adoptTable(table: Table, corrections: AdoptCorrections = {}): AdoptResult {
  if (table.kind === 'text') return { ok: false, problems: [{ code: 'adopt.text-table', path: ['kind'], message: 'a text table has no figures to declare' }] };
  const unit = corrections.unit?.trim() || table.unit || '';
  const body = table.columns.filter((c) => !c.isLabel);
  const columnPath = new Map(body.map((c) => [c.col, c.path.map((s) => s.trim())]));
  const rows = table.labelCols > 0 ? rowPaths(table) : table.rows.map(() => ['현황']);
  const rowPath = new Map(table.rows.map((r, i) => [r.row, rows[i]]));
  const labelHeaders = table.columns.filter((c) => c.isLabel).map((c) => c.path.filter((s) => s.trim() !== '').join(' ') || '구분');

  const notTotalRows = new Set(corrections.notTotalRows ?? []);
  const notTotalCols = new Set(corrections.notTotalColumns ?? []);
  const notPartRows = new Set(corrections.notPartRows ?? []);
  const notPartCols = new Set(corrections.notPartColumns ?? []);

  // One spec relation per (shape, paths), with the lines of the other axis it holds on.
  const grouped = new Map<string, { rel: RelationSpec; lines: string[][] }>();
  let dropped = 0;
  const add = (rel: RelationSpec, line: string[] | null) => {
    const k = JSON.stringify(rel);
    const g = grouped.get(k) ?? { rel, lines: [] };
    if (line && !g.lines.some((l) => l.join('\u0001') === line.join('\u0001'))) g.lines.push(line);
    grouped.set(k, g);
  };
  const col = (r: CellRef) => columnPath.get(r.col);
  const row = (r: CellRef) => rowPath.get(r.row);
  for (const rel of table.relations) {
    if (rel.type === 'sum') {
      const labelTotal = rel.total.col < table.range.c0 + table.labelCols;
      const partComps = new Set(rel.parts.map((p) => p.comp));
      // One component index for every part: '22(22)' sums 정원 with 정원; a mix cannot be said by role.
      if (partComps.size > 1 || (labelTotal && [rel.total, ...rel.parts].some((r) => r.comp !== undefined))) {
        dropped++;
        continue;
      }
      const comp = components({ total: rel.total.comp, parts: rel.parts[0]?.comp });
      if (labelTotal) {
        const parts = rel.parts.filter((p) => !notPartCols.has(p.col)).map(col);
        if (parts.some((p) => !p) || !row(rel.total) || parts.length === 0) { dropped++; continue; }
        add({ type: 'label-total', row: row(rel.total)!, parts: parts as string[][] }, null);
        continue;
      }
      const sameRow = rel.parts.every((p) => p.row === rel.total.row);
      const sameCol = rel.parts.every((p) => p.col === rel.total.col);
      if (sameRow && !notTotalCols.has(rel.total.col)) {
        const parts = rel.parts.filter((p) => !notPartCols.has(p.col));
        if (parts.length === 0 || !col(rel.total) || parts.some((p) => !col(p)) || !row(rel.total)) { dropped++; continue; }
        add({ type: 'sum', over: 'columns', total: col(rel.total)!, parts: parts.map((p) => col(p)!), ...comp }, row(rel.total)!);
      } else if (sameCol && !notTotalRows.has(rel.total.row)) {
        const parts = rel.parts.filter((p) => !notPartRows.has(p.row));
        if (parts.length === 0 || !row(rel.total) || parts.some((p) => !row(p)) || !col(rel.total)) { dropped++; continue; }
        add({ type: 'sum', over: 'rows', total: row(rel.total)!, parts: parts.map((p) => row(p)!), ...comp }, col(rel.total)!);
      } else dropped++;
      continue;
    }
    if (rel.type === 'rate' || rel.type === 'diff') {
      const [t, a, b] = rel.type === 'rate' ? [rel.target, rel.numerator, rel.denominator] : [rel.target, rel.later, rel.earlier];
      if (rel.type === 'rate' && rel.subtract) { dropped++; continue; }
      const over = t.row === a.row && t.row === b.row ? 'columns' : t.col === a.col && t.col === b.col ? 'rows' : null;
      const path = over === 'columns' ? col : row;
      const line = over === 'columns' ? row(t) : col(t);
      if (!over || !path(t) || !path(a) || !path(b) || !line) { dropped++; continue; }
      if (rel.type === 'rate') {
        const comp = components({ target: t.comp, numerator: a.comp, denominator: b.comp });
        add({ type: 'rate', over, target: path(t)!, numerator: path(a)!, denominator: path(b)!, scale: rel.scale, decimals: rel.decimals, ...comp }, line);
      } else add({ type: 'diff', over, target: path(t)!, later: path(a)!, earlier: path(b)!, ...components({ target: t.comp, later: a.comp, earlier: b.comp }) }, line);
      continue;
    }
    if (rel.type === 'caption') {
      // A caption's figure i states component i of the cell ('정원 22명(현원 22명)' over '22(22)').
      if (!row(rel.cell) || !col(rel.cell) || rel.cell.comp !== rel.caption.comp) { dropped++; continue; }
      const caption: RelationSpec = { type: 'caption', row: row(rel.cell)!, column: col(rel.cell)!, phrase: captionPhrase(table, rel.caption.row), ...components({ cell: rel.cell.comp }) };
      if (rel.year !== undefined) caption.year = rel.year;
      add(caption, null);
    }
  }

  const allLines = (over: 'columns' | 'rows') => (over === 'columns' ? rows.length : body.length);
  const relations: RelationSpec[] = [...grouped.values()].map(({ rel, lines }) => {
    if ((rel.type === 'sum' || rel.type === 'rate' || rel.type === 'diff') && lines.length < allLines(rel.over)) return { ...rel, only: lines };
    return rel;
  });
  const years = body.map((c) => c.year).filter((y): y is number => y !== undefined);
  const input = {
    kind: table.kind,
    title: corrections.title ?? table.title,
    unit,
    rowHeader: table.labelCols > 0 ? labelHeaders : [],
    columns: treeOf(body.map((c) => columnPath.get(c.col)!)),
    rows: treeOf(rows),
    relations,
    years: years.length ? { from: Math.min(...years), to: Math.max(...years) } : undefined,
  };
  const parsed = parseTableSpec(input);
  return parsed.ok ? { ok: true, spec: parsed.spec, dropped } : parsed;
}

/** `{ comp: {…} }` naming the roles that read a component, or nothing when every role reads its whole cell. */
function components<K extends string>(roles: Record<K, number | undefined>): { comp?: Partial<Record<K, number>> } {
  const comp: Partial<Record<K, number>> = {};
  for (const [role, index] of Object.entries(roles) as [K, number | undefined][]) if (index !== undefined) comp[role] = index;
  return Object.keys(comp).length > 0 ? { comp } : {};
}

/** What a caption calls its figure: '인력' for a staffing caption, '소요예산' for the budget's. */
function captionPhrase(table: Table, row: number): string {
  const line = table.captions.find((c) => c.row === row);
  const amount = line ? parseCaptionAmount(line.text) : null;
  return amount?.subject === 'staff' ? amount.label : '소요예산';
}
