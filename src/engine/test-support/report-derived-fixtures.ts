/**
 * Tables from the reference report (기획예산과, 2020 results / 2021 plan) with the lines around them, for the
 * tests of rates, 증감, captions and years. Each fixture is the report's text as it would sit on a sheet: caption
 * lines, unit line, header rows and body, one line per row, fields tab-separated.
 */
import type { SheetGrid } from '../grid/types';
import type { TableLayout } from '../model/table';
import { gridFromTsv } from './grid-builder';
import { handLayout, type HandLayoutSpec } from './hand-layout';

export interface Fixture {
  name: string;
  tsv: string;
  /** Where the table is, in the grid the TSV makes at A1. */
  layout: HandLayoutSpec;
}

const BUDGET_HEAD = '재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년';

function budget(name: string, caption: string, body: string, extraAbove: string[] = []): Fixture {
  const above = [...extraAbove, caption, '', '(단위 : 천원)', ''];
  const rows = body.split('\n').length;
  const top = above.length + 1;
  return {
    name,
    tsv: [...above, BUDGET_HEAD, body].join('\n'),
    layout: { range: `A${top}:F${top + 1 + rows}`, headerRows: 2, labelCols: 1, kind: 'budget-by-year', unit: '천원' },
  };
}

/** Every budget table of the report with the caption above it. */
export const BUDGET_FIXTURES: Fixture[] = [
  budget('공약 이행평가', '□ 2021년 소요예산 : 19,000천원', '계\t19,000\t-\t19,000\t0\t0\n구비\t19,000\t-\t19,000\t\t'),
  budget('온라인 회의', '□ 소요예산 : 5,000천원', '계\t5000\t-\t5,000\t0\t0\n구비\t5,000\t-\t5,000\t\t'),
  budget(
    '구정연구단',
    '※ 1개 과제당 연구예산 5,000천원 ~ 10,000천원 지원',
    '계\t30,000\t30,000\t0\t0\t0\n시비\t30,000\t30,000\t\t\t',
    ['□ **2021년 소요예산 : 미정(시비)**', ''],
  ),
  budget(
    '주민참여예산',
    '□ 2021년 소요예산 : 32,300천원',
    '계\t143,040\t31,140\t32,300\t37,300\t42,300\n시비\t48,400\t10,900\t12,500\t12,500\t12,500\n구비\t94,640\t20,240\t19,800\t24,800\t29,800',
  ),
  budget('혁신', '2021년 소요예산 : 34,900천원', '계\t138,100\t33,400\t34,900\t34,900\t34,900\n구비\t138,100\t33,400\t34,900\t34,900\t34,900'),
  budget(
    '공모사업',
    '□ 2021년 소요예산 : 34,080천원',
    '계\t130,220\t27,980\t34,080\t34,080\t34,080\n구비\t130,220\t27,980\t34,080\t34,080\t34,080',
    ['- 지 급 액 : 15,000천원', ''],
  ),
  budget(
    '자치분권',
    '□ **2021년 소요예산 : 13,750천원**',
    '계\t53,000\t11,750\t13,750\t13,750\t13,750\n구비\t53,000\t11,750\t13,750\t13,750\t13,750',
  ),
  budget(
    '송무',
    '□ **소요예산 : 182,170천원**',
    '계\t735,060\t179,890\t182,170\t185,000\t188,000\n구비\t735,060\t179,890\t182,170\t185,000\t188,000',
  ),
  budget(
    '구의회',
    '□ **2021년 소요예산 : 52,700천원**',
    '계\t219,900\t52,700\t52,700\t61,800\t52,700\n구비\t219,900\t52,700\t52,700\t61,800 ¹⁾\t52,700',
  ),
];

/** 최근 3년간 운영현황 (participatory budget): compound cells, 집행액 (집행률) "766(84.5%)". */
export const PARTICIPATORY: Fixture = {
  name: '주민참여예산 운영현황',
  tsv: [
    '○ 최근 3년간 운영현황',
    '',
    '구 분\t2018년 (2019년 예산)\t2019년 (2020년 예산)\t2020년 (2021년 예산)\t비 고',
    '제 안 현 황\t116건/ 4,817백만원\t120건/ 4,110백만원\t125건/ 2,166백만원\t',
    '편 성 현 황 (건 / 백 만 원)\t35건/ 906백만원\t41건/ 842백만원\t39건/ 987백만원\t',
    '집행액 (집행률)\t766(84.5%)\t진행 중\t-\t',
    '모 바 일 투 표 참 여 인 원\t2,649명\t2,892명\t1,256명\t',
    '예 산 학 교 운 영\t5회/137명\t5회/682명\t온라인교육 예정(12월)\t*코로나19로 온라인 교육으로 대체',
    "총 회 개 최\t'18.8.30개최\t'19.8.29개최\t'20.10.28. 온라인 화상총회 개최\t",
  ].join('\n'),
  layout: { range: 'A3:E9', headerRows: 1, labelCols: 1, kind: 'participatory-budget' },
};

/** 일반 소송 현황 with the two prose lines under it (87건 승소, 종결사건(92건) 승소율 : 94.5%). */
export const LAWSUITS: Fixture = {
  name: '일반 소송 현황',
  tsv: [
    '(2020. 10월말 기준, 단위 : 건)',
    '',
    '연도\t소송\t계\t처리현황\t\t\t\t\t\t비고 (소송대리인 선임 건수)',
    '\t\t\t진행중\t종 결\t\t\t\t\t',
    '\t\t\t\t소계\t승소\t소취하\t일부승\t패소\t',
    '2020\t계\t22\t12\t10\t-\t10\t-\t-\t10',
    '\t행정소송\t15\t6\t9\t-\t9\t-\t-\t5',
    '\t민사소송\t7\t6\t1\t-\t1\t-\t-\t5',
    '2019\t계\t38\t9\t29\t4\t23\t-\t2\t12',
    '\t행정소송\t33\t4\t29\t4\t23\t-\t2\t7',
    '\t민사소송\t5\t5\t-\t-\t-\t-\t-\t5',
    '2018\t계\t54\t1\t53\t9\t40\t1\t3\t11',
    '\t행정소송\t47\t1\t46\t7\t37\t-\t2\t6',
    '\t민사소송\t7\t-\t7\t2\t3\t1\t1\t5',
    '',
    '- 2018년 이후 제소 114건 중 승소(소취하·일부승 포함) 87건, 패소 5건, 진행중 22건',
    '⇒ 종결사건(92건) 승소율 : 94.5%',
    '',
    '- 법률 전문관 자문 유형별 현황',
    '',
    '(2020. 10월말 기준, 단위 : 건)',
    '',
    '구 분\t합 계\t서 면\t전 화\t방 문\t비고(소송지휘)',
    '계\t784\t280\t199\t182\t123',
    '2020년\t126\t55\t17\t48\t6',
    '2019년\t268\t87\t27\t92\t62',
    '2018년\t390\t138\t155\t42\t55',
  ].join('\n'),
  layout: { range: 'A3:J14', headerRows: 3, labelCols: 2, kind: 'lawsuits', unit: '건' },
};

/** 법률 전문관 자문 유형별 현황: the second table of the LAWSUITS sheet. */
export const LEGAL_ADVICE_LAYOUT: HandLayoutSpec = {
  range: 'A23:F27',
  headerRows: 1,
  labelCols: 1,
  kind: 'legal-advice',
  unit: '건',
};

/** 구의회 정례회 및 임시회 (council sessions): years as rows, parallel groups. */
export const COUNCIL: Fixture = {
  name: '구의회 정례회 및 임시회',
  tsv: [
    '(2020. 10월말 기준)',
    '',
    '구분\t합계\t\t정례회\t\t임시회\t',
    '\t횟수\t처리안건\t횟수\t처리안건\t횟수\t처리안건',
    '2020년\t4회\t48건\t1회\t17건\t3회\t31건',
    '2019년\t7회\t92건\t2회\t42건\t5회\t50건',
    '2018년\t8회\t60건\t2회\t20건\t6회\t40건',
  ].join('\n'),
  layout: { range: 'A3:G7', headerRows: 2, labelCols: 1, kind: 'council-sessions' },
};

/** 인력 (staffing): "□ 인 력 : 정원 22명(현원 22명)" over the 합계 cell "22(22)". */
export const STAFFING: Fixture = {
  name: '인력',
  tsv: [
    '□ 인 력 : 정원 22명(현원 22명)',
    '',
    "(기준일 : '20. 10월말)",
    '',
    '합 계\t3급\t4급\t5급\t6급\t7급\t8급\t9급',
    '22(22)\t-\t1(1)\t1(1)\t6(6)\t6(7)\t6(6)\t2(1)',
  ].join('\n'),
  layout: { range: 'A5:H6', headerRows: 1, labelCols: 0, kind: 'staffing', unit: '명' },
};

/** A fixture as a sheet and its hand-built layout. */
export function load(fixture: Fixture, edit?: (tsv: string) => string): { sheet: SheetGrid; layout: TableLayout } {
  const sheet = gridFromTsv(edit ? edit(fixture.tsv) : fixture.tsv, { name: fixture.name });
  return { sheet, layout: handLayout(sheet, fixture.layout) };
}
