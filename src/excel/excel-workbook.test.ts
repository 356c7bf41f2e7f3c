import { OfficeMockObject } from 'office-addin-mock';
import type { CellWrite, SheetGrid } from '../engine';
import { at, grid } from '../engine/test-support';
import { cellsByAddress } from '../port/conformance';
import { ExcelWorkbook } from './excel-workbook';
import { ExcelAdapterError } from './errors';
import { FakeExcel, budgetSheet, manySheetWorkbook } from './test-support';

function portOver(excel: FakeExcel, options: { merges?: boolean; chunkCells?: number; writeCells?: number } = {}) {
  return new ExcelWorkbook({
    run: excel.run,
    supportsMergedAreas: () => options.merges ?? true,
    chunkCells: options.chunkCells,
    writeCells: options.writeCells,
  });
}

async function refusal(promise: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelAdapterError) return error;
    throw error;
  }
  throw new Error('expected the adapter to refuse');
}

describe('the fake Excel keeps Office.js load semantics', () => {
  it('office-addin-mock alone returns a marker string for an unloaded property (real Excel throws)', async () => {
    const mock = new OfficeMockObject({ range: { values: [[1]], address: 'A1' } });
    expect(mock.range.values).toBe('Error, property was not loaded');
    mock.range.load('address');
    await mock.sync();
    expect(mock.range.address).toBe('A1');
    expect(mock.range.values).toBe('Error, property was not loaded');
  });

  it('the fake throws instead, before sync and for properties never loaded', async () => {
    const excel = FakeExcel.fromGrids([grid([[1, 2]], { name: 'S' })]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      range.load('address');
      expect(() => range.address).toThrow(/read before load and sync/);
      await context.sync();
      expect(range.address).toBe('S!A1:B1');
      expect(() => range.values).toThrow(/values was not loaded/);
    });
  });

  it('the fake refuses to load a property the object model does not have', async () => {
    const excel = FakeExcel.fromGrids([grid([[1]], { name: 'S' })]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').load('valuez');
        await context.sync();
      }),
    ).rejects.toThrow(/valuez/);
  });
});

describe('ExcelWorkbook.readSheets', () => {
  it('reads a 30-sheet workbook in 2 syncs, with values, formulas, formats, merges and states', async () => {
    const input = manySheetWorkbook(30);
    const excel = FakeExcel.fromGrids(input);
    const port = portOver(excel);
    const sheets = await port.readSheets();

    expect(excel.syncCount).toBe(2);
    expect(port.lastRead).toEqual({ syncs: 2, chunked: false, chunks: 0 });
    expect(sheets.map((s) => s.name)).toEqual(input.map((s) => s.name));
    expect(sheets.map((s) => s.state)).toEqual([...Array(28).fill('visible'), 'hidden', 'veryHidden']);

    const first = sheets[0];
    expect(at(first, 'B2')).toEqual({ v: '□ 2021년 소요예산' });
    expect(at(first, 'B6')).toEqual({ v: '계' });
    // Formulas come back with Excel's computed value; formats as set.
    expect(at(first, 'D7')).toEqual({ v: 1000, fmt: '#,##0;"△"#,##0;"-"' });
    expect(at(first, 'C7')).toEqual({ v: 1000 + 1011 + 1022 + 1033, f: 'SUM(D7:G7)' });
    expect(at(first, 'D6')).toEqual({ v: 1000 + 1037, f: 'SUM(D7:D8)', fmt: '#,##0;"△"#,##0;"-"' });
    expect(first.merges).toEqual([
      { r0: 3, c0: 1, r1: 4, c1: 1 },
      { r0: 3, c0: 2, r1: 4, c1: 2 },
      { r0: 3, c0: 3, r1: 3, c1: 6 },
    ]);
    expect(first.mergesUnknown).toBeUndefined();
    // Empty cells above and left of the used range stay empty: coordinates are the sheet's.
    expect(at(first, 'A1')).toBeNull();
    expect(cellsByAddress(sheets[29])).toEqual({ A1: { v: 'id' }, B1: { v: 'spec' }, A2: { v: 'RT_1' }, B2: { v: '{"kind":"budget-by-year"}' } });
  });

  it('asks for each sheet once: used range (values only) and merged areas, all loads before the second sync', async () => {
    const excel = FakeExcel.fromGrids([budgetSheet('가', 0), grid([], { name: '빈 시트' })]);
    await portOver(excel).readSheets();
    expect(excel.calls).toEqual([
      'Worksheets.load(items/name,items/visibility)',
      'sync',
      'Worksheet(가).getUsedRangeOrNullObject(true)',
      'UsedRange(가).load(rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes)',
      'Worksheet(빈 시트).getUsedRangeOrNullObject(true)',
      'UsedRange(빈 시트).load(rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes)',
      'Worksheet(가).getRange()',
      'Range(가!*).getMergedAreasOrNullObject()',
      'MergedAreas(Range(가!*)).load(address)',
      'Worksheet(빈 시트).getRange()',
      'Range(빈 시트!*).getMergedAreasOrNullObject()',
      'MergedAreas(Range(빈 시트!*)).load(address)',
      'sync',
    ]);
  });

  it('reads only properties it loaded, and no more than it needs', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(5));
    await portOver(excel).readSheets();
    expect([...new Set(excel.reads)].sort()).toEqual([
      'Range.columnIndex',
      'Range.formulas',
      'Range.numberFormat',
      'Range.rowIndex',
      'Range.valueTypes',
      'Range.values',
      'RangeAreas.address',
      'Worksheet.name',
      'Worksheet.visibility',
      'WorksheetCollection.items',
    ]);
  });

  it('an empty sheet reads as an empty grid', async () => {
    const excel = FakeExcel.fromGrids([grid([], { name: 'empty' })]);
    const [sheet] = await portOver(excel).readSheets();
    expect(sheet).toEqual({ name: 'empty', cells: [], merges: [], state: 'visible' });
  });

  it('without ExcelApi 1.13 it does not ask for merged areas and says they are unknown', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(30), { mergedAreas: false });
    const sheets = await portOver(excel, { merges: false }).readSheets();
    expect(excel.syncCount).toBe(2);
    expect(excel.calls.some((c) => c.includes('getMergedAreas'))).toBe(false);
    for (const s of sheets) {
      expect(s.merges).toEqual([]);
      expect(s.mergesUnknown).toBe(true);
    }
    expect(at(sheets[0], 'C7')?.f).toBe('SUM(D7:G7)');
  });

  it('error values become Cell.error (with the formula kept), text that looks like an error stays text', async () => {
    const excel = FakeExcel.fromGrids([
      grid([[1, '=A1/0', { v: null, error: '#REF!' }, "'#N/A"]], { name: 'E' }),
    ]);
    const [sheet] = await portOver(excel).readSheets();
    expect(at(sheet, 'B1')).toEqual({ v: null, f: 'A1/0', error: '#DIV/0!' });
    expect(at(sheet, 'C1')).toEqual({ v: null, error: '#REF!' });
    expect(at(sheet, 'D1')).toEqual({ v: "'#N/A" });
  });

  it('a workbook too big for one response is read in row chunks, one sync per chunk, with the same result', async () => {
    const input = manySheetWorkbook(6, 60); // 4 team sheets of 68 rows x 6 columns
    const whole = await portOver(FakeExcel.fromGrids(input)).readSheets();

    const excel = FakeExcel.fromGrids(input, { maxResponseCells: 1000 });
    const port = portOver(excel, { chunkCells: 900 });
    const sheets = await port.readSheets();

    expect(sheets).toEqual(whole);
    const { chunks } = port.lastRead;
    expect(port.lastRead.chunked).toBe(true);
    // names, the refused full read, sizes and merges, then the chunks
    expect(excel.syncCount).toBe(3 + chunks);
    // 4 sheets x 68 x 6 = 1632 body cells + 2 small sheets, at most 900 a chunk
    expect(chunks).toBeGreaterThanOrEqual(2);
    expect(chunks).toBeLessThanOrEqual(6);
  });

  it('when Excel also refuses the merged areas (over 512 on a sheet), reads values alone', async () => {
    const input = manySheetWorkbook(5);
    const excel = FakeExcel.fromGrids(input);
    excel.failOnSync(2, 'ResponsePayloadSizeLimitExceeded');
    excel.failOnSync(3, 'GeneralException');
    const port = portOver(excel);
    const sheets = await port.readSheets();
    expect(excel.syncCount).toBe(5); // names, refused read, refused sizes + merges, sizes, one chunk
    expect(port.lastRead).toEqual({ syncs: 5, chunked: true, chunks: 1 });
    expect(sheets.every((s) => s.mergesUnknown === true && s.merges.length === 0)).toBe(true);
    const whole = await portOver(FakeExcel.fromGrids(input), { merges: false }).readSheets();
    expect(sheets).toEqual(whole);
  });

  it('maps a refusal to a message (cell edit mode)', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(3));
    excel.editing = true;
    const error = await refusal(portOver(excel).readSheets());
    expect(error.problem.code).toBe('cell-editing');
    expect(error.problem.excelCode).toBe('InvalidOperationInCellEditMode');
    expect(error.problem.message.ko).toContain('편집');
    expect(error.problem.message.en).toContain('editing a cell');
  });

  it.each([
    ['GeneralException', 'busy'],
    ['AccessDenied', 'access-denied'],
    ['ActivityLimitReached', 'busy'],
    ['SomethingNew', 'unknown'],
  ])('maps %s to %s', async (excelCode, code) => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(3));
    excel.failNextSync(excelCode);
    const error = await refusal(portOver(excel).readSheets());
    expect(error.problem.code).toBe(code);
    expect(error.problem.excelCode).toBe(excelCode);
  });
});

describe('ExcelWorkbook.getSelection', () => {
  it('gives the active sheet and the selected range in one sync', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(4));
    excel.activeSheet = 1;
    excel.selection = { r0: 3, c0: 1, r1: 7, c1: 6 };
    const selection = await portOver(excel).getSelection();
    expect(selection).toEqual({ sheet: '팀02', range: { r0: 3, c0: 1, r1: 7, c1: 6 } });
    expect(excel.syncCount).toBe(1);
  });

  it('several areas selected: the rectangle around them (ExcelApi 1.9), or null without it', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(4));
    excel.selectionAreas = [
      { r0: 5, c0: 2, r1: 7, c1: 2 },
      { r0: 3, c0: 4, r1: 4, c1: 6 },
    ];
    const port = new ExcelWorkbook({ run: excel.run, supportsSelectedRanges: () => true });
    expect(await port.getSelection()).toEqual({ sheet: '팀01', range: { r0: 3, c0: 2, r1: 7, c1: 6 } });
    expect(excel.syncCount).toBe(2);
    const old = new ExcelWorkbook({ run: excel.run, supportsSelectedRanges: () => false });
    expect(await old.getSelection()).toBeNull();
  });

  it('is null when a chart or shape is selected', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(3));
    excel.selection = null;
    expect(await portOver(excel).getSelection()).toBeNull();
    expect(await new ExcelWorkbook({ run: excel.run, supportsSelectedRanges: () => true }).getSelection()).toBeNull();
  });
});

describe('ExcelWorkbook.writeCells', () => {
  const FMT = '#,##0;"△"#,##0;"-"';

  it('writes formulas, constants and formats on several sheets in 2 syncs, adjacent cells in one call', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(30));
    const writes: CellWrite[] = [
      { sheet: '팀01', row: 6, col: 3, value: 5000 },
      { sheet: '팀01', row: 6, col: 4, value: 6000 },
      { sheet: '팀01', row: 6, col: 5, value: 7000 },
      { sheet: '팀01', row: 10, col: 2, formula: 'SUM(D11:G11)', value: 0, fmt: FMT },
      { sheet: '팀01', row: 10, col: 3, value: '19,000', fmt: '@' },
      { sheet: '팀28', row: 1, col: 6, value: '(단위 : 백만원)' },
      { sheet: '_report_tables', row: 2, col: 0, value: 'RT_2' },
    ];
    await portOver(excel).writeCells(writes);
    expect(excel.syncCount).toBe(2);
    expect(excel.calls.filter((c) => / = /.test(c))).toEqual([
      'Range(팀01!D7:F7).values = [[5000,6000,7000]]',
      'Range(팀01!C11:D11).numberFormat = [["#,##0;\\"△\\"#,##0;\\"-\\"","@"]]',
      'Range(팀01!C11:D11).formulas = [["=SUM(D11:G11)","\'19,000"]]',
      'Range(팀28!G2:G2).values = [["(단위 : 백만원)"]]',
      'Range(_report_tables!A3:A3).values = [["\'RT_2"]]',
    ]);
    const sheets = await portOver(excel).readSheets();
    expect(at(sheets[0], 'D7')).toEqual({ v: 5000, fmt: FMT });
    expect(at(sheets[0], 'C7')).toEqual({ v: 5000 + 6000 + 7000 + 1033, f: 'SUM(D7:G7)' });
    expect(at(sheets[0], 'D11')).toEqual({ v: '19,000', fmt: '@' });
    expect(at(sheets[27], 'G2')).toEqual({ v: '(단위 : 백만원)' });
    expect(at(sheets[29], 'A3')).toEqual({ v: 'RT_2' });
  });

  it('refuses a protected sheet before writing anything', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(4));
    excel.sheetNamed('팀02')!.protected = true;
    const before = await portOver(excel).readSheets();
    const error = await refusal(
      portOver(excel).writeCells([
        { sheet: '팀01', row: 6, col: 3, value: 1 },
        { sheet: '팀02', row: 6, col: 3, value: 2 },
      ]),
    );
    expect(error.problem.code).toBe('sheet-protected');
    expect(error.problem.sheet).toBe('팀02');
    expect(error.problem.message.ko).toContain("'팀02'");
    expect(await portOver(excel).readSheets()).toEqual(before);
  });

  it('refuses a sheet that no longer exists, naming it, and writes nothing', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(3));
    const before = await portOver(excel).readSheets();
    const error = await refusal(
      portOver(excel).writeCells([
        { sheet: '팀01', row: 0, col: 0, value: 1 },
        { sheet: '없는 시트', row: 0, col: 0, value: 1 },
      ]),
    );
    expect(error.problem).toMatchObject({ code: 'sheet-not-found', sheet: '없는 시트' });
    expect(await portOver(excel).readSheets()).toEqual(before);
  });

  it('maps a protection refusal Excel reports while writing (protected after the check)', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(3));
    excel.failNextSync('GeneralException', 1);
    const error = await refusal(portOver(excel).writeCells([{ sheet: '팀01', row: 0, col: 0, value: 1 }]));
    expect(error.problem.code).toBe('busy');
  });

  it('splits a very large batch into several requests', async () => {
    const excel = FakeExcel.fromGrids([grid([[0]], { name: 'S' })]);
    const writes: CellWrite[] = Array.from({ length: 10 }, (_, r) => ({ sheet: 'S', row: r * 2, col: 0, value: r }));
    await portOver(excel, { writeCells: 4 }).writeCells(writes);
    // the sheet check, then 10 one-cell runs in requests of 4, 4 and 2
    expect(excel.syncCount).toBe(4);
    const [sheet] = await portOver(excel).readSheets();
    expect(at(sheet, 'A19')).toEqual({ v: 9 });
  });

  it('rejects a malformed write as a programming error', async () => {
    const excel = FakeExcel.fromGrids([grid([[0]], { name: 'S' })]);
    await expect(portOver(excel).writeCells([{ sheet: 'S', row: -1, col: 0, value: 1 }])).rejects.toThrow(RangeError);
    expect(excel.syncCount).toBe(0);
  });
});

describe('ExcelWorkbook.selectCell', () => {
  it('activates the sheet and selects the cell', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(4));
    await portOver(excel).selectCell('팀02', 'C7');
    expect(excel.activeSheet).toBe(1);
    expect(excel.selection).toEqual({ r0: 6, c0: 2, r1: 6, c1: 2 });
    expect(excel.syncCount).toBe(2);
  });

  it('refuses a hidden sheet with a message instead of failing in Excel', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(4));
    const error = await refusal(portOver(excel).selectCell('숨김', 'A1'));
    expect(error.problem).toMatchObject({ code: 'sheet-hidden', sheet: '숨김' });
    expect(excel.activeSheet).toBe(0);
  });

  it('refuses a missing sheet and a cell being edited', async () => {
    const excel = FakeExcel.fromGrids(manySheetWorkbook(3));
    expect((await refusal(portOver(excel).selectCell('없음', 'A1'))).problem.code).toBe('sheet-not-found');
    excel.editing = true;
    expect((await refusal(portOver(excel).selectCell('팀01', 'A1'))).problem.code).toBe('cell-editing');
  });
});

describe('grids round-trip through the fake', () => {
  it('what is read is what was built (cached values recomputed)', async () => {
    const input: SheetGrid[] = [budgetSheet('가', 3)];
    const sheets = await portOver(FakeExcel.fromGrids(input)).readSheets();
    const got = cellsByAddress(sheets[0]);
    const want = cellsByAddress(input[0]);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [a1, cell] of Object.entries(want)) {
      expect({ a1, f: got[a1].f, fmt: got[a1].fmt }).toEqual({ a1, f: cell.f, fmt: cell.fmt });
      if (cell.f === undefined) expect(got[a1].v).toEqual(cell.v);
    }
  });
});
