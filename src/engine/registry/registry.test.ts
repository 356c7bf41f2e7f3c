import { checkWorkbook } from '../check-workbook';
import { rangeFromA1, rangeToA1 } from '../grid/a1';
import type { Cell, SheetGrid } from '../grid/types';
import { undoLogToRows } from '../undo';
import { instantiateTemplate, specTable } from '../templates';
import { filledTemplate, registryEntryFor, registrySheet } from '../templates/test-support';
import { defaultSpecs, makeBudgetByYearSpec } from '../../specs';
import { adoptTable } from './adopt';
import {
  absoluteReference,
  decodeRegistryRows,
  encodeRegistryRows,
  parseReference,
  REGISTRY_SHEET,
  registryFromSheets,
  registrySheetWrites,
  withDefinedNames,
  newTableId,
  type RegistryEntry,
} from './registry-rows';
import { applyCellWrites } from '../undo';

const spec = makeBudgetByYearSpec({ from: 2020, to: 2023 });
const block = instantiateTemplate(spec, { sheet: '기획예산과', at: { row: 1, col: 1 }, title: '□ 청사 시설 개선' });
const entry: RegistryEntry = registryEntryFor(block, spec, 'budget_1');

describe('registry rows', () => {
  it('round-trips entries', () => {
    const rows = encodeRegistryRows([entry]);
    expect(rows[0].slice(0, 8)).toEqual(['table', 'budget_1', '기획예산과', 'B5:G9', 'budget-by-year', entry.created, entry.updated, '1']);
    expect(decodeRegistryRows(rows)).toEqual({ entries: [entry], problems: [] });
  });

  it('splits a spec longer than a cell across the cells of its row', () => {
    const rows = encodeRegistryRows([entry], 100);
    expect(Number(rows[0][7])).toBeGreaterThan(3);
    expect(rows[0].slice(8).every((c) => c.length <= 100)).toBe(true);
    expect(decodeRegistryRows(rows).entries).toEqual([entry]);
  });

  const good = encodeRegistryRows([entry])[0];
  it.each([
    ['JSON cut short', [...good.slice(0, 8), good[8].slice(0, 40)], /not valid JSON/],
    ['a chunk missing', [...good.slice(0, 7), '2', good[8]], /cut short/],
    ['no chunk count', [...good.slice(0, 7), 'x'], /chunk count/],
    ['a spec that fails its schema', [...good.slice(0, 8), JSON.stringify({ ...spec, relations: [{ type: 'sum', over: 'rows', total: ['계'], parts: [['국비']] }] })], /relations\.0\.parts\.0/],
    ['a kind that disagrees with its spec', [...good.slice(0, 4), 'crosstab', ...good.slice(5)], /says crosstab/],
    ['a bad range', [...good.slice(0, 3), 'nowhere', ...good.slice(4)], /range/],
    ['a bad id', [good[0], 'RT 1!', ...good.slice(2)], /id/],
  ])('a corrupt row (%s) is a problem, the others still load', (_name, bad, reason) => {
    const other = encodeRegistryRows([{ ...entry, id: 'other' }])[0];
    const read = decodeRegistryRows([bad, ['undo', 'x', '0', '1', '{}'], other]);
    expect(read.entries.map((e) => e.id)).toEqual(['other']);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].row).toBe(0);
    expect(read.problems[0].reason).toMatch(reason);
  });

  it('a second row with the same id is a problem', () => {
    const row = encodeRegistryRows([entry])[0];
    expect(decodeRegistryRows([row, row]).problems[0].reason).toMatch(/twice/);
  });

  it('writes next to the undo log without moving it, and clears rows of tables no longer registered', () => {
    const undoRows = undoLogToRows({ version: 1, entries: [{ id: 'u1', time: 't', label: 'fill', cells: [] }] });
    const cells: (Cell | null)[][] = [encodeRegistryRows([{ ...entry, id: 'old' }])[0].map((v) => ({ v })), undoRows[0].map((v) => ({ v })), encodeRegistryRows([{ ...entry, id: 'gone' }])[0].map((v) => ({ v }))];
    const existing: SheetGrid = { name: REGISTRY_SHEET, cells, merges: [], state: 'veryHidden' };
    const after = applyCellWrites([existing], registrySheetWrites(existing, [entry]))[0];
    expect(after.cells[1]?.map((c) => c?.v)).toEqual(undoRows[0]);
    expect(after.cells[0]?.[1]?.v).toBe('budget_1');
    expect(after.cells[2]?.every((c) => !c)).toBe(true);
    expect(registryFromSheets([after]).entries).toEqual([entry]);
  });

  it('new ids do not collide', () => {
    expect(newTableId('budget-by-year', ['budget_by_year_1'])).toBe('budget_by_year_2');
  });
});

describe('defined names', () => {
  it.each([
    ['기획예산과', 'B5:G9', "'기획예산과'!$B$5:$G$9"],
    ["O'Brien", 'A1', "'O''Brien'!$A$1:$A$1"],
  ])('%s!%s', (sheet, a1, ref) => {
    expect(absoluteReference(sheet, rangeFromA1(a1)!)).toBe(ref);
    expect(parseReference(ref)).toEqual({ sheet, range: rangeFromA1(a1) });
  });

  it.each(['#REF!', "='Sheet'!#REF!", 'Sheet1!A1:B2,Sheet1!C3', '42'])('%s is no range', (text) => {
    expect(parseReference(text)).toBeNull();
  });

  it('a name that moved moves the table; a name gone or broken is a problem', () => {
    const read = { entries: [entry, { ...entry, id: 'b' }, { ...entry, id: 'c' }], problems: [] };
    const names = new Map<string, string | null>([
      ['RT_budget_1', "'기획예산과'!$B$7:$G$11"],
      ['RT_c', '#REF!'],
    ]);
    const out = withDefinedNames(read, names);
    expect(out.entries.map((e) => [e.id, rangeToA1(e.range)])).toEqual([['budget_1', 'B7:G11']]);
    expect(out.problems.map((p) => [p.id, p.reason])).toEqual([
      ['b', 'the defined name RT_b is gone'],
      ['c', 'the defined name RT_c no longer points at a range'],
    ]);
  });
});

describe('spec.mismatch', () => {
  const filled = filledTemplate(block, [100, 200, 300, 400, 500, 600, 700, 800]);
  const registry = registrySheet([entry]);

  function edit(sheet: SheetGrid, a1: string, v: Cell['v']): SheetGrid {
    const at = rangeFromA1(a1)!;
    return applyCellWrites([sheet], [{ sheet: sheet.name, row: at.r0, col: at.c0, value: v }])[0];
  }

  /** Delete a column as a spreadsheet does: cells right of it move left, and the name shrinks. */
  function deleteColumn(sheet: SheetGrid, col: number): SheetGrid {
    return { ...sheet, cells: sheet.cells.map((line) => line.filter((_, c) => c !== col)), merges: sheet.merges.map((m) => ({ ...m, c1: m.c1 > col ? m.c1 - 1 : m.c1, c0: m.c0 > col ? m.c0 - 1 : m.c0 })) };
  }

  it('a clean registered table has none', () => {
    const result = checkWorkbook([filled, registry]);
    expect(result.findings.filter((f) => f.rule === 'spec.mismatch')).toEqual([]);
    expect(result.tables[0].relations.every((r) => r.type === 'caption' || r.evidence === 'spec')).toBe(true);
  });

  it.each([
    ['a header renamed', (s: SheetGrid) => edit(s, 'E6', '2021년(추경)'), 'E6', '2021년', '2021년(추경)'],
    ['a row label renamed', (s: SheetGrid) => edit(s, 'B9', '국비'), 'B9', '구비', '국비'],
  ])('%s', (_name, change, cell, expected, actual) => {
    const result = checkWorkbook([change(filled), registry]);
    const found = result.findings.filter((f) => f.rule === 'spec.mismatch');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', sheet: '기획예산과', cell, expected, actual })]);
    // The table is still checked, by detection.
    expect(result.tables.length).toBeGreaterThan(0);
  });

  it('a column deleted (the name shrinks with it)', () => {
    const shrunk = { ...entry, range: rangeFromA1('B5:F9')! };
    const result = checkWorkbook([deleteColumn(filled, 4), registry], {}, undefined, { entries: [shrunk], problems: [] });
    const found = result.findings.filter((f) => f.rule === 'spec.mismatch');
    expect(found).toEqual([expect.objectContaining({ cell: 'E6', expected: '2021년', actual: '2022년' })]);
  });

  it('the name gone, a corrupt row, a sheet gone: findings, not crashes', () => {
    const read = withDefinedNames({ entries: [entry], problems: [] }, new Map());
    const result = checkWorkbook([filled, registry], {}, undefined, read);
    expect(result.findings.filter((f) => f.rule === 'spec.mismatch')).toEqual([expect.objectContaining({ sheet: '기획예산과', cell: 'B5', params: expect.objectContaining({ reason: 'registry' }) })]);
    const corrupt: SheetGrid = { ...registry, cells: [[{ v: 'table' }, { v: 'x' }, { v: '기획예산과' }, { v: 'B5:G9' }, { v: 'budget-by-year' }, { v: '' }, { v: '' }, { v: '1' }, { v: '{oops' }]] };
    expect(checkWorkbook([filled, corrupt]).findings.filter((f) => f.rule === 'spec.mismatch')).toHaveLength(1);
    const elsewhere = checkWorkbook([filled, registrySheet([{ ...entry, sheet: '없는시트' }])]);
    expect(elsewhere.findings.filter((f) => f.rule === 'spec.mismatch')).toEqual([expect.objectContaining({ sheet: '없는시트', params: expect.objectContaining({ reason: 'sheet' }) })]);
  });

  it('read from the rows alone (no names), a table moved by inserted rows is found nearby, not a mismatch', () => {
    const moved: SheetGrid = { ...filled, cells: [[], [], [], ...filled.cells], merges: filled.merges.map((m) => ({ ...m, r0: m.r0 + 3, r1: m.r1 + 3 })) };
    const result = checkWorkbook([moved, registry]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.tables.map((t) => rangeToA1(t.range))).toEqual(['B8:G12']);
    expect(result.tables[0].relations.every((r) => r.type === 'caption' || r.evidence === 'spec')).toBe(true);
  });

  it('a registered table moved by its name is checked where it now is', () => {
    const moved: SheetGrid = { ...filled, cells: [[], [], ...filled.cells], merges: filled.merges.map((m) => ({ ...m, r0: m.r0 + 2, r1: m.r1 + 2 })) };
    const read = withDefinedNames({ entries: [entry], problems: [] }, new Map([['RT_budget_1', "'기획예산과'!$B$7:$G$11"]]));
    const result = checkWorkbook([moved, registry], {}, undefined, read);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rangeToA1(result.tables[0].range)).toBe('B7:G11');
  });
});

describe('adoptTable', () => {
  it.each(Object.entries(defaultSpecs()).filter(([k]) => k !== 'pledge-counts' && k !== 'bylaws'))('a detected %s table adopts to a spec that reproduces its relations', (_kind, kindSpec) => {
    const b = instantiateTemplate(kindSpec, { sheet: 'S', at: { row: 0, col: 0 } });
    const sheet = filledTemplate(b, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    const detected = checkWorkbook([sheet]).tables[0];
    const adopted = adoptTable(detected);
    expect(adopted.ok).toBe(true);
    if (!adopted.ok) return;
    const { table } = specTable(adopted.spec, 'S', { row: detected.range.r0, col: detected.range.c0 });
    const key = (r: (typeof detected.relations)[number]) => JSON.stringify(r.type === 'sum' ? [r.total, [...r.parts].sort((a, b) => a.row - b.row || a.col - b.col)] : r.type === 'caption' ? null : r.type === 'rate' ? [r.target, r.numerator, r.denominator] : [r.target, r.later, r.earlier]);
    const inferred = new Set(detected.relations.filter((r) => r.type !== 'caption').map(key));
    const declared = new Set(table.relations.filter((r) => r.type !== 'caption').map(key));
    expect(declared).toEqual(inferred);
  });

  it('takes corrections: not a total row, not a part column', () => {
    const b = instantiateTemplate(defaultSpecs()['legal-advice'], { sheet: 'S' });
    const sheet = filledTemplate(b, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    const detected = checkWorkbook([sheet]).tables[0];
    const adopted = adoptTable(detected, { notTotalRows: [b.range.r0 + 1], notPartColumns: [b.range.c1] });
    expect(adopted.ok).toBe(true);
    if (!adopted.ok) return;
    expect(adopted.spec.relations.filter((r) => r.type === 'sum' && r.over === 'rows')).toEqual([]);
    const rowSum = adopted.spec.relations.find((r) => r.type === 'sum' && r.over === 'columns');
    expect(JSON.stringify(rowSum).replace(/ /g, '')).toBe(JSON.stringify({ type: 'sum', over: 'columns', total: ['합계'], parts: [['서면'], ['전화'], ['방문']] }));
    // Registered, the corrected spec holds the figures to it: 합계 there still includes 비고, so every row is off.
    const registered = checkWorkbook([sheet, registrySheet([registryEntryFor(b, adopted.spec, 'adopted')])]);
    const errors = registered.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.cell])).toEqual([3, 4, 5, 6].map((r) => ['sum.row', `B${r}`]));
    expect(registered.tables[0].relations.every((r) => r.type === 'caption' || r.evidence === 'spec')).toBe(true);
  });

  it('a table of counts with no unit is registered without one; a table of amounts asks for its unit', () => {
    const counts = instantiateTemplate(defaultSpecs().crosstab, { sheet: 'S' });
    const detectedCounts = { ...checkWorkbook([filledTemplate(counts, [1, 2, 3])]).tables[0], unit: undefined };
    const plain = adoptTable(detectedCounts);
    expect(plain.ok && plain.spec.unit).toBe('');
    expect(adoptTable(detectedCounts, { unit: '건' })).toMatchObject({ ok: true, spec: { unit: '건' } });

    const budget = instantiateTemplate(defaultSpecs()['budget-by-year'], { sheet: 'S' });
    const detectedBudget = { ...checkWorkbook([filledTemplate(budget, [1, 2, 3])]).tables[0], unit: undefined };
    expect(adoptTable(detectedBudget)).toEqual({ ok: false, problems: [{ code: 'spec.unit-required', path: ['unit'], params: { kind: 'budget-by-year' }, message: expect.any(String) }] });
    expect(adoptTable(detectedBudget, { unit: ' 천원 ' })).toMatchObject({ ok: true, spec: { unit: '천원' } });
  });

  it('a text table is refused as data: a code and a path', () => {
    const b = instantiateTemplate(defaultSpecs().crosstab, { sheet: 'S' });
    const table = { ...checkWorkbook([filledTemplate(b, [1, 2, 3])]).tables[0], kind: 'text' as const };
    expect(adoptTable(table)).toEqual({ ok: false, problems: [{ code: 'adopt.text-table', path: ['kind'], message: expect.any(String) }] });
  });
});
