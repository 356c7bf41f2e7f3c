/**
 * Blocks: rectangles of touching non-empty cells (4-neighbours, merged areas count as filled). Two tables side by
 * side with an empty column between them are two blocks. Caption lines glued to a block (a title in A1 directly
 * above, a footnote directly under, a unit line between two stacked tables) are peeled off, and what remains is
 * split again.
 */
import type { CellRange } from '../grid/types';
import {
  classifyCaption,
  cleanCaption,
  hasHeadingMark,
  hasNoteMark,
  isBulletLine,
  isUnitOrBasisLine,
  parseYearLabel,
} from '../labels';
import type { SheetView } from './sheet-view';

/** Connected components of occupied cells inside `area`, skipping `skipRows`; their bounding boxes, merged when they overlap. */
export function findBlocks(view: SheetView, area: CellRange, skipRows?: ReadonlySet<number>): CellRange[] {
  const width = area.c1 - area.c0 + 1;
  const height = area.r1 - area.r0 + 1;
  if (width <= 0 || height <= 0) return [];
  const seen = new Uint8Array(width * height);
  const boxes: CellRange[] = [];
  const stack: number[] = [];
  const usable = (r: number, c: number): boolean => !skipRows?.has(r) && view.isOccupied(r, c);
  for (let r = area.r0; r <= area.r1; r++) {
    if (skipRows?.has(r)) continue;
    for (let c = area.c0; c <= area.c1; c++) {
      const key = (r - area.r0) * width + (c - area.c0);
      if (seen[key] || !usable(r, c)) continue;
      seen[key] = 1;
      stack.push(r, c);
      const box = { r0: r, c0: c, r1: r, c1: c };
      while (stack.length > 0) {
        const cc = stack.pop() as number;
        const rr = stack.pop() as number;
        if (rr < box.r0) box.r0 = rr;
        if (rr > box.r1) box.r1 = rr;
        if (cc < box.c0) box.c0 = cc;
        if (cc > box.c1) box.c1 = cc;
        const next = [rr - 1, cc, rr + 1, cc, rr, cc - 1, rr, cc + 1];
        for (let i = 0; i < 8; i += 2) {
          const nr = next[i];
          const nc = next[i + 1];
          if (nr < area.r0 || nr > area.r1 || nc < area.c0 || nc > area.c1) continue;
          const nkey = (nr - area.r0) * width + (nc - area.c0);
          if (seen[nkey] || !usable(nr, nc)) continue;
          seen[nkey] = 1;
          stack.push(nr, nc);
        }
      }
      boxes.push(box);
    }
  }
  return mergeOverlapping(boxes);
}

/**
 * Boxes that overlap, or lie side by side with no empty row or column between them (corners touching do not count).
 * A pasted header leaves blanks that cut cells off: the label column under a blank corner (재원별 over a blank, then
 * 계), or a 비고 header over an empty column after a group header's blank continuation. Tables side by side stay
 * apart: an empty column lies between them.
 */
function touches(a: CellRange, b: CellRange): boolean {
  const rowsOverlap = a.r0 <= b.r1 && b.r0 <= a.r1;
  const colsOverlap = a.c0 <= b.c1 && b.c0 <= a.c1;
  const rowsTouch = a.r0 <= b.r1 + 1 && b.r0 <= a.r1 + 1;
  const colsTouch = a.c0 <= b.c1 + 1 && b.c0 <= a.c1 + 1;
  return (rowsOverlap && colsTouch) || (rowsTouch && colsOverlap);
}

/** Boxes that touch become one (a sweep over rows keeps this near-linear). */
function mergeOverlapping(boxes: CellRange[]): CellRange[] {
  let current = boxes.slice().sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (let changed = true; changed; ) {
    changed = false;
    const out: CellRange[] = [];
    const active: CellRange[] = [];
    for (const box of current) {
      for (let i = active.length - 1; i >= 0; i--) if (active[i].r1 + 1 < box.r0) active.splice(i, 1);
      const hit = active.find((a) => touches(a, box));
      if (hit) {
        hit.r0 = Math.min(hit.r0, box.r0);
        hit.c0 = Math.min(hit.c0, box.c0);
        hit.r1 = Math.max(hit.r1, box.r1);
        hit.c1 = Math.max(hit.c1, box.c1);
        changed = true;
        continue;
      }
      const copy = { ...box };
      out.push(copy);
      active.push(copy);
    }
    current = out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  }
  return current;
}

interface RowCell {
  col: number;
  text: string;
  figure: boolean;
}

/**
 * The cells with a value in one row of a box (cells covered by a merge are left out). With `limit`, stops after that
 * many cells: most rows are table rows, and one look at their second cell is enough to rule out a caption line.
 */
export function rowCells(view: SheetView, row: number, c0: number, c1: number, limit = Infinity): RowCell[] {
  const out: RowCell[] = [];
  for (let c = c0; c <= c1 && out.length < limit; c++) {
    if (!view.isOccupied(row, c) || view.isCovered(row, c)) continue;
    const cls = view.classOf(row, c);
    if (cls === 'empty') continue;
    // A figure's text is never read as a caption; skip turning numbers into strings.
    const text = cls === 'figure' ? '' : view.text(row, c);
    out.push({ col: c, text, figure: cls === 'figure' });
  }
  return out;
}

/** A caption by its own words: unit/basis/amount/heading/footnote lines, notes (※ …) and bullets (- …). */
function captionLike(text: string): boolean {
  return classifyCaption(text) !== 'note' || hasNoteMark(text) || isBulletLine(text);
}

function isTopCaptionRow(view: SheetView, box: CellRange, row: number): boolean {
  const cells = rowCells(view, row, box.c0, box.c1);
  if (cells.length === 0) return true;
  if (cells.some((c) => c.figure)) return false;
  if (cells.length === 1) {
    const { col, text } = cells[0];
    const merge = view.merge(row, col);
    if (merge && merge.r1 > row) return false; // merged down: a header cell
    if (captionLike(text)) return true;
    const fullWidth = merge !== undefined && merge.c0 <= box.c0 && merge.c1 >= box.c1;
    // Alone at the left edge (or across the whole width): a title typed above the table.
    return fullWidth || col === box.c0;
  }
  if (cells.length <= 3 && cells.some((c) => isUnitOrBasisLine(c.text))) {
    return cells.filter((c) => !captionLike(c.text)).length <= 1;
  }
  return false;
}

function isBottomCaptionRow(view: SheetView, box: CellRange, row: number): boolean {
  const cells = rowCells(view, row, box.c0, box.c1);
  if (cells.length === 0) return true;
  if (cells.some((c) => c.figure)) return false;
  if (cells.length === 1) {
    const text = cleanCaption(cells[0].text);
    return captionLike(text) || text.length >= 25;
  }
  return cells.every((c) => hasNoteMark(c.text));
}

/** A caption line inside a block by its own marks: unit, basis, amount, heading, note, footnote, bullet. */
function isMarkedCaptionRow(view: SheetView, box: CellRange, row: number): boolean {
  const cells = rowCells(view, row, box.c0, box.c1, 2);
  if (cells.length !== 1 || cells[0].figure) return false;
  const text = cells[0].text;
  const kind = classifyCaption(text);
  if (kind === 'unit' || kind === 'basis' || kind === 'amount' || kind === 'footnote') return true;
  return hasHeadingMark(text) || hasNoteMark(text) || (isBulletLine(text) && text.length >= 10);
}

const MAX_DEPTH = 64;

/** Longest section label a table carries in a row of its own ('1. 일반회계', '【특별회계】'). */
const SECTION_LABEL_MAX = 12;

/**
 * A row inside a block that separates two tables packed without blank rows: a marked caption line, or a plain line
 * (a title such as '주요사업 목록') right after figures and right before another caption line or a header row.
 */
function isSplitRow(view: SheetView, box: CellRange, row: number): boolean {
  const cells = rowCells(view, row, box.c0, box.c1, 2);
  if (cells.length !== 1 || cells[0].figure) return false;
  const after = rowCells(view, row + 1, box.c0, box.c1);
  const text = cleanCaption(cells[0].text);
  const kind = classifyCaption(text);
  if (kind === 'unit' || kind === 'basis' || kind === 'amount' || kind === 'footnote' || hasNoteMark(text)) return true;
  // A short line with figures right after it is a section label inside the table ('1. 일반회계', '<특별회계>').
  if (after.some((c) => c.figure) && text.length <= SECTION_LABEL_MAX) return false;
  if (isMarkedCaptionRow(view, box, row)) return true;
  const before = rowCells(view, row - 1, box.c0, box.c1);
  if (!before.some((c) => c.figure)) return false;
  return isMarkedCaptionRow(view, box, row + 1) || after.length >= 2;
}

/**
 * Peel caption rows off a block's top and bottom and split it at caption rows inside it; the rest is searched for
 * blocks again (a title merged across two side-by-side tables glued them). Blocks smaller than 2×2 are dropped.
 */
export function refineBlock(view: SheetView, box: CellRange, depth = 0): CellRange[] {
  if (box.r1 - box.r0 < 1 || box.c1 - box.c0 < 1) return [];
  let top = box.r0;
  let bottom = box.r1;
  while (top < bottom && isTopCaptionRow(view, box, top)) top++;
  while (bottom > top && isBottomCaptionRow(view, box, bottom)) bottom--;
  const skip = new Set<number>();
  for (let r = top + 1; r < bottom; r++) if (isSplitRow(view, box, r)) skip.add(r);
  const cuts = yearHeaderCuts(view, box, top, bottom, skip);
  if (top === box.r0 && bottom === box.r1 && skip.size === 0 && cuts.length === 0) return [box];
  // Every step below works on a strictly smaller area, so this only guards against a mistake.
  if (depth > MAX_DEPTH || bottom - top < 1) return [];
  if (cuts.length > 0) {
    const starts = [top, ...cuts];
    return starts.flatMap((r0, i) => {
      const area = { r0, c0: box.c0, r1: i + 1 < starts.length ? starts[i + 1] - 1 : bottom, c1: box.c1 };
      return findBlocks(view, area, skip).flatMap((b) => refineBlock(view, b, depth + 1));
    });
  }
  const area = { r0: top, c0: box.c0, r1: bottom, c1: box.c1 };
  if (skip.size === 0 && !bridges(view, box, top, bottom)) {
    // Only lone caption cells came off the edges: what remains is still one block, just tighter.
    return refineBlock(view, tighten(view, area), depth + 1);
  }
  return findBlocks(view, area, skip).flatMap((b) => refineBlock(view, b, depth + 1));
}

/**
 * Rows, below figures, that are year headers ('구분 | 2019년 | 2020년'): tables stacked right under one another without
 * a blank or caption row between them.
 */
function yearHeaderCuts(view: SheetView, box: CellRange, top: number, bottom: number, skip: Set<number>): number[] {
  const cuts: number[] = [];
  for (let r = top + 2; r < bottom; r++) {
    if (skip.has(r) || skip.has(r - 1) || (cuts.length > 0 && r - cuts[cuts.length - 1] < 2)) continue;
    if (isYearHeaderRow(view, box, r) && rowCells(view, r - 1, box.c0, box.c1).some((c) => c.figure)) cuts.push(r);
  }
  return cuts;
}

function isYearHeaderRow(view: SheetView, box: CellRange, row: number): boolean {
  const years: number[] = [];
  for (let c = box.c0 + 1; c <= box.c1; c++) {
    const cls = view.classOf(row, c);
    if (cls === 'figure') return false;
    if (cls === 'year') years.push(parseYearLabel(view.text(row, c)) ?? 0);
    else if (cls === 'yearNumber') years.push(Number(view.text(row, c)));
  }
  if (years.length < 2) return false;
  // Strictly one way, a few years apart: cutting a table in two needs a clear header, not body figures near 2000.
  const step = Math.sign(years[1] - years[0]);
  for (let i = 1; i < years.length; i++) {
    const d = years[i] - years[i - 1];
    if (d === 0 || Math.sign(d) !== step || Math.abs(d) > 5) return false;
  }
  return view.classOf(row, box.c0) !== 'figure';
}

/** Whether a peeled row could have joined two blocks: two touching cells side by side, or a merge across columns. */
function bridges(view: SheetView, box: CellRange, top: number, bottom: number): boolean {
  const peeled = (r: number): boolean => r < top || r > bottom;
  for (let r = box.r0; r <= box.r1; r++) {
    if (!peeled(r)) continue;
    for (let c = box.c0; c <= box.c1; c++) {
      if (!view.isOccupied(r, c)) continue;
      if (c < box.c1 && view.isOccupied(r, c + 1)) return true;
      const m = view.merge(r, c);
      if (m && m.c0 !== m.c1) return true;
    }
  }
  return false;
}

/** The bounding box of the occupied cells of `area`. */
function tighten(view: SheetView, area: CellRange): CellRange {
  let c0 = area.c1;
  let c1 = area.c0;
  for (let r = area.r0; r <= area.r1; r++) {
    for (let c = area.c0; c <= area.c1; c++) {
      if (!view.isOccupied(r, c)) continue;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  return c1 < c0 ? area : { r0: area.r0, c0, r1: area.r1, c1 };
}
