/** Total labels: the words that say "this row/column is the sum of its siblings". */
import { memoByString } from './memo';
import { labelKey } from './normalize';

export type TotalLabelKind = 'total' | 'subtotal' | 'grand';

const TOTAL_KEYS: ReadonlyMap<string, TotalLabelKind> = new Map<string, TotalLabelKind>([
  ['계', 'total'],
  ['합계', 'total'],
  ['합', 'total'],
  ['total', 'total'],
  ['sum', 'total'],
  ['소계', 'subtotal'],
  ['subtotal', 'subtotal'],
  ['총계', 'grand'],
  ['총합계', 'grand'],
  ['총합', 'grand'],
  ['grandtotal', 'grand'],
]);

/** Drop a trailing note in brackets: '합계 (A+B)' → '합계', '계(①)' → '계'. */
function withoutBracketNote(key: string): string {
  return key.replace(/[([{（［][^)\]}）］]*[)\]}）］]$/, '');
}

/**
 * What kind of total a label names, or null: '계', '합계', '합 계' → total; '소계' → subtotal; '총계', '총 계' →
 * grand. '누계' (a running total over time, not a sum of siblings) and words ending in 계 such as '회계' are not
 * totals. A label carrying its total in brackets ('공약(69)') is not a total label; see labelTotal.
 */
export function totalLabelKind(text: string | number | null | undefined): TotalLabelKind | null {
  if (typeof text === 'number' || text === null || text === undefined) return null;
  const key = labelKey(text);
  return TOTAL_KEYS.get(key) ?? TOTAL_KEYS.get(withoutBracketNote(key)) ?? null;
}

/** True for 계, 합계, 합 계, 소계, 총계, 총 계 (and 'Total'), with or without a bracketed note. */
export function isTotalLabel(text: string | number | null | undefined): boolean {
  return totalLabelKind(text) !== null;
}

/**
 * The total a label states in brackets: '공약(69)' → 69, '사업수 (1,234)' → 1234. Null when the label has no such
 * number, or when the bracket names a year or a circled-number formula ('2020년 (2021년 예산)', '예산 (㉒)').
 */
export function labelTotal(text: string | number | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(.*\D)\s*[(（]\s*(\d{1,3}(?:,\d{3})+|\d+)\s*(?:건|개|명|회|개소)?\s*[)）]\s*$/.exec(text.trim());
  if (!m) return null;
  const head = m[1].trim();
  // A bare number in brackets after nothing but a number or after a year is not a label total ("22(22)").
  if (!/[A-Za-z\uAC00-\uD7A3]/.test(head) || /\d\s*년$/.test(head)) return null;
  return Number(m[2].replace(/,/g, ''));
}

/** '비고', '비 고', '비고 (소송대리인 선임 건수)': a remarks column, which a total may or may not include. */
export function isRemarkLabel(text: string | null | undefined): boolean {
  return typeof text === 'string' && /^비고/.test(labelKey(text));
}

/** A rate label: ends in 률 or 율 (집행률, 징수율), or carries '(%)'. */
export function isRateLabel(text: string | null | undefined): boolean {
  return typeof text === 'string' && rateLabel(text);
}

/** Memoised whole: column paths ask it of every heading, and one lookup is cheaper than the key's and four tests. */
const rateLabel = memoByString((text: string): boolean => {
  const key = labelKey(text);
  return /[률율]$/.test(withoutBracketNote(key)) || /[률율][(（]/.test(key) || key.includes('(%)') || key === '%';
});

/** A difference label: 증감, 증감액, 전년대비 증감, 대비 (but not 증감률, which is a rate). */
export function isDiffLabel(text: string | null | undefined): boolean {
  if (typeof text !== 'string' || isRateLabel(text)) return false;
  const key = withoutBracketNote(labelKey(text));
  return /증감(액)?$|대비$|^증감/.test(key);
}
