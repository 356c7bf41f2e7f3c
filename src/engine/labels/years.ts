import { memoByString } from './memo';

/** Year labels in headers and row labels: '2020년', '2020', "'20", '20년', '2021년(예산)', '2020년 (2021년 예산)'. */

/** Cheap first test: a year label starts with a digit, an apostrophe or FY (after spaces or bold marks). */
const YEAR_START = /^[\s*]*(?:\d|['‘’]|FY)/;
/** Words that may follow a year and keep it a year: '2021년 예산', '2020 결산', '2021년 예산(안)'. Not '대비', '증감'. */
const SUFFIX_WORD = /^(?:예산|본예산|당초예산|최종예산|추경|결산|실적|계획|목표|전망|추정|기준|말|현재|상반기|하반기|예정|확정|잠정|누계|당초|최종|말기준|회계연도)$/;

function toYear(digits: string): number | null {
  const n = Number(digits);
  if (digits.length === 4) return n >= 1900 && n <= 2100 ? n : null;
  if (digits.length === 2) return n >= 70 ? 1900 + n : 2000 + n;
  return null;
}

/**
 * The year a label names, or null. Four digits alone or with 년/년도; two digits only with an apostrophe or 년
 * ("'20", '20년') so '20대' is not a year. After the year may come bracketed notes and one short word
 * ('2021년(예산)', '2020년 (2021년 예산)', '2021 결산'); the first year wins. Dates ('2020. 10월말') are not years.
 */
export function parseYearLabel(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') return Number.isInteger(text) ? toYear(String(text)) : null;
  if (!YEAR_START.test(text)) return null;
  return yearOfText(text);
}

const yearOfText = memoByString((text: string): number | null => {
  const s = text.replace(/\*\*/g, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  const m = /^(?:'|‘|’|FY ?)?(\d{4}|\d{2})(?: ?(년도|년))?(.*)$/.exec(s);
  if (!m) return null;
  const [, digits, yearWord, rest0] = m;
  const apostrophe = /^['‘’]/.test(s);
  if (digits.length === 2 && !apostrophe && !yearWord) return null;
  // After the year: bracketed notes and at most two short words ('(예산)', '결산', '예산(안)', '(2021년 예산)').
  const rest = rest0.replace(/[([（［][^)\]）］]*[)\]）］]/g, ' ').trim();
  if (rest !== '') {
    const words = rest.split(/\s+/);
    if (words.length > 2 || !words.every((w) => SUFFIX_WORD.test(w))) return null;
  }
  return toYear(digits);
});
