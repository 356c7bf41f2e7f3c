/**
 * @jest-environment jsdom
 */
/**
 * HTML round trip: every reference table exported as HTML, read back with the DOM into the report's text form
 * (a spanned cell's text in its top-left field, the fields it covers empty), then through parseReportText with
 * its unit line: the same header cells and spans, the same fields and figures as the report.
 */
import { referenceTables, referenceText } from '../../../test/fixtures/reference';
import { rangeFromA1 } from '../grid/a1';
import { importReportText } from '../import-report';
import { parseNumber } from '../numbers';
import { allTables, headerCells, parseReportText } from '../report-text';
import { exportTable } from '.';

const imported = importReportText(referenceText());
const sheet = imported.sheets[0];
const reportTables = allTables(parseReportText(referenceText())).map((t) => t.table);

interface ReadBack {
  unitLine: string | null;
  headerRows: number;
  rows: string[][];
  headers: [number, number, number, number, string][];
  aligns: Map<string, string>;
}

function readHtml(html: string): ReadBack {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table')!;
  const unit = doc.querySelector('p.unit');
  const trs = Array.from(table.querySelectorAll('tr'));
  const rows: string[][] = trs.map(() => []);
  const taken = trs.map(() => [] as boolean[]);
  const headers: ReadBack['headers'] = [];
  const aligns = new Map<string, string>();
  trs.forEach((tr, r) => {
    let c = 0;
    for (const cell of Array.from(tr.children) as HTMLTableCellElement[]) {
      while (taken[r][c]) c++;
      const rowSpan = cell.rowSpan || 1;
      const colSpan = cell.colSpan || 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) {
        taken[r + dr][c + dc] = true;
        rows[r + dr][c + dc] = dr === 0 && dc === 0 ? (cell.textContent ?? '') : '';
      }
      if (cell.tagName === 'TH') headers.push([r, c, rowSpan, colSpan, cell.textContent ?? '']);
      aligns.set(`${r},${c}`, cell.style.textAlign);
      c += colSpan;
    }
  });
  return { unitLine: unit?.textContent ?? null, headerRows: table.querySelectorAll('thead tr').length, rows, headers, aligns };
}

function meaning(field: string): number | string {
  const n = parseNumber(field);
  return n && !n.unit && !n.percent && !n.footnote ? n.value : field;
}

describe.each(referenceTables().map((ref, k) => [ref.id, ref, reportTables[k]] as const))('%s', (_id, ref, report) => {
  const html = exportTable(sheet, rangeFromA1(ref.range)!, 'html');
  const back = readHtml(html);

  it('has the report\'s header cells as <th> with their rowspan/colspan', () => {
    expect(back.headerRows).toBe(ref.headerRows);
    expect(back.headers).toEqual(headerCells(report.rows, ref.headerRows).map((h) => [h.row, h.col, h.rowSpan, h.colSpan, h.text]));
  });

  it('reads back through parseReportText with the same fields, figures and unit', () => {
    const text = [back.unitLine ?? '', '', ...back.rows.map((r) => r.join('\t'))].join('\n');
    const again = allTables(parseReportText(text)).map((t) => t.table);
    expect(again).toHaveLength(1);
    expect(again[0].unit).toBe(report.unit);
    expect(again[0].rows.map((r) => r.map(meaning))).toEqual(report.rows.map((r) => r.map(meaning)));
    if (ref.captions.some((c) => /단위/.test(c))) expect(back.unitLine).toBe(ref.captions.find((c) => /단위/.test(c)));
  });

  it('centres headers and labels, right-aligns figures', () => {
    back.rows.forEach((line, r) => {
      line.forEach((field, c) => {
        const align = back.aligns.get(`${r},${c}`);
        if (align === undefined) return;
        if (r < ref.headerRows) expect(align).toBe('center');
        else if (ref.kind !== 'text' && c >= ref.labelCols && typeof meaning(field) === 'number') expect(align).toBe('right');
        else if (ref.kind !== 'text' && c < ref.labelCols) expect(align).toBe('center');
      });
    });
  });
});
