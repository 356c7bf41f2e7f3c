/**
 * Structural changes through the Office.js undo log on the fake Excel: round trips, the order of the request,
 * the summary's chart, and what undo leaves when the workbook changed since. (What the workbook looks like after
 * an undo, change by change, is the port conformance suite: ./undo.conformance.test.ts.)
 */
import type { RegistryEntry, UndoEntry } from '../engine';
import { rangeFromA1 } from '../engine';
import type { WorkbookChange } from '../port';
import { makeCrosstabSpec } from '../specs';
import { ExcelRegistry } from './registry';
import { budgetSheet, FakeExcel } from './test-support';
import { runWithNames } from './test-support/fake-names';
import { ExcelUndoLog, UNDO_SHEET } from './undo-log';

const spec = makeCrosstabSpec({ rows: ['가', '나'], columns: ['갑', '을'], unit: '건' });
const entry = (id: string, sheet: string, a1: string): RegistryEntry => ({ id, sheet, range: rangeFromA1(a1)!, kind: 'crosstab', spec, created: 't', updated: 't' });

function setup() {
  const excel = FakeExcel.fromGrids([budgetSheet('팀01', 1)]);
  const names = new Map<string, string>([['Print_Area', "'팀01'!$A$1:$H$10"]]);
  const run = runWithNames(excel, names);
  return { excel, names, run, log: new ExcelUndoLog({ run }) };
}

const template: WorkbookChange = {
  sheets: [{ name: '예산팀', state: 'visible' }],
  merges: [{ sheet: '예산팀', range: rangeFromA1('A1:C1')! }],
  register: [entry('crosstab_1', '예산팀', 'A2:C4')],
  writes: [
    { sheet: '예산팀', row: 0, col: 0, value: '□ 현황' },
    { sheet: '예산팀', row: 1, col: 0, value: '구분' },
    { sheet: '예산팀', row: 2, col: 1, value: 5, fmt: '#,##0' },
  ],
  activate: '예산팀',
};

const summary = (rows: number): WorkbookChange => ({
  sheets: [],
  merges: [],
  register: [],
  writes: Array.from({ length: rows }, (_, i) => ({ sheet: '팀01', row: 20 + i, col: 3, formula: `SUM(D7:D8)*${i + 1}`, value: 0 })),
  chart: { sheet: '팀01', range: { r0: 20, c0: 3, r1: 20 + rows - 1, c1: 3 }, name: 'RT_summary_chart', title: '연도별 합계', seriesBy: 'Rows', categories: rangeFromA1('D5:G5') },
});

describe('structural changes through the Office.js undo log', () => {
  it('a template is one request after one read (2 syncs), its entry queued before the cells it changes; undo is 2 syncs', async () => {
    const { excel, names, log } = setup();
    excel.calls = [];
    const made = await log.applyChange(template, 'template');
    expect(log.lastStats.syncs).toBe(2);
    const calls = excel.calls.slice(excel.calls.indexOf('sync') + 1);
    const firstLogWrite = calls.findIndex((c) => c.startsWith(`Range(${UNDO_SHEET}!`));
    const firstCellWrite = calls.findIndex((c) => c.startsWith('Range(예산팀!'));
    expect(calls.indexOf('Worksheets.add(예산팀)')).toBeLessThan(calls.indexOf(`Worksheets.add(${UNDO_SHEET})`));
    expect(firstLogWrite).toBeGreaterThanOrEqual(0);
    expect(firstLogWrite).toBeLessThan(firstCellWrite);
    expect(excel.sheets[excel.activeSheet].name).toBe('예산팀');
    expect(names.get('RT_crosstab_1')).toBe("'예산팀'!$A$2:$C$4");
    expect(made?.structure).toMatchObject({ sheetsAdded: [{ name: '예산팀' }], merged: [], registryAdded: ['crosstab_1'], hiddenSheetAdded: true });

    const undone = await log.undoLast();
    expect(log.lastStats.syncs).toBe(2);
    expect(undone.keptSheets).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(['팀01']);
    expect([...names.keys()]).toEqual(['Print_Area']);
  });

  it('undo by a new pane (nothing remembered) reads what it did not expect in one more sync', async () => {
    const { run, log } = setup();
    await log.applyChange(template, 'template');
    const fresh = new ExcelUndoLog({ run });
    await fresh.undoLast();
    expect(fresh.lastStats.syncs).toBe(3);
    const peeked = new ExcelUndoLog({ run });
    await peeked.applyChange(template, 'template');
    const again = new ExcelUndoLog({ run });
    await again.peek();
    await again.undoLast();
    expect(again.lastStats.syncs).toBe(2);
  });

  it('the summary draws its chart in the same request; undo deletes it; a refresh points the same chart at the new rows and keeps it on undo', async () => {
    const { excel, log } = setup();
    const first = await log.applyChange(summary(2), 'summary');
    expect(log.lastStats.syncs).toBe(2);
    const charts = () => excel.sheetNamed('팀01')!.charts ?? [];
    expect(charts()).toEqual([expect.objectContaining({ name: 'RT_summary_chart', title: '연도별 합계', seriesBy: 'Rows', source: rangeFromA1('D21:D22'), categories: rangeFromA1('D5:G5') })]);
    expect(first?.structure?.chartAdded).toEqual({ sheet: '팀01', name: 'RT_summary_chart' });

    const refresh = await log.applyChange(summary(3), 'summary');
    expect(refresh?.structure?.chartAdded).toBeUndefined();
    expect(charts()).toEqual([expect.objectContaining({ source: rangeFromA1('D21:D23') })]);
    await log.undoLast();
    expect(charts()).toHaveLength(1);
    await log.undoLast();
    expect(charts()).toEqual([]);
    expect(excel.sheetNamed('팀01')!.cells.has('20,3')).toBe(false);
  });

  it('registry written by writeRegistry and by a change agree: the change adds beside the entries there, names of others untouched', async () => {
    const { excel, names, run, log } = setup();
    const registry = new ExcelRegistry(run);
    await registry.write([entry('a_1', '팀01', 'B4:G8')]);
    // The user inserts rows: the name moves, the row keeps the old range.
    names.set('RT_a_1', "'팀01'!$B$6:$G$10");
    await log.applyChange(template, 'template');
    expect(names.get('RT_a_1')).toBe("'팀01'!$B$6:$G$10");
    expect((await registry.read()).entries.map((e) => [e.id, e.range])).toEqual([
      ['a_1', rangeFromA1('B6:G10')],
      ['crosstab_1', rangeFromA1('A2:C4')],
    ]);
    await log.undoLast();
    expect((await registry.read()).entries.map((e) => [e.id, e.range])).toEqual([['a_1', rangeFromA1('B6:G10')]]);
    expect(excel.sheetNamed(UNDO_SHEET)).toBeDefined();
  });

  it('an entry left by a change Excel stopped part-way can still be undone', async () => {
    const { excel, names, log } = setup();
    const bad: WorkbookChange = { ...template, merges: [...template.merges, { sheet: '예산팀', range: rangeFromA1('A1:B1')! }] };
    await expect(log.applyChange(bad, 'template')).rejects.toBeDefined();
    expect(excel.sheetNamed('예산팀')).toBeDefined();
    const { entry: undone, keptSheets } = await log.undoLast();
    expect((undone as UndoEntry).label).toBe('template');
    // What the change had made by then matches what it meant to write: the sheet goes.
    expect(keptSheets).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(['팀01']);
    expect([...names.keys()]).toEqual(['Print_Area']);
  });
});
