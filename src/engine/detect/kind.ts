/** Which of the report's table kinds (DESIGN.md) a numeric table is, from its header and row labels. */
import type { TableKind } from '../model/table';
import { isTotalLabel } from '../labels';
import {
  KIND_ALLOCATION,
  KIND_BUDGET_SIZE,
  KIND_BYLAW_GROUP,
  KIND_CASE_STATUS,
  KIND_FUNDING,
  KIND_FUNDING_SOURCE,
  KIND_LAWSUIT,
  KIND_ORDINANCE,
  KIND_PHONE,
  KIND_PLEDGE_TOTAL,
  KIND_PROPOSAL,
  KIND_RULE,
  KIND_SESSION,
  KIND_SESSION_EXACT,
  KIND_STAFF,
  KIND_TOTAL_EXACT,
  KIND_VISIT,
  KIND_WRITTEN,
  labelFacts,
} from './label-facts';
import type { BlockLayout } from './layout';

export interface KindInput {
  layout: BlockLayout;
  /** Caption lines (title, notes) for weak hints. */
  captions: readonly { text: string }[];
}

/** The label tests are bits of each label's facts (label-facts.ts), ORed over the header and the row labels. */
export function classifyKind({ layout, captions }: KindInput): TableKind {
  if (!layout.numeric) return 'text';
  const { header, rows, grades } = layout.hints;
  const any = header | rows;
  let yearColumns = 0;
  for (const c of layout.columns) if (!c.isLabel && c.year !== undefined) yearColumns++;

  if (any & KIND_LAWSUIT && header & KIND_CASE_STATUS) return 'lawsuits';
  if (header & KIND_WRITTEN && header & KIND_PHONE && header & KIND_VISIT) return 'legal-advice';
  if (header & KIND_BYLAW_GROUP || (header & KIND_ORDINANCE && header & KIND_RULE)) return 'bylaws';
  if (header & KIND_SESSION || rows & KIND_SESSION_EXACT) return 'council-sessions';
  if (header & KIND_BUDGET_SIZE) return 'budget-size';
  if (header & KIND_FUNDING || (yearColumns >= 2 && rows & KIND_FUNDING_SOURCE && rows & KIND_TOTAL_EXACT)) {
    return 'budget-by-year';
  }
  if (grades >= 2 || captions.some(namesStaff)) return 'staffing';
  if (rows & KIND_PLEDGE_TOTAL) return 'pledge-counts';
  if (rows & KIND_PROPOSAL && rows & KIND_ALLOCATION) return 'participatory-budget';
  if (layout.rows.length === 1 && isTotalLabel(firstBodyHeader(layout))) return 'counts-by-field';
  return 'crosstab';
}

/**
 * A caption naming 정원 … 현원. Its key holds both words only if the text holds 정 and 현 (keys only drop spaces and
 * bold marks), so most captions are answered without reading all of a label's facts.
 */
function namesStaff(line: { text: string }): boolean {
  const text = line.text;
  return text.includes('정') && text.includes('현') && (labelFacts(text).kind & KIND_STAFF) !== 0;
}

function firstBodyHeader(layout: BlockLayout): string {
  const column = layout.columns[layout.labelCols];
  return column && column.path.length > 0 ? column.path[column.path.length - 1] : '';
}
