/**
 * The structured-sheets part of the built standalone pane (dist/, headless Chromium, no network), used as a person
 * would: open a workbook and see its detected tables; insert a template of every kind on a team's sheet; save the
 * changed workbook and read it back with exceljs (RT_ names, the very-hidden registry, merged headers, formulas);
 * paste the reference report's text; adopt a detected table, giving it the unit detection could not find; copy a
 * table for the report and read the copied HTML back from the clipboard. Screenshots go to test-output/.
 *
 * The tests run in order on one page: each step starts from what the one before left in the pane.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ensureBuilt, launchOffline, ROOT, serveDir } from '../../scripts/pane-harness';
import { fromA1, rangeFromA1, rangeToA1, type Cell, type SheetGrid } from '../../src/engine';
import { grid } from '../../src/engine/test-support';
import type { SpecKind } from '../../src/specs';
import { gridsToXlsxBuffer, readXlsxRegistry } from '../../src/xlsx';
import { referenceExpectedFindings, referenceTables, referenceText, REFERENCE_SHEET } from '../fixtures/reference';

const OUT = join(ROOT, 'test-output');
const WORK = join(OUT, 'e2e-workbooks');
const FMT = '#,##0;"△"#,##0;"-"';
const STANDALONE_WITHIN_MS = 20000;
const CHECK_WITHIN_MS = 30000;
const SPAN = { from: 2020, to: 2023 };

let server: { origin: string; close(): Promise<void> };
let browser: Awaited<ReturnType<typeof launchOffline>>;
let page: Page;

// ---------------------------------------------------------------------------------------------------------------
// The workbook the user starts from: two team sheets, each with one table the check detects.

const BUDGET_TEAM = '예산팀';
const LAW_TEAM = '법무팀';
const START_FILE = join(WORK, '구조화-시작.xlsx');

function startGrids(): SheetGrid[] {
  const n = (v: number): Cell => ({ v, fmt: FMT });
  const budget = grid(
    [
      ['재원별', '합계', '연차별 소요재원'],
      [null, null, '2020년', '2021년', '2022년', '2023년'],
      ['계', n(162000), n(0), n(32300), n(64700), n(65000)],
      ['시비', n(81000), n(0), n(16150), n(32350), n(32500)],
      ['구비', n(81000), n(0), n(16150), n(32350), n(32500)],
    ],
    { name: BUDGET_TEAM, at: 'B4', merges: ['B4:B5', 'C4:C5', 'D4:G4'] },
  );
  const advice = grid(
    [
      ['연도', '합계', '서면', '전화', '방문'],
      ['2018년', n(120), n(40), n(50), n(30)],
      ['2019년', n(150), n(60), n(55), n(35)],
      ['2020년', n(171), n(70), n(61), n(40)],
    ],
    { name: LAW_TEAM, at: 'A3' },
  );
  return [budget, advice];
}

const START_TABLES = [
  { sheet: BUDGET_TEAM, range: 'B4:G8' },
  { sheet: LAW_TEAM, range: 'A3:E6' },
];

// ---------------------------------------------------------------------------------------------------------------
// Small helpers over the pane's test hooks (data-testid and friends).

async function openInPane(file: string): Promise<void> {
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('[data-testid="pane"][data-mode="standalone"]').waitFor({ timeout: STANDALONE_WITHIN_MS });
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.locator('[data-testid="pane"][data-phase="done"] [data-testid="summary"]').waitFor({ timeout: CHECK_WITHIN_MS });
}

async function summary() {
  const el = page.locator('[data-testid="summary"]');
  const read = async (name: string) => Number(await el.getAttribute(name));
  return { tables: await read('data-tables'), errors: await read('data-errors'), warnings: await read('data-warnings') };
}

/** After a change the pane checks the changed workbook again: wait until that check counts `tables` tables. */
async function checkedWithTables(tables: number): Promise<void> {
  await page
    .locator(`[data-testid="pane"][data-phase="done"] [data-testid="summary"][data-tables="${tables}"]`)
    .waitFor({ timeout: CHECK_WITHIN_MS });
}

async function findings() {
  return page.locator('[data-testid="findings"] [data-testid="finding"]').evaluateAll((els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { rule: d.rule!, sheet: d.sheet!, cell: d.cell!, severity: d.severity! };
    }),
  );
}

async function openTab(name: '서식' | '구조화된 표' | '보고서 붙여넣기'): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
}

/** The registered tables as the list shows them, after it has read the registry (loading spinner gone). */
async function structuredList(): Promise<{ id: string; sheet: string; range: string; heading: string }[]> {
  const list = page.locator('[data-testid="structured-list"]');
  await list.locator('[data-testid="structured-table"], [data-testid="structured-empty"]').first().waitFor();
  return list.locator('[data-testid="structured-table"]').evaluateAll((els) =>
    els.map((e) => {
      const item = e as HTMLElement;
      return {
        id: item.dataset.id!,
        sheet: item.dataset.sheet!,
        range: item.querySelectorAll('span')[1]?.textContent ?? '',
        // The sheet heading the item is listed under.
        heading: item.closest('section')?.querySelector('h3')?.textContent ?? '',
      };
    }),
  );
}

async function detectedList(): Promise<string[]> {
  return page.locator('[data-testid="detected-table"]').evaluateAll((els) =>
    els.map((e) => (e.querySelectorAll('span')[1]?.textContent ?? '').trim()),
  );
}

/** "Download the changed workbook": saved under test-output/ and loaded with exceljs. */
async function downloadChanged(saveAs: string): Promise<{ file: string; name: string; book: ExcelJS.Workbook }> {
  const link = page.locator('[data-testid="structured-download"]');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = join(WORK, saveAs);
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return { file, name: download.suggestedFilename(), book };
}

function definedNames(book: ExcelJS.Workbook): Map<string, string[]> {
  const model = (book.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return new Map(model.map((n) => [n.name, n.ranges]));
}

/** 'A3:F7' → '$A$3:$F$7', as a defined name holds it. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(WORK, { recursive: true });
  writeFileSync(START_FILE, Buffer.from(await gridsToXlsxBuffer(startGrids())));
  server = await serveDir();
  browser = await launchOffline({ locale: 'ko-KR' });
  page = browser.page;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------------------------------------------------------

const startHash = () => sha256(START_FILE);
let startDigest = '';

it('opens a workbook: the structured panel lists its detected tables by sheet, none registered yet', async () => {
  startDigest = startHash();
  await openInPane(START_FILE);
  expect(await summary()).toMatchObject({ tables: START_TABLES.length, errors: 0 });
  await openTab('구조화된 표');
  expect(await structuredList()).toEqual([]);
  await page.locator('[data-testid="structured-empty"]').waitFor();
  await page.locator('[data-testid="detected-table"]').first().waitFor();
  expect((await detectedList()).sort()).toEqual(START_TABLES.map((t) => `${t.sheet}!${t.range}`).sort());
  await page.locator('[data-testid="structured-panel"]').screenshot({ path: join(OUT, 'structured-detected.png') });
});

/**
 * One template of every kind, 2020–2023 where the kind takes years. The first goes on a team sheet that already
 * holds a table (it must land below it); the others each make a new sheet named after their team.
 */
const TEMPLATES: { kind: SpecKind; team: string }[] = [
  { kind: 'budget-by-year', team: BUDGET_TEAM },
  { kind: 'budget-size', team: '재정팀' },
  { kind: 'staffing', team: '인사팀' },
  { kind: 'pledge-counts', team: '공약팀' },
  { kind: 'participatory-budget', team: '주민참여팀' },
  { kind: 'lawsuits', team: '송무팀' },
  { kind: 'legal-advice', team: '법률지원팀' },
  { kind: 'bylaws', team: '자치법규팀' },
  { kind: 'council-sessions', team: '의회지원팀' },
  { kind: 'counts-by-field', team: '평가팀' },
  { kind: 'crosstab', team: '통계팀' },
];
const inserted: { kind: SpecKind; team: string; range: string; id: string }[] = [];

it('offers a template of every kind, each with its header previewed inside its card', async () => {
  await openTab('서식');
  const cards = page.locator('[data-testid="template-gallery"] [role="radio"]');
  await cards.first().waitFor();
  expect((await cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).sort()).toEqual(
    TEMPLATES.map((t) => t.kind).sort(),
  );
  // A preview wider than its card would spill over the next card (or out of the pane).
  const spills = await cards.evaluateAll((els) =>
    els
      .map((card) => {
        const box = card.getBoundingClientRect();
        const preview = card.querySelector('[data-testid="template-preview"]')!.getBoundingClientRect();
        return { kind: (card as HTMLElement).dataset.kind, over: Math.round(preview.right - box.right) };
      })
      .filter((c) => c.over > 0),
  );
  expect(spills).toEqual([]);
  await page.locator('[data-testid="template-gallery"]').screenshot({ path: join(OUT, 'structured-gallery.png') });
});

describe.each(TEMPLATES.map((t, k) => [k + 1, t.kind, t.team] as const))('template %i: %s for %s', (k, kind, team) => {
  it('is inserted on the team sheet, listed as structured, and checks with no error', async () => {
    const tablesBefore = (await summary()).tables;
    await openTab('서식');
    await page.getByLabel('시작 연도').fill(String(SPAN.from));
    await page.getByLabel('끝 연도').fill(String(SPAN.to));
    await page.getByLabel('팀 이름').fill(team);
    const card = page.locator(`[data-testid="template-gallery"] [role="radio"][data-kind="${kind}"]`);
    await card.click();
    expect(await card.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: '팀 시트에 넣기' }).click();

    const result = page.locator('[data-testid="template-result"]');
    await result.waitFor();
    const said = (await result.textContent()) ?? '';
    expect({ ok: await result.getAttribute('data-ok'), said }).toEqual({ ok: 'true', said: expect.stringContaining(`${team}!`) });
    const range = said.slice(said.indexOf(`${team}!`) + team.length + 1).trim();
    const area = rangeFromA1(range);
    expect(area).not.toBeNull();
    if (team === BUDGET_TEAM) expect(area!.r0).toBeGreaterThan(fromA1('B8')!.row); // below the table already there

    // The pane checks the changed workbook: one table more, and none of the findings is an error on this sheet.
    await checkedWithTables(tablesBefore + 1);
    expect((await findings()).filter((f) => f.sheet === team && f.severity === 'error')).toEqual([]);
    expect((await summary()).errors).toBe(0);

    await openTab('구조화된 표');
    const listed = (await structuredList()).filter((e) => e.sheet === team);
    expect(listed).toEqual([{ id: expect.stringMatching(/^[a-z0-9_]+$/), sheet: team, range, heading: team }]);
    expect(await detectedList()).not.toContain(`${team}!${range}`);
    inserted.push({ kind, team, range, id: listed[0].id });
    if (k === TEMPLATES.length) await page.locator('[data-testid="structured-panel"]').screenshot({ path: join(OUT, 'structured-templates.png') });
  });
});

it('saves the workbook: RT_ names, the very-hidden registry and the template cells come back with exceljs', async () => {
  expect(inserted.map((t) => t.kind)).toEqual(TEMPLATES.map((t) => t.kind));
  const { name, book } = await downloadChanged('구조화-서식.xlsx');
  expect(name).toBe('구조화-시작.xlsx');

  const registry = book.getWorksheet('_report_tables');
  expect(registry?.state).toBe('veryHidden');
  const names = definedNames(book);
  for (const t of inserted) {
    expect(book.getWorksheet(t.team)?.state).toBe('visible');
    expect({ id: t.id, ranges: names.get(`RT_${t.id}`) }).toEqual({ id: t.id, ranges: [`'${t.team}'!${absolute(t.range)}`] });
  }
  const entries = readXlsxRegistry(book).entries;
  expect(entries.map((e) => ({ id: e.id, sheet: e.sheet, range: rangeToA1(e.range), kind: e.kind })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    inserted.map((t) => ({ id: t.id, sheet: t.team, range: t.range, kind: t.kind })).sort((a, b) => a.id.localeCompare(b.id)),
  );

  // The budget table below the one already on 예산팀: merged headers, the span's year columns, live totals.
  const budget = inserted.find((t) => t.kind === 'budget-by-year')!;
  const ws = book.getWorksheet(BUDGET_TEAM)!;
  const { r0, c0, r1, c1 } = rangeFromA1(budget.range)!;
  const at = (r: number, c: number) => ws.getCell(r + 1, c + 1);
  expect([at(r0, c0).value, at(r0, c0 + 1).value, at(r0, c0 + 2).value]).toEqual(['재원별', '합계', '연차별 소요재원']);
  expect([2, 3, 4, 5].map((dc) => at(r0 + 1, c0 + dc).value)).toEqual(['2020년', '2021년', '2022년', '2023년']);
  expect(at(r0 + 1, c0).isMerged && at(r0 + 1, c0).master.address).toBe(at(r0, c0).address);
  expect(at(r0, c1).isMerged && at(r0, c1).master.address).toBe(at(r0, c0 + 2).address);
  for (let r = r0 + 2; r <= r1; r++) {
    const total = at(r, c0 + 1);
    expect({ cell: total.address, formula: (total.value as ExcelJS.CellFormulaValue)?.formula, fmt: total.numFmt }).toEqual({
      cell: total.address,
      formula: expect.stringMatching(/^SUM\(/),
      fmt: FMT,
    });
  }
  // The table that was there before is as it was.
  const before = startGrids()[0];
  for (const a1 of ['B4', 'D5', 'G5', 'B6', 'C6', 'E7', 'G8']) {
    const p = fromA1(a1)!;
    expect({ a1, v: ws.getCell(a1).value }).toEqual({ a1, v: before.cells[p.row][p.col]?.v });
  }
});

it('undo, as the standalone pane offers it: no undo button; the opened file is untouched and opening it again brings its cells back', async () => {
  // In the standalone page every change goes into a copy offered for download (Excel's undo log is Excel-only).
  expect(await page.locator('[data-testid="undo"]').count()).toBe(0);
  expect(startHash()).toBe(startDigest);
  await openInPane(START_FILE);
  expect(await summary()).toMatchObject({ tables: START_TABLES.length, errors: 0 });
  await openTab('구조화된 표');
  expect(await structuredList()).toEqual([]);
  await page.locator('[data-testid="detected-table"]').first().waitFor();
  expect((await detectedList()).sort()).toEqual(START_TABLES.map((t) => `${t.sheet}!${t.range}`).sort());
});

// ---------------------------------------------------------------------------------------------------------------
// The reference report pasted into the (reopened) start workbook.

const refs = referenceTables();
const numericRefs = refs.filter((t) => t.kind !== 'text');

it("pastes the reference report's text: every table comes in on the department's sheet and checks with 0 errors", async () => {
  await openTab('보고서 붙여넣기');
  await page.locator('[data-testid="paste-box"]').fill(referenceText());
  await page.getByRole('button', { name: '미리 보기' }).click();
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  expect(Number(await preview.getAttribute('data-tables'))).toBe(refs.length);
  expect(await preview.textContent()).toContain(`${REFERENCE_SHEET} (${refs.length})`);

  await page.getByRole('button', { name: '통합 문서에 넣기' }).click();
  const result = page.locator('[data-testid="paste-result"]');
  await result.waitFor();
  expect(await result.getAttribute('data-ok')).toBe('true');
  await checkedWithTables(START_TABLES.length + refs.length);
  expect((await summary()).errors).toBe(0);

  // The report's own oddities are warnings (or notes) the fixture names; nothing else is said about its sheet.
  const said = (await findings()).filter((f) => f.sheet === REFERENCE_SHEET);
  const expected = referenceExpectedFindings();
  for (const f of expected.filter((e) => e.expectation === 'should')) {
    expect(said).toContainEqual({ rule: f.rule, sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  for (const f of said) {
    expect(expected.map((e) => `${e.rule} ${e.cell} ${e.severity}`)).toContain(`${f.rule} ${f.cell} ${f.severity}`);
  }
  await page.screenshot({ path: join(OUT, 'structured-pasted.png'), fullPage: true });

  // Every numeric table of the report is registered at its place (compound cells and unit-less counts
  // included); none is left among the detected tables to adopt.
  await openTab('구조화된 표');
  const listed = (await structuredList()).filter((e) => e.sheet === REFERENCE_SHEET);
  expect(listed.every((e) => e.heading === REFERENCE_SHEET)).toBe(true);
  expect(listed.map((e) => e.range).sort()).toEqual(numericRefs.map((r) => r.range).sort());
  const detected = await detectedList();
  expect(detected.filter((d) => d.startsWith(`${REFERENCE_SHEET}!`))).toEqual([]);
});

it('adopts a detected table, giving it the unit it does not state; it is then listed as structured', async () => {
  // 법무팀's advice table (합계 = 서면 + 전화 + 방문 by year) has no unit line: the user says 건.
  const { sheet, range } = START_TABLES.find((t) => t.sheet === LAW_TEAM)!;
  const where = `${sheet}!${range}`;
  const before = await structuredList();
  expect(before.some((e) => e.sheet === sheet)).toBe(false);
  const entry = page.locator('[data-testid="detected-table"]').filter({ hasText: where });
  await entry.getByRole('button', { name: '구조화 표로 등록' }).click();
  const form = entry.locator('[data-testid="adopt-form"]');
  await form.waitFor();
  // Detection's reading is offered for correcting: the parts of 합계 (서면, 전화, 방문), all ticked.
  const boxes = form.getByRole('checkbox');
  expect(await boxes.count()).toBe(3);
  for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
  const unit = form.getByLabel('단위');

  // A table of counts may be registered without a unit; the user names it anyway.
  await unit.fill('건');
  await form.getByRole('button', { name: '등록', exact: true }).click();
  await page.locator('[data-testid="structured-result"][data-ok="true"]').waitFor();
  await page.locator(`[data-testid="structured-table"][data-sheet="${sheet}"]`).waitFor();
  await checkedWithTables(START_TABLES.length + refs.length);
  expect((await summary()).errors).toBe(0);
  const after = await structuredList();
  const added = after.filter((e) => !before.some((b) => b.id === e.id));
  expect(added).toEqual([{ id: expect.any(String), sheet, range, heading: sheet }]);
  expect(await detectedList()).not.toContain(where);

  const { book } = await downloadChanged('구조화-붙여넣기-등록.xlsx');
  const entries = readXlsxRegistry(book).entries;
  const adopted = entries.find((e) => e.id === added[0].id);
  expect({ range: adopted && rangeToA1(adopted.range), kind: adopted?.kind, unit: adopted?.spec.unit }).toEqual({ range, kind: 'legal-advice', unit: '건' });
  expect(definedNames(book).get(`RT_${added[0].id}`)).toEqual([`'${sheet}'!${absolute(range)}`]);
  expect(book.getWorksheet('_report_tables')?.state).toBe('veryHidden');
  expect(entries.map((e) => e.id).sort()).toEqual(after.map((e) => e.id).sort());
});

// ---------------------------------------------------------------------------------------------------------------
// Copy for report.

interface CopiedTable {
  unit: string | null;
  unitBeforeTable: boolean;
  headers: { text: string; rowSpan: number; colSpan: number }[];
  body: string[][];
}

/** Read the copied HTML in the page (DOMParser), as HWP or Word would take it in. */
async function parseCopied(html: string): Promise<CopiedTable> {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const table = doc.querySelector('table');
    if (!table) throw new Error(`no <table> in the copied HTML: ${markup.slice(0, 200)}`);
    const unit = doc.querySelector('p.unit');
    return {
      unit: unit?.textContent ?? null,
      unitBeforeTable: !!unit && (unit.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      headers: Array.from(table.querySelectorAll('thead th, thead td')).map((c) => {
        const cell = c as HTMLTableCellElement;
        return { text: cell.textContent ?? '', rowSpan: cell.rowSpan, colSpan: cell.colSpan };
      }),
      body: Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((td) => td.textContent ?? '')),
    };
  }, html);
}

async function readClipboard(): Promise<{ html: string; text: string }> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
  });
}

async function copyFromList(range: string): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
  const item = page.locator(`[data-testid="structured-table"][data-sheet="${REFERENCE_SHEET}"]`).filter({ hasText: range });
  await item.locator('[data-testid="copy-table"]').click();
  await page.locator('[data-testid="structured-result"][data-ok="true"]').filter({ hasText: '표를 복사했습니다' }).waitFor();
}

/** The report's first budget table whose caption states an amount for the plan year (계 × 2021년). */
const BUDGET_REF = refs.find((r) => r.kind === 'budget-by-year' && r.captions.some((c) => /2021년 소요예산 : [\d,]+천원/.test(c)))!;

it('copies a budget table for the report: a <table> with the merged headers as rowspan/colspan and the unit line above', async () => {
  await copyFromList(BUDGET_REF.range);
  const copied = await readClipboard();
  const table = await parseCopied(copied.html);
  expect(table.unit).toContain('(단위 : 천원)');
  expect(table.unitBeforeTable).toBe(true);
  expect(table.headers.slice(0, 3)).toEqual([
    { text: '재원별', rowSpan: 2, colSpan: 1 },
    { text: '합계', rowSpan: 2, colSpan: 1 },
    { text: expect.stringMatching(/^연차별 소요[재자]원$/), rowSpan: 1, colSpan: 4 },
  ]);
  expect(table.headers.slice(3).map((h) => h.text)).toEqual(['2020년', '2021년', '2022년', '2023년']);
  expect(table.body[0][0]).toBe('계');

  // The figures are the sheet's, in the report's style (thousands separators, '-' for zero).
  const amount = BUDGET_REF.captions.map((c) => /([\d,]+)천원/.exec(c)?.[1]).find(Boolean)!;
  expect(table.body[0][3]).toBe(amount); // 계 × 2021년 is the caption's amount
  expect(table.body.flat().filter((v) => /\d/.test(v)).every((v) => /^△?\d{1,3}(,\d{3})*$/.test(v))).toBe(true);
  // Plain text beside it for targets that take no HTML: the same rows, tab-separated.
  expect(copied.text.split('\n')).toContain(table.body[0].join('\t'));

  await showCopied(copied.html, 'structured-copy-budget.png');
});

it('copies the lawsuits table (three header rows) through the fallback used where the clipboard API is blocked', async () => {
  const lawsuits = refs.find((r) => r.kind === 'lawsuits')!;
  // Excel on the web: the pane's iframe may not use the async clipboard, so the pane selects the HTML and copies.
  const captured = page.evaluate(
    () =>
      new Promise<{ html: string; text: string }>((resolve) => {
        navigator.clipboard.write = () => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError'));
        window.addEventListener('copy', (e) => resolve({ html: e.clipboardData!.getData('text/html'), text: e.clipboardData!.getData('text/plain') }), {
          once: true,
        });
      }),
  );
  await page.locator(`[data-testid="structured-table"][data-sheet="${REFERENCE_SHEET}"]`).filter({ hasText: lawsuits.range }).locator('[data-testid="copy-table"]').click();
  await page.locator('[data-testid="structured-result"][data-ok="true"]').filter({ hasText: '표를 복사했습니다' }).waitFor();
  const copied = await captured;
  const table = await parseCopied(copied.html);
  expect(table.unit).toContain(lawsuits.unit ?? '건');
  expect(table.unitBeforeTable).toBe(true);
  // 연도 merged down the header rows; 처리현황 over 진행중 and 종결; 종결 over 소계, 승소, 소취하, 일부승, 패소.
  const header = (label: string) => table.headers.find((h) => h.text.replace(/\s/g, '') === label);
  expect(header('연도')?.rowSpan).toBe(lawsuits.headerRows);
  expect(header('처리현황')?.colSpan).toBe(6);
  expect(header('종결')?.colSpan).toBe(5);
  expect(['소계', '승소', '소취하', '일부승', '패소'].map((l) => header(l)?.rowSpan)).toEqual([1, 1, 1, 1, 1]);
  // What the system clipboard got is the same table.
  const onClipboard = await parseCopied((await readClipboard()).html);
  expect(onClipboard.headers).toEqual(table.headers);
  expect(onClipboard.body).toEqual(table.body);
  await showCopied(copied.html, 'structured-copy-lawsuits.png');
});

/** The copied HTML drawn on its own page, for people to look at (test-output/). */
async function showCopied(html: string, name: string): Promise<void> {
  const view = await browser.context.newPage();
  try {
    await view.setViewportSize({ width: 900, height: 600 });
    await view.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:12px">${html}</body>`, { waitUntil: 'load' });
    await view.locator('table').first().waitFor();
    await view.locator('body > *').first().screenshot({ path: join(OUT, name) });
  } finally {
    await view.close();
  }
}

test('nothing but office.js was asked for from outside', () => {
  expect(browser.blocked.every((url) => new URL(url).hostname === 'appsforoffice.microsoft.com')).toBe(true);
});
