/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckResult, SheetGrid } from '../../engine';
import { App } from '../app';
import { stringsFor, type Lang } from '../strings';
import {
  fakeServices,
  finding,
  installDomPolyfills,
  officeHost,
  sheetGrid,
  standaloneHost,
  table,
  xlsxFile,
  type FakeOptions,
} from '../test-support';

installDomPolyfills();

const ko = stringsFor('ko');
const en = stringsFor('en');

/** Two sheets, three tables; findings on two tables and one outside any table, in the engine's order. */
const budget = table('기획예산과!B4:G8', '기획예산과', { r0: 3, c0: 1, r1: 7, c1: 6 }, '재원별 소요재원');
const bylaws = table('기획예산과!B12:H15', '기획예산과', { r0: 11, c0: 1, r1: 14, c1: 7 }, '자치법규 현황');
const council = table('의회법제팀!A3:G7', '의회법제팀', { r0: 2, c0: 0, r1: 6, c1: 6 });
const RESULT: CheckResult = {
  tables: [budget, bylaws, council],
  findings: [
    finding({ rule: 'sum.cell', sheet: '기획예산과', cell: 'D7', expected: 12000, actual: 12500, table: budget.id }),
    finding({ rule: 'sum.rounding', severity: 'warning', sheet: '기획예산과', cell: 'C14', expected: 38.6, actual: 38.7, table: bylaws.id }),
    finding({ rule: 'format.style', severity: 'info', sheet: '기획예산과', cell: 'E14', table: bylaws.id }),
    finding({ rule: 'caption.amount', sheet: '의회법제팀', cell: 'A1', expected: 32300, actual: 32000 }),
    finding({ rule: 'sum.row', sheet: '의회법제팀', cell: 'B5', expected: -1200, actual: 1200, table: council.id }),
  ],
};

function renderPane(options: FakeOptions = {}, lang?: Lang) {
  const fake = fakeServices(options);
  const user = userEvent.setup();
  render(<App services={fake.services} lang={lang} />);
  return { ...fake, user };
}

async function openFile(user: ReturnType<typeof userEvent.setup>, name = '기획예산과.xlsx') {
  await user.upload(screen.getByLabelText(ko.openFile), xlsxFile(name));
}

const findingsIn = (region: HTMLElement) => within(region).queryAllByTestId('finding');

describe('standalone pane', () => {
  it('starts idle: a file input and drop zone, no summary, no findings', () => {
    renderPane();
    const input = screen.getByLabelText(ko.openFile);
    expect(input).toHaveAttribute('type', 'file');
    expect(screen.getByTestId('drop-zone')).toBeInTheDocument();
    expect(screen.getByTestId('idle')).toHaveTextContent(ko.idleStandalone);
    expect(screen.queryByTestId('summary')).toBeNull();
    expect(screen.queryByTestId('findings')).toBeNull();
  });

  it('checks a file dropped on the drop zone', async () => {
    const { readWorkbook } = renderPane({ result: RESULT });
    const zone = screen.getByTestId('drop-zone');
    const file = xlsxFile('dropped.xlsx');
    const dataTransfer = { files: [file], types: ['Files'], dropEffect: 'none' };
    fireEvent.dragOver(zone, { dataTransfer });
    expect(zone).toHaveAttribute('data-dragging', 'true');
    fireEvent.drop(zone, { dataTransfer });
    expect(await screen.findByTestId('summary')).toHaveAttribute('data-errors', '3');
    expect(readWorkbook).toHaveBeenCalledWith(expect.any(ArrayBuffer), 'dropped.xlsx');
    expect(screen.getByTestId('drop-zone')).toHaveTextContent('dropped.xlsx');
  });

  it('shows progress while the file is read, then the summary once the check has finished', async () => {
    let finishReading!: (sheets: SheetGrid[]) => void;
    const { user, checkWorkbook } = renderPane({
      result: RESULT,
      readWorkbook: () => new Promise((resolve) => (finishReading = resolve)),
    });
    await openFile(user);
    const progress = await screen.findByTestId('progress');
    expect(progress).toHaveTextContent(ko.reading);
    expect(screen.queryByTestId('summary')).toBeNull();
    expect(checkWorkbook).not.toHaveBeenCalled();

    await act(async () => finishReading([sheetGrid('기획예산과')]));
    const summary = await screen.findByTestId('summary');
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(summary).toHaveAttribute('data-tables', '3');
    expect(summary).toHaveAttribute('data-errors', '3');
    expect(summary).toHaveAttribute('data-warnings', '1');
    expect(summary).toHaveAttribute('data-infos', '1');
    expect(checkWorkbook).toHaveBeenCalledWith([sheetGrid('기획예산과')], { rounding: 'half-up' }, undefined);
  });

  it('groups findings by sheet then table, with hooks, figures and the message for each', async () => {
    const { user } = renderPane({ result: RESULT });
    await openFile(user);
    const region = await screen.findByTestId('findings');
    const cards = findingsIn(region);
    expect(cards.map((c) => `${c.dataset.sheet}!${c.dataset.cell}:${c.dataset.rule}:${c.dataset.severity}`)).toEqual([
      '기획예산과!D7:sum.cell:error',
      '기획예산과!C14:sum.rounding:warning',
      '기획예산과!E14:format.style:info',
      '의회법제팀!A1:caption.amount:error',
      '의회법제팀!B5:sum.row:error',
    ]);

    const sheets = within(region).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sheets).toEqual(['기획예산과', '의회법제팀']);
    const groups = within(region).getAllByTestId('table-group');
    expect(groups.map((g) => within(g).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '재원별 소요재원B4:G8',
      '자치법규 현황B12:H15',
      ko.otherFindings,
      // A table without a title is named by its kind.
      'budget-by-yearA3:G7',
    ]);
    expect(findingsIn(groups[1]).map((c) => c.dataset.cell)).toEqual(['C14', 'E14']);

    const first = cards[0];
    expect(first).toHaveTextContent('[ko] sum.cell @ 기획예산과!D7');
    expect(within(first).getByTestId('expected')).toHaveTextContent(`${ko.expected}: 12,000`);
    expect(within(first).getByTestId('actual')).toHaveTextContent(`${ko.actual}: 12,500`);
    expect(within(first).getByText(ko.severityError)).toBeInTheDocument();
    // Negative figures the way the report writes them.
    expect(within(cards[4]).getByTestId('expected')).toHaveTextContent('△1,200');
  });

  it('highlights a clicked finding (there is no workbook to navigate)', async () => {
    const { user } = renderPane({ result: RESULT });
    await openFile(user);
    const cards = findingsIn(await screen.findByTestId('findings'));
    await user.click(within(cards[1]).getByRole('button', { name: /C14/ }));
    expect(cards[1]).toHaveAttribute('data-selected', 'true');
    expect(cards[0]).not.toHaveAttribute('data-selected');
  });

  it('accepts a finding with a note: it leaves the open list and counts, and is listed as accepted', async () => {
    const { user, save, acceptancesFor } = renderPane({ result: RESULT });
    await openFile(user, 'team.xlsx');
    const region = await screen.findByTestId('findings');
    const target = findingsIn(region)[0];
    await user.click(within(target).getByRole('button', { name: ko.accept }));
    await user.type(within(target).getByLabelText(ko.acceptNoteLabel), '예산서와 같음');
    await user.click(within(target).getByRole('button', { name: ko.acceptConfirm }));

    await waitFor(() => expect(screen.getByTestId('summary')).toHaveAttribute('data-errors', '2'));
    expect(screen.getByTestId('summary')).toHaveAttribute('data-accepted', '1');
    expect(findingsIn(screen.getByTestId('findings')).map((c) => c.dataset.cell)).not.toContain('D7');
    const accepted = within(screen.getByTestId('accepted')).getByTestId('accepted-finding');
    expect(accepted).toHaveAttribute('data-cell', 'D7');
    expect(accepted).toHaveTextContent('예산서와 같음');

    expect(acceptancesFor).toHaveBeenCalledWith('team.xlsx');
    const saved = save.mock.calls.at(-1)![0];
    expect(Object.values(saved)).toEqual([
      expect.objectContaining({ rule: 'sum.cell', sheet: '기획예산과', cell: 'D7', actual: 12500, note: '예산서와 같음' }),
    ]);
  });

  it('keeps an accepted finding quiet on the next check, and re-opens it when its figure changes', async () => {
    let actual = 12500;
    const result = (): CheckResult => ({
      tables: [budget],
      findings: [finding({ rule: 'sum.cell', sheet: '기획예산과', cell: 'D7', expected: 12000, actual, table: budget.id })],
    });
    const { user } = renderPane({ result });
    await openFile(user, 'team.xlsx');
    const card = findingsIn(await screen.findByTestId('findings'))[0];
    await user.click(within(card).getByRole('button', { name: ko.accept }));
    await user.click(within(card).getByRole('button', { name: ko.acceptConfirm }));
    await waitFor(() => expect(screen.getByTestId('all-good')).toHaveTextContent(ko.allAcceptedBody));

    await openFile(user, 'team.xlsx');
    await waitFor(() => expect(screen.getByTestId('summary')).toHaveAttribute('data-accepted', '1'));
    expect(screen.getByTestId('summary')).toHaveAttribute('data-errors', '0');

    actual = 12600;
    await openFile(user, 'team.xlsx');
    await waitFor(() => expect(screen.getByTestId('summary')).toHaveAttribute('data-errors', '1'));
    expect(screen.getByTestId('summary')).toHaveAttribute('data-accepted', '0');
  });

  it('re-opens an accepted finding on request', async () => {
    const { user } = renderPane({ result: RESULT });
    await openFile(user);
    const card = findingsIn(await screen.findByTestId('findings'))[3];
    await user.click(within(card).getByRole('button', { name: ko.accept }));
    await user.click(within(card).getByRole('button', { name: ko.acceptConfirm }));
    const accepted = await screen.findByTestId('accepted-finding');
    await user.click(within(accepted).getByRole('button', { name: ko.reopen }));
    await waitFor(() => expect(screen.queryByTestId('accepted')).toBeNull());
    expect(screen.getByTestId('summary')).toHaveAttribute('data-errors', '3');
  });

  it('says when no table was found', async () => {
    const { user } = renderPane({ result: { tables: [], findings: [] } });
    await openFile(user);
    expect(await screen.findByTestId('no-tables')).toHaveTextContent(ko.noTablesTitle);
    expect(screen.getByTestId('summary')).toHaveAttribute('data-tables', '0');
    expect(findingsIn(screen.getByTestId('findings'))).toHaveLength(0);
  });

  it("says 'all totals add up' when tables were found and nothing is wrong", async () => {
    const { user } = renderPane({ result: { tables: [budget, bylaws], findings: [] } });
    await openFile(user);
    expect(await screen.findByTestId('all-good')).toHaveTextContent(ko.allGoodTitle);
    const summary = screen.getByTestId('summary');
    expect(summary).toHaveAttribute('data-tables', '2');
    expect(summary).toHaveAttribute('data-errors', '0');
    expect(summary).toHaveAttribute('data-warnings', '0');
  });

  it("still says 'all totals add up' when only notes (info) remain, and lists the notes", async () => {
    const note = finding({ rule: 'format.style', severity: 'info', sheet: '기획예산과', cell: 'B53', table: budget.id });
    const { user } = renderPane({ result: { tables: [budget], findings: [note] } });
    await openFile(user);
    expect(await screen.findByTestId('all-good')).toHaveTextContent(ko.allGoodTitle);
    expect(screen.getByTestId('summary')).toHaveAttribute('data-infos', '1');
    expect(findingsIn(screen.getByTestId('findings')).map((c) => c.dataset.cell)).toEqual(['B53']);
  });

  it('names each rule by its title when the messages give one', async () => {
    const fake = fakeServices({ result: RESULT });
    fake.services.ruleTitle = (rule, lang) => `${lang}:${rule.toUpperCase()}`;
    const user = userEvent.setup();
    render(<App services={fake.services} />);
    await openFile(user);
    const card = findingsIn(await screen.findByTestId('findings'))[0];
    expect(card).toHaveTextContent('ko:SUM.CELL');
  });

  it.each([
    ['encrypted', ko.errorOleFile],
    ['legacy-xls', ko.errorOleFile],
    ['drm', ko.errorDrmFile],
    ['hancom-cell', ko.errorHancomFile],
    ['empty', ko.errorEmptyFile],
    ['corrupt-zip', ko.errorUnreadableFile],
  ])('explains an unreadable file (%s) in Korean, with no stack trace', async (code, message) => {
    const problem = Object.assign(new Error(`cannot read: ${code}`), { problem: { code } });
    const { user, checkWorkbook } = renderPane({ readWorkbook: () => Promise.reject(problem) });
    await openFile(user, 'broken.xlsx');
    const error = await screen.findByTestId('error');
    expect(error).toHaveTextContent(message);
    expect(error).not.toHaveTextContent(/at \w+ \(/);
    expect(screen.queryByTestId('summary')).toBeNull();
    expect(checkWorkbook).not.toHaveBeenCalled();
    // The picker is still there to try another file.
    expect(screen.getByLabelText(ko.openFile)).toBeEnabled();
  });

  it('re-checks the same grids under a new rounding policy without reading the file again', async () => {
    const { user, checkWorkbook, readWorkbook, services } = renderPane({ result: RESULT });
    await openFile(user);
    await screen.findByTestId('summary');
    await user.click(screen.getByRole('radio', { name: ko.roundingTruncate }));
    await waitFor(() => expect(checkWorkbook).toHaveBeenCalledTimes(2));
    expect(checkWorkbook.mock.calls[1][1]).toEqual({ rounding: 'truncate' });
    expect(readWorkbook).toHaveBeenCalledTimes(1);
    expect(services.preferences!.saveRounding).toHaveBeenCalledWith('truncate');
  });
});

describe('language', () => {
  it('speaks English when the host is not Korean, and asks for English messages', async () => {
    const { user, services } = renderPane({ host: standaloneHost('en'), result: RESULT });
    expect(screen.getByTestId('idle')).toHaveTextContent(en.idleStandalone);
    expect(screen.getByRole('button', { name: en.chooseFile })).toBeInTheDocument();
    await user.upload(screen.getByLabelText(en.openFile), xlsxFile('book.xlsx'));
    const card = findingsIn(await screen.findByTestId('findings'))[0];
    expect(card).toHaveTextContent('[en] sum.cell @ 기획예산과!D7');
    expect(within(card).getByText(en.severityError)).toBeInTheDocument();
    expect(within(card).getByTestId('expected')).toHaveTextContent(`${en.expected}: 12,000`);
    expect(services.formatFinding).toHaveBeenCalledWith(RESULT.findings[0], 'en');
    expect(screen.queryByText(ko.summaryErrors)).toBeNull();
  });

  it('speaks Korean by default', () => {
    renderPane({ host: standaloneHost('ko') });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(ko.appTitle);
    expect(screen.getByRole('button', { name: ko.chooseFile })).toBeInTheDocument();
  });
});

describe('office pane', () => {
  it('checks the workbook through the port and goes to the cell of a clicked finding', async () => {
    const { user, port, selectCell, checkWorkbook } = renderPane({ host: officeHost(), result: RESULT });
    expect(screen.queryByLabelText(ko.openFile)).toBeNull();
    await user.click(screen.getByRole('button', { name: ko.checkWorkbook }));
    await screen.findByTestId('summary');
    expect(port.readSheets).toHaveBeenCalledTimes(1);
    expect(checkWorkbook.mock.calls[0][2]).toBeUndefined();

    const card = findingsIn(screen.getByTestId('findings'))[4];
    await user.click(within(card).getByRole('button', { name: /B5/ }));
    expect(selectCell).toHaveBeenCalledWith('의회법제팀', 'B5');
  });

  it('checks only the selection when asked', async () => {
    const selection = { sheet: '기획예산과', range: { r0: 3, c0: 1, r1: 7, c1: 6 } };
    const { user, checkWorkbook } = renderPane({ host: officeHost(), result: RESULT, selection });
    await user.click(screen.getByRole('button', { name: ko.checkSelection }));
    await screen.findByTestId('summary');
    expect(checkWorkbook.mock.calls[0][2]).toEqual(selection);
    expect(screen.getByText(`${ko.checkedSource}: ${ko.selectionScope}: 기획예산과!B4:G8`)).toBeInTheDocument();
  });

  it.each([
    [{ code: 'InvalidOperationInCellEditMode', message: 'edit mode' }, ko.errorCellEditMode],
    [{ code: 'AccessDenied', message: 'The sheet is protected' }, ko.errorProtected],
    [{ code: 'ActivityLimitReached', message: 'busy' }, ko.errorBusy],
  ])("explains Excel's refusal %p", async (refusal, message) => {
    const { user, port } = renderPane({ host: officeHost(), result: RESULT });
    port.readSheets.mockRejectedValueOnce(Object.assign(new Error(refusal.message), { code: refusal.code }));
    await user.click(screen.getByRole('button', { name: ko.checkWorkbook }));
    expect(await screen.findByTestId('error')).toHaveTextContent(message);
    // Try again works once Excel is free.
    await user.click(screen.getByRole('button', { name: ko.tryAgain }));
    expect(await screen.findByTestId('summary')).toHaveAttribute('data-errors', '3');
  });

  it("shows the adapter's own message for a refusal it has explained (ExcelAdapterError's problem)", async () => {
    const { user, port } = renderPane({ host: officeHost(), result: RESULT });
    const problem = {
      code: 'sheet-protected',
      message: { ko: "'예산팀' 시트가 보호되어 있습니다.", en: "Sheet '예산팀' is protected." },
      sheet: '예산팀',
    };
    port.readSheets.mockRejectedValueOnce(Object.assign(new Error(problem.message.en), { problem }));
    await user.click(screen.getByRole('button', { name: ko.checkWorkbook }));
    const error = await screen.findByTestId('error');
    expect(error).toHaveAttribute('data-error', 'protected');
    expect(error).toHaveTextContent(problem.message.ko);
  });

  it('shows a notice, not an error page, when Excel refuses to go to a cell', async () => {
    const { user, selectCell } = renderPane({ host: officeHost(), result: RESULT });
    selectCell.mockRejectedValueOnce(Object.assign(new Error('editing'), { code: 'InvalidOperationInCellEditMode' }));
    await user.click(screen.getByRole('button', { name: ko.checkWorkbook }));
    const card = findingsIn(await screen.findByTestId('findings'))[0];
    await user.click(within(card).getByRole('button', { name: /D7/ }));
    expect(await screen.findByTestId('notice')).toHaveTextContent(ko.errorCellEditMode);
    expect(screen.getByTestId('summary')).toBeInTheDocument();
  });

  it('loads acceptances stored in the workbook, so accepted findings stay quiet', async () => {
    const f = RESULT.findings[0];
    const key = JSON.stringify([f.rule, f.sheet, f.cell, f.actual]);
    const initialAcceptances = {
      [key]: { rule: f.rule, sheet: f.sheet, cell: f.cell, actual: f.actual!, note: '검토 완료', acceptedAt: '2026-01-01T00:00:00.000Z' },
    };
    const { user } = renderPane({ host: officeHost(), result: RESULT, initialAcceptances });
    await user.click(screen.getByRole('button', { name: ko.checkWorkbook }));
    const summary = await screen.findByTestId('summary');
    expect(summary).toHaveAttribute('data-errors', '2');
    expect(summary).toHaveAttribute('data-accepted', '1');
    expect(screen.getByTestId('accepted-finding')).toHaveTextContent('검토 완료');
  });
});
