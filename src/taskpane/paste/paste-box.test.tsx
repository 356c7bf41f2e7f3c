/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PaneServicesProvider } from '../services/pane-services';
import { structuredStringsFor } from '../strings/structured-strings';
import { StructuredServicesProvider, type StructuredServices } from '../structured/structured-services';
import { fakeServices, installDomPolyfills } from '../test-support';
import { PasteBox } from './paste-box';

installDomPolyfills();

/** Structured services that preview `written` tables and register `registered` of them. */
function services(written: number, registered: number): StructuredServices {
  const unused = async () => {
    throw new Error('not used here');
  };
  return {
    mode: 'office',
    gallery: unused,
    insertTemplate: unused,
    listTables: unused,
    adopt: unused,
    tableForClipboard: unused,
    buildSummary: unused,
    previewReport: async () => ({ tables: written, sheets: [{ name: '기획예산과', tables: written }] }),
    importReport: async () => ({ ok: true, tables: Array.from({ length: registered }, (_, i) => ({ sheet: '기획예산과', range: `A${i + 1}:B${i + 2}`, id: `t${i}` })) }),
  };
}

describe('paste box', () => {
  it.each([
    ['ko', '보고서의 표 24개를 넣고, 그중 18개를 구조화 표로 등록했습니다'],
    ['en', "Wrote the report's 24 tables; 18 of them registered as structured tables"],
  ] as const)('says how many tables were written and how many registered (%s)', async (lang, said) => {
    const strings = structuredStringsFor(lang);
    const user = userEvent.setup();
    render(
      <PaneServicesProvider value={fakeServices().services}>
        <StructuredServicesProvider value={services(24, 18)}>
          <PasteBox strings={strings} />
        </StructuredServicesProvider>
      </PaneServicesProvider>,
    );
    fireEvent.change(screen.getByTestId('paste-box'), { target: { value: '표\t값\n계\t1\n' } });
    await user.click(screen.getByRole('button', { name: strings.pastePreview }));
    expect(await screen.findByTestId('paste-preview')).toHaveAttribute('data-tables', '24');
    await user.click(screen.getByRole('button', { name: strings.pasteImport }));
    const result = await screen.findByTestId('paste-result');
    expect(result).toHaveAttribute('data-ok', 'true');
    expect(result).toHaveTextContent(said);
  });
});
