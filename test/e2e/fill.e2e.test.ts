/**
 * Fill in the built standalone page (dist/, headless Chromium, no network): open a workbook whose totals are
 * empty, see the preview's count, fill, and read the downloaded workbook back with src/xlsx: the totals are live
 * formulas with the right cached values, and the figures typed by hand are untouched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt, launchOffline, ROOT, serveDir } from '../../scripts/pane-harness';
import { fromA1, type Cell, type SheetGrid } from '../../src/engine';
import { grid } from '../../src/engine/test-support';
import { gridsToXlsxBuffer, readWorkbookBuffer } from '../../src/xlsx';

const OUT = join(ROOT, 'test-output');
const WORK = join(OUT, 'e2e-workbooks');
const FMT = '#,##0;"△"#,##0;"-"';
const SHEET = '기획예산과';

let server: { origin: string; close(): Promise<void> };
let browser: Awaited<ReturnType<typeof launchOffline>>;
let page: Page;

/** DESIGN.md's budget table at B4:G8 (계, 시비, 구비 × 2020–2023, 합계) with every total cell empty. */
function emptyTotals(): SheetGrid {
  const n = (v: number): Cell => ({ v, fmt: FMT });
  return grid(
    [
      ['재원별', '합계', '연차별 소요재원'],
      [null, null, '2020년', '2021년', '2022년', '2023년'],
      ['계', null, null, null, null, null],
      ['시비', null, n(0), n(16150), n(24500), n(24500)],
      ['구비', null, n(0), n(16150), n(24500), n(24500)],
    ],
    { name: SHEET, at: 'B4', merges: ['B4:B5', 'C4:C5', 'D4:G4'] },
  );
}

/** The totals the table must end up with, worked out from its parts here (not by the engine). */
function expectedTotals(sheet: SheetGrid): Map<string, number> {
  const v = (a1: string) => {
    const at = fromA1(a1)!;
    return (sheet.cells[at.row]?.[at.col]?.v as number | null) ?? 0;
  };
  const out = new Map<string, number>();
  for (const row of [7, 8]) out.set(`C${row}`, ['D', 'E', 'F', 'G'].reduce((s, c) => s + v(`${c}${row}`), 0));
  for (const col of ['D', 'E', 'F', 'G']) out.set(`${col}6`, v(`${col}7`) + v(`${col}8`));
  out.set('C6', out.get('C7')! + out.get('C8')!);
  return out;
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(WORK, { recursive: true });
  server = await serveDir();
  browser = await launchOffline({ locale: 'ko-KR' });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('standalone: previews N writes, fills, and the download holds the formulas with their values', async () => {
  const source = emptyTotals();
  const file = join(WORK, '채우기-예산.xlsx');
  writeFileSync(file, Buffer.from(await gridsToXlsxBuffer([source])));
  const expected = expectedTotals(source);

  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('[data-testid="pane"][data-mode="standalone"]').waitFor({ timeout: 20000 });
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.locator('[data-testid="summary"]').waitFor({ timeout: 60000 });

  await page.locator('[data-testid="fill-workbook"]').click();
  const preview = page.locator('[data-testid="fill-preview"]');
  await preview.waitFor({ timeout: 60000 });
  expect(Number(await preview.getAttribute('data-writes'))).toBe(expected.size);
  expect(Number(await preview.getAttribute('data-conflicts'))).toBe(0);
  await page.screenshot({ path: join(OUT, 'pane-fill-preview.png'), fullPage: true });

  await page.locator('[data-testid="fill-apply"]').click();
  const link = page.locator('[data-testid="fill-download"]');
  await link.waitFor({ timeout: 60000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('채우기-예산-채움.xlsx');
  const saved = join(WORK, 'filled-download.xlsx');
  await download.saveAs(saved);
  await page.screenshot({ path: join(OUT, 'pane-fill-done.png'), fullPage: true });

  const [filled] = (await readWorkbookBuffer(new Uint8Array(readFileSync(saved)))).filter((s) => s.name === SHEET);
  for (const [a1, value] of expected) {
    const at = fromA1(a1)!;
    const cell = filled.cells[at.row]?.[at.col];
    expect({ a1, formula: cell?.f?.startsWith('SUM('), value: cell?.v }).toEqual({ a1, formula: true, value });
  }
  // Figures typed by hand are as they were.
  for (const a1 of ['D7', 'E7', 'F8', 'G8']) {
    const at = fromA1(a1)!;
    expect(filled.cells[at.row][at.col]).toEqual(source.cells[at.row][at.col]);
  }
});
