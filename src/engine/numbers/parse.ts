/**
 * Reading figures the way the report writes them: "19,000", "△1,200", "(1,200)", "84.5%", "61,800 ¹⁾",
 * "4회", "906백만원", "-", and compounds such as "22(22)" or "116건/ 4,817백만원".
 */
import type { ParsedNumber } from './types';

/**
 * Unit words a figure may carry. Longest first so '백만원' is not read as '만원'. Ordinal or calendar words
 * ('년', '월', '일', '차', '호') are left out on purpose: "2020년" and "12월" are labels, not figures.
 */
export const UNIT_WORDS: readonly string[] = [
  '백만원',
  '천만원',
  '십억원',
  '천원',
  '만원',
  '억원',
  '조원',
  '원',
  '개소',
  '개월',
  '시간',
  '세대',
  '가구',
  '건',
  '명',
  '회',
  '개',
  '곳',
  '대',
  '권',
  '인',
  '점',
  '종',
  '편',
  '척',
  '톤',
  '㎡',
  '㎢',
  '㎞',
  'km',
  'kg',
  'ha',
  'm',
];

const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '．': '.',
  '％': '%',
  '（': '(',
  '）': ')',
  '－': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '‒': '-',
  '−': '-',
  '﹣': '-',
  '＋': '+',
  '／': '/',
  '＊': '*',
  // People type the Greek delta or the increment sign for the report's △.
  Δ: '△',
  '∆': '△',
  '▵': '△',
};

/** Full-width digits and punctuation to ASCII, dash variants to '-', odd spaces to ' '. Keeps length. */
export function normalizeFigureText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text; // plain ASCII: nothing to map (the common case)
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (FULL_WIDTH[ch] !== undefined) out += FULL_WIDTH[ch];
    else if (/\s/.test(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_RE = UNIT_WORDS.map(escapeRe).join('|');
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** "¹⁾", "⁽¹⁾", "*", "**", "†", or " 1)" (an ASCII note number needs a space before it, else "8001)" is ambiguous). */
const FOOTNOTE_RE = `⁽?[${SUPERSCRIPTS}]+⁾?|\\*+|†+|‡+|(?<= )\\d{1,2}\\)`;
const BODY_RE = String.raw`(?<int>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?<frac>\d+))?`;
const TAIL_RE = ` *(?<pct>%p?)? *(?<unit>${UNIT_RE})? *(?<fn>${FOOTNOTE_RE})? *`;

const SIGNED_RE = new RegExp(`^ *(?:(?<sign>[-+△▲]) *)?${BODY_RE}${TAIL_RE}$`);
const PARENS_RE = new RegExp(
  `^ *\\( *${BODY_RE} *(?<pct>%p?)? *(?<unit>${UNIT_RE})? *\\) *(?<fn>${FOOTNOTE_RE})? *$`,
);
const DASH_RE = /^ *- *$/;

/** One figure, or null when the text is not a single figure (words, compounds, mistyped numbers). */
export function parseNumber(text: string): ParsedNumber | null {
  if (typeof text !== 'string') return null;
  const s = normalizeFigureText(text);
  if (DASH_RE.test(s)) return { value: 0, decimals: 0, percent: false, grouped: false, dash: true };
  let negative: ParsedNumber['negative'];
  let m = SIGNED_RE.exec(s);
  if (m?.groups) {
    const sign = m.groups.sign;
    if (sign === '-') negative = 'minus';
    else if (sign === '△' || sign === '▲') negative = 'triangle';
  } else {
    m = PARENS_RE.exec(s);
    if (!m?.groups) return null;
    // "(84.5%)" is a rate shown beside its figure, as in "766(84.5%)"; only an amount in parentheses is negative.
    if (m.groups.pct === undefined) negative = 'parens';
  }
  const g = m.groups;
  if (g.int === undefined && g.frac === undefined) return null;
  const magnitude = Number(`${(g.int ?? '0').replace(/,/g, '')}${g.frac !== undefined ? `.${g.frac}` : ''}`);
  // -0 would print as "-0" and compare unequal in Object.is; a written "-0" is still zero.
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const parsed: ParsedNumber = {
    value,
    decimals: g.frac?.length ?? 0,
    percent: g.pct !== undefined,
    grouped: (g.int ?? '').includes(','),
  };
  if (negative) parsed.negative = negative;
  if (g.pct === '%p') parsed.unit = '%p';
  else if (g.unit !== undefined) parsed.unit = g.unit;
  if (g.fn !== undefined) parsed.footnote = g.fn;
  return parsed;
}

/** "2020/10/28", "20.10.28", "'18.8.30": a date written as text, never a compound of figures. */
const DATE_LIKE_RE = /^ *'?\d{2,4} *[./-] *\d{1,2} *[./-] *\d{1,2}\.? *$/;

/** Split on '/' outside parentheses. */
function splitSlashes(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '/' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** "22(22)" → [22, 22]; "766(84.5%)" → [766, 84.5%]; "5" → [5]; anything else → null. */
function parseGroup(group: string): ParsedNumber[] | null {
  const inner = /^(?<outer>[^()]*[^()\s])\s*\((?<inner>[^()]+)\)\s*$/.exec(group);
  if (inner?.groups) {
    const a = parseNumber(inner.groups.outer);
    const b = parseNumber(inner.groups.inner);
    // "(1,200)" alone is a negative figure, not a compound; parseNumber already took it.
    return a && b ? [a, b] : null;
  }
  const single = parseNumber(group);
  return single ? [single] : null;
}

/**
 * Several figures in one text cell: "22(22)" (정원(현원)), "766(84.5%)", "116건/ 4,817백만원", "5회/137명".
 * Null when the text is not made only of figures ("온라인교육 예정(12월)", "2018년 (2019년 예산)", dates) or holds
 * a single figure (use parseNumber for that).
 */
export function parseCompound(text: string): ParsedNumber[] | null {
  if (typeof text !== 'string') return null;
  const s = normalizeFigureText(text);
  if (!/[/(]/.test(s) || DATE_LIKE_RE.test(s)) return null;
  const parts: ParsedNumber[] = [];
  for (const group of splitSlashes(s)) {
    if (group.trim() === '') return null;
    const figures = parseGroup(group);
    if (!figures) return null;
    parts.push(...figures);
  }
  return parts.length >= 2 ? parts : null;
}

/**
 * A date or a dotted date-like label: "'20.10.28.", "2020.10.28", "2020. 10.", "12. 31." — words, not a mistyped
 * number. (A bare "12.31" is a valid decimal and never gets here.)
 */
function isDateLike(s: string): boolean {
  const full = /^'?(\d{2}|\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?$/.exec(s);
  if (full) return isMonth(full[2]) && isDay(full[3]);
  const yearMonth = /^'?(\d{4})\.\s?(\d{1,2})\.?$/.exec(s);
  if (yearMonth) return isMonth(yearMonth[2]);
  const monthDay = /^(\d{1,2})\.\s?(\d{1,2})\.?$/.exec(s);
  return monthDay !== null && isMonth(monthDay[1]) && isDay(monthDay[2]);
}

const isMonth = (text: string): boolean => Number(text) >= 1 && Number(text) <= 12;
const isDay = (text: string): boolean => Number(text) >= 1 && Number(text) <= 31;

const TRAILING_UNIT_RE = new RegExp(`\\s*(?:%p?|${UNIT_RE})?\\s*(?:${FOOTNOTE_RE})?\\s*$`);

/**
 * Text that is mostly digits and separators but not a valid figure: "12,5OO" (letter O for zero), "1,2 34",
 * "1.234.5", "12,3456", "1,234,". Words ("진행 중", "'18.8.30개최"), dates written as text, valid figures and
 * compounds are not mistyped numbers. ("38.643" typed for 38,643 is a valid decimal and cannot be caught here.)
 */
export function looksLikeMistypedNumber(text: string): boolean {
  if (typeof text !== 'string') return false;
  const normalized = normalizeFigureText(text).trim();
  if (normalized === '' || parseNumber(normalized) || parseCompound(normalized)) return false;
  if (looksLikeMistypedSingle(normalized)) return true;
  // A compound with one typo in it ("22(2O)", "116건/ 4,8l7백만원"): every piece a figure or a typo, one a typo.
  if (!/[/(]/.test(normalized)) return false;
  const pieces: string[] = [];
  for (const group of splitSlashes(normalized)) {
    const m = /^([^()]*[^()\s])\s*\(([^()]+)\)\s*$/.exec(group);
    if (m) pieces.push(m[1], m[2]);
    else pieces.push(group);
  }
  const typos = pieces.filter((p) => !parseNumber(p) && looksLikeMistypedSingle(p.trim())).length;
  return typos > 0 && pieces.every((p) => parseNumber(p) !== null || looksLikeMistypedSingle(p.trim()));
}

function looksLikeMistypedSingle(normalized: string): boolean {
  if (normalized === '' || parseNumber(normalized)) return false;
  let core = normalized.replace(TRAILING_UNIT_RE, '');
  core = core.replace(/^[-+△▲]\s*/, '');
  const parens = /^\((.*)\)$/.exec(core);
  if (parens) core = parens[1];
  core = core.trim();
  if (core === '' || isDateLike(core)) return false;
  // Only digits, separators and the letters people type for 0 and 1 (O, o, l, I).
  if (!/^[0-9OolI.,' ]+$/.test(core)) return false;
  if (/^'/.test(core)) return false; // "'20" is a year abbreviation
  const digits = (core.match(/[0-9]/g) ?? []).length;
  const lookalikes = (core.match(/[OolI]/g) ?? []).length;
  // A real digit first ("5OO"), or more digits than look-alike letters: "IO" or "lol" are words.
  return digits >= 1 && digits + lookalikes >= 2 && (/^[0-9]/.test(core) || digits > lookalikes);
}
