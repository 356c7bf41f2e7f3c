/**
 * Tables of the kinds other departments of the bureau report (local tax with 징수율, contracts by year with two
 * header rows, real-estate transactions by 동 with a 계 row on top, row groups with 소계 and 총계, 증감 columns,
 * arrears with 정리율), pasted at odd offsets, several per sheet, with figures typed as numbers or as text.
 * Whole pipeline: detection, inference, checks. Clean tables give no error; each changed figure is found.
 */
import { fromA1, refToA1 } from '../grid/a1';
import type { Cell, SheetGrid } from '../grid/types';
import type { Relation } from '../model/table';
import { checkWorkbook } from '../check-workbook';
import { sheet as sheetOf, type Plain } from '../test-support';

type SumRelation = Extract<Relation, { type: 'sum' }>;

interface Sample {
  name: string;
  lines: string[];
  /** Equations the table must be found with, as 'B5=C5+D5' (parts in sheet order), relative to origin A1. */
  expect: string[];
}

const SAMPLES: Sample[] = [
  {
    name: 'local tax with 징수율',
    lines: [
      '□ 2020년 지방세 징수실적',
      '(단위 : 백만원, %)',
      '구 분\t부과액\t징수액\t미수납액\t징수율',
      '계\t125,430\t118,220\t7,210\t94.3',
      '재산세\t60,120\t57,300\t2,820\t95.3',
      '자동차세\t30,210\t27,900\t2,310\t92.4',
      '주민세\t35,100\t33,020\t2,080\t94.1',
    ],
    expect: ['B4=B5+B6+B7', 'C4=C5+C6+C7', 'D4=D5+D6+D7'],
  },
  {
    name: 'contracts by year with two header rows and 증감',
    lines: [
      '□ 계약 현황',
      '(단위 : 건, 백만원)',
      '구분\t2019년\t\t2020년\t\t증감\t',
      '\t건수\t금액\t건수\t금액\t건수\t금액',
      '계\t120\t5,400\t135\t6,100\t15\t700',
      '공사\t40\t3,000\t45\t3,500\t5\t500',
      '용역\t50\t1,500\t55\t1,700\t5\t200',
      '물품\t30\t900\t35\t900\t5\t0',
    ],
    expect: ['B5=B6+B7+B8', 'C5=C6+C7+C8', 'F5=F6+F7+F8', 'G5=G6+G7+G8'],
  },
  {
    name: 'real-estate transactions by 동, 계 row on top',
    lines: [
      '○ 동별 부동산 거래 현황',
      '(단위 : 건)',
      '구분\t계\t아파트\t단독\t다세대\t토지',
      '계\t1,513\t630\t101\t522\t260',
      '가산동\t402\t180\t21\t141\t60',
      '독산1동\t388\t150\t30\t138\t70',
      '독산2동\t301\t120\t20\t101\t60',
      '시흥1동\t422\t180\t30\t142\t70',
    ],
    expect: ['B4=C4+D4+E4+F4', 'B5=C5+D5+E5+F5', 'B4=B5+B6+B7+B8', 'F4=F5+F6+F7+F8'],
  },
  {
    name: 'row groups with 소계 and 총계',
    lines: [
      '(단위 : 천원)',
      '구분\t\t2019년\t2020년',
      '총계\t\t1,000\t1,300',
      '도시관리국\t소계\t600\t700',
      '\t도시계획과\t400\t450',
      '\t건축과\t200\t250',
      '복지국\t소계\t400\t600',
      '\t복지정책과\t150\t200',
      '\t노인복지과\t250\t400',
    ],
    expect: ['C3=C4+C7', 'D3=D4+D7', 'C4=C5+C6', 'D7=D8+D9'],
  },
  {
    name: '증감 and 증감률 columns',
    lines: [
      '(단위 : 명, %)',
      '구분\t2019년\t2020년\t증감\t증감률',
      '계\t1,200\t1,320\t120\t10.0',
      '남\t500\t560\t60\t12.0',
      '여\t700\t760\t60\t8.6',
    ],
    expect: ['B3=B4+B5', 'C3=C4+C5', 'D3=D4+D5'],
  },
  {
    name: 'arrears with 정리율, 합계 row at the bottom',
    lines: [
      '(단위 : 천원, %)',
      '구분\t체납액\t정리액\t정리율(%)',
      '지방세\t5,400\t2,100\t38.9',
      '세외수입\t3,100\t1,000\t32.3',
      '합계\t8,500\t3,100\t36.5',
    ],
    expect: ['B5=B3+B4', 'C5=C3+C4'],
  },
];

function linesToRows(lines: string[], asNumbers: boolean): Plain[][] {
  return lines.map((l) =>
    l.split('\t').map((f): Plain => {
      if (f === '') return null;
      if (asNumbers && /^-?[\d,]+(\.\d+)?$/.test(f)) return Number(f.replace(/,/g, ''));
      return f;
    }),
  );
}

function shift(eq: string, dr: number, dc: number): string {
  return eq.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => refToA1({ row: Number(r) - 1 + dr, col: c.charCodeAt(0) - 65 + dc }));
}

function show(r: SumRelation): string {
  return `${refToA1(r.total)}=${r.parts.map(refToA1).join('+')}`;
}

function withValue(s: SheetGrid, a1: string, v: number | string): SheetGrid {
  const p = fromA1(a1)!;
  const cells = s.cells.map((row) => [...row]);
  const old = cells[p.row][p.col];
  cells[p.row][p.col] = { ...(old ?? {}), v } as Cell;
  return { ...s, cells };
}

/**
 * The merges a spreadsheet would have for a pasted header: a header cell spans the empty cells right of it while
 * the row under it is filled there, and the empty cells under it when nothing else is there.
 */
function headerMerges(lines: string[], at: string): string[] {
  const origin = fromA1(at)!;
  const rows = lines.map((l) => l.split('\t'));
  const first = rows.findIndex((r) => r.length > 1);
  let last = first;
  while (last + 1 < rows.length && rows[last + 1].slice(1).some((f) => f !== '' && !/^[\d,.△-]+$/.test(f))) last++;
  const header = rows.slice(first, last + 1);
  const taken = header.map((r) => r.map(() => false));
  const merges: string[] = [];
  const a1 = (r: number, c: number) => refToA1({ row: origin.row + first + r, col: origin.col + c });
  header.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '' || taken[r][c]) return;
      let c1 = c;
      while (c1 + 1 < row.length && row[c1 + 1] === '' && (r + 1 >= header.length || header[r + 1][c1 + 1] !== '')) c1++;
      let r1 = r;
      if (c1 === c) while (r1 + 1 < header.length && (header[r1 + 1][c] ?? '') === '') r1++;
      for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) taken[rr][cc] = true;
      if (r1 > r || c1 > c) merges.push(`${a1(r, c)}:${a1(r1, c1)}`);
    }),
  );
  return merges;
}

/** Each table alone at an offset: pasted text, typed numbers, and typed numbers under merged headers. */
const PLACEMENTS = [
  { name: 'at C4, text figures', at: 'C4', asNumbers: false, merged: false },
  { name: 'at B2, typed numbers', at: 'B2', asNumbers: true, merged: false },
  { name: 'at D7, typed numbers, merged headers', at: 'D7', asNumbers: true, merged: true },
];

it('merges the headers that span lines', () => {
  const withMerges = SAMPLES.filter((s) => headerMerges(s.lines, 'A1').length > 0).map((s) => s.name);
  expect(withMerges).toEqual(['contracts by year with two header rows and 증감', 'row groups with 소계 and 총계']);
  expect(headerMerges(SAMPLES[1].lines, 'A1')).toEqual(['A3:A4', 'B3:C3', 'D3:E3', 'F3:G3']);
});

describe.each(PLACEMENTS)('department tables $name', ({ at, asNumbers, merged }) => {
  const origin = fromA1(at)!;
  describe.each(SAMPLES.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    const merges = merged ? headerMerges(sample.lines, at) : undefined;
    const sheet = sheetOf('세무과', [{ at, rows: linesToRows(sample.lines, asNumbers), merges }]);
    const result = checkWorkbook([sheet]);
    const sums = result.tables.flatMap((t) => t.relations).filter((r): r is SumRelation => r.type === 'sum');

    it('is found with its sums', () => {
      expect(result.tables).toHaveLength(1);
      const found = new Set(sums.map(show));
      for (const eq of sample.expect) expect(found).toContain(shift(eq, origin.row, origin.col));
    });

    it('checks clean', () => {
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('finds every changed figure', () => {
      const cells = [...new Set(sums.flatMap((r) => [r.total, ...r.parts]).map(refToA1))];
      const missed: string[] = [];
      for (const a1 of cells) {
        const p = fromA1(a1)!;
        const v = sheet.cells[p.row][p.col]?.v;
        const n = typeof v === 'number' ? v : Number(String(v ?? '0').replace(/,/g, '')) || 0;
        const changed = asNumbers ? n + 30 : (n + 30).toLocaleString('en-US');
        const planted = checkWorkbook([withValue(sheet, a1, changed)]);
        const feeds = new Set(sums.filter((r) => r.parts.some((q) => refToA1(q) === a1)).map((r) => refToA1(r.total)));
        const ok = planted.findings.some((f) => f.severity === 'error' && (f.cell === a1 || feeds.has(f.cell)));
        if (!ok) missed.push(a1);
      }
      expect(missed).toEqual([]);
    });
  });
});
