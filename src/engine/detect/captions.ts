/**
 * Caption lines of each table: walking up from the header over unit/basis lines and notes to the heading that names
 * the table (stopping at another table), then notes and footnotes directly under it.
 */
import type { CaptionLine, TableLayout } from '../model/table';
import {
  classifyCaption,
  cleanCaption,
  hasHeadingMark,
  hasNoteMark,
  isBulletLine,
  isUnitOrBasisLine,
  normalizeLabel,
  parseUnits,
  stripCaptionMark,
} from '../labels';
import type { CellRange } from '../grid/types';
import type { SheetView } from './sheet-view';

const MAX_BLANK_ABOVE = 3;
const ARROW = /^[⇒☞→➔➜]/;
const MAX_LINES_ABOVE = 6;
const MAX_BLANK_BELOW = 1;
const MAX_LINES_BELOW = 4;

interface LineCell {
  row: number;
  col: number;
  text: string;
}

/** Tables covering each row, for "is another table in the way" without rescanning. */
class RowIndex {
  private readonly byRow = new Map<number, number[]>();
  constructor(private readonly ranges: CellRange[]) {
    ranges.forEach((range, i) => {
      for (let r = range.r0; r <= range.r1; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(i);
        else this.byRow.set(r, [i]);
      }
    });
  }
  blocked(row: number, c0: number, c1: number, self: number): boolean {
    const list = this.byRow.get(row);
    if (!list) return false;
    return list.some((i) => i !== self && this.ranges[i].c0 <= c1 && this.ranges[i].c1 >= c0);
  }
  /**
   * The right edge of the nearest table left of `range` whose rows or caption zone (`look` rows above it) come
   * near this table's rows or caption zone, or -1.
   */
  leftNeighbourEdge(range: CellRange, self: number, look: number): number {
    let edge = -1;
    for (let r = Math.max(0, range.r0 - look); r <= range.r1 + look; r++) {
      for (const i of this.byRow.get(r) ?? []) {
        const other = this.ranges[i];
        if (i === self || other.c1 >= range.c0) continue;
        if (other.r0 - look <= range.r1 && range.r0 - look <= other.r1) edge = Math.max(edge, other.c1);
      }
    }
    return edge;
  }
}

function lineCells(view: SheetView, row: number, c0: number, c1: number): LineCell[] {
  const out: LineCell[] = [];
  for (let c = c0; c <= c1; c++) {
    if (!view.isOccupied(row, c) || view.isCovered(row, c)) continue;
    const text = view.text(row, c);
    if (text !== '') out.push({ row, col: c, text });
  }
  return out;
}

export interface CaptionResult {
  captions: CaptionLine[];
  title?: string;
  /** Units the nearest unit or basis line above names, in order (empty when none does). */
  units: string[];
}

/** Attach captions to every table of a sheet (tables in reading order). */
export function attachCaptions(view: SheetView, tables: Pick<TableLayout, 'range'>[]): CaptionResult[] {
  const ranges = tables.map((t) => t.range);
  const index = new RowIndex(ranges);
  const claimed = new Set<number>();
  const key = (row: number, col: number): number => row * view.cols + col;
  const above: CaptionLine[][] = [];
  const lefts: number[] = [];

  ranges.forEach((range, self) => {
    const edge = index.leftNeighbourEdge(range, self, MAX_LINES_ABOVE * 2 + MAX_BLANK_ABOVE);
    const left = edge === -1 ? 0 : Math.min(range.c0, edge + 2);
    lefts.push(left);
    const lines: CaptionLine[] = [];
    let blanks = 0;
    let sawNote = false;
    for (let row = range.r0 - 1; row >= 0 && lines.length < MAX_LINES_ABOVE; row--) {
      if (index.blocked(row, left, range.c1, self)) {
        // Notes right under the table above (one blank row at most) and nearer to it than to this table are that
        // table's notes, not this one's captions.
        let edge = row;
        while (lines.length > 0) {
          const line = lines[lines.length - 1];
          // A note with this table's caption lines right under it (no blank row) leads into this table.
          const leadsIn = line.row + 1 === range.r0 || lines.some((l) => l.row === line.row + 1 && l.kind !== 'note');
          if (line.kind !== 'note' || leadsIn || line.row - edge > 2 || line.row - row >= range.r0 - line.row) break;
          lines.pop();
          claimed.delete(key(line.row, line.col));
          edge = line.row;
        }
        break;
      }
      // A unit line right-aligned one column past the table's edge still belongs to it.
      const cells = lineCells(view, row, left, Math.min(range.c1 + 1, view.cols - 1)).filter(
        (c) => c.col <= range.c1 || (isUnitOrBasisLine(c.text) && !index.blocked(row, c.col, c.col, self)),
      );
      if (cells.length === 0) {
        if (++blanks > MAX_BLANK_ABOVE) break;
        continue;
      }
      blanks = 0;
      if (cells.some((c) => claimed.has(key(c.row, c.col)))) break;
      if (cells.filter((c) => view.classOf(c.row, c.col) === 'figure').length >= 2) break;
      const kinds = cells.map((c) => classifyCaption(c.text));
      // A footnote, or a conclusion drawn from the prose above it (⇒ …), is never a caption of the table below.
      if (kinds.some((k) => k === 'footnote') || cells.some((c) => ARROW.test(cleanCaption(c.text)))) break;
      let stop = false;
      const taken: CaptionLine[] = [];
      cells.forEach((c, i) => {
        const kind = kinds[i];
        if (kind === 'unit' || kind === 'basis') taken.push({ ...c, kind });
        else if (kind === 'title' || kind === 'amount') {
          taken.push({ ...c, kind });
          stop = true;
        } else if (hasNoteMark(c.text)) {
          taken.push({ ...c, kind: 'note' });
          sawNote = true;
        } else if (!sawNote) {
          // The nearest plain line above a table (a bullet, a title typed in A1) names it.
          taken.push({ ...c, kind: 'title' });
          stop = true;
        } else stop = true;
      });
      for (const line of taken) {
        lines.push(line);
        claimed.add(key(line.row, line.col));
      }
      if (stop) break;
    }
    above.push(lines.reverse());
  });

  return ranges.map((range, self) => {
    const below = footnotes(view, range, lefts[self], index, self, claimed, key);
    const captions = above[self].concat(below);
    return { captions, ...titleAndUnit(above[self]) };
  });
}

function footnotes(
  view: SheetView,
  range: CellRange,
  left: number,
  index: RowIndex,
  self: number,
  claimed: Set<number>,
  key: (row: number, col: number) => number,
): CaptionLine[] {
  const lines: CaptionLine[] = [];
  let blanks = 0;
  for (let row = range.r1 + 1; row < view.rows && lines.length < MAX_LINES_BELOW; row++) {
    if (index.blocked(row, left, range.c1, self)) break;
    const cells = lineCells(view, row, left, range.c1);
    if (cells.length === 0) {
      if (++blanks > MAX_BLANK_BELOW) break;
      continue;
    }
    blanks = 0;
    if (cells.length !== 1 || claimed.has(key(row, cells[0].col))) break;
    const cell = cells[0];
    const kind = classifyCaption(cell.text);
    if (kind === 'footnote') lines.push({ ...cell, kind: 'footnote' });
    else if (hasNoteMark(cell.text) && !hasHeadingMark(cell.text)) lines.push({ ...cell, kind: 'note' });
    else if (isBulletLine(cell.text) && nextLineIsArrow(view, row, left, range.c1)) lines.push({ ...cell, kind: 'note' });
    else break;
    claimed.add(key(row, cell.col));
  }
  return lines;
}

/** The next non-blank line starts with ⇒ or ☞ (a conclusion drawn from the bullet above it, such as a stated rate). */
function nextLineIsArrow(view: SheetView, row: number, c0: number, c1: number): boolean {
  for (let r = row + 1; r <= row + 2 && r < view.rows; r++) {
    const cells = lineCells(view, r, c0, c1);
    if (cells.length === 0) continue;
    return ARROW.test(cleanCaption(cells[0].text));
  }
  return false;
}

function titleAndUnit(lines: CaptionLine[]): { title?: string; units: string[] } {
  const out: { title?: string; units: string[] } = { units: [] };
  for (let i = lines.length - 1; i >= 0 && out.units.length === 0; i--) {
    if (lines[i].kind === 'unit' || lines[i].kind === 'basis') out.units = parseUnits(lines[i].text);
  }
  const heading = [...lines].reverse().find((l) => l.kind === 'title' || l.kind === 'amount');
  const note = [...lines].reverse().find((l) => l.kind === 'note');
  const named = heading ?? note;
  if (named) out.title = normalizeLabel(stripCaptionMark(named.text));
  return out;
}
