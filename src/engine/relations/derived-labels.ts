/**
 * Labels of derived figures: rates (집행률, 징수율, "(%)" headers, "집행액 (집행률)" compound rows) and
 * differences (증감, 증감액, 전년대비), with the words that tell which figure is earlier and which later.
 */
import { memoByString } from '../labels/memo';
import { normalizeText } from './axis-lines';

export type RateKind =
  /** numerator / denominator × 100 (집행률 = 집행액 / 예산액). */
  | 'ratio'
  /** (later − earlier) / earlier × 100 (증감률). */
  | 'increase'
  /** "전년대비(%)": later / earlier × 100 or the increase; the numbers decide. */
  | 'versus';

export interface RateName {
  /** The rate's name as written, normalised: '집행률', '징수율', '비율'. */
  name: string;
  /** The name without its 률/율: '집행', '징수'. Empty when the name says nothing about its parts. */
  stem: string;
  kind: RateKind;
  /** For a compound label "집행액 (집행률)": the label of the amount written before the rate in each cell. */
  amountLabel?: string;
  /** A '대비' label with no '%': a rate only when its figures are percentages of the pair. */
  unlabelled?: boolean;
}

/** Rates that are stated terms, not quotients of figures in the table, or not percentages at all. */
const NOT_DERIVED = /(세율|환율|이율|금리|경쟁률|배율|효율|확률|할인율|공제율|구성비|비중)$/;
const INCREASE = /증감|증가|감소|신장|성장|변동|등락/;
const PERCENT_TAIL = /(?:\((?:단위:)?%\)|%)$/;
/** A trailing parenthetical holding a formula: "(B/A)", "(C=B/A×100)". */
const FORMULA_TAIL = /\([^()]*[/÷=][^()]*\)$/;

function kindOf(name: string): RateKind {
  if (INCREASE.test(name)) return 'increase';
  if (/대비/.test(name)) return 'versus';
  return 'ratio';
}

function fromName(name: string, amountLabel?: string): RateName | null {
  if (NOT_DERIVED.test(name)) return null;
  const out: RateName = { name, stem: name.slice(0, -1), kind: kindOf(name) };
  if (amountLabel) out.amountLabel = amountLabel;
  return out;
}

/**
 * The rate a line label names, or null. `leaf` is the innermost header label; `parent` the one above it
 * (a lone '(%)' under '집행률' still names 집행률).
 */
export function rateNameOf(leaf: string, parent?: string): RateName | null {
  const text = normalizeText(leaf);
  if ((text === '%' || text === '(%)') && parent) return rateNameOfLabel(parent);
  return rateNameOfLabel(text);
}

const rateNameOfLabel = memoByString((label: string): RateName | null => {
  let text = normalizeText(label);
  if (text === '' || /%p/i.test(text)) return null; // %p is a difference of rates, not a rate
  const compound = /^(.+?)\(([^()]*[률율])(?:\(%\)|%)?\)(?:\(%\)|%)?$/.exec(text);
  if (compound && !/[률율]$/.test(compound[1])) return fromName(compound[2], compound[1]);
  let percent = false;
  for (let i = 0; i < 3; i++) {
    const before = text;
    if (PERCENT_TAIL.test(text)) {
      percent = true;
      text = text.replace(PERCENT_TAIL, '');
    }
    text = text.replace(FORMULA_TAIL, '');
    if (text === before) break;
  }
  const named = /([가-힣]*[률율])$/.exec(text);
  if (named && named[1].length >= 2) return fromName(named[1]);
  if (percent && text !== '') {
    if (NOT_DERIVED.test(text)) return null;
    const kind = kindOf(text);
    return { name: text, stem: kind === 'ratio' && text !== '비율' ? text : '', kind };
  }
  return null;
});

const DIFF = /증감|대비|차이|차액|증가액|감소액|변동액/;

/** 증감, 증감액, 전년대비, 대비, 차이 … and not a rate ('증감률', '대비(%)' are rates). */
export const isDiffLabel = memoByString((leaf: string): boolean => {
  const text = normalizeText(leaf);
  if (text === '' || !DIFF.test(text)) return false;
  if (/증감사유|사유|비고/.test(text)) return false;
  return rateNameOf(text) === null && !/[률율]$/.test(text.replace(/\([^()]*\)$/, ''));
});

/** Words that mark the earlier and the later of two figures compared (당초 → 최종, 전년 → 금년). */
export const EARLIER_WORDS = ['전년도', '전년', '작년', '전기', '전월', '전회', '직전', '당초', '기정'];
export const LATER_WORDS = ['금년도', '금년', '올해', '당해', '당기', '금월', '금회', '최종', '변경', '추경', '현재'];

/** A difference or quotient written in a header: "(B-A)", "C=B-A", "㉓-㉒", "(B/A)". */
export function headerFormula(text: string): { left: string; right: string; op: '-' | '/' } | null {
  const m = /([A-Z]|[①-⑳㉑-㉟])\s*([-−–/÷])\s*([A-Z]|[①-⑳㉑-㉟])/.exec(normalizeText(text));
  if (!m) return null;
  return { left: m[1], right: m[3], op: m[2] === '/' || m[2] === '÷' ? '/' : '-' };
}

/** True when a header text carries the marker as its own label: "(A)", "(㉒)", "(㉑=㉒+…)" for ㉑. */
export function carriesMarker(text: string, marker: string): boolean {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\(${escaped}[)=]`).test(normalizeText(text));
}
