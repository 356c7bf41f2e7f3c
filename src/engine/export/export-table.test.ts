/**
 * Exporter tests on every table of the reference report (imported as a workbook: merged headers, typed figures)
 * and on small hand-made grids: structure, report-style figures, escaping, formula injection, TSV round trip.
 */
import fc from 'fast-check';
import { referenceGrids, referenceTables, referenceText } from '../../../test/fixtures/reference';
import { rangeFromA1 } from '../grid/a1';
import type { Cell, SheetGrid } from '../grid/types';
import { importReportText } from '../import-report';
import { parseNumber, readNumeric } from '../numbers';
import { allTables, headerCells, parseReportText } from '../report-text';
import { buildExportModel, csvField, exportTable, neutralise } from '.';

const imported = importReportText(referenceText());
const sheet = imported.sheets[0];
const reportTables = allTables(parseReportText(referenceText())).map((t) => t.table);
const cases = referenceTables().map((ref, k) => [ref.id, ref, reportTables[k]] as const);

/** What a field means: a figure's value ('-' and blank in a figure position are 0), else its text. */
function meaning(field: string): number | string {
  const n = parseNumber(field);
  return n && !n.unit && !n.percent && !n.footnote ? n.value : field;
}

function sheetOf(rows: (Cell | null)[][], merges: SheetGrid['merges'] = []): SheetGrid {
  return { name: 'S', cells: rows, merges };
}

describe.each(cases)('%s', (_id, ref, report) => {
  const range = rangeFromA1(ref.range)!;
  const model = buildExportModel(sheet, range);

  it('follows the detected table: header rows, label columns, unit line', () => {
    expect(model.table).toBeDefined();
    expect(model.headerRows).toBe(ref.headerRows);
    // The ground truth counts every column of a text table as a label column; detection stops before prose.
    if (ref.kind !== 'text') expect(model.labelCols).toBe(ref.labelCols);
    if (ref.unit) expect(model.unitLine).toContain(ref.unit);
    const unitCaption = ref.captions.find((c) => /단위/.test(c));
    if (unitCaption) expect(model.unitLine).toBe(unitCaption);
  });

  it('draws the header cells the report draws (spans from the merged areas)', () => {
    const want = headerCells(report.rows, ref.headerRows).map((h) => [h.row, h.col, h.rowSpan, h.colSpan, h.text]);
    const got = model.grid.slice(0, model.headerRows).flatMap((line) => line.filter((c) => c !== null).map((c) => [c!.row, c!.col, c!.rowSpan, c!.colSpan, c!.text]));
    expect(got).toEqual(want);
  });

  it('draws the same header cells from the pasted text form (no merged areas, figures as text)', () => {
    const pasted = buildExportModel(referenceGrids()[0], range);
    const cells = (m: typeof model) => m.grid.flatMap((line) => line.filter((c) => c !== null).map((c) => [c!.row, c!.col, c!.rowSpan, c!.colSpan, c!.text, c!.role]));
    expect(cells(pasted)).toEqual(cells(model));
  });

  it('TSV round trip: the unit line and the table read back through parseReportText with the same fields and figures', () => {
    const tsv = exportTable(sheet, range, 'tsv');
    const back = allTables(parseReportText(tsv)).map((t) => t.table);
    expect(back).toHaveLength(1);
    expect(back[0].unit).toBe(ref.unit);
    expect(back[0].headerRows).toBe(report.headerRows);
    expect(back[0].rows.map((line) => line.map(meaning))).toEqual(report.rows.map((line) => line.map(meaning)));
  });

  it('CSV: the same fields as TSV, RFC 4180 quoted', () => {
    const csv = exportTable(sheet, range, 'csv');
    const rows = parseCsv(csv);
    const tsvRows = exportTable(sheet, range, 'tsv', { captions: 'none' }).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(rows).toEqual(tsvRows);
  });

  it('Markdown: one header line, a rule, one line per body row, every column', () => {
    const lines = exportTable(sheet, range, 'md', { captions: 'none' }).trimEnd().split('\n');
    const bodyRows = report.rows.length - ref.headerRows;
    expect(lines).toHaveLength(2 + bodyRows + (ref.headerRows === 0 ? -1 : 0));
    for (const line of lines) expect(line.split(/(?<!\\)\|/).length - 2).toBe(report.width);
    expect(lines[1]).toMatch(/^\| :?---:?( \| :?---:?)* \|$/);
  });

  it('figures show report-style: grouped, "-" for zero; each equals the sheet value', () => {
    for (const line of model.grid.slice(model.headerRows)) {
      for (const cell of line) {
        if (!cell || cell.role !== 'figure') continue;
        const source = readNumeric(sheet.cells[range.r0 + cell.row]?.[range.c0 + cell.col]);
        if (source.kind !== 'number' || source.fromText) continue;
        expect(cell.text).toMatch(/^(-|△?\d{1,3}(,\d{3})*(\.\d+)?)$/);
        expect(meaning(cell.text)).toBe(source.value);
      }
    }
  });
});

describe('report style and escaping', () => {
  const s = sheetOf(
    [
      [{ v: '(단위 : 천원)' }],
      [{ v: '구분' }, { v: '<합계>' }, { v: 'A & "B"' }],
      [{ v: "계 <script>alert('x')</script>" }, { v: -1200, fmt: '#,##0;"△"#,##0;"-"' }, { v: 0 }],
      [{ v: '율' }, { v: 0.845, fmt: '0.0%' }, { v: 1234567.5 }],
    ],
  );
  const range = { r0: 1, c0: 0, r1: 3, c1: 2 };

  it.each([
    [-1200, undefined, '△1,200'],
    [0, undefined, '-'],
    [0, '#,##0', '-'],
    [1234567, '#,##0', '1,234,567'],
    [84.5, '0.0', '84.5'],
    [0.845, '0.0%', '84.5%'],
    [12.25, undefined, '12.25'],
  ])('%p with format %p shows %p', (v, fmt, want) => {
    const model = buildExportModel(sheetOf([[{ v: '구분' }, { v: '값' }], [{ v: '가' }, fmt ? { v, fmt } : { v }]]), { r0: 0, c0: 0, r1: 1, c1: 1 });
    expect(model.grid[1][1]!.text).toBe(want);
  });

  it('HTML escapes every text and keeps the unit line above, right-aligned', () => {
    const html = exportTable(s, range, 'html');
    expect(html).not.toMatch(/<script>|<합계>/);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('A &amp; &quot;B&quot;');
    expect(html).toContain('△1,200');
    expect(html.indexOf('(단위 : 천원)')).toBeLessThan(html.indexOf('<table'));
    expect(html).toMatch(/<p class="unit" style="[^"]*text-align:right[^"]*">\(단위 : 천원\)<\/p>/);
    expect(html).toMatch(/<th [^>]*>구분<\/th>/);
  });

  it('merged headers become rowspan/colspan; pasted blanks too', () => {
    const rows: (Cell | null)[][] = [
      [{ v: '재원별' }, { v: '합계' }, { v: '연차별' }, null],
      [null, null, { v: '2020년' }, { v: '2021년' }],
      [{ v: '계' }, { v: 30 }, { v: 10 }, { v: 20 }],
      [{ v: '구비' }, { v: 30 }, { v: 10 }, { v: 20 }],
    ];
    const range = { r0: 0, c0: 0, r1: 3, c1: 3 };
    const merges = [
      { r0: 0, c0: 0, r1: 1, c1: 0 },
      { r0: 0, c0: 1, r1: 1, c1: 1 },
      { r0: 0, c0: 2, r1: 0, c1: 3 },
    ];
    for (const grid of [sheetOf(rows, merges), sheetOf(rows)]) {
      const html = exportTable(grid, range, 'html');
      expect(html).toMatch(/<th rowspan="2"[^>]*>재원별<\/th>/);
      expect(html).toMatch(/<th rowspan="2"[^>]*>합계<\/th>/);
      expect(html).toMatch(/<th colspan="2"[^>]*>연차별<\/th>/);
      expect(exportTable(grid, range, 'tsv')).toBe('재원별\t합계\t연차별\t\n\t\t2020년\t2021년\n계\t30\t10\t20\n구비\t30\t10\t20\n');
      expect(exportTable(grid, range, 'md')).toBe(
        '| 재원별 | 합계 | 연차별 2020년 | 연차별 2021년 |\n| :---: | ---: | ---: | ---: |\n| 계 | 30 | 10 | 20 |\n| 구비 | 30 | 10 | 20 |\n',
      );
    }
  });

  it('CSV quotes per RFC 4180', () => {
    expect(csvField('19,000')).toBe('"19,000"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['-', '-'],
    ['△1,200', '△1,200'],
    ['--', "'--"],
  ])('neutralises %p as %p', (text, want) => {
    expect(neutralise(text)).toBe(want);
  });
});

/** A small RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('formula injection (property)', () => {
  const risky = fc.oneof(
    fc.string(),
    fc.constantFrom('-', '=', '+', '@', '△1,200', ' -', '\t=1', '=1+2', '-5', '@SUM(A1)', '+82-10', '-\n', '"=1"'),
    fc.tuple(fc.constantFrom('=', '+', '-', '@', ' ', '\t', '\n'), fc.string()).map(([a, b]) => a + b),
  );
  const cellArb = fc.oneof(risky.map((v) => ({ v }) as Cell), fc.integer({ min: -1e9, max: 1e9 }).map((v) => ({ v }) as Cell), fc.constant(null));
  const gridArb = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 }));

  it('no TSV or CSV field starts with =, +, - or @, except the lone "-" meaning zero', () => {
    fc.assert(
      fc.property(gridArb, (rows) => {
        const s = sheetOf(rows);
        const range = { r0: 0, c0: 0, r1: rows.length - 1, c1: rows[0].length - 1 };
        const tsvFields = exportTable(s, range, 'tsv', { captions: 'none' }).replace(/\n$/, '').split('\n').flatMap((l) => l.split('\t'));
        const csvFields = parseCsv(exportTable(s, range, 'csv')).flat();
        for (const f of [...tsvFields, ...csvFields]) {
          if (f === '-') continue;
          expect(f).not.toMatch(/^[=+\-@]/);
        }
        // Nothing is lost but the apostrophe: every field reads back as the cell's text.
        expect(csvFields.map((f) => f.replace(/^'(?=[=+\-@])/, ''))).toEqual(tsvFields.map((f) => f.replace(/^'(?=[=+\-@])/, '')));
      }),
      { numRuns: 300 },
    );
  });
});
