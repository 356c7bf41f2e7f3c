import {
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { errorMessage } from '../errors';
import { EmptyState, ProgressView } from '../status';
import { formatFigure, type Lang, type Strings } from '../strings';
import { useFillPanelStyles } from './fill-panel.styles';
import type { FillActions, FillCounts, FillState } from './fill.types';

export interface FillPanelProps {
  state: FillState;
  actions: FillActions;
  strings: Strings;
  lang: Lang;
  mode: 'office' | 'standalone';
}

function CountTiles({ counts, strings }: { counts: FillCounts; strings: Strings }) {
  const styles = useFillPanelStyles();
  const tiles: [string, number, string][] = [
    ['writes', counts.writes, strings.fillWrites],
    ['totals', counts.totals, strings.fillTotals],
    ['rates', counts.rates, strings.fillRates],
    ['differences', counts.differences, strings.fillDifferences],
    ['captions', counts.captions, strings.fillCaptions],
    ['to-formulas', counts.toFormulas, strings.fillToFormulas],
  ];
  return (
    <dl className={styles.counts}>
      {tiles.map(([key, n, label]) => (
        <div key={key} className={styles.tile} data-testid={`fill-count-${key}`} data-count={n}>
          <dd className={styles.figure}>{n}</dd>
          <dt>
            <Text size={200}>{label}</Text>
          </dt>
        </div>
      ))}
    </dl>
  );
}

/** Fill's preview, progress, result and errors; nothing is written before the user presses the apply button. */
export function FillPanel({ state, actions, strings, lang, mode }: FillPanelProps) {
  const styles = useFillPanelStyles();
  const { phase } = state;
  switch (phase.kind) {
    case 'none':
      return null;
    case 'busy': {
      const label = { planning: strings.fillPlanning, applying: strings.fillApplying, undoing: strings.fillUndoing }[phase.step];
      return (
        <section data-testid="fill-busy" data-step={phase.step}>
          <ProgressView label={label} />
        </section>
      );
    }
    case 'empty':
      return (
        <section className={styles.root} data-testid="fill-empty">
          <EmptyState testId="fill-empty-state" glyph="Σ" title={strings.fillEmptyTitle} body={strings.fillEmptyBody} />
          <div className={styles.actions}>
            <Button onClick={actions.cancel}>{strings.dismiss}</Button>
          </div>
        </section>
      );
    case 'error':
      return (
        <MessageBar intent="error" layout="multiline" data-testid="fill-error" data-error={phase.error.kind}>
          <MessageBarBody>
            <MessageBarTitle>{strings.fillErrorTitle}</MessageBarTitle>
            {errorMessage(phase.error, strings, lang)}
          </MessageBarBody>
        </MessageBar>
      );
    case 'undone':
      return (
        <MessageBar intent={phase.keptSheets?.length ? 'warning' : 'success'} data-testid="fill-undone" data-kept={(phase.keptSheets ?? []).join(',')}>
          <MessageBarBody>
            {phase.keptSheets?.length ? strings.fillUndoneKept.replace('{sheets}', phase.keptSheets.join(', ')) : strings.fillUndone}
          </MessageBarBody>
        </MessageBar>
      );
    case 'done':
      return (
        <section className={styles.root} data-testid="fill-done" data-written={phase.written}>
          <Text>{(phase.download ? strings.fillDoneFile : strings.fillDone).replace('{n}', String(phase.written))}</Text>
          {phase.download && (
            <Link href={phase.download.url} download={phase.download.name} data-testid="fill-download">
              {strings.fillDownload} ({phase.download.name})
            </Link>
          )}
        </section>
      );
    case 'preview': {
      const { preview, overwrite } = phase;
      const counts = overwrite ? preview.overwriteCounts : preview.counts;
      return (
        <section
          className={styles.root}
          data-testid="fill-preview"
          data-writes={counts.writes}
          data-conflicts={preview.conflicts.length}
          data-overwrite={overwrite}
          aria-labelledby="fill-preview-title"
        >
          <h2 id="fill-preview-title" className={styles.title}>
            {strings.fillPreviewTitle} · {phase.scope === 'table' ? strings.fillScopeTable : strings.wholeWorkbook}
          </h2>
          <CountTiles counts={counts} strings={strings} />
          {preview.conflicts.length > 0 && (
            <>
              <Text weight="semibold">{strings.fillConflictsTitle}</Text>
              <Text size={200} className={styles.muted}>
                {strings.fillConflictsBody}
              </Text>
              <ul className={styles.conflicts} data-testid="fill-conflicts">
                {preview.conflicts.map((f) => (
                  <li
                    key={`${f.sheet}!${f.cell}`}
                    className={styles.conflict}
                    data-testid="fill-conflict"
                    data-sheet={f.sheet}
                    data-cell={f.cell}
                    data-typed={String(f.actual ?? '')}
                    data-computed={String(f.expected ?? '')}
                  >
                    <span className={styles.cell}>
                      {f.sheet}!{f.cell}
                    </span>
                    <span>
                      {strings.fillTyped}: {formatFigure(f.actual, lang)}
                    </span>
                    <span>
                      {strings.fillComputed}: {formatFigure(f.expected, lang)}
                    </span>
                  </li>
                ))}
              </ul>
              <Checkbox
                data-testid="fill-overwrite"
                checked={overwrite}
                onChange={(_e, data) => actions.setOverwrite(data.checked === true)}
                label={strings.fillOverwrite}
              />
            </>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" data-testid="fill-apply" disabled={counts.writes === 0} onClick={() => void actions.apply()}>
              {mode === 'office' ? strings.fillApply : strings.fillApplyFile}
            </Button>
            <Button onClick={actions.cancel}>{strings.cancel}</Button>
          </div>
        </section>
      );
    }
  }
}
