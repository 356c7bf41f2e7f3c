/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../engine';
import type { SheetGrid } from '../../engine/grid/types';
import { REGISTRY_SHEET, registryFromSheets, registrySheetWrites } from '../../engine/registry';
import { applyCellWrites } from '../../engine/undo';
import { App } from '../app';
import { structuredStringsFor } from '../strings/structured-strings';
import { fakeServices, installDomPolyfills, officeHost, standaloneHost, type FakeOptions } from '../test-support';
import { structuredKit } from './structured-kit';
import { StructuredServicesProvider, structuredServices, type StructureTarget } from './structured-services';
import type { WorkbookChange } from './workbook-change';

installDomPolyfills();
// Whole flows through the real kit (templates, detection, report import) on a shared machine.
jest.setTimeout(20000);
const s = structuredStringsFor('ko');
const REPORT = readFileSync(join(__dirname, '../../../../shared/reference/000_79a52df77821ab51.txt'), 'utf8');

/** An in-memory workbook standing in for Excel's or the file's: changes drawn onto grids as an adapter would. */
function memoryTarget(initial: SheetGrid[] = [], selection: { sheet: string; at: { row: number; col: number } } | null = null) {
  const book = { sheets: initial, changes: [] as { change: WorkbookChange; label: string }[] };
  const target: StructureTarget = {
    readSheets: async () => book.sheets,
    selection: async () => selection,
    charts: true,
    apply: async (change, label) => {
      book.changes.push({ change, label });
      let out = [...book.sheets];
      const adds = [...change.sheets, ...(change.register.length ? [{ name: REGISTRY_SHEET, state: 'veryHidden' as const }] : [])];
      for (const sh of adds) if (!out.some((x) => x.name === sh.name)) out.push({ name: sh.name, cells: [], merges: [], state: sh.state === 'veryHidden' ? 'veryHidden' : undefined });
      out = applyCellWrites(out, change.writes);
      if (change.register.length) {
        out = applyCellWrites(out, registrySheetWrites(out.find((x) => x.name === REGISTRY_SHEET), [...registryFromSheets(out).entries, ...change.register]));
      }
      book.sheets = out.map((g) => ({ ...g, merges: [...g.merges, ...change.merges.filter((m) => m.sheet === g.name).map((m) => m.range)] }));
    },
  };
  return { book, target };
}

function renderWith(options: FakeOptions & { target: StructureTarget; mode?: 'office' | 'standalone' }) {
  const mode = options.mode ?? 'office';
  const fake = fakeServices({ host: mode === 'office' ? officeHost() : standaloneHost(), ...options });
  const structured = structuredServices(mode, options.target, async () => structuredKit, () => '2026-11-28T00:00:00.000Z');
  const user = userEvent.setup();
  render(
    <StructuredServicesProvider value={structured}>
      <App services={fake.services} />
    </StructuredServicesProvider>,
  );
  return { ...fake, user, structured };
}

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('tab', { name }));
}

describe('templates gallery', () => {
  it("previews each kind's header and inserts one on the team's sheet, registered, then checks again and lists it", async () => {
    const { book, target } = memoryTarget();
    const { user, port } = renderWith({ target });
    const gallery = screen.getByTestId('template-gallery');
    const budget = await within(gallery).findByRole('radio', { name: /budget-by-year/ });
    expect(within(budget).getByTestId('template-preview')).toHaveTextContent('연차별 소요재원');
    expect(within(gallery).getByRole('radio', { name: /소송 현황/ })).toHaveAttribute('aria-checked', 'false');
    expect(within(gallery).getAllByRole('radio').length).toBeGreaterThanOrEqual(11);
    const from = within(gallery).getByLabelText(s.yearFrom);
    await user.clear(from);
    await user.type(from, '2020');
    const to = within(gallery).getByLabelText(s.yearTo);
    await user.clear(to);
    await user.type(to, '2023');
    await waitFor(() => expect(within(budget).getByTestId('template-preview')).toHaveTextContent('2023년'));
    await user.type(within(gallery).getByLabelText(s.team), '예산팀');
    await user.click(within(gallery).getByRole('button', { name: s.insertOnTeamSheet }));

    expect(await within(gallery).findByTestId('template-result')).toHaveAttribute('data-ok', 'true');
    expect(book.changes.map((c) => c.label)).toEqual(['template']);
    expect(book.sheets.map((g) => g.name)).toEqual(['예산팀', '_report_tables']);
    expect(book.changes[0].change.register.map((e) => e.id)).toEqual(['budget_by_year_1']);
    // The findings are stale after a write: the workbook is checked again.
    await waitFor(() => expect(port.readSheets).toHaveBeenCalled());

    await openTab(user, s.tabTables);
    const list = await screen.findByTestId('structured-list');
    const item = await within(list).findByTestId('structured-table');
    expect(item).toHaveAttribute('data-sheet', '예산팀');
    expect(within(list).getByRole('heading', { name: '예산팀' })).toBeInTheDocument();
    expect(within(item).getByTestId('copy-table')).toHaveAttribute('data-table', 'RT_budget_by_year_1');
  });

  it('inserts at the selection, and refuses (writing nothing) where the cells hold something', async () => {
    const busy: SheetGrid = { name: 'S', cells: [[], [null, null, { v: '메모' }]], merges: [] };
    const { book, target } = memoryTarget([busy], { sheet: 'S', at: { row: 0, col: 0 } });
    const { user } = renderWith({ target });
    const gallery = screen.getByTestId('template-gallery');
    await within(gallery).findByRole('radio', { name: /bylaws/ });
    await user.click(within(gallery).getByRole('radio', { name: /bylaws/ }));
    await user.click(within(gallery).getByRole('button', { name: s.insertAtSelection }));
    const result = await within(gallery).findByTestId('template-result');
    expect(result).toHaveAttribute('data-ok', 'false');
    expect(result).toHaveTextContent(s.refusedOccupied);
    expect(result).toHaveTextContent('C2');
    expect(book.changes).toEqual([]);
  });
});

describe('adopt', () => {
  const sheet: SheetGrid = {
    name: '팀',
    cells: [
      [{ v: '구분' }, { v: '합계' }, { v: '갑' }, { v: '을' }],
      [{ v: '계' }, { v: 60 }, { v: 30 }, { v: 30 }],
      [{ v: '가' }, { v: 30 }, { v: 10 }, { v: 20 }],
      [{ v: '나' }, { v: 30 }, { v: 20 }, { v: 10 }],
    ],
    merges: [],
  };

  it("adopts a table the last check found, with 'this row is a total' unticked", async () => {
    const result = checkWorkbook([sheet]);
    const { book, target } = memoryTarget([sheet]);
    const { user } = renderWith({ target, result, sheets: [sheet] });
    await user.click(screen.getByRole('button', { name: '통합 문서 검사' }));
    await screen.findByTestId('summary');
    await openTab(user, s.tabTables);
    const detected = await screen.findByTestId('detected-table');
    await user.click(within(detected).getByRole('button', { name: s.adopt }));
    const form = within(detected).getByTestId('adopt-form');
    const totalRow = within(form).getByRole('checkbox', { name: `${s.isTotalRow}: 계` });
    expect(totalRow).toBeChecked();
    await user.click(totalRow);
    await user.type(within(form).getByLabelText(s.unit), '건');
    await user.click(within(form).getByRole('button', { name: s.adoptConfirm }));

    expect(await screen.findByTestId('structured-result')).toHaveAttribute('data-ok', 'true');
    const entries = structuredKit.structuredTables(book.sheets);
    expect(entries).toHaveLength(1);
    expect(entries[0].spec.relations.some((r) => r.type === 'sum' && r.over === 'rows')).toBe(false);
    expect(entries[0].spec.unit).toBe('건');
    // Registered now: listed, and no longer offered for adopting.
    expect(await within(screen.getByTestId('structured-list')).findByTestId('structured-table')).toHaveAttribute('data-sheet', '팀');
    await waitFor(() => expect(screen.queryByTestId('detected-table')).toBeNull());
  });
});

describe('paste box', () => {
  it('previews the report (tables, sheets) before writing, then writes one sheet per department, registered', async () => {
    const { book, target } = memoryTarget();
    const { user } = renderWith({ target });
    await openTab(user, s.tabPaste);
    const box = screen.getByTestId('paste-box');
    fireEvent.change(box, { target: { value: REPORT } });
    expect(screen.getByRole('button', { name: s.pasteImport })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: s.pastePreview }));
    const preview = await screen.findByTestId('paste-preview', {}, { timeout: 5000 });
    const count = Number(preview.dataset.tables);
    expect(count).toBeGreaterThan(10);
    expect(preview).toHaveTextContent('기획예산과');
    expect(book.changes).toEqual([]);

    await user.click(screen.getByRole('button', { name: s.pasteImport }));
    expect(await screen.findByTestId('paste-result', {}, { timeout: 5000 })).toHaveAttribute('data-ok', 'true');
    expect(book.changes.map((c) => c.label)).toEqual(['import']);
    expect(book.sheets[0].name).toBe('기획예산과');
    expect(structuredKit.structuredTables(book.sheets).length).toBeGreaterThan(5);
  }, 20000);

  it('says so when the text holds no table', async () => {
    const { target } = memoryTarget();
    const { user } = renderWith({ target });
    await openTab(user, s.tabPaste);
    fireEvent.change(screen.getByTestId('paste-box'), { target: { value: '표가 없는 글입니다.' } });
    await user.click(screen.getByRole('button', { name: s.pastePreview }));
    expect(await screen.findByTestId('paste-result')).toHaveTextContent(s.refusedNoTables);
  });
});

describe('copy for report', () => {
  const budget: SheetGrid = {
    name: '기획예산과',
    cells: [
      [null, null, null, { v: '(단위 : 천원)' }],
      [{ v: '재원별' }, { v: '합계' }, { v: '연차별 소요재원' }, null],
      [null, null, { v: '2020년' }, { v: '2021년' }],
      [{ v: '계' }, { v: 3000 }, { v: 1000 }, { v: 2000 }],
      [{ v: '시비' }, { v: 2000 }, { v: 500 }, { v: 1500 }],
      [{ v: '구비' }, { v: 1000 }, { v: 500 }, { v: 500 }],
    ],
    merges: [
      { r0: 1, c0: 0, r1: 2, c1: 0 },
      { r0: 1, c0: 1, r1: 2, c1: 1 },
      { r0: 1, c0: 2, r1: 1, c1: 3 },
    ],
  };
  const original = { clipboard: Object.getOwnPropertyDescriptor(navigator, 'clipboard'), exec: document.execCommand, item: (globalThis as { ClipboardItem?: unknown }).ClipboardItem };
  afterEach(() => {
    if (original.clipboard) Object.defineProperty(navigator, 'clipboard', original.clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
    document.execCommand = original.exec;
    (globalThis as { ClipboardItem?: unknown }).ClipboardItem = original.item;
  });

  it('falls back to a selection and execCommand(copy) when the clipboard API is blocked (Excel on the web)', async () => {
    const write = jest.fn(async () => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError')));
    (globalThis as { ClipboardItem?: unknown }).ClipboardItem = class {
      constructor(readonly items: Record<string, Blob>) {}
    };
    let selected = '';
    document.execCommand = jest.fn((command: string) => {
      const range = document.getSelection()!.getRangeAt(0);
      const holder = document.createElement('div');
      holder.appendChild(range.cloneContents());
      selected = `${command}:${holder.innerHTML}`;
      return true;
    });
    const result = checkWorkbook([budget]);
    const { target } = memoryTarget([budget]);
    const { user } = renderWith({ target, result, sheets: [budget] });
    // After userEvent.setup(), which puts its own clipboard stub on navigator.
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    await user.click(screen.getByRole('button', { name: '통합 문서 검사' }));
    await screen.findByTestId('summary');
    await openTab(user, s.tabTables);
    // Not registered yet: adopt it so it is listed with its copy button.
    await user.click(within(await screen.findByTestId('detected-table')).getByRole('button', { name: s.adopt }));
    await user.click(screen.getByRole('button', { name: s.adoptConfirm }));
    const item = await within(screen.getByTestId('structured-list')).findByTestId('structured-table');
    await user.click(within(item).getByTestId('copy-table'));

    await waitFor(() => expect(document.execCommand).toHaveBeenCalledWith('copy'));
    expect(write).toHaveBeenCalledTimes(1);
    expect(selected).toMatch(/^copy:.*<table/s);
    expect(selected).toContain('colspan="2"');
    expect(selected).toContain('3,000');
    expect(await screen.findByTestId('structured-result')).toHaveTextContent(s.copied);
    // The off-screen holder is gone again.
    expect(document.querySelectorAll('[contenteditable="true"]')).toHaveLength(0);
  }, 15000);

  it('uses the clipboard API with text/html and text/plain where it is allowed, from a finding group header', async () => {
    const write = jest.fn(async (_items: { items: Record<string, Blob> }[]) => undefined);
    (globalThis as { ClipboardItem?: unknown }).ClipboardItem = class {
      constructor(readonly items: Record<string, Blob>) {}
    };
    document.execCommand = jest.fn(() => true);
    const detected = checkWorkbook([budget]);
    const table = detected.tables[0];
    const result = { tables: detected.tables, findings: [{ rule: 'format.style' as const, severity: 'info' as const, sheet: '기획예산과', cell: 'B4', table: table.id }] };
    const { target } = memoryTarget([budget]);
    const { user } = renderWith({ target, result, sheets: [budget] });
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    await user.click(screen.getByRole('button', { name: '통합 문서 검사' }));
    const group = await screen.findByTestId('table-group');
    const button = within(group).getByTestId('copy-table');
    expect(button).toHaveAttribute('data-table', table.id);
    await user.click(button);
    await waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const item = write.mock.calls[0][0][0];
    expect(Object.keys(item.items).sort()).toEqual(['text/html', 'text/plain']);
    expect(document.execCommand).not.toHaveBeenCalled();
    expect(await within(group).findByTestId('copy-result')).toHaveAttribute('data-ok', 'true');
  }, 15000);

  it('says so when neither way can copy', async () => {
    document.execCommand = jest.fn(() => false);
    const detected = checkWorkbook([budget]);
    const result = { tables: detected.tables, findings: [{ rule: 'format.style' as const, severity: 'info' as const, sheet: '기획예산과', cell: 'B4', table: detected.tables[0].id }] };
    const { target } = memoryTarget([budget]);
    const { user } = renderWith({ target, result, sheets: [budget] });
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: '통합 문서 검사' }));
    await user.click(within(await screen.findByTestId('table-group')).getByTestId('copy-table'));
    expect(await screen.findByTestId('copy-result')).toHaveTextContent(s.copyFailed);
  });
});

describe('bureau summary', () => {
  it('builds the summary sheet from the budget tables and, in Excel, draws the chart of totals by year', async () => {
    const planned = structuredKit.planTemplateInsert([], { kind: 'budget-by-year', years: { from: 2020, to: 2023 }, team: '예산팀', where: { kind: 'team-sheet' }, now: 'x' });
    if (!planned.ok) throw new Error(planned.reason);
    const { book, target } = memoryTarget();
    await target.apply(planned.change, 'template');
    book.changes = [];
    const { user } = renderWith({ target });
    await openTab(user, s.tabSummary);
    await user.click(screen.getByTestId('build-summary'));
    const said = await screen.findByTestId('structured-result');
    expect(said).toHaveAttribute('data-ok', 'true');
    expect(said).toHaveTextContent(s.summaryChart);
    expect(book.changes.map((c) => c.label)).toEqual(['summary']);
    expect(book.sheets.map((g) => g.name)).toContain('총괄');
    // The chart rides in the summary's own change: one undo takes both back.
    expect(book.changes[0].change.chart).toMatchObject({ sheet: '총괄', name: 'RT_summary_chart', title: '연도별 합계', seriesBy: 'Rows', range: { r0: expect.any(Number) } });
  });

  it('says there is nothing to summarise without budget tables', async () => {
    const { target } = memoryTarget([{ name: 'S', cells: [[{ v: 'x' }]], merges: [] }]);
    const { user } = renderWith({ target });
    await openTab(user, s.tabSummary);
    await user.click(screen.getByTestId('build-summary'));
    expect(await screen.findByTestId('structured-result')).toHaveTextContent(s.refusedNoBudget);
  });
});

describe('standalone', () => {
  it('offers the changed workbook for download and checks it again', async () => {
    const { target } = memoryTarget();
    const saved = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '보고서 표.xlsx');
    target.savedFile = async () => saved;
    (URL as { createObjectURL?: unknown }).createObjectURL = jest.fn(() => 'blob:changed');
    (URL as { revokeObjectURL?: unknown }).revokeObjectURL = jest.fn();
    const { user, readWorkbook } = renderWith({ target, mode: 'standalone' });
    const gallery = screen.getByTestId('template-gallery');
    await within(gallery).findByRole('radio', { name: /bylaws/ });
    expect(within(gallery).queryByRole('button', { name: s.insertAtSelection })).toBeNull();
    await user.type(within(gallery).getByLabelText(s.team), '법무팀');
    await user.click(within(gallery).getByRole('button', { name: s.insertOnTeamSheet }));
    const link = await screen.findByTestId('structured-download');
    expect(link).toHaveAttribute('href', 'blob:changed');
    expect(link).toHaveAttribute('download', '보고서 표.xlsx');
    await waitFor(() => expect(readWorkbook).toHaveBeenCalledWith(expect.any(ArrayBuffer), '보고서 표.xlsx'));
  });
});
