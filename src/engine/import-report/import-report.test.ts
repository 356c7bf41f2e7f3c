import { referenceText } from '../../../test/fixtures/reference';
import { checkWorkbook } from '../check-workbook';
import { fromA1, rangeToA1, refToA1 } from '../grid/a1';
import type { CellRef, SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { Relation } from '../model/table';
import { REGISTRY_SHEET, registryFromSheets } from '../registry';
import { guessUnit, importReportText, REPORT_NUMBER_FORMAT, reportNumberFormat, typedFigure } from '.';

describe('typedFigure: plain figures become numbers, the rest stays as the report writes it', () => {
  it.each([
    ['19,000', { v: 19000, fmt: REPORT_NUMBER_FORMAT }],
    ['5000', { v: 5000, fmt: REPORT_NUMBER_FORMAT }],
    ['0', { v: 0, fmt: REPORT_NUMBER_FORMAT }],
    ['△1,200', { v: -1200, fmt: REPORT_NUMBER_FORMAT }],
    ['12.5', { v: 12.5, fmt: reportNumberFormat(1) }],
    ['-', null],
    ['22(22)', null],
    ['766(84.5%)', null],
    ['4회', null],
    ['84.5%', null],
    ['(1,200)', null],
    ['61,800 ¹⁾', null],
    ['진행 중', null],
  ])('%p', (text, want) => {
    expect(typedFigure(text)).toEqual(want);
  });

  it('formats keep the decimals as written', () => {
    expect(reportNumberFormat(2)).toBe('#,##0.00;"△"#,##0.00;"-"');
  });
});

const refText = (r: CellRef) => (r.comp === undefined ? refToA1(r) : `${refToA1(r)}[${r.comp}]`);

function sums(rels: Relation[]): string[] {
  return rels
    .filter((r) => r.type === 'sum')
    .map((r) => (r.type === 'sum' ? `${refText(r.total)}=${r.parts.map(refText).sort().join('+')}` : ''))
    .sort();
}

/** Every relation as the cells (and components) it ties, so a spec's check can be compared with detection's. */
function equations(rels: Relation[]): string[] {
  return rels
    .map((r) => {
      switch (r.type) {
        case 'sum':
          return `sum ${refText(r.total)}=${r.parts.map(refText).sort().join('+')}`;
        case 'rate':
          return `rate ${refText(r.target)}=${refText(r.numerator)}/${refText(r.denominator)}×${r.scale} (${r.decimals})`;
        case 'diff':
          return `diff ${refText(r.target)}=${refText(r.later)}-${refText(r.earlier)}`;
        case 'caption':
          return `caption ${refText(r.caption)}: ${refText(r.cell)}=${r.amount}`;
      }
    })
    .sort();
}

/** The sheet with one cell's value replaced (its format kept). */
function edited(sheet: SheetGrid, a1: string, v: string | number): SheetGrid {
  const at = fromA1(a1)!;
  const cells = sheet.cells.map((line) => [...line]);
  const was = cells[at.row][at.col];
  expect(typeof was?.v).toBe(typeof v);
  expect(was?.v).not.toEqual(v);
  cells[at.row][at.col] = { ...was, v };
  return { ...sheet, cells };
}

const errorsAt = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.cell}`)
    .sort();

describe('the reference report imported', () => {
  const imported = importReportText(referenceText(), { now: '2026-01-01T00:00:00.000Z' });
  const department = imported.sheets.filter((s) => s.name !== REGISTRY_SHEET);
  const unregistered = checkWorkbook(department);
  const registered = checkWorkbook(imported.sheets);

  it('registers every numeric table (compound cells and unit-less counts included), and says why text tables are not', () => {
    const ids = imported.tables.filter((t) => t.id);
    expect(imported.tables.filter((t) => t.kind !== 'text' && !t.id).map((t) => `${rangeToA1(t.range)}: ${t.unregistered}`)).toEqual([]);
    expect(ids.length).toBe(18);
    for (const t of imported.tables.filter((x) => x.kind === 'text')) {
      expect(t.id).toBeUndefined();
      expect(t.problems).toEqual([{ code: 'adopt.text-table', path: ['kind'], message: expect.any(String) }]);
    }
    expect(imported.definedNames.map((n) => n.name)).toEqual(ids.map((t) => `RT_${t.id}`));
    expect(imported.definedNames[0].reference).toMatch(/^'기획예산과'!\$A\$\d+:\$[A-Z]+\$\d+$/);
  });

  it('a registered table is checked by its spec with the same sums detection infers', () => {
    for (const t of imported.tables.filter((x) => x.id)) {
      const bySpec = registered.tables.find((x) => x.sheet === t.sheet && rangeToA1(x.range) === rangeToA1(t.range))!;
      const byDetection = unregistered.tables.find((x) => x.sheet === t.sheet && rangeToA1(x.range) === rangeToA1(t.range))!;
      expect(bySpec.relations.every((r) => r.type !== 'sum' || r.evidence === 'spec')).toBe(true);
      expect({ range: rangeToA1(t.range), sums: sums(bySpec.relations) }).toEqual({ range: rangeToA1(t.range), sums: sums(byDetection.relations) });
    }
  });

  it('a registered table is checked by its spec exactly as detection checks it: sums, rates and captions, components included', () => {
    for (const t of imported.tables.filter((x) => x.id)) {
      const bySpec = registered.tables.find((x) => x.sheet === t.sheet && rangeToA1(x.range) === rangeToA1(t.range))!;
      const byDetection = unregistered.tables.find((x) => x.sheet === t.sheet && rangeToA1(x.range) === rangeToA1(t.range))!;
      expect({ range: rangeToA1(t.range), relations: equations(bySpec.relations) }).toEqual({ range: rangeToA1(t.range), relations: equations(byDetection.relations) });
    }
  });

  it('declares compound components in the specs of staffing and the participatory budget, and no unit for a count table that names none', () => {
    const entry = (a1: string) => registryFromSheets(imported.sheets).entries.find((e) => rangeToA1(e.range) === a1)!;
    const staffing = entry('A11:H12').spec;
    expect(staffing.unit).toBe('명');
    expect(staffing.relations.filter((r) => r.type === 'sum').map((r) => r.comp)).toEqual([
      { total: 0, parts: 0 },
      { total: 1, parts: 1 },
    ]);
    expect(staffing.relations.filter((r) => r.type === 'caption').map((r) => [r.year, r.comp])).toEqual([
      [undefined, { cell: 0 }],
      [undefined, { cell: 1 }],
    ]);
    const participatory = entry('A75:E81').spec;
    expect(participatory.unit).toBe('백만원');
    expect(participatory.relations).toEqual([
      expect.objectContaining({ type: 'rate', over: 'rows', target: ['집행액 (집행률)'], numerator: ['집행액 (집행률)'], denominator: ['편성현황 (건 / 백만원)'], comp: { target: 1, numerator: 0, denominator: 1 } }),
    ]);
    expect(entry('A112:K113').spec.unit).toBe('');
  });

  // A fault planted in one component of a compound cell (or in a caption's figure) is found by the registered
  // spec just as detection finds it.
  it.each([
    ['a 4급 정원 changed', 'D12', '2(1)'],
    ['a 7급 현원 changed', 'F12', '6(8)'],
    ['the 합계 현원 changed', 'A12', '22(23)'],
    ['the caption 정원 changed', 'A9', '□ 인 력 : 정원 23명(현원 22명)'],
    ['a stated 집행률 changed', 'B78', '766(85.5%)'],
    ['a 편성 amount changed', 'B77', '35건/ 960백만원'],
    ['an 집행액 changed', 'B78', '700(84.5%)'],
    ['a monitoring count changed (no unit)', 'D113', 3],
  ])('%s (%s)', (_name, a1, value) => {
    const faulty = edited(department[0], a1, value);
    const byDetection = checkWorkbook([faulty, ...department.slice(1)]).findings;
    const bySpec = checkWorkbook([faulty, ...imported.sheets.slice(1)]).findings;
    expect(errorsAt(byDetection).length).toBeGreaterThan(0);
    expect(errorsAt(bySpec)).toEqual(errorsAt(byDetection));
    expect(bySpec.filter((f) => f.rule === 'spec.mismatch')).toEqual([]);
  });

  it('checks clean either way', () => {
    expect(registered.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(unregistered.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('guesses a unit only from what the table writes', () => {
    const sheet = department[0];
    const byRange = (a1: string) => unregistered.tables.find((t) => rangeToA1(t.range) === a1)!;
    expect(['회', '건']).toContain(guessUnit(sheet, byRange('A197:G201')));
    expect(guessUnit(sheet, byRange('A11:H12'))).toBe('명');
    expect(guessUnit(sheet, byRange('A75:E81'))).toBe('백만원');
  });

  it('a text without tables gives no sheets', () => {
    expect(importReportText('□ 추진계획\n- 내용\n')).toMatchObject({ sheets: [], tables: [], definedNames: [] });
  });
});
