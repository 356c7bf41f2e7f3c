/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import { ACCEPTANCE_SETTING } from '../acceptance';
import type { ChunkLoaders } from '../compose';
import { engineKit } from '../compose/engine-kit';
import * as officeChunk from '../compose/office-services';
import { startPane } from './start-pane';
import { stringsFor } from '../strings';
import { installDomPolyfills } from '../test-support';

installDomPolyfills();

type Win = Window & { Office?: unknown; __officeJsFailed?: boolean };

function settingsFake() {
  const values = new Map<string, unknown>();
  return {
    get: (name: string) => values.get(name) ?? null,
    set: (name: string, value: unknown) => void values.set(name, value),
    saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
    values,
  };
}

/** In the page these are import() chunks; jest loads the same modules with require. */
const loaders: ChunkLoaders = {
  engine: async () => engineKit,
  office: async () => officeChunk,
};

/** What index.tsx does on page load. */
function bootEntry() {
  void startPane(document.getElementById('root'), window as unknown as Parameters<typeof startPane>[1], loaders);
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  const w = window as Win;
  delete w.Office;
  delete w.__officeJsFailed;
});

it('starts standalone when taskpane.html reports that office.js failed to load', async () => {
  (window as Win).__officeJsFailed = true;
  bootEntry();
  const pane = await screen.findByTestId('pane');
  expect(pane).toHaveAttribute('data-mode', 'standalone');
  expect(document.querySelector('input[type="file"]')).not.toBeNull();
});

it('starts standalone in a plain browser tab (office.js loaded, no host)', async () => {
  (window as Win).Office = { onReady: async () => ({ host: null }) };
  bootEntry();
  expect(await screen.findByTestId('pane')).toHaveAttribute('data-mode', 'standalone');
});

it("starts in Excel mode inside Excel, in Office's display language, with the workbook's rounding setting", async () => {
  const settings = settingsFake();
  settings.set('reportTables.rounding', 'truncate');
  (window as Win).Office = {
    onReady: async () => ({ host: 'Excel' }),
    context: { displayLanguage: 'en-US', officeTheme: { bodyBackgroundColor: '#FFFFFF' }, document: { settings } },
  };
  bootEntry();
  const pane = await screen.findByTestId('pane');
  expect(pane).toHaveAttribute('data-mode', 'office');
  const en = stringsFor('en');
  expect(screen.getByRole('button', { name: en.checkWorkbook })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: en.checkSelection })).toBeInTheDocument();
  expect(screen.queryByLabelText(en.openFile)).toBeNull();
  expect(screen.getByRole('radio', { name: en.roundingTruncate })).toBeChecked();
  expect(settings.values.has(ACCEPTANCE_SETTING)).toBe(false);
});

it('switches to Excel mode when office.js arrives late', async () => {
  (window as Win).__officeJsFailed = true;
  bootEntry();
  expect(await screen.findByTestId('pane')).toHaveAttribute('data-mode', 'standalone');
  (window as Win).Office = {
    onReady: async () => ({ host: 'Excel' }),
    context: { displayLanguage: 'ko-KR', document: { settings: settingsFake() } },
  };
  window.dispatchEvent(new Event('report-tables:office-js-late'));
  await waitFor(() => expect(screen.getByTestId('pane')).toHaveAttribute('data-mode', 'office'));
  expect(screen.getByRole('button', { name: stringsFor('ko').checkWorkbook })).toBeInTheDocument();
});
