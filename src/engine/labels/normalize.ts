/**
 * Labels as the report writes them: letter-spaced ('합 계', '제 안 현 황'), with bold marks ('**추진계획**'),
 * odd spaces and line breaks. Normalising them once lets every module compare labels the same way.
 */

import { memoByString } from './memo';

const NEEDS_WORK = /[\s*\u00a0\u3000]/;

/** One Hangul syllable, maybe with an opening bracket before it or a closing one after it ('(건', '원)'). */
const HANGUL_SYLLABLE = /^[([（]?[\uAC00-\uD7A3][)\]）]?$/;

/**
 * Collapse whitespace, strip markdown bold marks, and join letter-spaced Hangul: a space between two
 * single-syllable words goes ('합 계' → '합계', '제 안 현 황' → '제안현황', '더불어행복한 금 천' → '더불어행복한 금천'),
 * ordinary word spaces stay ('소송대리인 선임 건수').
 */
export function normalizeLabel(text: string | number | boolean | null | undefined): string {
  if (text === null || text === undefined) return '';
  if (typeof text !== 'string') return String(text);
  if (!NEEDS_WORK.test(text)) return text;
  return normalizeText(text);
}

const normalizeText = memoByString((text: string): string => {
  const collapsed = String(text)
    .replace(/\*\*/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
  if (!collapsed.includes(' ')) return collapsed;
  const words = collapsed.split(' ');
  let out = words[0];
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1];
    const word = words[i];
    const letterSpaced = HANGUL_SYLLABLE.test(prev) && HANGUL_SYLLABLE.test(word) && !/[)\]）]$/.test(prev) && !/^[([（]/.test(word);
    out += letterSpaced ? word : ` ${word}`;
  }
  return out;
});

/** A key for comparing labels: normalised, without any spaces, lower case ('합 계' and '합계' and '합계 ' match). */
export function labelKey(text: string | number | boolean | null | undefined): string {
  return keyOf(normalizeLabel(text));
}

const keyOf = memoByString((normalized: string): string => normalized.replace(/ /g, '').toLowerCase());
