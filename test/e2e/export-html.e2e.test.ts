/**
 * The HTML export of every reference table rendered in headless Chromium (no network, page.setContent): merged
 * headers have the report's rowspan/colspan, the unit line sits above the table and ends at its right edge, figures
 * are right-aligned. Screenshots of each table go to test-output/export/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchOffline, ROOT } from '../../scripts/pane-harness';
import { rangeFromA1 } from '../../src/engine';
import { exportTable } from '../../src/engine/export';
import { importReportText } from '../../src/engine/import-report';
import { allTables, headerCells, parseReportText } from '../../src/engine/report-text';
import { htmlDocument } from '../../src/cli/export/export-command';
import { referenceTables, referenceText } from '../fixtures/reference';

const OUT = join(ROOT, 'test-output', 'export');
const sheet = importReportText(referenceText()).sheets[0];
const reportTables = allTables(parseReportText(referenceText())).map((t) => t.table);
const refs = referenceTables();

let browser: Awaited<ReturnType<typeof launchOffline>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchOffline({ viewport: { width: 1400, height: 900 } });
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});

interface Drawn {
  headers: [number, number, number, number, string][];
  unit: { text: string; align: string; bottom: number; right: number } | null;
  table: { top: number; right: number; width: number };
  figureAligns: string[];
  fontFamily: string;
}

describe.each(refs.map((ref, k) => [`${String(k + 1).padStart(2, '0')}-${ref.id}`, ref, reportTables[k]] as const))('%s', (name, ref, report) => {
  let drawn: Drawn;
  beforeAll(async () => {
    const html = htmlDocument(exportTable(sheet, rangeFromA1(ref.range)!, 'html', { captions: 'all' }), ref.id);
    await page.setContent(html, { waitUntil: 'load' });
    drawn = await page.evaluate(() => {
      const table = document.querySelector('table')!;
      const headers: [number, number, number, number, string][] = [];
      // Column positions from the rendered cells: the table model resolves spans as the browser draws them.
      const trs = Array.from(table.querySelectorAll('thead tr'));
      const taken: boolean[][] = trs.map(() => []);
      trs.forEach((tr, r) => {
        let c = 0;
        for (const cell of Array.from(tr.children) as HTMLTableCellElement[]) {
          while (taken[r][c]) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) if (taken[r + dr]) taken[r + dr][c + dc] = true;
          headers.push([r, c, cell.rowSpan, cell.colSpan, cell.textContent ?? '']);
          c += cell.colSpan;
        }
      });
      const unit = document.querySelector('p.unit');
      const tb = table.getBoundingClientRect();
      const ub = unit?.getBoundingClientRect();
      const range = document.createRange();
      if (unit) range.selectNodeContents(unit);
      const textBox = unit ? range.getBoundingClientRect() : null;
      const figureAligns = Array.from(table.querySelectorAll('tbody td'))
        .filter((td) => /^(-|△?\d{1,3}(,\d{3})*)$/.test(td.textContent ?? '') && td.previousElementSibling !== null)
        .map((td) => getComputedStyle(td).textAlign);
      return {
        headers,
        unit: unit && ub && textBox ? { text: unit.textContent ?? '', align: getComputedStyle(unit).textAlign, bottom: ub.bottom, right: textBox.right } : null,
        table: { top: tb.top, right: tb.right, width: tb.width },
        figureAligns,
        fontFamily: getComputedStyle(table).fontFamily,
      };
    });
    await page.locator('.report-table').screenshot({ path: join(OUT, `${name}.png`) });
  });

  it('draws the report\'s header cells with their rowspan/colspan', () => {
    expect(drawn.headers).toEqual(headerCells(report.rows, ref.headerRows).map((h) => [h.row, h.col, h.rowSpan, h.colSpan, h.text]));
  });

  it('shows the unit line above the table, ending at its right edge', () => {
    if (!ref.unit) return expect(drawn.unit).toBeNull();
    expect(drawn.unit).not.toBeNull();
    expect(drawn.unit!.text).toContain(ref.unit);
    expect(drawn.unit!.align).toBe('right');
    expect(drawn.unit!.bottom).toBeLessThanOrEqual(drawn.table.top + 0.5);
    expect(Math.abs(drawn.unit!.right - drawn.table.right)).toBeLessThanOrEqual(2);
  });

  it('right-aligns figures', () => {
    for (const a of drawn.figureAligns) expect(a).toBe('right');
    expect(drawn.table.width).toBeGreaterThan(50);
  });
});

test('nothing was fetched from the network', () => {
  expect(browser.blocked).toEqual([]);
});
