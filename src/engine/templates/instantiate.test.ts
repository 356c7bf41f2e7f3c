import fc from 'fast-check';
import { checkWorkbook } from '../check-workbook';
import { planWorkbookFill } from '../fill';
import { fromA1, rangeToA1, toA1 } from '../grid/a1';
import type { SheetGrid } from '../grid/types';
import { applyCellWrites } from '../undo';
import { defaultSpecs, makeBudgetByYearSpec, makeCouncilSessionsSpec, type TableSpec } from '../../specs';
import { drawTemplate, instantiateTemplate } from './instantiate';
import { filledTemplate, inputCells, registryEntryFor, registrySheet } from './test-support';

const specs = Object.entries(defaultSpecs()) as [string, TableSpec][];

function textAt(sheet: SheetGrid, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const cell = sheet.cells[Number(m[2]) - 1]?.[col];
  return cell?.f !== undefined ? `=${cell.f}` : (cell?.v ?? null);
}

/** Fill the way the fill command does: check, plan, apply, until nothing more is written. */
function fillAll(sheets: SheetGrid[]): SheetGrid[] {
  let current = sheets;
  for (let i = 0; i < 4; i++) {
    const plan = planWorkbookFill(current, checkWorkbook(current));
    if (plan.writes.length === 0) break;
    current = applyCellWrites(current, plan.writes);
  }
  return current;
}

describe('instantiateTemplate: the budget-by-year block of DESIGN.md', () => {
  const spec = makeBudgetByYearSpec({ from: 2020, to: 2023, sources: ['시비', '구비'] });
  const block = instantiateTemplate(spec, { sheet: '기획예산과', at: { row: 1, col: 1 }, title: '□ 청사 시설 개선' });
  const sheet = drawTemplate(block);

  it.each([
    ['B2', '□ 청사 시설 개선'],
    ['B3', '="□ 2021년 소요예산 : "&TEXT(E7,"#,##0")&"천원"'],
    ['G4', '(단위 : 천원)'],
    ['B5', '재원별'],
    ['C5', '합계'],
    ['D5', '연차별 소요재원'],
    ['D6', '2020년'],
    ['G6', '2023년'],
    ['B7', '계'],
    ['C7', '=SUM(D7:G7)'],
    ['E7', '=SUM(E8:E9)'],
    ['C9', '=SUM(D9:G9)'],
    ['B9', '구비'],
  ])('%s holds %s', (a1, expected) => {
    expect(textAt(sheet, a1)).toBe(expected);
  });

  it('registers the header and body, merges the headers, formats the body', () => {
    expect(rangeToA1(block.range)).toBe('B5:G9');
    expect(rangeToA1(block.block)).toBe('B2:G9');
    expect(block.merges.map(rangeToA1).sort()).toEqual(['B5:B6', 'C5:C6', 'D5:G5']);
    const body = block.writes.filter((w) => w.row >= 6 && w.col >= 2);
    expect(body.length).toBe(15);
    expect(body.every((w) => w.fmt === '#,##0;"△"#,##0;"-"')).toBe(true);
  });

  it('writes constants before the formulas that read them, totals of totals last', () => {
    const firstFormula = block.writes.findIndex((w) => w.formula !== undefined);
    expect(block.writes.slice(firstFormula).every((w) => w.formula !== undefined)).toBe(true);
    const order = block.writes.map((w) => toA1(w.row, w.col));
    expect(order.indexOf('C7')).toBeGreaterThan(order.indexOf('D7'));
  });
});

describe('instantiateTemplate: shapes', () => {
  it('lists non-adjacent parts instead of a range that takes in a non-part (parallel groups)', () => {
    const block = instantiateTemplate(makeCouncilSessionsSpec({ from: 2018, to: 2020 }), { sheet: 'S' });
    const sheet = drawTemplate(block);
    // 합계.횟수 (B) = 정례회.횟수 (D) + 임시회.횟수 (F): C and E are not parts.
    expect(textAt(sheet, 'B5')).toBe('=SUM(D5,F5)');
    expect(textAt(sheet, 'C5')).toBe('=SUM(E5,G5)');
  });

  it('guards a rate against a zero denominator and formats it 0.0', () => {
    const block = instantiateTemplate(defaultSpecs()['participatory-budget'], { sheet: 'P' });
    const rate = block.writes.find((w) => w.formula?.startsWith('IF('));
    expect(rate?.formula).toMatch(/^IF\([A-Z]+\d+=0,"",ROUND\([A-Z]+\d+\/[A-Z]+\d+\*100,1\)\)$/);
    expect(rate?.fmt).toBe('0.0');
    expect(rate?.value).toBe('');
  });

  it('writes a label that states its total as a constant the check and fill read', () => {
    const block = instantiateTemplate(defaultSpecs()['pledge-counts'], { sheet: 'P' });
    const label = block.writes.find((w) => typeof w.value === 'string' && w.value.startsWith('공약'));
    expect(label).toEqual({ sheet: 'P', row: 3, col: 0, value: '공약(0)' });
    expect(block.table.relations).toEqual([expect.objectContaining({ type: 'sum', total: { row: 3, col: 0 }, parts: expect.arrayContaining([{ row: 3, col: 1 }, { row: 3, col: 12 }]) })]);
  });

  it('refuses a place off the sheet', () => {
    expect(() => instantiateTemplate(defaultSpecs().crosstab, { at: { row: -1, col: 0 } })).toThrow(RangeError);
  });

  it('writes no unit line for a table of counts that names no unit', () => {
    const spec = { ...defaultSpecs()['counts-by-field'], unit: '' };
    const block = instantiateTemplate(spec, { sheet: 'S' });
    expect(block.writes.some((w) => typeof w.value === 'string' && w.value.startsWith('(단위'))).toBe(false);
    expect(block.range.r0).toBe(0);
    expect(block.table.unit).toBeUndefined();
  });

  it('defaults the sheet to the team', () => {
    expect(instantiateTemplate(defaultSpecs().crosstab, { team: '예산팀' }).sheet).toBe('예산팀');
  });
});

/** A SUM formula's figure over a sheet, read the way a spreadsheet reads it (ranges and lists; text adds nothing). */
function sumOf(sheet: SheetGrid, formula: string): number | null {
  const m = /^SUM\((.*)\)$/.exec(formula);
  if (!m) return null;
  let total = 0;
  for (const arg of m[1].split(',')) {
    const [from, to = from] = arg.split(':').map((a) => fromA1(a)!);
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) {
        const v = sheet.cells[r]?.[c]?.v;
        if (typeof v === 'number') total += v;
      }
    }
  }
  return total;
}

describe.each(specs)('template %s', (_kind, spec) => {
  const block = instantiateTemplate(spec, { sheet: '팀', at: { row: 1, col: 1 }, title: '□ 현황' });

  it('caches the value of every formula it writes, as a reader that does not recalculate will show it', () => {
    const drawn = drawTemplate(block);
    for (const w of block.writes.filter((x) => x.formula !== undefined)) {
      const at = `${toA1(w.row, w.col)} =${w.formula}`;
      expect({ at, cached: w.value === null || w.value === undefined ? 'none' : 'cached' }).toEqual({ at, cached: 'cached' });
      const sum = sumOf(drawn, w.formula!);
      if (sum !== null) expect({ at, value: w.value }).toEqual({ at, value: sum });
      else if (w.formula!.startsWith('IF(')) expect({ at, value: w.value }).toEqual({ at, value: '' });
    }
  });

  it('is found by checkWorkbook as one table over its range, with relations', () => {
    const sheet = filledTemplate(block, [3, 5, 8, 13, 21, 34]);
    const result = checkWorkbook(fillAll([sheet]));
    expect(fillAll([sheet])).toEqual([sheet]);
    expect(result.tables).toHaveLength(1);
    expect(rangeToA1(result.tables[0].range)).toBe(rangeToA1(block.range));
    expect(result.tables[0].relations.length).toBeGreaterThan(0);
  });

  it('checks by its spec once registered: every spec relation is found', () => {
    const sheet = filledTemplate(block, [3, 5, 8]);
    const result = checkWorkbook([sheet, registrySheet([registryEntryFor(block, spec, 'T1')])]);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].relations.filter((r) => r.type !== 'caption')).toEqual(block.table.relations.filter((r) => r.type !== 'caption'));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('filled with random figures, then filled, checks clean (registered and not)', () => {
    const cells = inputCells(block).length;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: cells, maxLength: cells }), (figures) => {
        const sheet = filledTemplate(block, figures);
        const plain = checkWorkbook([sheet]).findings.filter((f) => f.severity === 'error');
        expect(plain).toEqual([]);
        const registered = checkWorkbook([sheet, registrySheet([registryEntryFor(block, spec, 'T1')])]);
        expect(registered.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('a changed total is an error when registered', () => {
    const sheet = filledTemplate(block, [7, 11, 13]);
    const target = block.writes.find((w) => w.formula?.startsWith('SUM('));
    if (!target) return;
    const broken = applyCellWrites([sheet], [{ sheet: sheet.name, row: target.row, col: target.col, value: Number(target.value) + 12345 }])[0];
    const result = checkWorkbook([broken, registrySheet([registryEntryFor(block, spec, 'T1')])]);
    expect(result.findings.some((f) => f.severity === 'error' && f.rule.startsWith('sum.'))).toBe(true);
  });
});
