/**
 * A Korean and an English message for every rule (DESIGN.md "Checks"), made from the finding's data.
 * Korean particles attach to fixed nouns ("값(48,000)이"), never to a variable, so they are always right.
 */
import type { Finding, RuleId } from '../engine/model/finding';
import { figure, gap, shown } from './figures';
import type { Lang } from './lang';

type Params = NonNullable<Finding['params']>;
type Template = (f: Finding, p: Params, lang: Lang) => string;

const MAX_TERMS = 8;

/** "D7+E7+F7+G7", abbreviated past eight terms: "D7+E7+…+M7 (10 cells)". */
function terms(related: string[] | undefined, lang: Lang, joiner = '+'): string {
  const r = related ?? [];
  if (r.length === 0) return lang === 'ko' ? '항목의 합' : 'the parts';
  if (r.length <= MAX_TERMS) return r.join(joiner);
  const count = lang === 'ko' ? `${r.length}개 셀` : `${r.length} cells`;
  return `${r.slice(0, 2).join(joiner)}${joiner}…${joiner}${r[r.length - 1]} (${count})`;
}

function num(p: Params, key: string): number | undefined {
  const v = p[key];
  return typeof v === 'number' ? v : undefined;
}
function str(p: Params, key: string): string | undefined {
  const v = p[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** total − Σ parts, from params or from the figures. */
function difference(f: Finding, p: Params): number | undefined {
  const d = num(p, 'difference');
  if (d !== undefined) return d;
  if (typeof f.actual === 'number' && typeof f.expected === 'number') return Number((f.actual - f.expected).toPrecision(12));
  return undefined;
}

/** "D7+E7 = 10,000 + 38,400 = 48,400" when the engine gave the values, else "D7+E7 = 48,400". */
function sumShown(f: Finding, p: Params, lang: Lang): string {
  const arithmetic = str(p, 'arithmetic');
  const parts = terms(f.related, lang);
  return arithmetic ? `${parts} = ${arithmetic}` : `${parts} = ${shown(f.expected, lang)}`;
}

function gapSuffix(d: number | undefined, lang: Lang): string {
  if (d === undefined || d === 0) return '';
  return lang === 'ko' ? ` (차이 ${gap(d)})` : ` (off by ${gap(d)})`;
}

function policyName(policy: string | undefined, lang: Lang): string {
  if (policy === 'truncate') return lang === 'ko' ? '버림' : 'truncation';
  return lang === 'ko' ? '반올림' : 'half-up rounding';
}

const sumTemplate =
  (koTotal: string, enTotal: string): Template =>
  (f, p, lang) =>
    lang === 'ko'
      ? `${koTotal} ${f.cell}의 값은 ${shown(f.actual, lang)}이지만 ${sumShown(f, p, lang)}입니다${gapSuffix(difference(f, p), lang)}`
      : `${enTotal} ${f.cell} is ${shown(f.actual, lang)} but ${sumShown(f, p, lang)}${gapSuffix(difference(f, p), lang)}`;

const TEMPLATES: Record<RuleId, Template> = {
  'sum.row': sumTemplate('가로 합계', 'Row total'),
  'sum.column': sumTemplate('세로 합계', 'Column total'),

  'sum.cell': (f, p, lang) => {
    const d = difference(f, p);
    const totals = terms(f.related, lang, ', ');
    const several = (f.related?.length ?? 0) > 1;
    const arithmetic = str(p, 'arithmetic');
    if (lang === 'ko') {
      return (
        `${f.cell} 셀이 틀린 것으로 보입니다: 지금 값(${shown(f.actual, lang)})을 맞는 값(${shown(f.expected, lang)})으로 고치면 ` +
        `합계(${totals})${several ? '가 모두' : '도'} 맞습니다${gapSuffix(d, lang)}` +
        (arithmetic ? ` [${arithmetic}]` : '')
      );
    }
    return (
      `${f.cell} is probably the wrong cell: it holds ${shown(f.actual, lang)}; ${shown(f.expected, lang)} would make ` +
      `${several ? `the totals ${totals} all add up` : `the total ${totals} add up too`}${gapSuffix(d, lang)}` +
      (arithmetic ? ` [${arithmetic}]` : '')
    );
  },

  'sum.rounding': (f, p, lang) => {
    const d = difference(f, p);
    const tol = num(p, 'tolerance');
    if (lang === 'ko') {
      return (
        `합계 ${f.cell}의 값(${shown(f.actual, lang)})과 ${sumShown(f, p, lang)}의 차이(${d === undefined ? '?' : gap(d)})는 ` +
        `표시 단위의 반올림 범위${tol !== undefined ? `(±${figure(tol)})` : ''} 안에 있습니다. ` +
        '각 항목을 따로 반올림해서 생긴 차이로 보이며 오류는 아닙니다'
      );
    }
    return (
      `Total ${f.cell} is ${shown(f.actual, lang)} while ${sumShown(f, p, lang)}: the difference of ${d === undefined ? '?' : gap(d)} ` +
      `is within the rounding of the figures shown${tol !== undefined ? ` (±${figure(tol)})` : ''}, ` +
      'as when each part is rounded on its own; not an error'
    );
  },

  'sum.formula-range': (f, p, lang) => {
    const formula = str(p, 'formula') ?? (typeof f.actual === 'string' ? f.actual : '');
    const missing = str(p, 'missing');
    const extra = str(p, 'extra');
    const parts: string[] = [];
    if (lang === 'ko') {
      if (missing) parts.push(`빠진 항목 ${missing}`);
      if (extra) parts.push(`항목이 아닌 셀 ${extra} 포함`);
      return `합계 ${f.cell}의 수식(=${formula.replace(/^=/, '')})이 항목과 맞지 않습니다${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }
    if (missing) parts.push(`leaves out ${missing}`);
    if (extra) parts.push(`takes in ${extra}, which is not a part`);
    return `The formula of total ${f.cell} (=${formula.replace(/^=/, '')}) does not match its parts${parts.length ? `: it ${parts.join(' and ')}` : ''}`;
  },

  'year.sequence': (f, p, lang) => {
    const problem = str(p, 'problem') ?? str(p, 'kind');
    const year = (x: Finding['expected']) => (typeof x === 'number' ? String(x) : shown(x, lang));
    const ko: Record<string, string> = { duplicate: '중복', skip: '건너뜀', skipped: '건너뜀', gap: '건너뜀', order: '순서가 뒤바뀜' };
    const en: Record<string, string> = { duplicate: 'duplicated', skip: 'skipped', skipped: 'skipped', gap: 'skipped', order: 'out of order' };
    if (lang === 'ko') {
      return `연도 머리글 ${f.cell}${problem && ko[problem] ? `(${ko[problem]})` : ''}: 이 자리의 연도는 ${year(f.expected)}년이어야 하는데 ${year(f.actual)}년입니다`;
    }
    return `Year header ${f.cell}${problem && en[problem] ? ` (${en[problem]})` : ''}: expected ${year(f.expected)}, found ${year(f.actual)}`;
  },

  'year.span': (f, _p, lang) =>
    lang === 'ko'
      ? `같은 종류의 표끼리 연도 범위가 다릅니다: 이 표(${f.cell}) ${shown(f.actual, lang)}, 다른 표 ${shown(f.expected, lang)}${f.related?.length ? ` (${f.related.join(', ')})` : ''}`
      : `Tables of the same kind cover different years: this one (${f.cell}) ${shown(f.actual, lang)}, another ${shown(f.expected, lang)}${f.related?.length ? ` (${f.related.join(', ')})` : ''}`,

  'caption.amount': (f, p, lang) => {
    const target = f.related?.[0];
    const year = num(p, 'year');
    const unit = str(p, 'unit') ?? '';
    if (lang === 'ko') {
      return (
        `표제 ${f.cell}에 적힌 금액(${shown(f.actual, lang)}${unit})이 표의 ${target ?? ''}${year ? ` ${year}년` : ''} 값(${shown(f.expected, lang)}${unit})과 다릅니다` +
        gapSuffix(difference(f, p), lang)
      );
    }
    return (
      `The caption in ${f.cell} states ${shown(f.actual, lang)}${unit} but the table${target ? `'s ${target}` : ''}${year ? ` (${year})` : ''} holds ${shown(f.expected, lang)}${unit}` +
      gapSuffix(difference(f, p), lang)
    );
  },

  'rate.mismatch': (f, p, lang) => {
    const [numer, denom] = f.related ?? [];
    const n = num(p, 'numerator');
    const d = num(p, 'denominator');
    const formula = numer && denom ? `${numer}/${denom}` : lang === 'ko' ? '분자/분모' : 'numerator/denominator';
    const arithmetic = str(p, 'arithmetic') ?? (n !== undefined && d !== undefined ? `${figure(n)} / ${figure(d)}` : '');
    const worked = arithmetic ? ` = ${arithmetic}` : '';
    const policy = policyName(str(p, 'rounding') ?? str(p, 'policy'), lang);
    if (str(p, 'reason') === 'zero-denominator') {
      return lang === 'ko'
        ? `비율 ${f.cell}의 값(${shown(f.actual, lang)})은 계산할 수 없습니다: 분모(${denom ?? '?'})가 0입니다`
        : `Rate ${f.cell} states ${shown(f.actual, lang)} but cannot be computed: its denominator ${denom ?? ''} is 0`;
    }
    return lang === 'ko'
      ? `비율 ${f.cell}의 값은 ${shown(f.actual, lang)}이지만 ${formula}${worked}, ${policy}하면 ${shown(f.expected, lang)}입니다`
      : `Rate ${f.cell} is ${shown(f.actual, lang)} but ${formula}${worked} gives ${shown(f.expected, lang)} (${policy})`;
  },

  'rate.rounding': (f, p, lang) => {
    const [numer, denom] = f.related ?? [];
    const formula = numer && denom ? `${numer}/${denom}` : '';
    const arithmetic = str(p, 'arithmetic');
    const name = str(p, 'rate');
    const what = [name, formula, arithmetic].filter(Boolean).join(' ');
    const stated = str(p, 'statedPolicy') ?? str(p, 'rightUnder') ?? 'truncate';
    const current = str(p, 'policy') ?? str(p, 'rounding') ?? (stated === 'truncate' ? 'half-up' : 'truncate');
    return lang === 'ko'
      ? `비율 ${f.cell}의 값(${shown(f.actual, lang)})은 ${what ? `${what}, 이 계산값을 ` : '계산값을 '}${policyName(stated, lang)}한 값입니다. ` +
          `${policyName(current, lang)} 기준으로는 ${shown(f.expected, lang)}입니다`
      : `Rate ${f.cell} (${shown(f.actual, lang)}) is ${what ? `${what} ` : ''}under ${policyName(stated, lang)}; ` +
          `under ${policyName(current, lang)} it would be ${shown(f.expected, lang)}`;
  },

  'number.invalid': (f, _p, lang) =>
    lang === 'ko'
      ? `${f.cell} 셀의 내용('${shown(f.actual, lang)}')은 숫자를 잘못 입력한 것으로 보입니다${typeof f.expected === 'number' ? ` (뜻한 값: ${figure(f.expected)})` : ''}`
      : `${f.cell} holds '${shown(f.actual, lang)}', which looks like a mistyped number${typeof f.expected === 'number' ? ` (${figure(f.expected)} meant?)` : ''}`,

  'number.text': (f, p, lang) => {
    const count = num(p, 'textCells');
    if (str(p, 'scope') === 'table' && count !== undefined) {
      return lang === 'ko'
        ? `이 표의 숫자 ${figure(count)}개가 텍스트로 저장되어 있습니다 (${f.cell} 등). 계산에 쓰이도록 숫자로 바꾸세요`
        : `${figure(count)} figures in this table are stored as text (${f.cell} and others); convert them to numbers so formulas use them`;
    }
    return lang === 'ko'
      ? `${f.cell} 셀의 숫자${f.actual !== undefined && f.actual !== null ? `('${shown(f.actual, lang)}')` : ''}가 텍스트로 저장되어 있습니다`
      : `${f.cell} holds a number stored as text${f.actual !== undefined && f.actual !== null ? ` ('${shown(f.actual, lang)}')` : ''}`;
  },

  'value.error': (f, _p, lang) =>
    lang === 'ko' ? `${f.cell} 셀에 오류 값(${shown(f.actual, lang)})이 있습니다` : `${f.cell} holds the error value ${shown(f.actual, lang)}`,

  'diff.mismatch': (f, p, lang) => {
    const [later, earlier] = f.related ?? [];
    const l = num(p, 'later');
    const e = num(p, 'earlier');
    const cells = later && earlier ? `${later} − ${earlier}` : lang === 'ko' ? '나중 값 − 이전 값' : 'later − earlier';
    const formula = l !== undefined && e !== undefined ? `${cells} = ${figure(l)} − ${figure(e)}` : cells;
    return lang === 'ko'
      ? `증감 ${f.cell}의 값은 ${shown(f.actual, lang)}이지만 ${formula} = ${shown(f.expected, lang)}입니다${gapSuffix(difference(f, p), lang)}`
      : `Change ${f.cell} is ${shown(f.actual, lang)} but ${formula} = ${shown(f.expected, lang)}${gapSuffix(difference(f, p), lang)}`;
  },

  'spec.mismatch': (f, p, lang) => {
    const expected = shown(f.expected, lang);
    const actual = shown(f.actual, lang);
    switch (str(p, 'reason')) {
      case 'sheet':
        return lang === 'ko' ? `등록된 표의 시트(${expected})가 없습니다(${f.cell})` : `The registered table's sheet '${expected}' is gone (${f.cell})`;
      case 'registry':
        return lang === 'ko'
          ? `등록된 표(${expected})를 읽을 수 없어 사양 대신 추론으로 검사했습니다(${f.cell}): ${actual}`
          : `The registered table ${expected} cannot be read, so it was checked by inference instead (${f.cell}): ${actual}`;
      case 'size':
        return lang === 'ko'
          ? `등록된 표의 범위가 사양과 다릅니다(${f.cell}): 사양은 ${expected}, 시트는 ${actual}`
          : `The registered table's range no longer fits its spec at ${f.cell}: spec ${expected}, sheet ${actual}`;
      default:
        return lang === 'ko'
          ? `등록된 표가 사양과 맞지 않습니다(${f.cell}): 사양은 '${expected}', 시트는 '${actual}'`
          : `The registered table no longer matches its spec at ${f.cell}: spec '${expected}', sheet '${actual}'`;
    }
  },

  'fill.conflict': (f, _p, lang) =>
    lang === 'ko'
      ? `${f.cell} 셀에는 계산값(${shown(f.expected, lang)})과 다른 상수(${shown(f.actual, lang)})가 있어 그대로 두었습니다`
      : `${f.cell} was left alone: it holds the constant ${shown(f.actual, lang)}, but the computed figure is ${shown(f.expected, lang)}`,

  'format.style': (f, p, lang) => {
    const style = str(p, 'style');
    const where = f.related?.length ? `${f.cell}, ${terms(f.related, lang, ', ')}` : f.cell;
    if (style === 'grouping') {
      return lang === 'ko' ? `천 단위 구분 기호(,)가 없는 숫자가 있습니다: ${where}` : `Figures without thousands separators: ${where}`;
    }
    if (style === 'zero') {
      return lang === 'ko'
        ? `0과 '-'가 섞여 쓰였습니다: ${where} (표 안에서 한 가지로 맞추세요)`
        : `Zero is written both as 0 and as '-': ${where} (use one way in a table)`;
    }
    if (style === 'unit') {
      return lang === 'ko'
        ? `단위가 섞여 있습니다: 표의 단위(${shown(f.expected, lang)})와 다른 단위(${shown(f.actual, lang)}) — ${where}`
        : `Mixed units: the table's unit is ${shown(f.expected, lang)} but ${where} uses ${shown(f.actual, lang)}`;
    }
    return lang === 'ko'
      ? `서식이 고르지 않습니다(${where}): ${shown(f.expected, lang)} / ${shown(f.actual, lang)}`
      : `Inconsistent formatting at ${where}: ${shown(f.expected, lang)} vs ${shown(f.actual, lang)}`;
  },
};

/** The message a user reads for one finding. */
export function formatFinding(f: Finding, lang: Lang): string {
  const template = TEMPLATES[f.rule];
  if (!template) return `${f.rule} ${f.cell}`;
  return template(f, f.params ?? {}, lang);
}

/** Short names of the rules, for headings and summaries. */
export const RULE_TITLES: Record<RuleId, Record<Lang, string>> = {
  'sum.row': { ko: '가로 합계 불일치', en: 'row total mismatch' },
  'sum.column': { ko: '세로 합계 불일치', en: 'column total mismatch' },
  'sum.cell': { ko: '틀린 셀', en: 'likely wrong cell' },
  'sum.rounding': { ko: '반올림 차이', en: 'rounding difference' },
  'sum.formula-range': { ko: '합계 수식 범위', en: 'SUM formula range' },
  'year.sequence': { ko: '연도 순서', en: 'year sequence' },
  'year.span': { ko: '연도 범위', en: 'year span' },
  'caption.amount': { ko: '표제 금액', en: 'caption amount' },
  'rate.mismatch': { ko: '비율 불일치', en: 'rate mismatch' },
  'number.invalid': { ko: '잘못된 숫자', en: 'invalid number' },
  'number.text': { ko: '텍스트로 저장된 숫자', en: 'number stored as text' },
  'value.error': { ko: '오류 값', en: 'error value' },
  'diff.mismatch': { ko: '증감 불일치', en: 'change mismatch' },
  'rate.rounding': { ko: '비율 반올림 방식', en: 'rate rounding policy' },
  'spec.mismatch': { ko: '사양 불일치', en: 'spec mismatch' },
  'fill.conflict': { ko: '채우기 충돌', en: 'fill conflict' },
  'format.style': { ko: '서식', en: 'formatting' },
};

export function ruleTitle(rule: RuleId, lang: Lang): string {
  return RULE_TITLES[rule]?.[lang] ?? rule;
}
