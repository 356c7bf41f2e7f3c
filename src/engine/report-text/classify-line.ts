/**
 * What a non-table line of the report is, as far as table captions care.
 * Works on cleaned text (see clean-text.ts).
 */
export type LineRole =
  | 'blank'
  /** "(단위 : 천원)" */
  | 'unit'
  /** "(2020. 10월말 기준, 단위 : 건)", "(기준일 : '20. 10월말)" */
  | 'basis'
  /** "□ 2021년 소요예산 : 19,000천원": a heading that states an amount */
  | 'amount'
  /** "※ …" */
  | 'note'
  /** "□ …", "○ …", "【…】", "[참고] …", "① …", or a short line with no bullet ("주요사업 목록") */
  | 'heading'
  /** "- …", "⇒ …", "* …": a bullet of prose */
  | 'bullet'
  /** a footnote under a table: "1) …", "¹⁾ …" */
  | 'footnote'
  /** anything else: running prose */
  | 'prose';

const HEADING_MARK = /^[□■○●◎◇◆▶▷【[\u2460-\u2473]/;
const BULLET_MARK = /^[-–—·•*⇒➔→☞]/;
const FOOTNOTE_MARK = /^(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?)\s*\S/;
/** "소요예산 : 19,000천원", "소요예산 : 5,000천원"; "미정", "비예산" carry no amount. */
const AMOUNT = /소요예산\s*[:：]\s*[△-]?\d[\d,]*(\.\d+)?\s*(천원|백만원|억원|원)/;
const BUDGET_CAPTION = /소요예산\s*[:：]/;
/** Longest bullet-less line still taken for a heading ("주요사업 목록", "자치법규 현황"). */
const SHORT_HEADING = 30;

export function classifyLine(text: string): LineRole {
  const t = text.trim();
  if (t === '') return 'blank';
  if (/^\(\s*단위\s*[:：]/.test(t)) return 'unit';
  if (/^\(.*(기준|단위\s*[:：]).*\)$/.test(t)) return 'basis';
  if (AMOUNT.test(t)) return 'amount';
  if (t.startsWith('※')) return 'note';
  if (BUDGET_CAPTION.test(t) || HEADING_MARK.test(t)) return 'heading';
  if (FOOTNOTE_MARK.test(t)) return 'footnote';
  if (BULLET_MARK.test(t)) return 'bullet';
  if (t.length <= SHORT_HEADING && !/[.。]$/.test(t)) return 'heading';
  return 'prose';
}

/** A department name as the bureau page lists it: '기획예산과', '민원감사담당관', '부동산정보과'. */
export function looksLikeDepartment(name: string): boolean {
  return /^[가-힣A-Za-z0-9·]{2,20}(과|담당관|실|단|센터|사업소|보건소)$/.test(name);
}

/** A team name: '정책기획팀'. */
export function looksLikeTeam(name: string): boolean {
  return /^[가-힣A-Za-z0-9·]{1,20}팀$/.test(name);
}

/** "- 기획예산과" → "기획예산과"; null for a line that is not a dash list item. */
export function listItem(text: string): string | null {
  const m = /^[-–·•]\s*(\S.*)$/.exec(text.trim());
  return m ? m[1].trim() : null;
}
