/**
 * Where a spec's pieces land when its table's top-left header cell is at `origin`: header cells with their
 * spans, label cells, body columns and rows, and the relations as cell-level equations (the engine's Relation).
 */
import type { CellRange, CellRef } from '../engine/grid/types';
import type { ColumnInfo, HeaderCell, Relation, RowInfo } from '../engine/model/table';
import { parseYearLabel } from '../engine/labels';
import { circledNumbers, leafPaths, ownMark, samePath, type LabelNode, type LabelPath, type RelationSpec, type TableSpec } from './schema';

export interface SpecGeometry {
  headerRows: number;
  labelCols: number;
  /** Header cells (label-column headers and the column tree), absolute. */
  headers: HeaderCell[];
  /** Row label cells (groups span their rows), absolute. */
  rowLabels: HeaderCell[];
  columnPaths: string[][];
  rowPaths: string[][];
  range: CellRange;
  columns: ColumnInfo[];
  rows: RowInfo[];
}

function depth(nodes: readonly LabelNode[]): number {
  return nodes.reduce((d, n) => Math.max(d, 1 + (n.children ? depth(n.children) : 0)), 0);
}

function leafCount(n: LabelNode): number {
  return n.children ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

export function specGeometry(spec: TableSpec, origin: { row: number; col: number }): SpecGeometry {
  const headerRows = depth(spec.columns);
  const labelCols = spec.rowHeader.length;
  const columnPaths = leafPaths(spec.columns);
  const rowPaths = leafPaths(spec.rows);
  const headers: HeaderCell[] = spec.rowHeader.map((text, i) => ({ row: origin.row, col: origin.col + i, rowSpan: headerRows, colSpan: 1, text }));
  const placeColumns = (nodes: readonly LabelNode[], d: number, first: number): void => {
    let at = first;
    for (const n of nodes) {
      const span = leafCount(n);
      headers.push({ row: origin.row + d, col: origin.col + labelCols + at, rowSpan: n.children ? 1 : headerRows - d, colSpan: span, text: n.label });
      if (n.children) placeColumns(n.children, d + 1, at);
      at += span;
    }
  };
  placeColumns(spec.columns, 0, 0);
  const rowLabels: HeaderCell[] = [];
  const placeRows = (nodes: readonly LabelNode[], d: number, first: number): void => {
    let at = first;
    for (const n of nodes) {
      const span = leafCount(n);
      if (labelCols > 0) rowLabels.push({ row: origin.row + headerRows + at, col: origin.col + d, rowSpan: span, colSpan: 1, text: n.label });
      if (n.children) placeRows(n.children, d + 1, at);
      at += span;
    }
  };
  placeRows(spec.rows, 0, 0);
  const range: CellRange = {
    r0: origin.row,
    c0: origin.col,
    r1: origin.row + headerRows + rowPaths.length - 1,
    c1: origin.col + labelCols + columnPaths.length - 1,
  };
  const columns: ColumnInfo[] = [
    ...spec.rowHeader.map((h, i) => ({ col: origin.col + i, path: [h], isLabel: true })),
    ...columnPaths.map((path, i) => {
      const info: ColumnInfo = { col: origin.col + labelCols + i, path, isLabel: false };
      const year = yearOf(path);
      if (year !== undefined) info.year = year;
      return info;
    }),
  ];
  const rows: RowInfo[] = rowPaths.map((path, i) => {
    const info: RowInfo = { row: origin.row + headerRows + i, path };
    const year = yearOf(path);
    if (year !== undefined) info.year = year;
    return info;
  });
  return { headerRows, labelCols, headers, rowLabels, columnPaths, rowPaths, range, columns, rows };
}

function yearOf(path: readonly string[]): number | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const y = parseYearLabel(path[i]);
    if (typeof y === 'number') return y;
  }
  return undefined;
}

/** The spec's relations as cell equations at this geometry (captions need their line: see captionRelation). */
export function resolveRelations(spec: TableSpec, geo: SpecGeometry, tableId: string): Relation[] {
  const colOf = (p: LabelPath) => geo.range.c0 + geo.labelCols + geo.columnPaths.findIndex((c) => samePath(c, p));
  const rowOf = (p: LabelPath) => geo.range.r0 + geo.headerRows + geo.rowPaths.findIndex((r) => samePath(r, p));
  const allRows = () => geo.rowPaths.map((_, i) => geo.range.r0 + geo.headerRows + i);
  const allCols = () => geo.columnPaths.map((_, i) => geo.range.c0 + geo.labelCols + i);
  const out: Relation[] = [];
  spec.relations.forEach((rel: RelationSpec, i) => {
    const family = `spec:${tableId}:${i}:${rel.type}`;
    const lines = (over: 'columns' | 'rows', only: LabelPath[] | undefined) =>
      over === 'columns' ? (only ? only.map(rowOf) : allRows()) : only ? only.map(colOf) : allCols();
    const at = (over: 'columns' | 'rows', line: number, p: LabelPath, comp?: number): CellRef => {
      const ref: CellRef = over === 'columns' ? { row: line, col: colOf(p) } : { row: rowOf(p), col: line };
      if (comp !== undefined) ref.comp = comp;
      return ref;
    };
    switch (rel.type) {
      case 'sum':
        for (const line of lines(rel.over, rel.only)) {
          out.push({
            type: 'sum',
            axis: rel.over === 'columns' ? 'row' : 'column',
            total: at(rel.over, line, rel.total, rel.comp?.total),
            parts: rel.parts.map((p) => at(rel.over, line, p, rel.comp?.parts)),
            evidence: 'spec',
            family,
          });
        }
        break;
      case 'circled': {
        const [target, ...parts] = circledNumbers(rel.formula).map((mark) => geo.columnPaths.find((c) => ownMark(c[c.length - 1]) === mark)!);
        for (const line of lines('columns', rel.only)) {
          out.push({ type: 'sum', axis: 'row', total: at('columns', line, target), parts: parts.map((p) => at('columns', line, p)), evidence: 'spec', family });
        }
        break;
      }
      case 'label-total': {
        const row = rowOf(rel.row);
        const parts = rel.parts ? rel.parts.map(colOf) : allCols();
        out.push({ type: 'sum', axis: 'row', total: { row, col: geo.range.c0 + geo.labelCols - 1 }, parts: parts.map((col) => ({ row, col })), evidence: 'spec', family });
        break;
      }
      case 'rate':
        for (const line of lines(rel.over, rel.only)) {
          out.push({
            type: 'rate',
            target: at(rel.over, line, rel.target, rel.comp?.target),
            numerator: at(rel.over, line, rel.numerator, rel.comp?.numerator),
            denominator: at(rel.over, line, rel.denominator, rel.comp?.denominator),
            scale: rel.scale,
            decimals: rel.decimals,
            evidence: 'spec',
            family,
          });
        }
        break;
      case 'diff':
        for (const line of lines(rel.over, rel.only)) {
          out.push({
            type: 'diff',
            target: at(rel.over, line, rel.target, rel.comp?.target),
            later: at(rel.over, line, rel.later, rel.comp?.later),
            earlier: at(rel.over, line, rel.earlier, rel.comp?.earlier),
            evidence: 'spec',
            family,
          });
        }
        break;
      case 'caption':
        break;
    }
  });
  return out;
}

/** Caption relations of the spec, in order: each takes one caption line. */
export function captionSpecs(spec: TableSpec): Extract<RelationSpec, { type: 'caption' }>[] {
  return spec.relations.filter((r): r is Extract<RelationSpec, { type: 'caption' }> => r.type === 'caption');
}

/** The text a caption line reads: '□ 2021년 소요예산 : 32,300천원' ('□ 소요예산 : …' when it names no year). */
export function captionText(rel: Extract<RelationSpec, { type: 'caption' }>, figure: string, unit: string): string {
  return `□ ${rel.year !== undefined ? `${rel.year}년 ` : ''}${rel.phrase} : ${figure}${unit}`;
}

/** The cell a caption states, at this geometry (with the component its figure states, for a compound cell). */
export function captionCell(rel: Extract<RelationSpec, { type: 'caption' }>, geo: SpecGeometry): CellRef {
  const ref: CellRef = {
    row: geo.range.r0 + geo.headerRows + geo.rowPaths.findIndex((r) => samePath(r, rel.row)),
    col: geo.range.c0 + geo.labelCols + geo.columnPaths.findIndex((c) => samePath(c, rel.column)),
  };
  if (rel.comp?.cell !== undefined) ref.comp = rel.comp.cell;
  return ref;
}

/** Body cells a rate writes into (they take the rate format rather than the amount format). */
export function rateTargets(relations: readonly Relation[]): Set<string> {
  return new Set(relations.filter((r) => r.type === 'rate').map((r) => `${(r as { target: CellRef }).target.row},${(r as { target: CellRef }).target.col}`));
}

/** The unit line: '(단위 : 천원)'; none ('') for a table that names no unit. */
export function unitLine(unit: string): string {
  return unit === '' ? '' : `(단위 : ${unit})`;
}
