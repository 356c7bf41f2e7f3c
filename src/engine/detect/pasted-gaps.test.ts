/**
 * Pasted tables whose layout once hid them from detection: a word column between figure columns, a blank spacer row
 * under the header, ordinal headers ('1회 2회 3회'), side-by-side tables whose titles share a row. Each shape is
 * checked end to end: the table found with its header and body, its relations inferred, no error on the clean sheet,
 * and a planted fault found on the changed cell or a total it feeds.
 */
import { checkWorkbook } from '../check-workbook';
import { fromA1, rangeToA1, refToA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import type { Relation, TableKind } from '../model/table';
import { grid, type Plain } from '../test-support';

/** Tab-separated lines as pasted: numbers become number cells, everything else text; empty fields stay empty. */
function pasted(tsv: string, at = 'A1'): SheetGrid {
  const rows = tsv
    .replace(/^\n+|\n+$/g, '')
    .split('\n')
    .map((line) =>
      line.split('\t').map((field): Plain => {
        if (field === '') return null;
        const n = Number(field.replace(/,/g, ''));
        return /^-?[\d,]+(\.\d+)?$/.test(field) && Number.isFinite(n) ? n : field;
      }),
    );
  return grid(rows, { at, name: '현황' });
}

/** A relation in short form: sums 'B4=C4+D4' (parts in order), rates 'E4=D4/B4'. */
function short(r: Relation): string {
  switch (r.type) {
    case 'sum':
      return `${refToA1(r.total)}=${r.parts.map(refToA1).join('+')}`;
    case 'rate':
      return `${refToA1(r.target)}=${refToA1(r.numerator)}/${refToA1(r.denominator)}`;
    case 'diff':
      return `${refToA1(r.target)}=${refToA1(r.later)}-${refToA1(r.earlier)}`;
    default:
      return `caption ${refToA1(r.cell)}`;
  }
}

/** The cells a relation reads or checks. */
function cellsOf(r: Relation): string[] {
  switch (r.type) {
    case 'sum':
      return [r.total, ...r.parts].map(refToA1);
    case 'rate':
      return [r.target, r.numerator, r.denominator].map(refToA1);
    case 'diff':
      return [r.target, r.later, r.earlier].map(refToA1);
    default:
      return [refToA1(r.cell)];
  }
}

interface WantTable {
  range: string;
  headerRows: number;
  labelCols: number;
  kind: TableKind;
  title?: string;
  unit?: string;
  /** Relations that must be among the inferred ones. */
  relations: string[];
  /** Cells no relation may touch (a word column, a spacer row). */
  untouched?: string[];
}

interface Case {
  name: string;
  tsv: string;
  tables: WantTable[];
  /** A planted fault: the cell, its new value, and the cells where an error finding counts as finding it. */
  fault: { cell: string; value: number; found: string[] };
}

const CASES: Case[] = [
  {
    name: 'a word column between figure columns (추진방법 between 예산액 and 집행액)',
    tsv: `○ 사업 현황
(단위 : 천원)
사업명\t예산액\t추진방법\t집행액\t집행률
계\t3000\t\t2400\t80.0
가사업\t1000\t직영\t900\t90.0
나사업\t2000\t위탁\t1500\t75.0`,
    tables: [
      {
        range: 'A3:E6',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        title: '사업 현황',
        relations: ['B4=B5+B6', 'D4=D5+D6', 'E4=D4/B4', 'E5=D5/B5', 'E6=D6/B6'],
        untouched: ['C4', 'C5', 'C6'],
      },
    ],
    fault: { cell: 'D5', value: 950, found: ['D5', 'D4', 'E5'] },
  },
  {
    name: 'a 비고 column of words between figure columns',
    tsv: `구분\t부과액\t비고\t징수액\t징수율
계\t500\t\t400\t80.0
취득세\t200\t신고분\t180\t90.0
재산세\t300\t정기분\t220\t73.3`,
    tables: [
      {
        range: 'A1:E4',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=B3+B4', 'D2=D3+D4', 'E2=D2/B2', 'E4=D4/B4'],
        untouched: ['C3', 'C4'],
      },
    ],
    fault: { cell: 'B3', value: 250, found: ['B3', 'B2', 'E3'] },
  },
  {
    name: 'a word column between the parts of a 합계 column',
    tsv: `구분\t합계\t가\t담당\t나
계\t30\t10\t\t20
x\t12\t4\t김\t8
y\t18\t6\t이\t12`,
    tables: [
      {
        range: 'A1:E4',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=C2+E2', 'B3=C3+E3', 'B4=C4+E4', 'B2=B3+B4', 'E2=E3+E4'],
        untouched: ['D2', 'D3', 'D4'],
      },
    ],
    fault: { cell: 'E3', value: 9, found: ['E3', 'B3', 'E2'] },
  },
  {
    name: 'a word column at the right of a table with a 합계 column',
    tsv: `구분\t합계\t가\t나\t담당
계\t30\t10\t20\t
x\t12\t4\t8\t김
y\t18\t6\t12\t이`,
    tables: [
      {
        range: 'A1:E4',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=C2+D2', 'B3=C3+D3', 'B4=C4+D4', 'B2=B3+B4'],
        untouched: ['E2', 'E3', 'E4'],
      },
    ],
    fault: { cell: 'C4', value: 5, found: ['C4', 'B4', 'C2'] },
  },
  {
    name: 'a blank spacer row between the header and the body',
    tsv: `구분\t계\t매매\t증여

계\t60\t40\t20
가동\t25\t15\t10
나동\t35\t25\t10`,
    tables: [
      {
        range: 'A1:D5',
        headerRows: 2,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B3=C3+D3', 'B4=C4+D4', 'B5=C5+D5', 'B3=B4+B5', 'C3=C4+C5', 'D3=D4+D5'],
        untouched: ['B2', 'C2', 'D2'],
      },
    ],
    fault: { cell: 'C4', value: 18, found: ['C4', 'B4', 'C3'] },
  },
  {
    name: 'a spacer row under a header with a blank corner, captions above',
    tsv: `○ 동별 거래 현황
(단위 : 건)
\t계\t매매\t증여

계\t60\t40\t20
가동\t25\t15\t10
나동\t35\t25\t10`,
    tables: [
      {
        range: 'A3:D7',
        headerRows: 2,
        labelCols: 1,
        kind: 'crosstab',
        title: '동별 거래 현황',
        relations: ['B5=C5+D5', 'B5=B6+B7', 'D5=D6+D7'],
        untouched: ['B4', 'C4', 'D4'],
      },
    ],
    fault: { cell: 'D7', value: 12, found: ['D7', 'B7', 'D5'] },
  },
  {
    name: 'a spacer row under a two-row pasted header',
    tsv: `구분\t2019년\t\t2020년\t
\t건수\t금액\t건수\t금액

계\t30\t300\t40\t400
공사\t10\t100\t15\t150
용역\t20\t200\t25\t250`,
    tables: [
      {
        range: 'A1:E6',
        headerRows: 3,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B4=B5+B6', 'C4=C5+C6', 'D4=D5+D6', 'E4=E5+E6'],
      },
    ],
    fault: { cell: 'E5', value: 160, found: ['E5', 'E4'] },
  },
  {
    name: 'a spacer row under a header with a blank cell in it (two label columns)',
    tsv: `구분\t\t2019년\t2020년\t2021년

세입\t계\t300\t330\t360
\t지방세\t200\t220\t240
\t세외수입\t100\t110\t120`,
    tables: [
      {
        range: 'A1:E5',
        headerRows: 2,
        labelCols: 2,
        kind: 'crosstab',
        relations: ['C3=C4+C5', 'D3=D4+D5', 'E3=E4+E5'],
      },
    ],
    fault: { cell: 'D5', value: 130, found: ['D5', 'D3'] },
  },
  {
    name: 'a spacer row under the header of a table whose body a blank column splits',
    tsv: `□ 2021년 소요예산 : 300천원
(단위 : 천원)
구분\t계\t2020년\t2021년\t2022년

계\t500\t\t300\t200
구비\t500\t\t300\t200`,
    tables: [
      {
        range: 'A3:E6',
        headerRows: 2,
        labelCols: 1,
        kind: 'budget-by-year',
        relations: ['B5=C5+D5+E5', 'B6=C6+D6+E6'],
      },
    ],
    fault: { cell: 'E6', value: 210, found: ['E6', 'B6', 'E5'] },
  },
  {
    name: 'two blank spacer rows under the header',
    tsv: `구분\t계\t매매\t증여


계\t60\t40\t20
가동\t25\t15\t10
나동\t35\t25\t10`,
    tables: [
      {
        range: 'A1:D6',
        headerRows: 3,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B4=C4+D4', 'B4=B5+B6'],
      },
    ],
    fault: { cell: 'B6', value: 36, found: ['B6', 'B4'] },
  },
  {
    name: 'an ordinal header row (1회 2회 3회)',
    tsv: `구분\t계\t1회\t2회\t3회
계\t30\t10\t10\t10
본회의\t12\t4\t4\t4
위원회\t18\t6\t6\t6`,
    tables: [
      {
        range: 'A1:E4',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=C2+D2+E2', 'B3=C3+D3+E3', 'B2=B3+B4', 'C2=C3+C4', 'E2=E3+E4'],
      },
    ],
    fault: { cell: 'D3', value: 5, found: ['D3', 'B3', 'D2'] },
  },
  {
    name: 'ordinals under each year of a two-row header',
    tsv: `구분\t2020년\t\t\t2021년\t\t
\t계\t1회\t2회\t계\t1회\t2회
본회의\t10\t4\t6\t12\t5\t7
위원회\t20\t8\t12\t22\t10\t12
합계\t30\t12\t18\t34\t15\t19`,
    tables: [
      {
        range: 'A1:G5',
        headerRows: 2,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B3=C3+D3', 'E4=F4+G4', 'B5=B3+B4', 'G5=G3+G4'],
      },
    ],
    fault: { cell: 'F4', value: 11, found: ['F4', 'E4', 'F5'] },
  },
  {
    name: 'rows named by ordinals (1회 2회 3회) under a 계 row',
    tsv: `회차\t안건\t가결\t부결
계\t30\t25\t5
1회\t10\t8\t2
2회\t12\t10\t2
3회\t8\t7\t1`,
    tables: [
      {
        range: 'A1:D5',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=B3+B4+B5', 'C2=C3+C4+C5', 'D2=D3+D4+D5'],
        untouched: ['A2', 'A3', 'A4', 'A5'],
      },
    ],
    fault: { cell: 'C4', value: 11, found: ['C4', 'C2', 'B4'] },
  },
  {
    name: 'side-by-side tables whose titles share a row, the right title over the spacer column',
    tsv: `○ A표\t\t\t\t○ B표
구분\t계\t가\t나\t\t구분\t계\t다\t라
x\t3\t1\t2\t\tp\t7\t3\t4
y\t5\t2\t3\t\tq\t9\t4\t5
z\t7\t3\t4\t\tr\t11\t5\t6`,
    tables: [
      { range: 'A2:D5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'A표', relations: ['B3=C3+D3', 'B5=C5+D5'] },
      { range: 'F2:I5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'B표', relations: ['G3=H3+I3', 'G5=H5+I5'] },
    ],
    fault: { cell: 'H4', value: 6, found: ['H4', 'G4'] },
  },
  {
    name: 'side-by-side tables with two body rows: the title line is a caption, not a header',
    tsv: `○ A표\t\t\t\t○ B표
구분\t계\t가\t나\t\t구분\t계\t다\t라
x\t3\t1\t2\t\tp\t7\t3\t4
y\t5\t2\t3\t\tq\t9\t4\t5`,
    tables: [
      { range: 'A2:D4', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'A표', relations: ['B3=C3+D3', 'B4=C4+D4'] },
      { range: 'F2:I4', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'B표', relations: ['G3=H3+I3', 'G4=H4+I4'] },
    ],
    fault: { cell: 'C3', value: 4, found: ['C3', 'B3'] },
  },
  {
    name: 'side-by-side tables with unmarked titles, the right one over the spacer column',
    tsv: `A표 현황\t\t\t\tB표 현황
구분\t계\t가\t나\t\t구분\t계\t다\t라
x\t3\t1\t2\t\tp\t7\t3\t4
y\t5\t2\t3\t\tq\t9\t4\t5
z\t7\t3\t4\t\tr\t11\t5\t6`,
    tables: [
      { range: 'A2:D5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'A표 현황', relations: ['B3=C3+D3'] },
      { range: 'F2:I5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'B표 현황', relations: ['G3=H3+I3'] },
    ],
    fault: { cell: 'I5', value: 7, found: ['I5', 'G5'] },
  },
  {
    name: 'side-by-side tables with titles and unit lines in one row, a unit line in the spacer column',
    tsv: `○ A표\t\t\t\t(단위 : 건)\t○ B표\t\t\t(단위 : 천원)
구분\t계\t가\t나\t\t구분\t계\t다\t라
x\t3\t1\t2\t\tp\t7\t3\t4
y\t5\t2\t3\t\tq\t9\t4\t5
z\t7\t3\t4\t\tr\t11\t5\t6`,
    tables: [
      { range: 'A2:D5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'A표', unit: '건', relations: ['B3=C3+D3'] },
      { range: 'F2:I5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'B표', unit: '천원', relations: ['G3=H3+I3'] },
    ],
    fault: { cell: 'C4', value: 1, found: ['C4', 'B4'] },
  },
  {
    name: 'three tables side by side, each title over the spacer column left of its table',
    tsv: `○ A표\t\t\t\t○ B표\t\t\t\t\t○ C표
구분\t계\t가\t나\t\t구분\t계\t다\t라\t\t구분\t계\t마\t바
x\t3\t1\t2\t\tp\t7\t3\t4\t\tu\t3\t1\t2
y\t5\t2\t3\t\tq\t9\t4\t5\t\tv\t3\t2\t1
z\t7\t3\t4\t\tr\t11\t5\t6\t\tw\t3\t0\t3`,
    tables: [
      { range: 'A2:D5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'A표', relations: ['B3=C3+D3'] },
      { range: 'F2:I5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'B표', relations: ['G3=H3+I3'] },
      { range: 'K2:N5', headerRows: 1, labelCols: 1, kind: 'crosstab', title: 'C표', relations: ['L3=M3+N3', 'L5=M5+N5'] },
    ],
    fault: { cell: 'N4', value: 2, found: ['N4', 'L4'] },
  },
  {
    name: 'the 계 row set apart at the bottom by a blank row',
    tsv: `구분\t계\t가\t나
x\t12\t4\t8
y\t18\t6\t12

계\t30\t10\t20`,
    tables: [
      {
        range: 'A1:D5',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=C2+D2', 'B5=C5+D5'],
      },
    ],
    fault: { cell: 'C3', value: 7, found: ['C3', 'B3', 'C5'] },
  },
  {
    name: 'the rows under a 계 row on top set apart by a blank row',
    tsv: `구분\t계\t가\t나
계\t30\t10\t20

x\t12\t4\t8
y\t18\t6\t12`,
    tables: [
      {
        range: 'A1:D5',
        headerRows: 1,
        labelCols: 1,
        kind: 'crosstab',
        relations: ['B2=C2+D2', 'B4=C4+D4', 'B5=C5+D5'],
      },
    ],
    fault: { cell: 'D5', value: 11, found: ['D5', 'B5', 'D2'] },
  },
];

function withValue(g: SheetGrid, a1: string, v: number): SheetGrid {
  const p = fromA1(a1)!;
  const cells = g.cells.map((row) => [...row]);
  while (cells[p.row].length <= p.col) cells[p.row].push(null);
  cells[p.row][p.col] = { v };
  return { ...g, cells };
}

describe.each(CASES)('$name', ({ tsv, tables: want, fault }) => {
  for (const at of ['A1', 'C4']) {
    const offset = (a1: string): string => {
      const p = fromA1(a1)!;
      const o = fromA1(at)!;
      return refToA1({ row: p.row + o.row, col: p.col + o.col });
    };
    const shift = (range: string): string => range.split(':').map(offset).join(':');

    test(`at ${at}: every table found with its header, body and relations, and no error`, () => {
      const result = checkWorkbook([pasted(tsv, at)]);
      expect(result.tables.map((t) => rangeToA1(t.range))).toEqual(want.map((w) => shift(w.range)));
      want.forEach((w, i) => {
        const table = result.tables[i];
        expect({ headerRows: table.headerRows, labelCols: table.labelCols, kind: table.kind }).toEqual({
          headerRows: w.headerRows,
          labelCols: w.labelCols,
          kind: w.kind,
        });
        if (w.title !== undefined) expect(table.title).toBe(w.title);
        if (w.unit !== undefined) expect(table.unit).toBe(w.unit);
        const found = table.relations.map(short);
        expect(found).toEqual(expect.arrayContaining(w.relations.map((r) => r.replace(/[A-Z]+\d+/g, offset))));
        const touched = new Set(table.relations.flatMap(cellsOf));
        for (const cell of w.untouched ?? []) expect(touched.has(offset(cell))).toBe(false);
      });
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

    test(`at ${at}: the planted fault at ${fault.cell} is found`, () => {
      const result = checkWorkbook([withValue(pasted(tsv, at), offset(fault.cell), fault.value)]);
      const errors = result.findings.filter((f) => f.severity === 'error').map((f) => f.cell);
      expect(errors.some((cell) => fault.found.map(offset).includes(cell))).toBe(true);
    });
  }
});

describe('what still separates tables', () => {
  test('a blank row between a caption and the header keeps the caption a caption', () => {
    const result = checkWorkbook([pasted(`○ 현황\n(단위 : 건)\n\n구분\t계\t가\t나\n계\t30\t10\t20\nx\t12\t4\t8\ny\t18\t6\t12`)]);
    expect(result.tables.map((t) => [rangeToA1(t.range), t.headerRows, t.title])).toEqual([['A4:D7', 1, '현황']]);
  });

  test('a blank row before a new header starts a new table', () => {
    const table = `구분\t계\t가\t나\n계\t30\t10\t20\nx\t12\t4\t8\ny\t18\t6\t12`;
    const result = checkWorkbook([pasted(`${table}\n\n${table}`)]);
    expect(result.tables.map((t) => [rangeToA1(t.range), t.headerRows])).toEqual([
      ['A1:D4', 1],
      ['A6:D9', 1],
    ]);
  });

  test('a blank row before a title line starts a new table', () => {
    const result = checkWorkbook([pasted(`구분\t계\t가\t나\n계\t3\t1\t2\nx\t3\t1\t2\n\n○ 다음 표\n구분\t계\t다\t라\n계\t7\t3\t4\np\t7\t3\t4`)]);
    expect(result.tables.map((t) => [rangeToA1(t.range), t.headerRows, t.title ?? null])).toEqual([
      ['A1:D3', 1, null],
      ['A6:D8', 1, '다음 표'],
    ]);
  });

  test('a wrapped list (a label header again between the figures) stays a text table', () => {
    const result = checkWorkbook([pasted(`분야\t한도액\t분야\t한도액\n교통\t100\t복지\t200\n경제\t300\t환경\t400\n교육\t500\t\t`)]);
    expect(result.tables.map((t) => t.kind)).toEqual(['text']);
  });

  test('counts written with their unit (4회) under a header stay body rows', () => {
    const result = checkWorkbook([pasted(`구분\t계\t본회의\t위원회\n가\t3회\t1회\t2회\n나\t6회\t2회\t4회\n다\t9회\t3회\t6회`)]);
    expect(result.tables.map((t) => [rangeToA1(t.range), t.headerRows])).toEqual([['A1:D4', 1]]);
    expect(result.tables[0].relations.map(short)).toEqual(expect.arrayContaining(['B2=C2+D2', 'B4=C4+D4']));
  });

  test('a row of plain numbers at the top is body, not an ordinal header', () => {
    const result = checkWorkbook([pasted(`가\t6\t1\t2\t3\n나\t9\t2\t3\t4\n다\t12\t3\t4\t5`)]);
    expect(result.tables.map((t) => [rangeToA1(t.range), t.headerRows])).toEqual([['A1:E3', 0]]);
  });
});
