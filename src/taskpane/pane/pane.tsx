import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
// By path, not through the engine's index: the start-up chunk must not pull in the whole engine.
import { rangeToA1 } from '../../engine/grid/a1';
import { FilePicker } from '../file-picker';
import { FillPanel, useFill } from '../fill';
import { FindingsList } from '../findings-list';
import { RoundingSetting } from '../settings';
import { EmptyState, ErrorView, ProgressView } from '../status';
import type { Strings } from '../strings';
import { StructuredPanel } from '../structured';
import { Summary } from '../summary';
import { usePaneStyles } from './pane.styles';
import type { CheckSource, PaneActions, PaneProps, PaneState } from './pane.types';
import { usePane } from './use-pane';

function sourceLabel(source: CheckSource, strings: Strings): string {
  if (source.kind === 'file') return source.name;
  if (source.kind === 'selection') return `${strings.selectionScope}: ${source.sheet}!${rangeToA1(source.range)}`;
  return strings.wholeWorkbook;
}

/** The task pane: the same UI in Excel (check the open workbook) and standalone (check an opened file). */
export function Pane(props: PaneProps) {
  const [state, actions] = usePane(props);
  const styles = usePaneStyles();
  const { strings, phase, mode } = state;
  const [fill, fillActions] = useFill({
    strings,
    rounding: state.rounding,
    openedFile: state.openedFile,
    // After a write the findings are stale: check the workbook again (Excel only; a download changes nothing here).
    onWorkbookChanged: () => void actions.checkWorkbook(),
  });
  const fillBusy = fill.phase.kind === 'busy';
  const busy = phase.kind === 'busy' || fillBusy;
  const canFill = mode === 'office' || (state.openedFile !== null && phase.kind === 'done');
  const currentFile = phase.kind !== 'idle' && phase.source?.kind === 'file' ? phase.source.name : undefined;

  return (
    <main className={styles.root} data-testid="pane" data-mode={mode} data-phase={phase.kind} lang={state.lang}>
      <header className={styles.header}>
        <h1 className={styles.title}>{strings.appTitle}</h1>
        <Text size={200} className={styles.subtitle}>
          {mode === 'office' ? strings.modeOffice : strings.modeStandalone}
        </Text>
      </header>

      {mode === 'office' ? (
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={actions.checkWorkbook} disabled={busy}>
            {strings.checkWorkbook}
          </Button>
          <Button onClick={actions.checkSelection} disabled={busy}>
            {strings.checkSelection}
          </Button>
        </div>
      ) : (
        <FilePicker strings={strings} disabled={busy} onFile={actions.openFile} currentName={currentFile} />
      )}

      {canFill && (
        <div className={styles.toolbar} data-testid="fill-toolbar">
          <Button data-testid="fill-workbook" onClick={() => void fillActions.previewWorkbook()} disabled={busy}>
            {strings.fillWorkbook}
          </Button>
          {mode === 'office' && (
            <>
              <Button data-testid="fill-table" onClick={() => void fillActions.previewTable()} disabled={busy}>
                {strings.fillTable}
              </Button>
              <Button data-testid="undo" onClick={() => void fillActions.undo()} disabled={busy || !fill.canUndo}>
                {strings.undoLast}
              </Button>
            </>
          )}
        </div>
      )}

      <FillPanel state={fill} actions={fillActions} strings={strings} lang={state.lang} mode={mode} />

      <RoundingSetting value={state.rounding} strings={strings} disabled={busy} onChange={actions.setRounding} />

      {state.notice && (
        <MessageBar intent="warning" data-testid="notice">
          <MessageBarBody>{state.notice}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={actions.dismissNotice}>
              {strings.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <PaneBody state={state} actions={actions} />

      <StructuredPanel
        lang={state.lang}
        tables={phase.kind === 'done' ? phase.result.tables : undefined}
        openedFile={state.openedFile}
        // A structured change makes the findings stale: Excel checks again, standalone checks the changed file.
        onChanged={(file) => void (mode === 'office' ? actions.checkWorkbook() : file ? actions.openFile(file) : undefined)}
      />
    </main>
  );
}

function PaneBody({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = usePaneStyles();
  const { strings, phase } = state;
  switch (phase.kind) {
    case 'idle':
      return (
        <EmptyState
          testId="idle"
          glyph="▦"
          title=""
          body={state.mode === 'office' ? strings.idleOffice : strings.idleStandalone}
        />
      );
    case 'busy': {
      const reading = phase.source.kind === 'file' ? strings.reading : strings.readingWorkbook;
      return <ProgressView label={phase.step === 'reading' ? reading : strings.checking} />;
    }
    case 'error':
      return (
        <ErrorView
          error={phase.error}
          strings={strings}
          lang={state.lang}
          onRetry={state.mode === 'office' ? () => void actions.checkWorkbook() : undefined}
        />
      );
    case 'done': {
      const counts = state.counts!;
      return (
        <>
          <Text size={200} className={styles.source}>
            {strings.checkedSource}: {sourceLabel(phase.source, strings)}
          </Text>
          <Summary counts={counts} strings={strings} />
          {counts.tables === 0 && phase.result.findings.length === 0 ? (
            <EmptyState testId="no-tables" glyph="◌" title={strings.noTablesTitle} body={strings.noTablesBody} />
          ) : counts.errors === 0 && counts.warnings === 0 ? (
            // Notes (info) alone do not spoil "all totals add up"; they are still listed below.
            <EmptyState
              testId="all-good"
              glyph="✓"
              title={strings.allGoodTitle}
              body={state.accepted.length > 0 ? strings.allAcceptedBody : strings.allGoodBody}
            />
          ) : null}
          <FindingsList
            open={state.open}
            accepted={state.accepted}
            tables={phase.result.tables}
            strings={strings}
            lang={state.lang}
            selectedKey={state.selectedKey}
            onSelect={actions.selectFinding}
            onAccept={actions.accept}
            onReopen={actions.reopen}
          />
        </>
      );
    }
  }
}
