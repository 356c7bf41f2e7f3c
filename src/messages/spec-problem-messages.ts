/**
 * Why a spec is invalid, or why a table could not be registered (adopted, imported), in words: the problem codes
 * of src/specs (SPEC_PROBLEM_CODES, and zod's own codes as 'zod.<code>'), kept as strings here so messages do
 * not depend on the specs, with the place (the problem's path) named where it helps.
 */
import type { Lang } from './lang';

export interface SpecProblemLike {
  code: string;
  path: readonly (string | number)[];
  params?: Readonly<Record<string, string | number>>;
}

type Params = Readonly<Record<string, string | number>>;
type Texts = Record<Lang, (p: Params) => string>;

const str = (p: Params, key: string): string => (p[key] === undefined ? '' : String(p[key]));
const axisKo = (p: Params) => (p.axis === 'row' ? '행' : '열');

const TEXTS: Record<string, Texts> = {
  'spec.no-line': {
    ko: (p) => `사양에 ${axisKo(p)} '${str(p, 'label')}'이(가) 없습니다${p.lines ? ` (있는 ${axisKo(p)}: ${str(p, 'lines')})` : ''}`,
    en: (p) => `the spec has no ${str(p, 'axis') || 'column'} '${str(p, 'label')}'${p.lines ? ` (its ${str(p, 'axis') || 'column'}s: ${str(p, 'lines')})` : ''}`,
  },
  'spec.duplicate-line': {
    ko: (p) => `${axisKo(p)} '${str(p, 'label')}'이(가) 두 번 나옵니다`,
    en: (p) => `the ${str(p, 'axis') || 'column'} '${str(p, 'label')}' appears twice`,
  },
  'spec.one-row-only': {
    ko: () => '구분 열이 없는 표는 행이 하나뿐이어야 합니다',
    en: () => 'a table without label columns has exactly one row',
  },
  'spec.row-depth': {
    ko: (p) => `${str(p, 'row')}번째 행(${str(p, 'label')})의 구분이 ${str(p, 'depth')}단인데 구분 열은 ${str(p, 'labelColumns')}개입니다`,
    en: (p) => `row ${str(p, 'row')} (${str(p, 'label')}) is ${str(p, 'depth')} labels deep but there are ${str(p, 'labelColumns')} label columns`,
  },
  'spec.own-part': {
    ko: (p) => `합계 '${str(p, 'label')}'이(가) 자기 자신을 부분으로 더합니다`,
    en: (p) => `the total '${str(p, 'label')}' is listed as its own part`,
  },
  'spec.circled-missing': {
    ko: (p) => `${str(p, 'mark')}이(가) 붙은 열 제목이 없습니다`,
    en: (p) => `no column label carries ${str(p, 'mark')}`,
  },
  'spec.circled-ambiguous': {
    ko: (p) => `${str(p, 'mark')}이(가) 붙은 열 제목이 여럿입니다`,
    en: (p) => `several column labels carry ${str(p, 'mark')}`,
  },
  'spec.label-total-needs-label': {
    ko: () => '행 제목에 합계를 적는 표(공약(69) 같은)에는 구분 열이 있어야 합니다',
    en: () => "a total stated in a row's label ('공약(69)') needs a label column",
  },
  'spec.caption-year-outside': {
    ko: (p) => `제목 줄의 ${str(p, 'year')}년이 표의 연도 범위(${str(p, 'from')}–${str(p, 'to')}년) 밖입니다`,
    en: (p) => `the caption's year ${str(p, 'year')} is outside the table's span ${str(p, 'from')}–${str(p, 'to')}`,
  },
  'spec.span-reversed': {
    ko: () => '연도 범위의 끝이 시작보다 앞섭니다',
    en: () => 'the year span ends before it starts',
  },
  'spec.unit-required': {
    ko: () => '금액 표는 단위(천원, 백만원 등)를 적어야 등록할 수 있습니다. 합계가 반올림 차이로 어긋나도 되는지가 단위에 달려 있습니다',
    en: () => 'a table of amounts needs its unit (천원, 백만원 …) to be registered: whether a total may miss by rounding depends on it',
  },
  'adopt.text-table': {
    ko: () => '숫자가 없는 글 표라서 검사할 관계가 없습니다',
    en: () => 'a text table has no figures to declare',
  },
  'register.not-asked': {
    ko: () => '등록하지 않도록 했습니다',
    en: () => 'registration was not asked for',
  },
  'register.undeclared-relations': {
    ko: (p) => `이 표의 관계 ${str(p, 'count')}개를 사양으로 나타낼 수 없어, 등록하지 않고 추론으로 검사합니다`,
    en: (p) => `its spec cannot declare ${str(p, 'count')} of its relations, so it stays unregistered and is checked by inference`,
  },
  'register.spec-differs': {
    ko: (p) => `사양이 시트의 표와 맞지 않습니다(${str(p, 'cell')}: ${reasonKo(str(p, 'reason'))})`,
    en: (p) => `the spec would not match the sheet (${str(p, 'reason')} at ${str(p, 'cell')})`,
  },
  'register.checks-worse': {
    ko: () => '사양으로 검사하면 추론보다 오류가 많아져, 등록하지 않고 추론으로 검사합니다',
    en: () => 'its spec would check it with errors detection does not find, so it stays unregistered',
  },
};

function reasonKo(reason: string): string {
  switch (reason) {
    case 'header':
      return '열 제목';
    case 'row-label':
      return '행 제목';
    case 'size':
      return '크기';
    default:
      return reason;
  }
}

const PLACES: Record<string, [ko: string, en: string]> = {
  relations: ['관계', 'relation'],
  parts: ['부분', 'part'],
  total: ['합계', 'total'],
  target: ['대상', 'target'],
  numerator: ['분자', 'numerator'],
  denominator: ['분모', 'denominator'],
  later: ['나중 값', 'later'],
  earlier: ['이전 값', 'earlier'],
  only: ['적용 줄', 'only'],
  comp: ['성분', 'component'],
  cell: ['셀', 'cell'],
  unit: ['단위', 'unit'],
  kind: ['종류', 'kind'],
  title: ['제목', 'title'],
  rows: ['행', 'rows'],
  row: ['행', 'row'],
  columns: ['열', 'columns'],
  column: ['열', 'column'],
  rowHeader: ['구분 열 제목', 'label column headers'],
  years: ['연도 범위', 'year span'],
  from: ['시작', 'from'],
  to: ['끝', 'to'],
  year: ['연도', 'year'],
  formula: ['수식', 'formula'],
  label: ['제목', 'label'],
  children: ['하위 제목', 'children'],
  formats: ['서식', 'formats'],
  phrase: ['문구', 'phrase'],
};

/** Where in a spec a problem lies, in words: ['relations', 0, 'parts', 1] → '관계 1 › 부분 2'. */
export function specPlace(path: readonly (string | number)[], lang: Lang): string {
  const out: string[] = [];
  for (const step of path) {
    if (typeof step === 'number') {
      if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${step + 1}`;
      else out.push(String(step + 1));
      continue;
    }
    const names = PLACES[step];
    out.push(names ? names[lang === 'ko' ? 0 : 1] : step);
  }
  return out.join(' › ');
}

/** One problem in words. The place is named unless the text already says it (a path of one step). */
export function specProblemMessage(problem: SpecProblemLike, lang: Lang): string {
  const texts = TEXTS[problem.code];
  const place = specPlace(problem.path, lang);
  if (!texts) {
    // zod's own checks of the spec's shape: a value of the wrong type, too short, not one of the choices.
    const what = lang === 'ko' ? '값이 올바르지 않습니다' : 'the value is not valid';
    return place ? `${place}: ${what}` : what;
  }
  const text = texts[lang](problem.params ?? {});
  return problem.path.length > 1 ? `${text} (${place})` : text;
}

/** Several problems, one sentence each. */
export function specProblemsMessage(problems: readonly SpecProblemLike[], lang: Lang): string {
  return problems.map((p) => specProblemMessage(p, lang)).join(lang === 'ko' ? ' / ' : '; ');
}
