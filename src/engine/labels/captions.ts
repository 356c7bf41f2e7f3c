/** Caption lines around a table: headings, unit lines, basis lines, notes and footnotes. */
import type { CaptionLine } from '../model/table';
import { memoByString } from './memo';
import { normalizeLabel } from './normalize';

/** Heading marks the report puts before a table's title. */
const TITLE_MARK = /^(?:[□■◆◇▣▶▷●◎○◦•·◈★☆]|【|〔|\[|<|〈|《|[0-9]{1,2}\.\s|[가-하]\.\s|\(\d{1,2}\)|[①-⑳])/;
const FOOTNOTE_MARK = /^(?:\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?|⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾|주\s*\d*\s*[):）]|주\s*[:：]|\(주\)\s)/;
const NOTE_MARK = /^(?:※|\*|⇒|☞|→|➔|➜|▸|\*\)|(?:자료|출처|비고|참고)\s*[:：])/;
const MONEY_UNIT = '(?:천원|백만원|억원|만원|조원|원)';
/** "label : 19,000천원" with the amount right after the colon (not "미정", not "정원 22명"). */
const AMOUNT_RE = new RegExp(`[:：]\\s*[△-]?\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?\\s*${MONEY_UNIT}`);

/** The caption text without bold marks, outer spaces and collapsed inner whitespace. */
export function cleanCaption(text: string): string {
  return cleanText(text);
}

const cleanText = memoByString((text: string): string => text.replace(/\*\*/g, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim());

/** The text of a caption without its leading mark: '□ 2021년 소요예산 : 19,000천원' → '2021년 소요예산 : 19,000천원'. */
export function stripCaptionMark(text: string): string {
  return stripMark(cleanCaption(text));
}

function stripMark(s: string): string {
  const m = /^(?:[□■◆◇▣▶▷●◎○◦•·◈★☆※*⇒☞→➔➜▸-]|\d{1,2}\.|[가-하]\.|\(\d{1,2}\))\s*/.exec(s);
  let rest = m ? s.slice(m[0].length) : s;
  const bracketed = /^[【〔[<〈《](.*)[】〕\]>〉》]$/.exec(rest);
  if (bracketed) rest = bracketed[1].trim();
  return rest;
}

/**
 * The title a caption line gives its table: its words without the mark, normalised like a label. Memoised: titles
 * are read once per table, and unit and heading lines repeat across a workbook.
 */
export const captionTitle = memoByString((text: string): string => normalizeLabel(stripCaptionMark(text)));

const UNIT_WORD = /^(?:[천백만억조십]*원|%p?|건|명|회|개소|개|곳|세대|가구|대|톤|㎡|㎢|㎞|km|kg|ha|m|인|일|시간|개월|권|점|종|편|척|배|주|필지|동|호)$/;
const MONEY = /원$/;

/**
 * Every unit a caption or header states, in order: '(단위 : 천원)' → ['천원'], '(2020. 10월말 기준, 단위 : 건, 백만원)'
 * → ['건', '백만원'], '<단위: 백만원, %>' → ['백만원', '%'], '(천원)' → ['천원']. Empty when there is none.
 */
export function parseUnits(text: string): string[] {
  if (typeof text !== 'string') return [];
  return unitsOf(text).slice();
}

/** parseUnits without the copy, for callers that only read the list (unit lines repeat on every table). */
export const unitsOf = memoByString((text: string): readonly string[] => unitList(cleanCaption(text)));

function unitList(s: string): readonly string[] {
  const m = /단\s*위\s*[:：]?\s*([^)）>〉》\]］]*)/.exec(s);
  const list = m ? m[1] : /^[(（<〈[]\s*([^)）>〉\]]+?)\s*[)）>〉\]]$/.exec(s)?.[1];
  if (!list) return [];
  return list
    .split(/[,，/·、]|\s+및\s+/)
    .map((u) => u.trim())
    .filter((u) => UNIT_WORD.test(u));
}

/** The first unit a caption or header states ('(단위 : 천원)' → '천원'), or null. See parseUnits for all of them. */
export function parseUnit(text: string): string | null {
  if (typeof text !== 'string') return null;
  return unitsOf(text)[0] ?? null;
}

/**
 * The unit of a table whose unit line names several: the money unit (its rounding is what a check must allow for;
 * counts are exact whatever unit is named), else the first that is not a percentage.
 */
export function primaryUnit(units: readonly string[]): string | undefined {
  // Plain loops: this runs for every table, and closures passed to find are made afresh on each call.
  for (let i = 0; i < units.length; i++) if (MONEY.test(units[i])) return units[i];
  for (let i = 0; i < units.length; i++) if (!units[i].startsWith('%')) return units[i];
  return units[0];
}

/** True for a text that is a unit or basis line on its own: '(단위 : 천원)', "(기준일 : '20. 10월말)". */
export function isUnitOrBasisLine(text: string): boolean {
  const kind = captionFacts(text).kind;
  return kind === 'unit' || kind === 'basis';
}

/**
 * What kind of caption line a text is, from its own words (position decides the rest: the nearest plain line above
 * a table is its title, see detect):
 * - unit: '(단위 : 천원)'; basis: '(2020. 10월말 기준, 단위 : 건)', "(기준일 : '20. 10월말)"
 * - amount: '□ 2021년 소요예산 : 19,000천원' (an amount in 원 units right after a colon)
 * - title: a heading mark (□ ○ ◦ ■ 【 …) without an amount
 * - footnote: '1) …', '¹⁾ …', '주) …'; note: '※ …', '* …', '⇒ …' and anything else
 */
export function classifyCaption(text: string): CaptionLine['kind'] {
  return captionFacts(text).kind;
}

function classifyCleanCaption(s: string): CaptionLine['kind'] {
  if (/^[(（[<〈《［].*[)）\]>〉》］]$/.test(s) || /^단\s*위\s*[:：]/.test(s)) {
    if (/기\s*준/.test(s)) return 'basis';
    if (parseUnit(s) !== null) return 'unit';
  }
  if (FOOTNOTE_MARK.test(s)) return 'footnote';
  if (NOTE_MARK.test(s)) return 'note';
  if (AMOUNT_RE.test(s)) return 'amount';
  if (TITLE_MARK.test(s)) return 'title';
  return 'note';
}

/** A line that opens with a heading mark (□, ○, 【 …) or states an amount: a strong sign of a caption. */
export function hasHeadingMark(text: string): boolean {
  return captionFacts(text).headingMark;
}

/** A line that opens with a note or footnote mark (※, *, ⇒, '1)', '주)'). */
export function hasNoteMark(text: string): boolean {
  return captionFacts(text).noteMark;
}

/** A prose bullet: '- …', '– …', '· …'. */
export function isBulletLine(text: string): boolean {
  return captionFacts(text).bullet;
}

/** Everything the caption tests above say about one text. */
export interface CaptionFacts {
  /** The text as cleanCaption gives it. */
  clean: string;
  kind: CaptionLine['kind'];
  headingMark: boolean;
  noteMark: boolean;
  bullet: boolean;
  /** Opens with an arrow (⇒ ☞ → ➔ ➜): a conclusion drawn from the lines above it. */
  arrow: boolean;
  /** unitsOf(text). Shared: do not change. */
  units: readonly string[];
  /** captionTitle(text). */
  title: string;
}

/**
 * All of a caption text's facts at once. Detection asks several of them about each line around a table; one memo
 * lookup instead of one per question (a fresh string costs a hash and a compare each time).
 */
export const captionFacts = memoByString((text: string): CaptionFacts => {
  const clean = cleanText(text);
  return {
    clean,
    kind: classifyCleanCaption(clean),
    headingMark: TITLE_MARK.test(clean),
    noteMark: NOTE_MARK.test(clean) || FOOTNOTE_MARK.test(clean),
    bullet: /^[-–·•]\s/.test(clean),
    arrow: /^[⇒☞→➔➜]/.test(clean),
    units: unitList(clean),
    title: normalizeLabel(stripMark(clean)),
  };
});
