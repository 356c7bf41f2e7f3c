/**
 * The numeric tables of the reference report (../shared/reference/000_79a52df77821ab51.txt), as its text has them:
 * tab-separated, merged header cells as empty fields. Header rows and label columns are stated, not detected.
 */
import type { TableKind } from '../model/table';

export interface ReferenceTable {
  name: string;
  tsv: string;
  headerRows: number;
  labelCols: number;
  unit?: string;
  kind: TableKind;
}

export const REFERENCE_TABLES: ReferenceTable[] = [
  {
    name: "staffing",
    kind: "staffing",
    headerRows: 1,
    labelCols: 0,
    unit: "명",
    tsv: "합 계\t3급\t4급\t5급\t6급\t7급\t8급\t9급\n22(22)\t-\t1(1)\t1(1)\t6(6)\t6(7)\t6(6)\t2(1)",
  },
  {
    name: "pledges",
    kind: "pledge-counts",
    headerRows: 2,
    labelCols: 1,
    tsv: "사업수\t더불어행복한 금 천\t\t다시뛰는 금 천\t\t\t안전한 금 천\t\t\t따뜻한 금 천\t\t돌아오는 금 천\t\n\t소통 행정\t주민 참여\t도시 계획\t도시 재생\t지역 경제\t교통\t안전\t환경\t복지\t건강\t교육\t문화\n공약(69)\t3\t2\t5\t6\t11\t5\t2\t8\t6\t7\t4\t10",
  },
  {
    name: "budget19000",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요자원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t19,000\t-\t19,000\t0\t0\n구비\t19,000\t-\t19,000\t\t",
  },
  {
    name: "budget5000",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t5000\t-\t5,000\t0\t0\n구비\t5,000\t-\t5,000\t\t",
  },
  {
    name: "budget30000",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t30,000\t30,000\t0\t0\t0\n시비\t30,000\t30,000\t\t\t",
  },
  {
    name: "budgetSize",
    kind: "budget-size",
    headerRows: 1,
    labelCols: 1,
    unit: "백만원",
    tsv: "구 분\t최종예산액 (㉑=㉒+㉓+㉔+㉕)\t당초예산 (㉒)\t1회추경 (㉓)\t2회추경 (㉔)\t간주처리 (㉕)\t비고\n계\t723,388\t527,952\t27,063\t25,366\t143,007\t\n일반회계\t709,013\t515,105\t26,996\t23,969\t142,943\t\n특별회계\t14,375\t12,847\t67\t1,397\t64\t",
  },
  {
    name: "participatory",
    kind: "participatory-budget",
    headerRows: 1,
    labelCols: 1,
    tsv: "구 분\t2018년 (2019년 예산)\t2019년 (2020년 예산)\t2020년 (2021년 예산)\t비 고\n제 안 현 황\t116건/ 4,817백만원\t120건/ 4,110백만원\t125건/ 2,166백만원\t\n편 성 현 황 (건 / 백 만 원)\t35건/ 906백만원\t41건/ 842백만원\t39건/ 987백만원\t\n집행액 (집행률)\t766(84.5%)\t진행 중\t-\t\n모 바 일 투 표 참 여 인 원\t2,649명\t2,892명\t1,256명\t\n예 산 학 교 운 영\t5회/137명\t5회/682명\t온라인교육 예정(12월)\t*코로나19로 온라인 교육으로 대체\n총 회 개 최\t'18.8.30개최\t'19.8.29개최\t'20.10.28. 온라인 화상총회 개최\t",
  },
  {
    name: "budget143040",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t143,040\t31,140\t32,300\t37,300\t42,300\n시비\t48,400\t10,900\t12,500\t12,500\t12,500\n구비\t94,640\t20,240\t19,800\t24,800\t29,800",
  },
  {
    name: "budget138100",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t138,100\t33,400\t34,900\t34,900\t34,900\n구비\t138,100\t33,400\t34,900\t34,900\t34,900",
  },
  {
    name: "countsByField",
    kind: "counts-by-field",
    headerRows: 1,
    labelCols: 0,
    unit: "건",
    tsv: "계\t과학통신\t교육\t국토개발\t노동\t문화체육\t복지\t여성\t일반행정\t산업·중소기업\t환경\n75\t5\t6\t2\t1\t15\t25\t2\t5\t8\t6",
  },
  {
    name: "budget130220",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요자원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t130,220\t27,980\t34,080\t34,080\t34,080\n구비\t130,220\t27,980\t34,080\t34,080\t34,080",
  },
  {
    name: "budget53000",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t53,000\t11,750\t13,750\t13,750\t13,750\n구비\t53,000\t11,750\t13,750\t13,750\t13,750",
  },
  {
    name: "lawsuits",
    kind: "lawsuits",
    headerRows: 3,
    labelCols: 2,
    unit: "건",
    tsv: "연도\t소송\t계\t처리현황\t\t\t\t\t\t비고 (소송대리인 선임 건수)\n\t\t\t진행중\t종 결\t\t\t\t\t\n\t\t\t\t소계\t승소\t소취하\t일부승\t패소\t\n2020\t계\t22\t12\t10\t-\t10\t-\t-\t10\n\t행정소송\t15\t6\t9\t-\t9\t-\t-\t5\n\t민사소송\t7\t6\t1\t-\t1\t-\t-\t5\n2019\t계\t38\t9\t29\t4\t23\t-\t2\t12\n\t행정소송\t33\t4\t29\t4\t23\t-\t2\t7\n\t민사소송\t5\t5\t-\t-\t-\t-\t-\t5\n2018\t계\t54\t1\t53\t9\t40\t1\t3\t11\n\t행정소송\t47\t1\t46\t7\t37\t-\t2\t6\n\t민사소송\t7\t-\t7\t2\t3\t1\t1\t5",
  },
  {
    name: "legalAdvice",
    kind: "legal-advice",
    headerRows: 1,
    labelCols: 1,
    unit: "건",
    tsv: "구 분\t합 계\t서 면\t전 화\t방 문\t비고(소송지휘)\n계\t784\t280\t199\t182\t123\n2020년\t126\t55\t17\t48\t6\n2019년\t268\t87\t27\t92\t62\n2018년\t390\t138\t155\t42\t55",
  },
  {
    name: "budget735060",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요자원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t735,060\t179,890\t182,170\t185,000\t188,000\n구비\t735,060\t179,890\t182,170\t185,000\t188,000",
  },
  {
    name: "bylaws",
    kind: "bylaws",
    headerRows: 2,
    labelCols: 0,
    unit: "건",
    tsv: "자치법규\t\t\t행정규칙\t\t\n계\t조례\t규칙\t계\t훈령\t예규\n380\t293\t87\t47\t33\t14",
  },
  {
    name: "council",
    kind: "council-sessions",
    headerRows: 2,
    labelCols: 1,
    tsv: "구분\t합계\t\t정례회\t\t임시회\t\n\t횟수\t처리안건\t횟수\t처리안건\t횟수\t처리안건\n2020년\t4회\t48건\t1회\t17건\t3회\t31건\n2019년\t7회\t92건\t2회\t42건\t5회\t50건\n2018년\t8회\t60건\t2회\t20건\t6회\t40건",
  },
  {
    name: "budget219900",
    kind: "budget-by-year",
    headerRows: 2,
    labelCols: 1,
    unit: "천원",
    tsv: "재원별\t합계\t연차별 소요재원\t\t\t\n\t\t2020년\t2021년\t2022년\t2023년\n계\t219,900\t52,700\t52,700\t61,800\t52,700\n구비\t219,900\t52,700\t52,700\t61,800 ¹⁾\t52,700",
  },
];
