/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CellWrite } from '../../engine';
import { App } from '../app';
import { stringsFor } from '../strings';
import {
  fakeServices,
  fillPreview,
  finding,
  installDomPolyfills,
  officeHost,
  standaloneHost,
  xlsxFile,
  type FakeOptions,
} from '../test-support';
import { patchRefusal } from '../compose/standalone-services';
import { filledFileName } from './use-fill';

installDomPolyfills();
const urls = { created: [] as Blob[], revoked: [] as string[] };
Object.assign(URL, {
  createObjectURL: (blob: Blob) => {
    urls.created.push(blob);
    return `blob:filled-${urls.created.length}`;
  },
  revokeObjectURL: (url: string) => urls.revoked.push(url),
});

const ko = stringsFor('ko');

const total = (cell: [number, number], formula: string, value: number): CellWrite => ({ sheet: '기획예산과', row: cell[0], col: cell[1], formula, value });
const WRITES = [total([5, 2], 'SUM(D6:G6)', 130300), total([5, 3], 'SUM(D7:D8)', 0), total([6, 2], 'SUM(D7:G7)', 65150)];
const CONFLICT = finding({ rule: 'fill.conflict', severity: 'warning', sheet: '기획예산과', cell: 'C8', expected: 65150, actual: 65000 });
const PREVIEW = fillPreview(WRITES, [CONFLICT]);

function renderPane(options: FakeOptions = {}) {
  const fake = fakeServices(options);
  const user = userEvent.setup();
  const view = render(<App services={fake.services} />);
  return { ...fake, user, view };
}

const officeOptions = (extra: FakeOptions = {}): FakeOptions => ({ host: officeHost(), fill: PREVIEW, ...extra });

describe('Fill in Excel', () => {
  it('previews before writing: counts, the disagreeing cells with both figures, overwrite off', async () => {
    const { user, undo, previewFill, port } = renderPane(officeOptions());
    await user.click(screen.getByTestId('fill-workbook'));
    const preview = await screen.findByTestId('fill-preview');
    expect(preview).toHaveAttribute('data-writes', '3');
    expect(preview).toHaveAttribute('data-conflicts', '1');
    expect(within(preview).getByTestId('fill-count-totals')).toHaveAttribute('data-count', '3');
    const conflict = within(preview).getByTestId('fill-conflict');
    expect(conflict).toHaveAttribute('data-cell', 'C8');
    expect(conflict).toHaveTextContent(`${ko.fillTyped}: 65,000`);
    expect(conflict).toHaveTextContent(`${ko.fillComputed}: 65,150`);
    expect(within(preview).getByRole('checkbox', { name: ko.fillOverwrite })).not.toBeChecked();
    expect(port.readSheets).toHaveBeenCalled();
    expect(previewFill).toHaveBeenCalledWith(expect.any(Array), { rounding: 'half-up' }, undefined);
    // Nothing written yet.
    expect(undo.apply).not.toHaveBeenCalled();
  });

  it('applies only the agreeing writes by default: the disagreeing constant is never in the batch', async () => {
    const { user, undo } = renderPane(officeOptions());
    await user.click(screen.getByTestId('fill-workbook'));
    await user.click(await screen.findByTestId('fill-apply'));
    await waitFor(() => expect(undo.apply).toHaveBeenCalledTimes(1));
    const [writes, label] = undo.apply.mock.calls[0];
    expect(writes).toEqual(WRITES);
    expect(label).toBe('fill');
    expect(await screen.findByTestId('fill-done')).toHaveAttribute('data-written', '3');
  });

  it('overwrites the disagreeing cells only after the explicit choice', async () => {
    const { user, undo } = renderPane(officeOptions());
    await user.click(screen.getByTestId('fill-workbook'));
    const preview = await screen.findByTestId('fill-preview');
    await user.click(within(preview).getByRole('checkbox', { name: ko.fillOverwrite }));
    expect(screen.getByTestId('fill-preview')).toHaveAttribute('data-writes', '4');
    await user.click(screen.getByTestId('fill-apply'));
    await waitFor(() => expect(undo.apply).toHaveBeenCalledTimes(1));
    expect(undo.apply.mock.calls[0][0]).toEqual(PREVIEW.overwriteWrites);
  });

  it('a new preview starts with overwrite off again', async () => {
    const { user } = renderPane(officeOptions());
    await user.click(screen.getByTestId('fill-workbook'));
    await user.click(within(await screen.findByTestId('fill-preview')).getByRole('checkbox'));
    await user.click(screen.getByTestId('fill-workbook'));
    await waitFor(() => expect(screen.getByTestId('fill-preview')).toHaveAttribute('data-overwrite', 'false'));
    expect(within(screen.getByTestId('fill-preview')).getByRole('checkbox')).not.toBeChecked();
  });

  it('enables "Undo last change" after a fill, undoes it, and checks the workbook again', async () => {
    const { user, undo, port, checkWorkbook } = renderPane(officeOptions());
    const button = screen.getByTestId('undo');
    expect(button).toHaveTextContent('마지막 변경 되돌리기');
    await waitFor(() => expect(undo.peek).toHaveBeenCalled());
    expect(button).toBeDisabled();
    await user.click(screen.getByTestId('fill-workbook'));
    await user.click(await screen.findByTestId('fill-apply'));
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    await waitFor(() => expect(checkWorkbook).toHaveBeenCalled());
    const reads = port.readSheets.mock.calls.length;
    await user.click(screen.getByTestId('undo'));
    await screen.findByTestId('fill-undone');
    expect(undo.undoLast).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('undo')).toBeDisabled());
    await waitFor(() => expect(port.readSheets.mock.calls.length).toBeGreaterThan(reads));
  });

  it('after reopening the pane, "Undo last change" is enabled when the workbook holds a log entry', async () => {
    const log = ['fill'];
    const first = renderPane(officeOptions({ undoLog: log }));
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    first.view.unmount();
    const second = renderPane(officeOptions({ undoLog: log }));
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    await second.user.click(screen.getByTestId('undo'));
    await waitFor(() => expect(screen.getByTestId('undo')).toBeDisabled());
    expect(log).toEqual([]);
  });

  it('fills the table containing the selection', async () => {
    const selection = { sheet: '기획예산과', range: { r0: 6, c0: 3, r1: 6, c1: 3 } };
    const { user, previewFill } = renderPane(officeOptions({ selection }));
    await user.click(screen.getByTestId('fill-table'));
    await screen.findByTestId('fill-preview');
    expect(previewFill).toHaveBeenCalledWith(expect.any(Array), { rounding: 'half-up' }, selection);
    expect(screen.getByTestId('fill-preview')).toHaveTextContent(ko.fillScopeTable);
  });

  it('says so when nothing is selected', async () => {
    const { user, previewFill } = renderPane(officeOptions({ selection: null }));
    await user.click(screen.getByTestId('fill-table'));
    expect(await screen.findByTestId('fill-error')).toHaveTextContent(ko.fillNoSelection);
    expect(previewFill).not.toHaveBeenCalled();
  });

  it("shows the designed empty state when there is nothing to fill ('채울 합계가 없습니다')", async () => {
    const { user } = renderPane(officeOptions({ fill: fillPreview([]) }));
    await user.click(screen.getByTestId('fill-workbook'));
    const empty = await screen.findByTestId('fill-empty');
    expect(empty).toHaveTextContent('채울 합계가 없습니다');
    expect(screen.queryByTestId('fill-apply')).toBeNull();
  });

  it.each([
    ['protected sheet', { problem: { code: 'sheet-protected', message: { ko: "'기획예산과' 시트가 보호되어 있어 쓸 수 없습니다.", en: 'protected' } } }, 'protected', '시트가 보호되어'],
    ['cell edit mode', { code: 'InvalidOperationInCellEditMode', message: 'editing' }, 'cell-edit-mode', ko.errorCellEditMode],
  ])("explains Excel's refusal (%s) and keeps the undo state honest", async (_name, error, kind, text) => {
    const { user, undoLog } = renderPane(officeOptions({ writeError: error }));
    await user.click(screen.getByTestId('fill-workbook'));
    await user.click(await screen.findByTestId('fill-apply'));
    const shown = await screen.findByTestId('fill-error');
    expect(shown).toHaveAttribute('data-error', kind);
    expect(shown).toHaveTextContent(text);
    expect(undoLog).toEqual([]);
    expect(screen.getByTestId('undo')).toBeDisabled();
  });
});

describe('Fill standalone', () => {
  async function openAndPreview(options: FakeOptions = {}) {
    const fake = renderPane({ host: standaloneHost(), fill: PREVIEW, result: { tables: [], findings: [] }, ...options });
    expect(screen.queryByTestId('fill-workbook')).toBeNull();
    await fake.user.upload(screen.getByLabelText(ko.openFile), xlsxFile('기획예산과.xlsx'));
    await fake.user.click(await screen.findByTestId('fill-workbook'));
    await screen.findByTestId('fill-preview');
    return fake;
  }

  it('offers the filled workbook as a download named <name>-채움.xlsx; no undo button', async () => {
    const { user, fillFile, readWorkbook } = await openAndPreview();
    expect(screen.queryByTestId('undo')).toBeNull();
    expect(screen.getByTestId('fill-apply')).toHaveTextContent(ko.fillApplyFile);
    await user.click(screen.getByTestId('fill-apply'));
    const link = await screen.findByTestId('fill-download');
    expect(link).toHaveAttribute('download', '기획예산과-채움.xlsx');
    expect(link.getAttribute('href')).toMatch(/^blob:/);
    const [data, sheets, writes] = fillFile.mock.calls[0];
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect(sheets).toBe(await readWorkbook.mock.results[0].value);
    expect(writes).toEqual(WRITES);
    expect(urls.created.at(-1)?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('a file that cannot be patched safely gives a message and no download', async () => {
    const refusal = patchRefusal(Object.assign(new Error('array formula in C7'), { code: 'array-formula' }));
    const { user } = await openAndPreview({ writeError: refusal });
    await user.click(screen.getByTestId('fill-apply'));
    const shown = await screen.findByTestId('fill-error');
    expect(shown).toHaveTextContent('안전하게 채울 수 없어');
    expect(shown).toHaveTextContent('array formula in C7');
    expect(screen.queryByTestId('fill-download')).toBeNull();
  });

  it('names the download after the file', () => {
    expect(filledFileName('팀.XLSX', '채움')).toBe('팀-채움.xlsx');
    expect(filledFileName('a.b.xlsx', 'filled')).toBe('a.b-filled.xlsx');
  });
});

describe('progress', () => {
  it('shows progress while the preview is worked out, then the preview', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeServices({ host: officeHost(), fill: PREVIEW });
    fake.services.previewFill = async (...args) => {
      await gate;
      return fake.previewFill(...args);
    };
    const user = userEvent.setup();
    render(<App services={fake.services} />);
    await user.click(screen.getByTestId('fill-workbook'));
    expect(await screen.findByTestId('fill-busy')).toHaveTextContent(ko.fillPlanning);
    expect(screen.getByTestId('fill-workbook')).toBeDisabled();
    await act(async () => release());
    expect(await screen.findByTestId('fill-preview')).toBeInTheDocument();
  });
});
