/**
 * The built pane (dist/) in headless Chromium with no network: office.js cannot load, so the page must start
 * standalone, open an .xlsx through its file input, and show the engine's findings. Screenshots go to
 * test-output/ for people to look at. Needs /usr/bin/chromium and fonts-noto-cjk (see README).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt, launchOffline, ROOT, serveDir } from '../../scripts/pane-harness';
import { fromA1, toA1 } from '../../src/engine';
import type { Cell, SheetGrid } from '../../src/engine';
import { gridsToXlsxBuffer } from '../../src/xlsx';
import { referenceGrids, referenceTables } from '../fixtures/reference';

const OUT = join(ROOT, 'test-output');
const WORK = join(OUT, 'e2e-workbooks');
const STANDALONE_WITHIN_MS = 20000;
const CHECK_WITHIN_MS = 60000;

let server: { origin: string; close(): Promise<void> };
let browser: Awaited<ReturnType<typeof launchOffline>>;
let page: Page;

/** The reference report's tables as a workbook, figures stored as numbers, headers merged. */
function cleanGrids(): SheetGrid[] {
  return referenceGrids({ numbers: 'values', mergeHeaders: true });
}

/**
 * A planted mistake: one part cell of the participatory-budget table (a source row × a year) is changed.
 * It feeds a row total (합계) and a column total (계); the finding may name the part or either total.
 */
function plantedMistake(): { grids: SheetGrid[]; sheet: string; part: string; totals: string[] } {
  const table = referenceTables().find((t) => t.id === 'budget-participatory');
  if (!table) throw new Error('reference fixture budget-participatory is missing');
  const [top] = table.range.split(':');
  const totalRow = fromA1(top)!.row + table.headerRows; // the 계 row
  const part = toA1(totalRow + 1, 3); // first source row, the 2021년 column (D)
  const rowTotal = toA1(totalRow + 1, 1); // 합계 of that row (B)
  const columnTotal = toA1(totalRow, 3); // 계 of that column
  // The relations the fixture states must name these cells, or this test plants in the wrong place.
  expect(table.relations).toContainEqual(expect.stringMatching(new RegExp(`^${rowTotal} = .*\\b${part}\\b`)));
  expect(table.relations).toContainEqual(expect.stringMatching(new RegExp(`^${columnTotal} = .*\\b${part}\\b`)));

  const grids = cleanGrids();
  const sheet = grids.find((g) => g.name === table.sheet)!;
  const { row, col } = fromA1(part)!;
  const cells = sheet.cells.map((line) => [...line]);
  const old = cells[row][col] as Cell;
  expect(typeof old?.v).toBe('number');
  cells[row][col] = { ...old, v: (old.v as number) + 1000 };
  grids[grids.indexOf(sheet)] = { ...sheet, cells };
  return { grids, sheet: table.sheet, part, totals: [rowTotal, columnTotal] };
}

async function writeWorkbook(name: string, grids: SheetGrid[]): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, name);
  writeFileSync(file, Buffer.from(await gridsToXlsxBuffer(grids)));
  return file;
}

async function openInPane(file: string): Promise<void> {
  await page.goto(`${server.origin}/taskpane.html`);
  await page
    .locator('[data-testid="pane"][data-mode="standalone"]')
    .waitFor({ timeout: STANDALONE_WITHIN_MS })
    .catch((e) => {
      throw new Error(
        `the pane did not start in standalone mode within ${STANDALONE_WITHIN_MS} ms (is dist/ stale or a stand-in? ` +
          `run REBUILD=1 npm run test:e2e): ${(e as Error).message}`,
      );
    });
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.locator('[data-testid="summary"]').waitFor({ timeout: CHECK_WITHIN_MS });
}

async function summary() {
  const el = page.locator('[data-testid="summary"]');
  const read = async (name: string) => Number(await el.getAttribute(name));
  return { tables: await read('data-tables'), errors: await read('data-errors'), warnings: await read('data-warnings') };
}

async function findings() {
  return page.locator('[data-testid="findings"] [data-testid="finding"]').evaluateAll((els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { rule: d.rule, sheet: d.sheet, cell: d.cell, severity: d.severity };
    }),
  );
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  server = await serveDir();
  browser = await launchOffline({ locale: 'ko-KR' });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('starts standalone with no network: office.js blocked, nothing else requested from outside', async () => {
  await page.goto(`${server.origin}/taskpane.html`);
  const pane = page.locator('[data-testid="pane"]');
  await pane.waitFor({ timeout: STANDALONE_WITHIN_MS });
  expect(await pane.getAttribute('data-mode')).toBe('standalone');
  expect(await page.locator('input[type="file"]').count()).toBe(1);
  // Only Microsoft's office.js CDN may be asked for; it was refused, and the page went on without it.
  expect(browser.blocked.every((url) => new URL(url).hostname === 'appsforoffice.microsoft.com')).toBe(true);
  await page.screenshot({ path: join(OUT, 'pane-standalone-idle.png'), fullPage: true });
});

it('opens a clean workbook of the report tables and shows 0 errors', async () => {
  const file = await writeWorkbook('report-tables-clean.xlsx', cleanGrids());
  await openInPane(file);
  const counts = await summary();
  const errors = (await findings()).filter((f) => f.severity === 'error');
  expect(errors).toEqual([]);
  expect(counts.errors).toBe(0);
  expect(counts.tables).toBeGreaterThan(0);
  await page.screenshot({ path: join(OUT, 'pane-clean.png'), fullPage: true });
});

it('opens a workbook with a changed part cell and shows an error at that cell or the total it feeds', async () => {
  const planted = plantedMistake();
  const file = await writeWorkbook('report-tables-planted.xlsx', planted.grids);
  await openInPane(file);
  const counts = await summary();
  expect(counts.errors).toBeGreaterThan(0);
  const errors = (await findings()).filter((f) => f.severity === 'error');
  const named = errors.filter((f) => f.sheet === planted.sheet && [planted.part, ...planted.totals].includes(f.cell!));
  expect(named.length).toBeGreaterThan(0);

  const first = page.locator(`[data-testid="finding"][data-cell="${named[0].cell}"]`).first();
  await first.locator('button').first().click();
  expect(await first.getAttribute('data-selected')).toBe('true');
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'pane-planted.png'), fullPage: true });
});

it('accepts that finding with a note; it stays accepted when the same file is opened again', async () => {
  const planted = plantedMistake();
  const file = await writeWorkbook('report-tables-accept.xlsx', planted.grids);
  await openInPane(file);
  const before = await summary();
  const card = page.locator('[data-testid="finding"][data-severity="error"]').first();
  const cell = await card.getAttribute('data-cell');
  await card.getByRole('button', { name: '승인' }).click();
  await card.locator('textarea').fill('예산서와 대조함');
  await card.locator('form').getByRole('button', { name: '승인' }).click();
  const accepted = page.locator(`[data-testid="accepted"] [data-testid="accepted-finding"][data-cell="${cell}"]`);
  await accepted.waitFor();
  expect(await accepted.textContent()).toContain('예산서와 대조함');
  expect((await summary()).errors).toBe(before.errors - 1);
  await accepted.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'pane-accepted.png') });

  await openInPane(file);
  await page.locator(`[data-testid="accepted-finding"][data-cell="${cell}"]`).waitFor();
  expect((await summary()).errors).toBe(before.errors - 1);
});

it('renders Korean text with a CJK font', async () => {
  const title = page.locator('h1');
  expect(await title.textContent()).toMatch(/[가-힣]/);
  // A Korean glyph drawn with a real CJK font is much wider than a missing-glyph box of a Latin-only font.
  const widths = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.fontSize = '20px';
    document.body.appendChild(probe);
    const measure = (text: string) => {
      probe.textContent = text;
      return probe.getBoundingClientRect().width;
    };
    const result = { korean: measure('가나다라마'), latin: measure('iiiii') };
    probe.remove();
    return result;
  });
  expect(widths.korean).toBeGreaterThan(widths.latin * 2);
  const fonts = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  expect(fonts).toMatch(/Noto (Sans|Serif) CJK/);
});

describe('the bundled examples (examples/README.md), when they exist', () => {
  const clean = join(ROOT, 'examples', 'report-tables-clean.xlsx');
  const demo = join(ROOT, 'examples', 'report-tables.xlsx');

  it('report-tables-clean.xlsx shows 0 errors', async () => {
    if (!existsSync(clean)) return; // produced by another part of the project; the fixture-built one is above
    await openInPane(clean);
    expect((await summary()).errors).toBe(0);
    await page.screenshot({ path: join(OUT, 'pane-example-clean.png'), fullPage: true });
  });

  it('report-tables.xlsx shows its planted mistake: E99 on 기획예산과, or the totals it feeds (B99, E98)', async () => {
    if (!existsSync(demo)) return;
    await openInPane(demo);
    const errors = (await findings()).filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.sheet === '기획예산과' && ['E99', 'B99', 'E98'].includes(f.cell!))).toBe(true);
    await page.locator('[data-testid="finding"][data-severity="error"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'pane-example-planted.png') });
  });
});

it('shows a clear Korean message, not a stack trace, for a file that is not a workbook', async () => {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, 'not-a-workbook.xlsx');
  writeFileSync(file, '이것은 엑셀 파일이 아닙니다\n1,2,3\n');
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('[data-testid="pane"][data-mode="standalone"]').waitFor({ timeout: STANDALONE_WITHIN_MS });
  await page.locator('input[type="file"]').setInputFiles(file);
  const error = page.locator('[data-testid="error"]');
  await error.waitFor({ timeout: CHECK_WITHIN_MS });
  const text = (await error.textContent()) ?? '';
  expect(text).toMatch(/[가-힣]/);
  expect(text).not.toMatch(/\bat \S+ \(|Error:/);
  expect(await page.locator('[data-testid="summary"]').count()).toBe(0);
  await page.screenshot({ path: join(OUT, 'pane-unreadable-file.png') });
});
