/** @jest-environment jsdom */
/**
 * The pane's "Undo last change" after a structural write, through the real Office.js adapter and undo log on a
 * fake Excel with names: the button comes alive after the write, and one press gives the workbook back as it
 * was — sheets, merges, RT_ names, registry rows, cells (and the summary's chart).
 */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../engine';
import type { SheetGrid } from '../../engine/grid/types';
import { App } from '../app';
import { structuredStringsFor } from '../strings/structured-strings';
import { stringsFor } from '../strings';
import { fakeServices, installDomPolyfills, officeHost } from '../test-support';
import { officeTarget } from './office-target';
import { structuredKit } from './structured-kit';
import { StructuredServicesProvider, structuredServices } from './structured-services';
import { excelOverFake } from './test-support';

installDomPolyfills();
jest.setTimeout(30000);
const s = structuredStringsFor('ko');
const t = stringsFor('ko');
const REPORT = readFileSync(join(__dirname, '../../../../shared/reference/000_79a52df77821ab51.txt'), 'utf8');

const team: SheetGrid = {
  name: '팀',
  cells: [
    [{ v: '구분' }, { v: '합계' }, { v: '갑' }, { v: '을' }],
    [{ v: '계' }, { v: 60, f: 'SUM(C2:D2)' }, { v: 30 }, { v: 30 }],
    [{ v: '가' }, { v: 30, f: 'SUM(C3:D3)' }, { v: 10, fmt: '#,##0' }, { v: 20 }],
    [{ v: '나' }, { v: 30, f: 'SUM(C4:D4)' }, { v: 20 }, { v: 10 }],
  ],
  merges: [],
};

function renderOver(sheets: SheetGrid[]) {
  const fake = excelOverFake(sheets);
  const base = fakeServices({ host: officeHost(), result: (grids) => checkWorkbook(grids) });
  const services = { ...base.services, office: fake.office };
  const structured = structuredServices('office', officeTarget(fake.office), async () => structuredKit, () => '2026-11-28T00:00:00.000Z');
  const user = userEvent.setup();
  render(
    <StructuredServicesProvider value={structured}>
      <App services={services} />
    </StructuredServicesProvider>,
  );
  return { ...fake, user };
}

type Flow = (user: ReturnType<typeof userEvent.setup>) => Promise<void>;

const insertOnTeamSheet: Flow = async (user) => {
  const gallery = screen.getByTestId('template-gallery');
  await within(gallery).findByRole('radio', { name: /budget-by-year/ });
  await user.type(within(gallery).getByLabelText(s.team), '예산팀');
  await user.click(within(gallery).getByRole('button', { name: s.insertOnTeamSheet }));
  expect(await within(gallery).findByTestId('template-result')).toHaveAttribute('data-ok', 'true');
};

const insertAtSelection: Flow = async (user) => {
  const gallery = screen.getByTestId('template-gallery');
  await user.click(await within(gallery).findByRole('radio', { name: /bylaws/ }));
  await user.click(within(gallery).getByRole('button', { name: s.insertAtSelection }));
  expect(await within(gallery).findByTestId('template-result')).toHaveAttribute('data-ok', 'true');
};

const pasteReport: Flow = async (user) => {
  await user.click(screen.getByRole('tab', { name: s.tabPaste }));
  fireEvent.change(screen.getByTestId('paste-box'), { target: { value: REPORT } });
  await user.click(screen.getByRole('button', { name: s.pastePreview }));
  await screen.findByTestId('paste-preview', {}, { timeout: 10000 });
  await user.click(screen.getByRole('button', { name: s.pasteImport }));
  expect(await screen.findByTestId('paste-result', {}, { timeout: 10000 })).toHaveAttribute('data-ok', 'true');
};

const adoptDetected: Flow = async (user) => {
  await user.click(screen.getByRole('button', { name: t.checkWorkbook }));
  await screen.findByTestId('summary');
  await user.click(screen.getByRole('tab', { name: s.tabTables }));
  const detected = await screen.findByTestId('detected-table');
  await user.click(within(detected).getByRole('button', { name: s.adopt }));
  await user.type(within(detected).getByLabelText(s.unit), '건');
  await user.click(within(detected).getByRole('button', { name: s.adoptConfirm }));
  expect(await screen.findByTestId('structured-result')).toHaveAttribute('data-ok', 'true');
};

async function undoInPane(user: ReturnType<typeof userEvent.setup>) {
  const undo = screen.getByTestId('undo');
  // The Undo button learns of a structural write without a fill in between.
  await waitFor(() => expect(undo).toBeEnabled());
  await user.click(undo);
  return screen.findByTestId('fill-undone');
}

describe('Undo last change after a structural write, in the pane (Office.js adapter on a fake Excel)', () => {
  it.each<[string, Flow, (fake: ReturnType<typeof excelOverFake>) => void]>([
    [
      "a template on the team's new sheet",
      insertOnTeamSheet,
      (fake) => {
        expect(fake.excel.sheetNamed('예산팀')!.merges.length).toBeGreaterThan(0);
        expect([...fake.names.keys()]).toEqual(['RT_budget_by_year_1']);
        expect(fake.registryRows()).toEqual(['budget_by_year_1']);
      },
    ],
    [
      'a template at the selection on an existing sheet',
      insertAtSelection,
      (fake) => {
        expect(fake.excel.sheetNamed('메모')!.merges.length).toBeGreaterThan(0);
        expect(fake.registryRows()).toEqual(['bylaws_1']);
      },
    ],
    [
      'the report pasted into the open workbook',
      pasteReport,
      (fake) => {
        expect(fake.excel.sheets.map((x) => x.name)).toContain('기획예산과');
        expect(fake.registryRows().length).toBeGreaterThan(10);
        expect(fake.names.size).toBe(fake.registryRows().length);
      },
    ],
    ['an adopted table', adoptDetected, (fake) => expect(fake.registryRows()).toEqual(['crosstab_1'])],
  ])('%s: the workbook is as before, sheets, merges, names, registry and cells', async (_name, flow, made) => {
    const fake = renderOver([{ name: '메모', cells: [[null], [null, { v: '그대로' }]], merges: [] }, team]);
    fake.excel.activeSheet = 0;
    fake.excel.selection = { r0: 5, c0: 0, r1: 5, c1: 0 };
    const before = fake.state();
    expect(screen.getByTestId('undo')).toBeDisabled();
    await flow(fake.user);
    expect(fake.state()).not.toEqual(before);
    made(fake);
    const said = await undoInPane(fake.user);
    expect(said).toHaveAttribute('data-kept', '');
    expect(fake.state()).toEqual(before);
    await waitFor(() => expect(screen.getByTestId('undo')).toBeDisabled());
  });

  it('keeps an added sheet someone typed in since, and says so', async () => {
    const fake = renderOver([team]);
    await insertOnTeamSheet(fake.user);
    await fake.workbook.writeCells([{ sheet: '예산팀', row: 30, col: 0, value: '내 메모' }]);
    const said = await undoInPane(fake.user);
    expect(said).toHaveAttribute('data-kept', '예산팀');
    expect(said).toHaveTextContent('예산팀');
    expect(fake.excel.sheetNamed('예산팀')!.cells.get('30,0')?.input).toBe('내 메모');
  });

  it('the bureau summary and its chart come off together', async () => {
    const fake = renderOver([team]);
    await insertOnTeamSheet(fake.user);
    const before = fake.state();
    await fake.user.click(screen.getByRole('tab', { name: s.tabSummary }));
    await fake.user.click(screen.getByTestId('build-summary'));
    const said = await screen.findByTestId('structured-result');
    expect({ ok: said.getAttribute('data-ok'), text: said.textContent }).toEqual({ ok: 'true', text: expect.any(String) });
    expect(fake.excel.sheets.map((x) => [x.name, x.charts?.length ?? 0])).toContainEqual(['총괄', 1]);
    await undoInPane(fake.user);
    expect(fake.state()).toEqual(before);
  });
});
