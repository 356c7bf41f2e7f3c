/**
 * Generated department tables (tax, contracts, real estate, arrears, row groups) with random headers, label
 * layouts, figures typed as numbers or as text, captions and placement: detection must recover exactly the range,
 * header rows, label columns and every column and row path the generator drew.
 */
import fc from 'fast-check';
import { rangeToA1 } from '../grid/a1';
import type { CellRange } from '../grid/types';
import { normalizeLabel } from '../labels';
import { sheet, type Plain } from '../test-support';
import { toA1 } from '../grid/a1';
import { detectTables } from '.';

interface Spec {
  twoLabelCols: boolean;
  groupedHeader: boolean;
  years: number[];
  yearStyle: 'word' | 'number' | 'apostrophe';
  subColumns: string[];
  extraColumns: string[];
  groups: { name: string; items: string[] }[];
  totalOnTop: boolean;
  mergeHeaders: boolean;
  figureStyle: 'number' | 'text' | 'mixed';
  title: string | null;
  unit: string | null;
  blankAfterCaptions: number;
  footnote: boolean;
  seed: number;
}

interface Drawn {
  title?: string;
  unit?: string;
  footnote: boolean;
  rows: Plain[][];
  merges: string[];
  /** Header + body range relative to the block's origin. */
  range: CellRange;
  headerRows: number;
  labelCols: number;
  columns: string[][];
  rowPaths: string[][];
}

const ITEMS = ['가산동', '독산1동', '독산2동', '시흥1동', '취득세', '재산세', '자동차세', '공사', '용역', '물품', '인건비', '운영비'];
const SUBS = ['건수', '금액', '부과액', '징수액'];
const EXTRA = ['증감', '징수율(%)', '비고'];

const specArb: fc.Arbitrary<Spec> = fc.record({
  twoLabelCols: fc.boolean(),
  groupedHeader: fc.boolean(),
  years: fc.integer({ min: 2015, max: 2021 }).chain((start) => fc.integer({ min: 1, max: 4 }).map((n) => Array.from({ length: n }, (_, i) => start + i))),
  yearStyle: fc.constantFrom('word' as const, 'number' as const, 'apostrophe' as const),
  subColumns: fc.shuffledSubarray(SUBS, { minLength: 2, maxLength: 2 }),
  extraColumns: fc.shuffledSubarray(EXTRA, { minLength: 0, maxLength: 2 }),
  groups: fc.array(
    fc.record({
      name: fc.constantFrom('일반회계', '특별회계', '기금', '국세', '지방세'),
      items: fc.shuffledSubarray(ITEMS, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  totalOnTop: fc.boolean(),
  mergeHeaders: fc.boolean(),
  figureStyle: fc.constantFrom('number' as const, 'text' as const, 'mixed' as const),
  title: fc.option(fc.constantFrom('□ 지방세 징수 현황', '○ 동별 부동산 거래 현황', '계약 현황', '- 체납액 정리 실적'), { nil: null }),
  unit: fc.option(fc.constantFrom('(단위 : 천원)', '(단위: 건)', '(2020. 10월말 기준, 단위 : 백만원)'), { nil: null }),
  blankAfterCaptions: fc.integer({ min: 0, max: 2 }),
  footnote: fc.boolean(),
  seed: fc.nat(),
});

function yearText(year: number, style: Spec['yearStyle']): Plain {
  if (style === 'number') return year;
  if (style === 'apostrophe') return `'${String(year).slice(2)}`;
  return `${year}년`;
}

/** Draw a table from a spec, with the truth detection must find. */
function draw(spec: Spec): Drawn {
  let seed = spec.seed || 1;
  const random = (max: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % max;
  };
  const figure = (): Plain => {
    const value = 1 + random(90000);
    const asText = spec.figureStyle === 'text' || (spec.figureStyle === 'mixed' && random(2) === 0);
    return asText ? value.toLocaleString('en-US') : value;
  };
  const labelCols = spec.twoLabelCols ? 2 : 1;
  const dataColumns: { top: string; sub?: string }[] = [];
  for (const year of spec.years) {
    if (spec.groupedHeader) for (const sub of spec.subColumns) dataColumns.push({ top: String(year), sub });
    else dataColumns.push({ top: String(year) });
  }
  for (const extra of spec.extraColumns) dataColumns.push({ top: extra });
  const headerRows = spec.groupedHeader ? 2 : 1;
  const width = labelCols + dataColumns.length;
  const rows: Plain[][] = [];
  const merges: string[] = [];
  const captions: Plain[][] = [];
  if (spec.title) captions.push([spec.title]);
  if (spec.unit) captions.push([spec.unit]);
  const top = captions.length === 0 ? 0 : captions.length + spec.blankAfterCaptions;
  rows.push(...captions);
  for (let i = 0; i < spec.blankAfterCaptions && captions.length > 0; i++) rows.push([]);

  // Header rows: 구분 over the label columns, years (with sub-columns under them), extra columns.
  const header1: Plain[] = ['구분', ...(labelCols === 2 ? [null] : [])];
  const header2: Plain[] = new Array(labelCols).fill(null);
  const columns: string[][] = Array.from({ length: labelCols }, () => ['구분']);
  let col = labelCols;
  for (const year of spec.years) {
    const text = yearText(year, spec.yearStyle);
    if (spec.groupedHeader) {
      header1.push(text, ...new Array(spec.subColumns.length - 1).fill(null));
      header2.push(...spec.subColumns);
      if (spec.mergeHeaders) merges.push(`${toA1(top, col)}:${toA1(top, col + spec.subColumns.length - 1)}`);
      for (const sub of spec.subColumns) columns.push([normalizeLabel(String(text)), sub]);
      col += spec.subColumns.length;
    } else {
      header1.push(text);
      columns.push([normalizeLabel(String(text))]);
      col++;
    }
  }
  for (const extra of spec.extraColumns) {
    header1.push(extra);
    header2.push(null);
    columns.push([extra]);
    if (spec.groupedHeader && spec.mergeHeaders) merges.push(`${toA1(top, col)}:${toA1(top + 1, col)}`);
    col++;
  }
  if (spec.mergeHeaders) {
    if (spec.groupedHeader) merges.push(`${toA1(top, 0)}:${toA1(top + 1, labelCols - 1)}`);
    else if (labelCols === 2) merges.push(`${toA1(top, 0)}:${toA1(top, 1)}`);
  }
  rows.push(header1);
  if (spec.groupedHeader) rows.push(header2);

  // Body: a total row on top or at the bottom, then groups (two label columns: group label, 소계, items).
  const body: { labels: Plain[]; path: string[] }[] = [];
  const totalRow = { labels: labelCols === 2 ? ['총계', null] : ['계'], path: [labelCols === 2 ? '총계' : '계'] };
  if (spec.totalOnTop) body.push(totalRow);
  const seen = new Set<string>();
  for (const group of spec.groups) {
    if (labelCols === 2) {
      if (seen.has(group.name)) continue;
      seen.add(group.name);
      body.push({ labels: [group.name, '소계'], path: [group.name, '소계'] });
      group.items.forEach((item) => body.push({ labels: [null, item], path: [group.name, item] }));
    } else {
      for (const item of group.items) {
        if (seen.has(item)) continue;
        seen.add(item);
        body.push({ labels: [item], path: [item] });
      }
    }
  }
  if (!spec.totalOnTop) body.push(totalRow);
  for (const line of body) {
    const values: Plain[] = dataColumns.map(() => figure());
    if (random(4) === 0) values[random(values.length)] = '-';
    rows.push([...line.labels, ...values]);
  }
  if (labelCols === 2 && spec.mergeHeaders) {
    // The 총계 row spans both label columns.
    const totalIndex = body.indexOf(totalRow);
    const r = top + headerRows + totalIndex;
    merges.push(`${toA1(r, 0)}:${toA1(r, 1)}`);
  }
  if (spec.footnote) rows.push(['주) 결산 기준, 2021년은 예산']);
  const units: Record<string, string> = { '(단위 : 천원)': '천원', '(단위: 건)': '건', '(2020. 10월말 기준, 단위 : 백만원)': '백만원' };
  return {
    title: spec.title ? spec.title.replace(/^[□○-]\s*/, '') : undefined,
    unit: spec.unit ? units[spec.unit] : undefined,
    footnote: spec.footnote,
    rows,
    merges,
    range: { r0: top, c0: 0, r1: top + headerRows + body.length - 1, c1: width - 1 },
    headerRows,
    labelCols,
    columns,
    rowPaths: body.map((b) => b.path),
  };
}

function checkDrawn(drawn: Drawn, at: { row: number; col: number }, tables: ReturnType<typeof detectTables>): void {
  const want = {
    r0: drawn.range.r0 + at.row,
    c0: drawn.range.c0 + at.col,
    r1: drawn.range.r1 + at.row,
    c1: drawn.range.c1 + at.col,
  };
  const table = tables.find((t) => rangeToA1(t.range) === rangeToA1(want));
  expect({ found: tables.map((t) => rangeToA1(t.range)), want: rangeToA1(want) }).toEqual({
    found: expect.arrayContaining([rangeToA1(want)]),
    want: rangeToA1(want),
  });
  if (!table) return;
  expect(table.headerRows).toBe(drawn.headerRows);
  expect(table.labelCols).toBe(drawn.labelCols);
  expect(table.kind).not.toBe('text');
  expect(table.columns.map((c) => c.path)).toEqual(drawn.columns);
  expect(table.rows.map((r) => r.path)).toEqual(drawn.rowPaths);
  expect(table.title).toBe(drawn.title);
  expect(table.unit).toBe(drawn.unit);
  expect(table.captions.filter((c) => c.kind === 'footnote').length).toBe(drawn.footnote ? 1 : 0);
}

function shiftMerges(merges: string[], row: number, col: number): string[] {
  return merges.map((m) =>
    m
      .split(':')
      .map((a) => {
        const match = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
        const c = match[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return toA1(Number(match[2]) - 1 + row, c + col);
      })
      .join(':'),
  );
}

test('a generated table alone, anywhere on the sheet', () => {
  fc.assert(
    fc.property(specArb, fc.nat(20), fc.nat(8), (spec, row, col) => {
      const drawn = draw(spec);
      const g = sheet('S', [{ at: toA1(row, col), rows: drawn.rows, merges: shiftMerges(drawn.merges, row, col) }]);
      const tables = detectTables(g);
      expect(tables).toHaveLength(1);
      checkDrawn(drawn, { row, col }, tables);
    }),
    { numRuns: 150 },
  );
});

test('two generated tables side by side and a third below them', () => {
  fc.assert(
    fc.property(specArb, specArb, specArb, fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), (a, b, c, gap, below) => {
      const [da, db, dc] = [draw(a), draw(b), draw(c)];
      const bCol = da.range.c1 + 1 + gap;
      const cRow = Math.max(da.rows.length, db.rows.length) + below;
      const g = sheet('S', [
        { at: 'A1', rows: da.rows, merges: da.merges },
        { at: toA1(0, bCol), rows: db.rows, merges: shiftMerges(db.merges, 0, bCol) },
        { at: toA1(cRow, 0), rows: dc.rows, merges: shiftMerges(dc.merges, cRow, 0) },
      ]);
      const tables = detectTables(g);
      expect(tables).toHaveLength(3);
      checkDrawn(da, { row: 0, col: 0 }, tables);
      checkDrawn(db, { row: 0, col: bCol }, tables);
      checkDrawn(dc, { row: cRow, col: 0 }, tables);
    }),
    { numRuns: 80 },
  );
});
