/** Which of the report's table kinds (DESIGN.md) a numeric table is, from its header and row labels. */
import type { TableKind } from '../model/table';
import { isTotalLabel, labelKey, labelTotal } from '../labels';
import type { BlockLayout } from './layout';

export interface KindInput {
  layout: BlockLayout;
  /** Caption texts (title, notes) for weak hints. */
  captions: string[];
}

/** Keys joined one per line, so one multiline regex test replaces a loop over the keys. */
const lines = (keys: string[]): string => keys.join('\n');
/** `re` must carry the m flag so ^ and $ anchor each key. */
const has = (text: string, re: RegExp): boolean => re.test(text);

export function classifyKind({ layout, captions }: KindInput): TableKind {
  if (!layout.numeric) return 'text';
  const headerList = layout.headers.map((h) => labelKey(h.text));
  const headerKeys = lines(headerList);
  const rowKeys = lines(layout.rows.flatMap((r) => r.path.map(labelKey)));
  const allKeys = `${headerKeys}\n${rowKeys}`;
  const captionKeys = lines(captions.map(labelKey));
  const yearColumns = layout.columns.filter((c) => !c.isLabel && c.year !== undefined).length;

  if (has(allKeys, /소송/m) && has(headerKeys, /처리현황|승소|패소|종결|진행중/m)) return 'lawsuits';
  if (has(headerKeys, /^서면/m) && has(headerKeys, /^전화/m) && has(headerKeys, /^방문/m)) return 'legal-advice';
  if (has(headerKeys, /자치법규|행정규칙/m) || (has(headerKeys, /^조례/m) && has(headerKeys, /^규칙/m))) return 'bylaws';
  if (has(headerKeys, /정례회|임시회/m) || has(rowKeys, /^(정례회|임시회)$/m)) return 'council-sessions';
  if (has(headerKeys, /[㉑-㉟①-⑳].*=|=.*[㉑-㉟①-⑳]/m) || has(headerKeys, /^(최종예산|당초예산|\d회추경)/m)) return 'budget-size';
  if (
    has(headerKeys, /^재원|연차별/m) ||
    (yearColumns >= 2 && has(rowKeys, /^(국비|시비|구비|도비|군비|기금|자체)/m) && has(rowKeys, /^(계|합계)$/m))
  ) {
    return 'budget-by-year';
  }
  if (headerList.filter((k) => /^\d{1,2}급$/.test(k)).length >= 2 || has(captionKeys, /정원.*현원/m)) return 'staffing';
  if (layout.rows.some((r) => r.path.some((p) => /공약/.test(p) && labelTotal(p) !== null))) return 'pledge-counts';
  if (has(rowKeys, /^제안/m) && has(rowKeys, /^편성/m)) return 'participatory-budget';
  if (layout.rows.length === 1 && isTotalLabel(firstBodyHeader(layout))) return 'counts-by-field';
  return 'crosstab';
}

function firstBodyHeader(layout: BlockLayout): string {
  const column = layout.columns[layout.labelCols];
  return column ? column.path[column.path.length - 1] ?? '' : '';
}
