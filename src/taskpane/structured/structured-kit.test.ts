import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../engine';
import { applyCellWrites } from '../../engine/undo';
import type { SheetGrid } from '../../engine/grid/types';
import { rangeFromA1 } from '../../engine/grid/a1';
import { REGISTRY_SHEET, registryFromSheets, registrySheetWrites } from '../../engine/registry';
import { planSummary, galleryKinds, planAdopt, planReportImport, planTemplateInsert, previewReport, structuredTables, tableForClipboard } from './structured-kit';
import type { WorkbookChange } from './workbook-change';

const NOW = '2026-11-28T00:00:00.000Z';
const REPORT = join(__dirname, '../../../../shared/reference/000_79a52df77821ab51.txt');

/** The change drawn onto grids, as an adapter would (sheets added, cells written, tables registered, merges made). */
function applyChange(sheets: SheetGrid[], change: WorkbookChange): SheetGrid[] {
  let out = [...sheets];
  const sheetsToAdd = [...change.sheets, ...(change.register.length ? [{ name: REGISTRY_SHEET, state: 'veryHidden' as const }] : [])];
  for (const s of sheetsToAdd) {
    if (!out.some((x) => x.name === s.name)) out.push({ name: s.name, cells: [], merges: [], state: s.state === 'veryHidden' ? 'veryHidden' : undefined });
  }
  out = applyCellWrites(out, change.writes);
  if (change.register.length) {
    const rows = registrySheetWrites(out.find((x) => x.name === REGISTRY_SHEET), [...registryFromSheets(out).entries, ...change.register]);
    out = applyCellWrites(out, rows);
  }
  return out.map((s) => ({ ...s, merges: [...s.merges, ...change.merges.filter((m) => m.sheet === s.name).map((m) => m.range)] }));
}

describe('gallery', () => {
  it('offers every kind with a header preview drawn for the year span', () => {
    const kinds = galleryKinds({ from: 2020, to: 2023 });
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['budget-by-year', 'lawsuits', 'bylaws', 'crosstab']));
    const budget = kinds.find((k) => k.kind === 'budget-by-year')!;
    expect(budget.takesYears).toBe(true);
    expect(budget.headers.map((h) => h.text)).toEqual(['재원별', '합계', '연차별 소요재원', '2020년', '2021년', '2022년', '2023년']);
    expect(budget.headers.find((h) => h.text === '연차별 소요재원')).toMatchObject({ colSpan: 4, rowSpan: 1 });
    expect(kinds.find((k) => k.kind === 'bylaws')!.takesYears).toBe(false);
  });
});

describe('template insert', () => {
  it("puts a new team's table on a new sheet named after the team, registered, with merges and live formulas", () => {
    const planned = planTemplateInsert([], { kind: 'budget-by-year', years: { from: 2020, to: 2023 }, team: '예산팀', where: { kind: 'team-sheet' }, now: NOW });
    if (!planned.ok) throw new Error(planned.reason);
    const { change } = planned;
    // The registry sheet is the adapter's business; the change names the tables to register.
    expect(change.sheets).toEqual([{ name: '예산팀', state: 'visible' }]);
    expect(change.merges.length).toBeGreaterThan(0);
    expect(change.register).toEqual(planned.entries);
    expect(change.register[0]).toMatchObject({ sheet: '예산팀', range: rangeFromA1('A3:F7') });
    expect(change.writes.some((w) => w.sheet === REGISTRY_SHEET)).toBe(false);
    expect(change.writes.some((w) => w.sheet === '예산팀' && w.formula?.startsWith('SUM('))).toBe(true);
    expect(change.writes.some((w) => w.fmt === '#,##0;"△"#,##0;"-"')).toBe(true);
    const book = applyChange([], change);
    expect(structuredTables(book).map((e) => [e.sheet, e.kind])).toEqual([['예산팀', 'budget-by-year']]);
    const result = checkWorkbook(book);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('goes below what the team sheet already holds, and a second table gets its own id', () => {
    const first = planTemplateInsert([], { kind: 'bylaws', years: { from: 2020, to: 2022 }, team: '법무팀', where: { kind: 'team-sheet' }, now: NOW });
    if (!first.ok) throw new Error(first.reason);
    const book = applyChange([], first.change);
    const second = planTemplateInsert(book, { kind: 'lawsuits', years: { from: 2018, to: 2020 }, team: '법무팀', where: { kind: 'team-sheet' }, now: NOW });
    if (!second.ok) throw new Error(second.reason);
    expect(second.change.sheets).toEqual([]);
    const firstBottom = first.entries[0].range.r1;
    expect(second.entries[0].range.r0).toBeGreaterThan(firstBottom + 1);
    expect(second.entries[0].id).not.toBe(first.entries[0].id);
    expect(structuredTables(applyChange(book, second.change))).toHaveLength(2);
  });

  it('refuses a selection over cells that hold something, naming one', () => {
    const sheet: SheetGrid = { name: 'S', cells: [[null], [null, { v: 5 }]], merges: [] };
    const planned = planTemplateInsert([sheet], { kind: 'crosstab', years: { from: 2020, to: 2021 }, team: '', where: { kind: 'selection', sheet: 'S', at: { row: 0, col: 0 } }, now: NOW });
    expect(planned).toEqual({ ok: false, reason: 'occupied', detail: 'B2' });
  });

  it('refuses a year span backwards and a team sheet without a team', () => {
    expect(planTemplateInsert([], { kind: 'lawsuits', years: { from: 2021, to: 2019 }, team: 'x', where: { kind: 'team-sheet' }, now: NOW })).toMatchObject({ ok: false, reason: 'bad-span' });
    expect(planTemplateInsert([], { kind: 'lawsuits', years: { from: 2019, to: 2021 }, team: '  ', where: { kind: 'team-sheet' }, now: NOW })).toMatchObject({ ok: false, reason: 'no-team' });
  });
});

describe('adopt', () => {
  const sheet: SheetGrid = {
    name: '팀',
    cells: [
      [{ v: '구분' }, { v: '합계' }, { v: '갑' }, { v: '을' }, { v: '비고' }],
      [{ v: '계' }, { v: 60 }, { v: 30 }, { v: 30 }, { v: null }],
      [{ v: '가' }, { v: 30 }, { v: 10 }, { v: 20 }, { v: null }],
      [{ v: '나' }, { v: 30 }, { v: 20 }, { v: 10 }, { v: null }],
    ],
    merges: [],
  };
  it('registers a detected table; an unticked total row is no longer a total', () => {
    const table = checkWorkbook([sheet]).tables[0];
    const plain = planAdopt([sheet], { table, notTotalRows: [], notPartColumns: [], unit: '건', now: NOW });
    const corrected = planAdopt([sheet], { table, notTotalRows: [1], notPartColumns: [], unit: '건', now: NOW });
    if (!plain.ok || !corrected.ok) throw new Error('not adopted');
    const rowSums = (p: typeof plain) => p.entries[0].spec.relations.filter((r) => r.type === 'sum' && r.over === 'rows').length;
    expect(rowSums(plain)).toBe(1);
    expect(rowSums(corrected)).toBe(0);
    expect(structuredTables(applyChange([sheet], plain.change)).map((e) => e.sheet)).toEqual(['팀']);
    expect(plain.change).toMatchObject({ sheets: [], merges: [], writes: [] });
    expect(plain.change.register[0]).toMatchObject({ sheet: '팀', range: rangeFromA1('A1:E4') });
  });
});

describe('report import', () => {
  const text = readFileSync(REPORT, 'utf8');
  it('previews the reference report: tables per department sheet', () => {
    const preview = previewReport([], text);
    expect(preview.tables).toBeGreaterThan(10);
    expect(preview.sheets.reduce((n, s) => n + s.tables, 0)).toBe(preview.tables);
    expect(preview.sheets[0].name).toBe('기획예산과');
  });

  it('renames a department sheet the workbook already has, and keeps ids apart from tables already registered', () => {
    const first = planReportImport([], text, NOW);
    if (!first.ok) throw new Error(first.reason);
    const book = applyChange([{ name: 'Sheet1', cells: [], merges: [] }], first.change);
    const again = planReportImport(book, text, NOW);
    if (!again.ok) throw new Error(again.reason);
    expect(again.change.activate).toBe('기획예산과 (2)');
    const all = structuredTables(applyChange(book, again.change));
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.length).toBe(first.entries.length * 2);
  });

  it('says when the text holds no table', () => {
    expect(planReportImport([], '그냥 문장입니다.', NOW)).toMatchObject({ ok: false, reason: 'no-tables' });
  });
});

describe('clipboard export', () => {
  it('gives a real table with the unit line in HTML, and tab-separated text', () => {
    const planned = planTemplateInsert([], { kind: 'budget-by-year', years: { from: 2020, to: 2021 }, team: 'T', where: { kind: 'team-sheet' }, now: NOW });
    if (!planned.ok) throw new Error(planned.reason);
    const book = applyChange([], planned.change);
    const out = tableForClipboard(book, 'T', planned.entries[0].range)!;
    expect(out.html).toMatch(/<table/);
    expect(out.html).toMatch(/colspan="2"/);
    expect(out.html).toContain('천원');
    expect(out.text.split('\n').some((l) => l.includes('\t'))).toBe(true);
    expect(tableForClipboard(book, 'missing', planned.entries[0].range)).toBeNull();
  });
});

describe('bureau summary', () => {
  it('lists the budget tables on a summary sheet with a year-totals range for the chart; none without budget tables', () => {
    const planned = planTemplateInsert([], { kind: 'budget-by-year', years: { from: 2020, to: 2023 }, team: '예산팀', where: { kind: 'team-sheet' }, now: NOW });
    if (!planned.ok) throw new Error(planned.reason);
    const book = applyChange([], planned.change);
    const summary = planSummary(book)!;
    expect(summary.tables).toBe(1);
    expect(summary.change.sheets).toEqual([{ name: '총괄', state: 'visible' }]);
    expect(summary.change.writes.some((w) => w.formula?.includes("'예산팀'!"))).toBe(true);
    const chart = summary.chart!;
    expect(chart.sheet).toBe('총괄');
    const header = summary.change.writes.filter((w) => w.row === chart.categories!.r0 && w.col >= chart.range.c0 && w.col <= chart.range.c1).map((w) => w.value);
    expect(header).toEqual(['2020년', '2021년', '2022년', '2023년']);
    expect(chart.range.c1 - chart.range.c0).toBe(3);
    expect(planSummary([{ name: 'S', cells: [[{ v: 'x' }]], merges: [] }])).toBeNull();
  });
});
