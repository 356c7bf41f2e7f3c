/** Which of the report's table kinds (DESIGN.md) a numeric table is, from its header and row labels. */
import type { TableKind } from '../model/table';
import { isTotalLabel, labelKey, labelTotal } from '../labels';
import type { BlockLayout } from './layout';

export interface KindInput {
  layout: BlockLayout;
  /** Caption texts (title, notes) for weak hints. */
  captions: string[];
}

const has = (keys: string[], re: RegExp): boolean => keys.some((k) => re.test(k));

export function classifyKind({ layout, captions }: KindInput): TableKind {
  if (!layout.numeric) return 'text';
  const headerKeys = layout.headers.map((h) => labelKey(h.text));
  const rowKeys = layout.rows.flatMap((r) => r.path.map(labelKey));
  const allKeys = headerKeys.concat(rowKeys);
  const captionKeys = captions.map(labelKey);
  const yearColumns = layout.columns.filter((c) => !c.isLabel && c.year !== undefined).length;

  if (has(allKeys, /소송/) && has(headerKeys, /처리현황|승소|패소|종결|진행중/)) return 'lawsuits';
  if (has(headerKeys, /^서면/) && has(headerKeys, /^전화/) && has(headerKeys, /^방문/)) return 'legal-advice';
  if (has(headerKeys, /자치법규|행정규칙/) || (has(headerKeys, /^조례/) && has(headerKeys, /^규칙/))) return 'bylaws';
  if (has(headerKeys, /정례회|임시회/) || has(rowKeys, /^(정례회|임시회)$/)) return 'council-sessions';
  if (has(headerKeys, /[㉑-㉟①-⑳].*=|=.*[㉑-㉟①-⑳]/) || has(headerKeys, /^(최종예산|당초예산|\d회추경)/)) return 'budget-size';
  if (
    has(headerKeys, /^재원|연차별/) ||
    (yearColumns >= 2 && has(rowKeys, /^(국비|시비|구비|도비|군비|기금|자체)/) && has(rowKeys, /^(계|합계)$/))
  ) {
    return 'budget-by-year';
  }
  if (headerKeys.filter((k) => /^\d{1,2}급$/.test(k)).length >= 2 || has(captionKeys, /정원.*현원/)) return 'staffing';
  if (layout.rows.some((r) => r.path.some((p) => /공약/.test(p) && labelTotal(p) !== null))) return 'pledge-counts';
  if (has(rowKeys, /^제안/) && has(rowKeys, /^편성/)) return 'participatory-budget';
  if (layout.rows.length === 1 && isTotalLabel(firstBodyHeader(layout))) return 'counts-by-field';
  return 'crosstab';
}

function firstBodyHeader(layout: BlockLayout): string {
  const column = layout.columns[layout.labelCols];
  return column ? column.path[column.path.length - 1] ?? '' : '';
}
