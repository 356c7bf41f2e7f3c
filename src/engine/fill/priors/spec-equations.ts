/**
 * A detected table's kind as a prior: the kind's built-in spec laid over the table by its labels, its sum
 * relations as cell equations. Years match as years whatever span the spec was built for: a relation inside one
 * year group (lawsuits: 2020/계 = 2020/행정소송 + 2020/민사소송) holds in every year group of the table, and one
 * over all years (legal advice: 계 = Σ years) takes every year line the table has. A spec speaks only for an
 * axis on which the table draws exactly the spec's lines: a counts-by-field table with other fields, or a budget
 * table with other sources, is not the spec's, and a relation there is left to labels and numbers.
 */
import type { CellRef } from '../../grid/types';
import { parseYearLabel } from '../../labels';
import type { Table } from '../../model/table';
import { defaultSpecs, leafPaths, sameLabel, type LabelPath, type RelationSpec, type TableSpec } from '../../../specs';

/** total = Σ parts, one equation; `family` names the spec relation it comes from. */
export interface PriorEquation {
  axis: 'row' | 'column';
  total: CellRef;
  parts: CellRef[];
  family: string;
}

interface Line {
  index: number;
  path: string[];
}

let builtIn: Record<string, TableSpec> | null = null;

/** The built-in spec of a kind ('crosstab' and 'text' have none a table could be matched with). */
export function builtInSpec(kind: Table['kind']): TableSpec | undefined {
  if (kind === 'text' || kind === 'crosstab') return undefined;
  builtIn ??= defaultSpecs();
  return builtIn[kind];
}

const yearOf = (label: string): number | undefined => parseYearLabel(label) ?? undefined;

/** A header path without the repeats a merged header leaves ('합계' over '합계'). */
function tidy(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of path) if (p.trim() !== '' && !(out.length > 0 && sameLabel(out[out.length - 1], p))) out.push(p);
  return out;
}

/** Same labels, any year standing for any year. */
function sameShape(spec: LabelPath, path: readonly string[]): boolean {
  return spec.length === path.length && spec.every((s, i) => sameLabel(s, path[i]) || (yearOf(s) !== undefined && yearOf(path[i]) !== undefined));
}

/** Same labels and the same years. */
function sameLine(spec: LabelPath, path: readonly string[]): boolean {
  return spec.length === path.length && spec.every((s, i) => sameLabel(s, path[i]) || (yearOf(s) !== undefined && yearOf(s) === yearOf(path[i])));
}

/** Every line of the table is one of the spec's (years aside) and every spec line is drawn. */
function drawsExactly(specLeaves: LabelPath[], lines: Line[]): boolean {
  return lines.length > 0 && lines.every((l) => specLeaves.some((s) => sameShape(s, l.path))) && specLeaves.every((s) => lines.some((l) => sameShape(s, l.path)));
}

function yearPosition(path: LabelPath): number {
  return path.findIndex((p) => yearOf(p) !== undefined);
}

function only1(lines: Line[], spec: LabelPath, same: (s: LabelPath, p: readonly string[]) => boolean): Line | undefined {
  const hits = lines.filter((l) => same(spec, l.path));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The total line and part lines each equation of a spec sum names, on this table's lines. */
function lineSets(rel: Extract<RelationSpec, { type: 'sum' }>, specLeaves: LabelPath[], lines: Line[]): { total: Line; parts: Line[] }[] {
  const totalYear = yearPosition(rel.total);
  const partYears = rel.parts.map(yearPosition);
  if (totalYear < 0 && partYears.every((p) => p < 0)) {
    const total = only1(lines, rel.total, sameLine);
    const parts = rel.parts.map((p) => only1(lines, p, sameLine));
    return total && parts.every((p): p is Line => p !== undefined) ? [{ total, parts }] : [];
  }
  if (totalYear >= 0) {
    // Within one year group: the same year in the total and every part.
    const specYear = yearOf(rel.total[totalYear]);
    if (rel.parts.some((p, i) => partYears[i] < 0 || yearOf(p[partYears[i]]) !== specYear)) return [];
    const out: { total: Line; parts: Line[] }[] = [];
    for (const total of lines.filter((l) => sameShape(rel.total, l.path))) {
      const year = yearOf(total.path[totalYear]);
      const parts = rel.parts.map((p, i) => {
        const hits = lines.filter((l) => sameShape(p, l.path) && yearOf(l.path[partYears[i]]) === year);
        return hits.length === 1 ? hits[0] : undefined;
      });
      if (parts.every((p): p is Line => p !== undefined)) out.push({ total, parts });
    }
    return out;
  }
  // Over all years: the spec's parts are every year line of one shape, and so are the table's.
  if (partYears.some((p) => p < 0)) return [];
  const shape = rel.parts[0];
  const specYears = specLeaves.filter((l) => sameShape(shape, l));
  if (!rel.parts.every((p) => sameShape(shape, p)) || specYears.length !== rel.parts.length) return [];
  const total = only1(lines, rel.total, sameLine);
  const parts = lines.filter((l) => sameShape(shape, l.path));
  return total && parts.length > 0 ? [{ total, parts }] : [];
}

/** The kind's spec sums as equations on this table, or none when the table does not draw the spec. */
export function specEquations(table: Table): PriorEquation[] {
  const spec = builtInSpec(table.kind);
  if (!spec) return [];
  const columns: Line[] = table.columns.filter((c) => !c.isLabel).map((c) => ({ index: c.col, path: tidy(c.path) }));
  const rows: Line[] = table.rows.map((r) => ({ index: r.row, path: tidy(r.path) }));
  const columnLeaves = leafPaths(spec.columns);
  const rowLeaves = leafPaths(spec.rows);
  const out: PriorEquation[] = [];
  spec.relations.forEach((rel, i) => {
    if (rel.type !== 'sum') return;
    const overColumns = rel.over === 'columns';
    const [lines, leaves, crossLines] = overColumns ? [columns, columnLeaves, rows] : [rows, rowLeaves, columns];
    if (!drawsExactly(leaves, lines)) return;
    let cross = crossLines;
    if (rel.only) {
      const picked = rel.only.map((p) => only1(crossLines, p, sameLine));
      if (!picked.every((p): p is Line => p !== undefined)) return;
      cross = picked;
    }
    const at = (line: Line, x: Line): CellRef => (overColumns ? { row: x.index, col: line.index } : { row: line.index, col: x.index });
    for (const set of lineSets(rel, leaves, lines)) {
      if (set.parts.some((p) => p.index === set.total.index)) continue;
      for (const x of cross) {
        out.push({ axis: overColumns ? 'row' : 'column', total: at(set.total, x), parts: set.parts.map((p) => at(p, x)), family: `spec:${spec.kind}:${i}` });
      }
    }
  });
  return out;
}
