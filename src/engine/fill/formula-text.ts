/** Formula text for fill: SUM over parts (ranges only over runs of parts), rates, differences, caption text. */
import { toA1 } from '../grid/a1';
import type { CellRef } from '../grid/types';
import type { RoundingPolicy } from '../model/options';

/**
 * SUM over the parts: consecutive parts along one row or one column become a range, anything else is listed, so a
 * range never takes in a cell that is not a part. Parts are added in sheet order (row, then column), the order
 * a spreadsheet walks the arguments.
 */
export function sumFormula(parts: readonly CellRef[]): string {
  return `SUM(${sumRuns(parts).join(',')})`;
}

/** The arguments of sumFormula, in order. */
export function sumRuns(parts: readonly CellRef[]): string[] {
  const sorted = uniqueSorted(parts);
  const runs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i];
    let j = i;
    // Extend along the row, or along the column, while the next part is the very next cell.
    const next = sorted[i + 1];
    if (next && next.row === start.row && next.col === start.col + 1) {
      while (sorted[j + 1] && sorted[j + 1].row === start.row && sorted[j + 1].col === sorted[j].col + 1) j++;
    } else if (next && next.col === start.col && next.row === start.row + 1) {
      while (sorted[j + 1] && sorted[j + 1].col === start.col && sorted[j + 1].row === sorted[j].row + 1) j++;
    }
    const end = sorted[j];
    runs.push(j === i ? toA1(start.row, start.col) : `${toA1(start.row, start.col)}:${toA1(end.row, end.col)}`);
    i = j + 1;
  }
  return runs;
}

/** Parts in the order sumFormula adds them. */
export function uniqueSorted(parts: readonly CellRef[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const p of parts) {
    const k = `${p.row},${p.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ row: p.row, col: p.col });
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A reference in arithmetic: N() around a cell holding the report's "-" zero as text, which + and / reject. */
export type Operand = { ref: CellRef; dashText: boolean };

function operand(o: Operand): string {
  const a1 = toA1(o.ref.row, o.ref.col);
  return o.dashText ? `N(${a1})` : a1;
}

/**
 * ROUND(num/den*100,1) (or ROUNDDOWN under truncate), blank when the denominator is zero.
 * A fraction-stored rate (scale 1) keeps decimals+2 places: 84.5% is 0.845.
 */
export function rateFormula(
  num: Operand,
  den: Operand,
  subtract: Operand | undefined,
  scale: 100 | 1,
  decimals: number,
  policy: RoundingPolicy,
): string {
  const fn = policy === 'truncate' ? 'ROUNDDOWN' : 'ROUND';
  const numerator = subtract ? `(${operand(num)}-${operand(subtract)})` : operand(num);
  const scaled = scale === 100 ? `${numerator}/${operand(den)}*100` : `${numerator}/${operand(den)}`;
  const places = scale === 100 ? decimals : decimals + 2;
  return `IF(${operand(den)}=0,"",${fn}(${scaled},${places}))`;
}

export function diffFormula(later: Operand, earlier: Operand): string {
  return `${operand(later)}-${operand(earlier)}`;
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** ="□ 2021년 소요예산 : "&TEXT(D7,"#,##0")&"천원": the caption stays live with its table. */
export function captionFormula(prefix: string, ref: CellRef, factor: number, suffix: string): string {
  const a1 = toA1(ref.row, ref.col);
  const figure = factor === 1 ? a1 : `${a1}*${factor}`;
  const parts = [prefix === '' ? null : formulaString(prefix), `TEXT(${figure},"#,##0")`, suffix === '' ? null : formulaString(suffix)];
  return parts.filter((p): p is string => p !== null).join('&');
}
