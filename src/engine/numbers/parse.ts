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

const MAPPED_RE = new RegExp(`[\uFF10-\uFF19${Object.keys(FULL_WIDTH).join('')}]|[^\\S ]`, 'g');

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  return FULL_WIDTH[ch] ?? ' '; // anything else matched is a space other than ' ' (tab, NBSP, ideographic)
}

/** Full-width digits and punctuation to ASCII, dash variants to '-', odd spaces to ' '. Keeps length. */
export function normalizeFigureText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text; // plain ASCII: nothing to map (the common case)
  return text.replace(MAPPED_RE, mapChar);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_RE = UNIT_WORDS.map(escapeRe).join('|');
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** "¹⁾", "⁽¹⁾", "*", "**", "†". */
const MARK_RE = `⁽?[${SUPERSCRIPTS}]+⁾?|\\*+|†+|‡+`;
/** A footnote: a mark, or " 1)" (an ASCII note number needs a space before it, else "8001)" is ambiguous). */
const FOOTNOTE_RE = `${MARK_RE}|(?<= )\\d{1,2}\\)`;
// Plain (unnamed) groups: named groups cost several times more per match, and this runs on every text cell.
const BODY_RE = String.raw`(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?`;
const FOOT_TAIL_RE = `(?: *(${MARK_RE})| +(\\d{1,2}\\)))? *`;

/** Groups: 1 sign, 2 integer digits, 3 fraction digits, 4 '%' or '%p', 5 unit, 6 mark, 7 note number. */
const SIGNED_RE = new RegExp(`^ *(?:([-+△▲]) *)?${BODY_RE} *(%p?)? *(${UNIT_RE})?${FOOT_TAIL_RE}$`);
/** Groups: 1 integer digits, 2 fraction digits, 3 '%', 4 unit, 5 mark, 6 note number. */
const PARENS_RE = new RegExp(`^ *\\( *${BODY_RE} *(%p?)? *(${UNIT_RE})? *\\)${FOOT_TAIL_RE}$`);
const DASH_RE = /^ *- *$/;
const PLAIN_INT_RE = /^\d{1,15}$/;
const GROUPED_INT_RE = /^\d{1,3}(?:,\d{3}){1,4}$/;

/** One figure, or null when the text is not a single figure (words, compounds, mistyped numbers). */
export function parseNumber(text: string): ParsedNumber | null {
  if (typeof text !== 'string') return null;
  return plainInteger(text) ?? parseNormalized(normalizeFigureText(text));
}

/** The common cases, without the full pattern: "5000", "19,000"; null for anything else. */
function plainInteger(text: string): ParsedNumber | null {
  if (PLAIN_INT_RE.test(text)) return { value: Number(text), decimals: 0, percent: false, grouped: false };
  if (GROUPED_INT_RE.test(text)) {
    return { value: Number(text.replace(/,/g, '')), decimals: 0, percent: false, grouped: true };
  }
  return null;
}

function parseNormalized(s: string): ParsedNumber | null {
  if (!/\d/.test(s)) {
    return DASH_RE.test(s) ? { value: 0, decimals: 0, percent: false, grouped: false, dash: true } : null;
  }
  let negative: ParsedNumber['negative'];
  let int: string | undefined;
  let frac: string | undefined;
  let pct: string | undefined;
  let unit: string | undefined;
  let footnote: string | undefined;
  const m = SIGNED_RE.exec(s);
  if (m) {
    if (m[1] === '-') negative = 'minus';
    else if (m[1] === '△' || m[1] === '▲') negative = 'triangle';
    int = m[2];
    frac = m[3];
    pct = m[4];
    unit = m[5];
    footnote = m[6] ?? m[7];
  } else {
    const p = PARENS_RE.exec(s);
    if (!p) return null;
    int = p[1];
    frac = p[2];
    pct = p[3];
    unit = p[4];
    footnote = p[5] ?? p[6];
    // "(84.5%)" is a rate shown beside its figure, as in "766(84.5%)"; only an amount in parentheses is negative.
    if (pct === undefined) negative = 'parens';
  }
  if (int === undefined && frac === undefined) return null;
  // This runs on every text cell: no array per match, and no copy of digits without a comma.
  const digits = int === undefined ? '0' : int.includes(',') ? int.replace(/,/g, '') : int;
  const magnitude = Number(frac !== undefined ? `${digits}.${frac}` : digits);
  // -0 would print as "-0" and compare unequal in Object.is; a written "-0" is still zero.
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const parsed: ParsedNumber = {
    value,
    decimals: frac?.length ?? 0,
    percent: pct !== undefined,
    grouped: int !== undefined && int.includes(','),
  };
  if (negative) parsed.negative = negative;
  if (pct === '%p') parsed.unit = '%p';
  else if (unit !== undefined) parsed.unit = unit;
  if (footnote !== undefined) parsed.footnote = footnote;
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

const GROUP_PAREN_RE = /^([^()]*[^()\s])\s*\(([^()]+)\)\s*$/;

/** "22(22)" → [22, 22]; "766(84.5%)" → [766, 84.5%]; "5" → [5]; anything else → null. */
function parseGroup(group: string): ParsedNumber[] | null {
  const inner = GROUP_PAREN_RE.exec(group);
  if (inner) {
    const a = parseNormalized(inner[1]);
    const b = parseNormalized(inner[2]);
    // "(1,200)" alone is a negative figure, not a compound; parseNumber already took it.
    return a && b ? [a, b] : null;
  }
  const single = parseNormalized(group);
  return single ? [single] : null;
}

/**
 * Several figures in one text cell: "22(22)" (정원(현원)), "766(84.5%)", "116건/ 4,817백만원", "5회/137명".
 * Null when the text is not made only of figures ("온라인교육 예정(12월)", "2018년 (2019년 예산)", dates) or holds
 * a single figure (use parseNumber for that).
 */
export function parseCompound(text: string): ParsedNumber[] | null {
  if (typeof text !== 'string') return null;
  return compoundNormalized(normalizeFigureText(text));
}

function compoundNormalized(s: string): ParsedNumber[] | null {
  if (!/[/(]/.test(s) || !/\d/.test(s) || DATE_LIKE_RE.test(s)) return null;
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
/** Longer texts are sentences, not a figure with a typo (and the checks below need not scan them). */
const MAX_MISTYPED_LENGTH = 40;

/**
 * Text that is mostly digits and separators but not a valid figure: "12,5OO" (letter O for zero), "1,2 34",
 * "1.234.5", "12,3456", "1,234,". Words ("진행 중", "'18.8.30개최"), dates written as text, valid figures and
 * compounds are not mistyped numbers. ("38.643" typed for 38,643 is a valid decimal and cannot be caught here.)
 */
export function looksLikeMistypedNumber(text: string): boolean {
  if (typeof text !== 'string') return false;
  const s = normalizeFigureText(text).trim();
  if (s === '' || parseNormalized(s) || compoundNormalized(s)) return false;
  return mistypedNormalized(s);
}

/** looksLikeMistypedNumber for normalized, trimmed text already known to be neither a figure nor a compound. */
function mistypedNormalized(s: string): boolean {
  if (s.length > MAX_MISTYPED_LENGTH || !/\d/.test(s)) return false;
  if (looksLikeMistypedSingle(s)) return true;
  // A compound with one typo in it ("22(2O)", "116건/ 4,8l7백만원"): every piece a figure or a typo, one a typo.
  if (!/[/(]/.test(s)) return false;
  const pieces: string[] = [];
  for (const group of splitSlashes(s)) {
    const m = GROUP_PAREN_RE.exec(group);
    if (m) pieces.push(m[1], m[2]);
    else pieces.push(group);
  }
  let typos = 0;
  for (const piece of pieces) {
    if (parseNormalized(piece)) continue;
    if (!looksLikeMistypedSingle(piece.trim())) return false;
    typos++;
  }
  return typos > 0;
}

/** A typo'd figure still starts like one: a sign or '(' at most, then a digit or a letter typed for one. */
const FIGURE_START_RE = /^[-+△▲( ]*[0-9OolI]/;

function looksLikeMistypedSingle(s: string): boolean {
  if (!FIGURE_START_RE.test(s) || parseNormalized(s)) return false;
  let core = s.replace(TRAILING_UNIT_RE, '');
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

/** What a text says as a figure, reading it once: used by readNumeric. */
export type FigureText =
  | { kind: 'number'; parsed: ParsedNumber }
  | { kind: 'compound'; parts: ParsedNumber[] }
  | { kind: 'invalid' }
  | { kind: 'label' };

export function classifyFigureText(text: string): FigureText {
  const quick = plainInteger(text);
  if (quick) return { kind: 'number', parsed: quick };
  const s = normalizeFigureText(text).trim();
  if (!/\d/.test(s)) {
    const dash = parseNormalized(s);
    return dash ? { kind: 'number', parsed: dash } : { kind: 'label' };
  }
  const parsed = parseNormalized(s);
  if (parsed) return { kind: 'number', parsed };
  const parts = compoundNormalized(s);
  if (parts) return { kind: 'compound', parts };
  return mistypedNormalized(s) ? { kind: 'invalid' } : { kind: 'label' };
}
