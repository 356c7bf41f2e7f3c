import { referenceText } from '../../../test/fixtures/reference';
import { checkWorkbook } from '../check-workbook';
import { rangeToA1, refToA1 } from '../grid/a1';
import type { Relation } from '../model/table';
import { REGISTRY_SHEET } from '../registry';
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

function sums(rels: Relation[]): string[] {
  return rels
    .filter((r) => r.type === 'sum')
    .map((r) => (r.type === 'sum' ? `${refToA1(r.total)}=${r.parts.map(refToA1).sort().join('+')}` : ''))
    .sort();
}

describe('the reference report imported', () => {
  const imported = importReportText(referenceText(), { now: '2026-01-01T00:00:00.000Z' });
  const department = imported.sheets.filter((s) => s.name !== REGISTRY_SHEET);
  const unregistered = checkWorkbook(department);
  const registered = checkWorkbook(imported.sheets);

  it('registers the numeric tables whose spec says everything detection finds, and names why the others are not', () => {
    const ids = imported.tables.filter((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(13);
    for (const t of imported.tables) expect(t.id !== undefined || (t.unregistered ?? '') !== '').toBe(true);
    for (const t of imported.tables.filter((x) => x.kind === 'text')) expect(t.id).toBeUndefined();
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
