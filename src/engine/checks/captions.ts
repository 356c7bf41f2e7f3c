/**
 * Caption checks: "□ 2021년 소요예산 : 19,000천원" must equal the table's 계 row × 2021년 cell
 * (`caption.amount`, on the caption's cell). A caption in a coarser unit than the table (백만원 over 천원)
 * states a rounded figure: a miss within its rounding (half-up or truncated) is no finding.
 */
import { refToA1 } from '../grid/a1';
import type { CellRef, SheetGrid } from '../grid/types';
import { severityOf, type Finding } from '../model/finding';
import type { CheckOptions } from '../model/options';
import type { Table } from '../model/table';
import { unitTolerance } from '../numbers/rounding';
import { cellAt, nearlyEqual } from '../relations/axis-lines';
import { moneyFactor, parseCaptionAmount, unitOfColumn } from '../relations/captions';
import { readOperand } from '../relations/evaluate';

/**
 * Whether a gap (table − caption, in the table's unit) is only the rounding of the coarser of the two figures:
 * a caption in 백만원 over a table in 천원 (182백만원 for 182,170), or a table in 백만원 under a caption in 천원.
 * The coarser figure may be rounded half-up or cut off.
 */
function withinUnitRounding(gap: number, text: string, comp: number, tableUnit: string | undefined, tableDecimals: number): boolean {
  const fig = parseCaptionAmount(text)?.figures[comp];
  const captionFactor = moneyFactor(fig?.unit);
  const tableFactor = moneyFactor(tableUnit);
  if (!fig || captionFactor === undefined || tableFactor === undefined || captionFactor === tableFactor) return false;
  const eps = 1e-9;
  if (captionFactor > tableFactor) {
    const unit = (2 * unitTolerance(fig.decimals) * captionFactor) / tableFactor;
    return gap >= -unit / 2 - eps && gap < unit - eps;
  }
  const unit = 2 * unitTolerance(tableDecimals);
  return gap > -unit + eps && gap <= unit / 2 + eps;
}

/** A plain cell holding a real number: readOperand's value for it, read without the rest of the operand. */
function storedNumber(sheet: SheetGrid, ref: CellRef): number | undefined {
  if (ref.comp !== undefined) return undefined;
  const cell = sheet.cells[ref.row]?.[ref.col];
  return cell && typeof cell.v === 'number' && !cell.error && !cell.date ? cell.v : undefined;
}

export function checkCaptions(sheet: SheetGrid, table: Table, options: Partial<CheckOptions> = {}): Finding[] {
  const findings: Finding[] = [];
  checkCaptionsInto(sheet, table, options, findings);
  return findings;
}

/** checkCaptions, appended to `findings` (checkTable gathers every check's in one list). */
export function checkCaptionsInto(sheet: SheetGrid, table: Table, _options: Partial<CheckOptions>, findings: Finding[]): void {
  if (table.kind === 'text') return;
  for (const rel of table.relations) {
    if (rel.type !== 'caption') continue;
    // Most captions agree with a plain stored number: that is settled without reading the figure's decimals.
    const stored = storedNumber(sheet, rel.cell);
    if (stored !== undefined && nearlyEqual(stored, rel.amount)) continue;
    const figure = readOperand(sheet, rel.cell);
    if (!figure) continue;
    if (nearlyEqual(figure.value, rel.amount)) continue;
    const text = String(cellAt(sheet, rel.caption.row, rel.caption.col)?.v ?? '');
    const gap = figure.value - rel.amount;
    const unit = unitOfColumn(table, rel.cell.col);
    if (withinUnitRounding(gap, text, rel.caption.comp ?? 0, unit, figure.decimals)) continue;
    const params: Finding['params'] = { difference: rel.amount - figure.value, caption: text.trim() };
    if (rel.year !== undefined) params.year = rel.year;
    if (unit !== undefined) params.unit = unit;
    if (rel.cell.comp !== undefined) params.component = rel.cell.comp;
    findings.push({
      rule: 'caption.amount',
      severity: severityOf('caption.amount'),
      sheet: sheet.name,
      cell: refToA1(rel.caption),
      expected: figure.value,
      actual: rel.amount,
      related: [refToA1(rel.cell)],
      table: table.id,
      params,
    });
  }
}
