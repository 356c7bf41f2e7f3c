import { makeCrosstabSpec } from '../../specs';
import { rangeFromA1 } from '../grid/a1';
import type { RegistryEntry } from '../registry/registry-rows';
import {
  appendEntryWrites,
  blockContent,
  clearEntryWrites,
  contentFingerprint,
  emptyAfter,
  emptyStructure,
  hiddenSheetGrid,
  planStructureUndo,
  readLogSheet,
  registryAfterChange,
  undoEntrySchema,
  writtenContent,
  type UndoEntry,
  type UndoObservation,
  type UndoStructure,
} from '.';

const spec = makeCrosstabSpec({ rows: ['가', '나'], columns: ['갑', '을'], unit: '건' });
const entry = (id: string, sheet = '예산팀', a1 = 'A2:D4'): RegistryEntry => ({
  id,
  sheet,
  range: rangeFromA1(a1)!,
  kind: 'crosstab',
  spec,
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
});

describe('contentFingerprint', () => {
  const written = contentFingerprint(
    writtenContent(
      [
        { sheet: 'S', row: 0, col: 0, value: '구분' },
        { sheet: 'S', row: 1, col: 1, value: 3, fmt: '#,##0' },
        { sheet: 'S', row: 1, col: 2, formula: "SUM('기획예산과'!$D$7:G7)", value: 9 },
        { sheet: 'S', row: 2, col: 2, value: null },
        { sheet: 'Other', row: 5, col: 5, value: 'x' },
      ],
      'S',
    ),
  );

  test.each([
    ['the same cells as Excel gives them back (formula text normalised, blanks as "")', [['구분', '', ''], ['', 3, '=SUM(기획예산과!D7:G7)'], ['', '', '']], true],
    ['a cell typed into an empty one', [['구분', '', ''], ['', 3, '=SUM(기획예산과!D7:G7)'], ['메모', '', '']], false],
    ['a figure changed', [['구분', '', ''], ['', 4, '=SUM(기획예산과!D7:G7)'], ['', '', '']], false],
    ['a formula replaced by its value', [['구분', '', ''], ['', 3, 9], ['', '', '']], false],
    ['text that reads like the number', [['구분', '', ''], ['', '3', '=SUM(기획예산과!D7:G7)'], ['', '', '']], false],
  ])('%s → same: %s', (_name, block, same) => {
    expect(contentFingerprint(blockContent({ row: 0, col: 0 }, block)) === written).toBe(same);
  });

  test('the same content anywhere in the used range reads the same (origin taken into account)', () => {
    const shifted = contentFingerprint(blockContent({ row: 1, col: 1 }, [[3, '=SUM(기획예산과!D7:G7)']]));
    const direct = contentFingerprint(writtenContent([{ sheet: 'S', row: 1, col: 1, value: 3 }, { sheet: 'S', row: 1, col: 2, formula: 'SUM(기획예산과!D7:G7)', value: 0 }], 'S'));
    expect(shifted).toBe(direct);
  });
});

describe('registryAfterChange', () => {
  test('adds new entries, replacing any of the same id, and says what it replaced', () => {
    const old = entry('a', '예산팀', 'A2:D4');
    expect(registryAfterChange([old, entry('b')], [entry('c'), entry('a', '기획팀', 'B2:E4')])).toEqual({
      entries: [entry('b'), entry('c'), entry('a', '기획팀', 'B2:E4')],
      before: [old],
    });
  });
});

describe('planStructureUndo', () => {
  const structure: UndoStructure = {
    sheetsAdded: [
      { name: '예산팀', fingerprint: 'f1' },
      { name: '기획팀', fingerprint: 'f2' },
    ],
    merged: [
      { sheet: '예산팀', range: rangeFromA1('A1:D1')! },
      { sheet: '업무분장', range: rangeFromA1('B4:E4')! },
    ],
    registryAdded: ['t1', 't2', 't3'],
    registryBefore: [entry('t3', '업무분장', 'B5:E7')],
    chartAdded: { sheet: '총괄', name: 'RT_summary_chart' },
  };
  const observed = (over: Partial<UndoObservation> = {}): UndoObservation => ({
    sheetFingerprints: new Map([
      ['예산팀', 'f1'],
      ['기획팀', 'f2'],
    ]),
    registry: [entry('old'), entry('t1', '예산팀'), entry('t2', '기획팀'), entry('t3', '업무분장', 'B6:E8')],
    names: new Set(['RT_old', 'RT_t1', 'RT_t2', 'RT_t3', 'Print_Area']),
    chartPresent: true,
    ...over,
  });

  test.each<[string, Partial<UndoObservation>, { deleteSheets: string[]; keptSheets: string[]; registry: string[]; deleteNames: string[]; chart: boolean }]>([
    ['untouched since: everything comes off', {}, { deleteSheets: ['예산팀', '기획팀'], keptSheets: [], registry: ['old', 't3'], deleteNames: ['RT_t1', 'RT_t2', 'RT_t3'], chart: true }],
    [
      'a sheet typed in since is kept with its table',
      { sheetFingerprints: new Map([['예산팀', 'f1'], ['기획팀', 'changed']]) },
      { deleteSheets: ['예산팀'], keptSheets: ['기획팀'], registry: ['old', 't2', 't3'], deleteNames: ['RT_t1', 'RT_t3'], chart: true },
    ],
    [
      'a sheet deleted since is neither deleted nor kept; a name already gone is not deleted',
      { sheetFingerprints: new Map([['예산팀', null], ['기획팀', 'f2']]), names: new Set(['RT_old', 'RT_t2', 'RT_t3']) },
      { deleteSheets: ['기획팀'], keptSheets: [], registry: ['old', 't3'], deleteNames: ['RT_t2', 'RT_t3'], chart: true },
    ],
    ['a chart deleted since is not deleted again', { chartPresent: false }, { deleteSheets: ['예산팀', '기획팀'], keptSheets: [], registry: ['old', 't3'], deleteNames: ['RT_t1', 'RT_t2', 'RT_t3'], chart: false }],
  ])('%s', (_name, over, expected) => {
    const plan = planStructureUndo(structure, observed(over));
    expect({
      deleteSheets: plan.deleteSheets,
      keptSheets: plan.keptSheets,
      registry: plan.registry?.map((e) => e.id),
      deleteNames: plan.deleteNames,
      chart: plan.deleteChart !== null,
    }).toEqual(expected);
    // Merges on added sheets go with them; the replaced entry comes back as it was, with its name.
    expect(plan.unmerge).toEqual([{ sheet: '업무분장', range: rangeFromA1('B4:E4') }]);
    expect(plan.registry?.find((e) => e.id === 't3')?.range).toEqual(rangeFromA1('B5:E7'));
    expect(plan.addNames).toEqual([{ name: 'RT_t3', reference: "'업무분장'!$B$5:$E$7" }]);
    expect([plan.restoreOn('업무분장'), plan.restoreOn('예산팀'), plan.restoreOn('기획팀')]).toEqual([true, false, false]);
  });

  test('a fill (no structure) touches nothing but cells', () => {
    const plan = planStructureUndo(emptyStructure(), observed());
    expect(plan).toMatchObject({ deleteSheets: [], keptSheets: [], unmerge: [], registry: null, deleteNames: [], addNames: [], deleteChart: null });
  });

  test('a structure survives the entry schema (JSON in the log), its registry entries validated', () => {
    const logged: UndoEntry = { id: 'u1', time: 't', label: 'template', cells: [], structure };
    expect(undoEntrySchema.parse(JSON.parse(JSON.stringify(logged)))).toEqual(logged);
    const broken = { ...logged, structure: { ...structure, registryBefore: [{ ...entry('x'), id: 'not valid!' }] } };
    expect(undoEntrySchema.safeParse(broken).success).toBe(false);
  });
});

describe('the log sheet', () => {
  const logged = (id: string): UndoEntry => ({ id, time: 't', label: 'fill', cells: [{ sheet: 'S', row: 0, col: 0, before: { v: 'x'.repeat(30) } }] });

  test('entries append from the row asked for, in chunks; old ones are cleared past the limit; rows read back', () => {
    const rows: (unknown[] | null)[] = [['table', 'a'], null];
    const apply = (writes: { row: number; col: number; value: unknown }[]) => {
      for (const w of writes) {
        while (rows.length <= w.row) rows.push(null);
        const line = [...(rows[w.row] ?? [])];
        line[w.col] = w.value;
        rows[w.row] = line;
      }
    };
    apply(appendEntryWrites(readLogSheet(rows), logged('u1'), 3, 2, 40));
    apply(appendEntryWrites(readLogSheet(rows), logged('u2'), rows.length, 2, 40));
    apply(appendEntryWrites(readLogSheet(rows), logged('u3'), rows.length, 2, 40));
    const log = readLogSheet(rows);
    expect(log.parsed.ok && log.parsed.log.entries.map((e) => e.id)).toEqual(['u2', 'u3']);
    expect(rows[0]).toEqual(['table', 'a']);
    expect(log.rowsOf.get('u2')!.length).toBeGreaterThan(1);
    expect(Math.min(...log.rowsOf.get('u2')!)).toBeGreaterThan(3);
    apply(clearEntryWrites(log, ['u3']));
    expect(readLogSheet(rows).parsed).toMatchObject({ ok: true, log: { entries: [{ id: 'u2' }] } });
  });

  test.each([
    ['rows of the log only, all cleared', [['undo', 'u', '0', '1', '{}']], [0, 1, 2, 3, 4], true],
    ['another row left', [['undo', 'u', '0', '1', '{}'], ['메모']], [0, 1, 2, 3, 4], false],
  ])('emptyAfter: %s', (_name, rows, cleared, empty) => {
    expect(emptyAfter(rows, cleared.map((col) => ({ sheet: '_report_tables', row: 0, col, value: null })))).toBe(empty);
  });

  test('an unreadable table row is shown as another row, so a registry rewrite leaves it in place', () => {
    const grid = hiddenSheetGrid([['table', 'bad', 'S', 'A1', 'crosstab', 't', 't', '1', '{not json'], null, ['undo', 'u']], true);
    expect(grid.cells[0][0]).toEqual({ v: 'table?' });
    expect(hiddenSheetGrid([['table', 'bad']], false).cells[0][0]).toEqual({ v: 'table' });
  });
});
