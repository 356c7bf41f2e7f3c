import JSZip from 'jszip';
import { checkWorkbook, instantiateTemplate, rangeToA1, undoLogToRows, type RegistryEntry } from '../engine';
import { makeBudgetByYearSpec, makeLawsuitsSpec } from '../specs';
import { XlsxWorkbook } from './xlsx-workbook';
import { gridsToXlsxBuffer } from './write-grids';

const spec = makeBudgetByYearSpec({ from: 2020, to: 2023 });
const lawsuits = makeLawsuitsSpec({ from: 2018, to: 2020 });
const block = instantiateTemplate(spec, { sheet: '기획예산과', at: { row: 1, col: 1 }, title: '□ 청사 시설 개선' });
const lawBlock = instantiateTemplate(lawsuits, { sheet: '기획예산과', at: { row: 12, col: 1 } });
const entries: RegistryEntry[] = [
  { id: 'budget_1', sheet: '기획예산과', range: block.range, kind: spec.kind, spec, created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z' },
  { id: 'lawsuits_1', sheet: '기획예산과', range: lawBlock.range, kind: lawsuits.kind, spec: lawsuits, created: '2026-01-02T00:00:00Z', updated: '2026-01-02T00:00:00Z' },
];

async function inserted(): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.fromGrids([{ name: '기획예산과', cells: [[{ v: '메모' }]], merges: [] }]);
  for (const b of [block, lawBlock]) {
    await book.writeCells(b.writes);
    await book.mergeCells(b.sheet, b.merges);
  }
  await book.writeRegistry(entries);
  return book;
}

async function reopen(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await book.toBuffer());
}

describe('registry through exceljs', () => {
  it('round-trips through a saved file: rows, names, a very hidden sheet', async () => {
    const book = await reopen(await inserted());
    expect(await book.readRegistry()).toEqual({ entries, problems: [], located: 'names' });
    const sheets = await book.readSheets();
    expect(sheets.find((s) => s.name === '_report_tables')?.state).toBe('veryHidden');
    expect(sheets.find((s) => s.name === '기획예산과')?.merges.map(rangeToA1).sort()).toEqual(expect.arrayContaining(['B5:B6', 'C5:C6', 'D5:G5']));
  });

  it('writes workbook-scoped RT_ names a spreadsheet reads', async () => {
    const zip = await JSZip.loadAsync(await (await inserted()).toBuffer());
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toContain('<definedName name="RT_budget_1">&apos;기획예산과&apos;!$B$5:$G$9</definedName>');
    expect(xml).not.toMatch(/RT_budget_1"[^>]*localSheetId/);
    expect(xml).toMatch(/<sheet [^>]*name="_report_tables"[^>]*state="veryHidden"/);
  });

  it('checks the inserted tables by their specs: clean, no detection guesses', async () => {
    const book = await reopen(await inserted());
    const result = checkWorkbook(await book.readSheets(), {}, undefined, await book.readRegistry());
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.tables.map((t) => rangeToA1(t.range))).toEqual(['B5:G9', 'B14:K25']);
    expect(result.tables.every((t) => t.relations.every((r) => r.type === 'caption' || r.evidence === 'spec'))).toBe(true);
  });

  it('rewriting keeps the undo rows and other names, drops names of tables no longer registered', async () => {
    const book = await inserted();
    const undo = undoLogToRows({ version: 1, entries: [{ id: 'u1', time: 't', label: 'fill', cells: [] }] });
    await book.writeCells(undo[0].map((v, col) => ({ sheet: '_report_tables', row: 5, col, value: v })));
    book.workbook.definedNames.add("'기획예산과'!$A$1", 'Print_Area_Mine');
    await book.writeRegistry([entries[1]]);
    const again = await reopen(book);
    const read = await again.readRegistry();
    expect(read.entries.map((e) => e.id)).toEqual(['lawsuits_1']);
    const names = (again.workbook.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name).sort();
    expect(names).toEqual(['Print_Area_Mine', 'RT_lawsuits_1']);
    const registrySheet = (await again.readSheets()).find((s) => s.name === '_report_tables')!;
    expect(registrySheet.cells[5]?.map((c) => c?.v)).toEqual(undo[0]);
  });

  it('a name moved by the spreadsheet moves the table; a lost name is a problem', async () => {
    const book = await inserted();
    const model = book.workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
    model.model = [{ name: 'RT_budget_1', ranges: ["'기획예산과'!$B$6:$G$10"] }];
    const read = await (await reopen(book)).readRegistry();
    expect(read.entries.map((e) => [e.id, rangeToA1(e.range)])).toEqual([['budget_1', 'B6:G10']]);
    expect(read.problems).toEqual([expect.objectContaining({ id: 'lawsuits_1', reason: expect.stringMatching(/RT_lawsuits_1 is gone/) })]);
  });

  it('a corrupt registry row in a file is a problem, not a crash', async () => {
    const bytes = await gridsToXlsxBuffer([
      { name: 'S', cells: [[{ v: 1 }]], merges: [] },
      { name: '_report_tables', state: 'veryHidden', merges: [], cells: [[{ v: 'table' }, { v: 'x' }, { v: 'S' }, { v: 'A1:B2' }, { v: 'crosstab' }, { v: '' }, { v: '' }, { v: '1' }, { v: '{"kind":' }]] },
    ]);
    const book = await XlsxWorkbook.fromBuffer(bytes);
    const read = await book.readRegistry();
    expect(read.entries).toEqual([]);
    expect(read.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/RT_x is gone|not valid JSON/)]);
  });

  it('refuses to merge over a merged area, changing nothing', async () => {
    const book = await inserted();
    await expect(book.mergeCells('기획예산과', [{ r0: 20, c0: 20, r1: 20, c1: 21 }, { r0: 4, c0: 3, r1: 4, c1: 4 }])).rejects.toThrow(/overlaps/);
    expect(book.workbook.getWorksheet('기획예산과')!.findCell(21, 21)?.isMerged ?? false).toBe(false);
  });
});
