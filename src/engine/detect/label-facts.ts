/**
 * What detection needs to know about one header or row label text, computed once per distinct text: its normalised
 * label, comparison key, year, and the kind hints classifyKind combines. Header and row labels repeat across a
 * workbook (계, 구비, 2020년 …), and each separate question would cost its own memo lookup on a fresh string.
 */
import { labelKey, labelTotal, memoByString, normalizeLabel, parseYearLabel } from '../labels';

export interface LabelFacts {
  /** normalizeLabel(text). */
  label: string;
  /** labelKey(text) (the same as labelKey(label)). */
  key: string;
  /** parseYearLabel(text): the year a row label names. */
  year: number | null;
  /** parseYearLabel(label): the year a header path element names. */
  labelYear: number | null;
  /** Kind hints, bits of KIND_* below. */
  kind: number;
  /** The text states a unit ('(단위 : 천원)' in a header corner). */
  unitMark: boolean;
  /**
   * The key of labels joined is the keys joined (see joinedKey), unless the label holds a capital sigma, whose
   * lower case depends on what follows it.
   */
  joinable: boolean;
}

/** Kind hints: each test looks at one label at a time, so a table's answer is the OR of its labels' bits. */
export const KIND_LAWSUIT = 1 << 0; // 소송 anywhere
export const KIND_CASE_STATUS = 1 << 1; // 처리현황, 승소, 패소, 종결, 진행중
export const KIND_WRITTEN = 1 << 2; // ^서면
export const KIND_PHONE = 1 << 3; // ^전화
export const KIND_VISIT = 1 << 4; // ^방문
export const KIND_BYLAW_GROUP = 1 << 5; // 자치법규, 행정규칙
export const KIND_ORDINANCE = 1 << 6; // ^조례
export const KIND_RULE = 1 << 7; // ^규칙
export const KIND_SESSION = 1 << 8; // 정례회, 임시회 anywhere
export const KIND_SESSION_EXACT = 1 << 9; // exactly 정례회 or 임시회
export const KIND_BUDGET_SIZE = 1 << 10; // a circled-number formula, or ^최종예산|당초예산|N회추경
export const KIND_FUNDING = 1 << 11; // ^재원, or 연차별 anywhere
export const KIND_FUNDING_SOURCE = 1 << 12; // ^국비|시비|구비|도비|군비|기금|자체
export const KIND_TOTAL_EXACT = 1 << 13; // exactly 계 or 합계
export const KIND_GRADE = 1 << 14; // 3급, 10급
export const KIND_PLEDGE_TOTAL = 1 << 15; // 공약 with its count in brackets ('공약(69)'), read on the normalised label
export const KIND_PROPOSAL = 1 << 16; // ^제안
export const KIND_ALLOCATION = 1 << 17; // ^편성
export const KIND_STAFF = 1 << 18; // 정원 … 현원

/** The kind hints of a label key (keys hold no spaces or line breaks, so each test reads the whole key). */
function kindOfKey(key: string): number {
  let flags = 0;
  if (/소송/.test(key)) flags |= KIND_LAWSUIT;
  if (/처리현황|승소|패소|종결|진행중/.test(key)) flags |= KIND_CASE_STATUS;
  if (/^서면/.test(key)) flags |= KIND_WRITTEN;
  if (/^전화/.test(key)) flags |= KIND_PHONE;
  if (/^방문/.test(key)) flags |= KIND_VISIT;
  if (/자치법규|행정규칙/.test(key)) flags |= KIND_BYLAW_GROUP;
  if (/^조례/.test(key)) flags |= KIND_ORDINANCE;
  if (/^규칙/.test(key)) flags |= KIND_RULE;
  if (/정례회|임시회/.test(key)) flags |= KIND_SESSION;
  if (/^(정례회|임시회)$/.test(key)) flags |= KIND_SESSION_EXACT;
  if (/[㉑-㉟①-⑳].*=|=.*[㉑-㉟①-⑳]/.test(key) || /^(최종예산|당초예산|\d회추경)/.test(key)) flags |= KIND_BUDGET_SIZE;
  if (/^재원|연차별/.test(key)) flags |= KIND_FUNDING;
  if (/^(국비|시비|구비|도비|군비|기금|자체)/.test(key)) flags |= KIND_FUNDING_SOURCE;
  if (/^(계|합계)$/.test(key)) flags |= KIND_TOTAL_EXACT;
  if (/^\d{1,2}급$/.test(key)) flags |= KIND_GRADE;
  if (/^제안/.test(key)) flags |= KIND_PROPOSAL;
  if (/^편성/.test(key)) flags |= KIND_ALLOCATION;
  if (/정원.*현원/.test(key)) flags |= KIND_STAFF;
  return flags;
}

export const labelFacts = memoByString((text: string): LabelFacts => {
  const label = normalizeLabel(text);
  const key = labelKey(text);
  let kind = kindOfKey(key);
  if (/공약/.test(label) && labelTotal(label) !== null) kind |= KIND_PLEDGE_TOTAL;
  return {
    label,
    key,
    year: parseYearLabel(text),
    labelYear: parseYearLabel(label),
    kind,
    unitMark: /단\s*위/.test(text),
    joinable: !label.includes('Σ'),
  };
});


/**
 * labelKey of the labels joined without a separator, from their facts. A key is the text without bold-mark pairs
 * and spaces, in lower case, and so it is the keys joined, but where one label ends in '*' and the next begins with
 * one (the joint makes a bold-mark pair) or a label holds a capital sigma: then the joined text is keyed afresh.
 */
export function joinedKey(parts: readonly LabelFacts[]): string {
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const joint = i > 0 && parts[i - 1].label.endsWith('*') && part.label.startsWith('*');
    if (!part.joinable || joint) return labelKey(parts.map((p) => p.label).join(''));
    key += part.key;
  }
  return key;
}
