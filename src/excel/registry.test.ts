import { checkWorkbook, instantiateTemplate, rangeToA1, undoLogToRows, type RegistryEntry } from '../engine';
import { filledTemplate } from '../engine/templates/test-support';
import { makeBudgetByYearSpec, makeCouncilSessionsSpec } from '../specs';
import { ExcelWorkbook } from './excel-workbook';
import { ExcelRegistry } from './registry';
import { FakeExcel } from './test-support/fake-excel';
import { runWithNames, type FakeNameTable } from './test-support/fake-names';

const spec = makeBudgetByYearSpec({ from: 2020, to: 2023 });
const block = instantiateTemplate(spec, { sheet: '기획예산과', at: { row: 1, col: 1 }, title: '□ 청사 시설 개선' });
const council = instantiateTemplate(makeCouncilSessionsSpec({ from: 2018, to: 2020 }), { sheet: '의회법제팀' });
const entries: RegistryEntry[] = [
  { id: 'budget_1', sheet: '기획예산과', range: block.range, kind: 'budget-by-year', spec: block.spec, created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z' },
  { id: 'council_1', sheet: '의회법제팀', range: council.range, kind: 'council-sessions', spec: council.spec, created: '2026-01-01T00:00:00Z', updated: '2026-01-02T00:00:00Z' },
];

function setup(names: FakeNameTable = new Map()) {
  const excel = FakeExcel.fromGrids([filledTemplate(block, [100, 200, 300, 400, 500, 600, 700, 800]), filledTemplate(council, [1, 2, 3, 4])]);
  const run = runWithNames(excel, names);
  return { excel, names, registry: new ExcelRegistry(run), book: new ExcelWorkbook({ run }) };
}

describe('registry through Office.js (fake Excel)', () => {
  it('an empty workbook has an empty registry, in one sync', async () => {
    const { registry } = setup();
    expect(await registry.read()).toEqual({ entries: [], problems: [], located: 'names' });
    expect(registry.lastStats.syncs).toBe(1);
  });

  it('writes a very hidden sheet and workbook names in 2 syncs, and reads them back in 1', async () => {
    const { excel, names, registry } = setup();
    await registry.write(entries);
    expect(registry.lastStats.syncs).toBe(2);
    expect(excel.sheetNamed('_report_tables')?.visibility).toBe('VeryHidden');
    expect(names.get('RT_budget_1')).toBe("'기획예산과'!$B$5:$G$9");
    const fresh = new ExcelRegistry(runWithNames(excel, names));
    expect(await fresh.read()).toEqual({ entries, problems: [], located: 'names' });
    expect(fresh.lastStats.syncs).toBe(1);
  });

  it('rewriting keeps the undo rows and other names, deletes the names of tables no longer registered (2 syncs)', async () => {
    const { excel, names, registry, book } = setup(new Map([['Print_Area', "'기획예산과'!$A$1:$H$10"]]));
    await registry.write(entries);
    const undo = undoLogToRows({ version: 1, entries: [{ id: 'u1', time: 't', label: 'fill', cells: [] }] });
    await book.writeCells(undo[0].map((v, col) => ({ sheet: '_report_tables', row: 4, col, value: v })));
    await registry.write([entries[1]]);
    expect(registry.lastStats.syncs).toBe(2);
    expect([...names.keys()].sort()).toEqual(['Print_Area', 'RT_council_1']);
    const sheets = await book.readSheets();
    const hidden = sheets.find((s) => s.name === '_report_tables')!;
    expect(hidden.cells[4]?.map((c) => c?.v)).toEqual(undo[0]);
    expect((await registry.read()).entries.map((e) => e.id)).toEqual(['council_1']);
    expect(excel.sheetNamed('_report_tables')?.visibility).toBe('VeryHidden');
  });

  it('checks the workbook by the registry read from Excel: clean, by spec', async () => {
    const { registry, book } = setup();
    await registry.write(entries);
    const result = checkWorkbook(await book.readSheets(), {}, undefined, await registry.read());
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.tables.map((t) => rangeToA1(t.range)).sort()).toEqual(['A2:G6', 'B5:G9']);
    expect(result.tables.every((t) => t.relations.every((r) => r.type === 'caption' || r.evidence === 'spec'))).toBe(true);
  });

  it('a name Excel moved moves the table; a deleted range (#REF!) is a spec.mismatch, not a crash', async () => {
    const { names, registry, book } = setup();
    await registry.write(entries);
    names.set('RT_budget_1', "'기획예산과'!$B$6:$G$10");
    names.set('RT_council_1', '#REF!');
    const read = await registry.read();
    expect(read.entries.map((e) => [e.id, rangeToA1(e.range)])).toEqual([['budget_1', 'B6:G10']]);
    const result = checkWorkbook(await book.readSheets(), {}, undefined, read);
    const mismatch = result.findings.filter((f) => f.rule === 'spec.mismatch');
    expect(mismatch.map((f) => [f.sheet, f.params?.reason])).toEqual([
      ['기획예산과', 'header'],
      ['의회법제팀', 'registry'],
    ]);
  });

  it('refuses an invalid entry before changing anything', async () => {
    const { excel, names, registry } = setup();
    await expect(registry.write([{ ...entries[0], id: 'bad id' }])).rejects.toThrow();
    expect(excel.sheetNamed('_report_tables')).toBeUndefined();
    expect(names.size).toBe(0);
  });
});

describe('ExcelWorkbook as a WorkbookPort with a registry', () => {
  it('reads and writes the registry through the port methods', async () => {
    const { book } = setup();
    await book.writeRegistry(entries);
    expect((await book.readRegistry()).entries).toEqual(entries);
  });
});
