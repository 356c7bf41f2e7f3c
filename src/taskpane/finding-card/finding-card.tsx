import { Badge, Button, Field, mergeClasses, Text, Textarea } from '@fluentui/react-components';
import type { Severity } from '../../engine';
import { formatFigure, type Strings } from '../strings';
import { useFindingCardStyles } from './finding-card.styles';
import type { FindingCardProps } from './finding-card.types';
import { useFindingCard } from './use-finding-card';

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

function severityLabel(severity: Severity, strings: Strings): string {
  if (severity === 'error') return strings.severityError;
  if (severity === 'warning') return strings.severityWarning;
  return strings.severityInfo;
}

/** One finding: severity, cell, message, expected vs found, and the reviewer's accept (or re-open). */
export function FindingCard(props: FindingCardProps) {
  const { item, strings, lang, selected, onSelect } = props;
  const { state, startAccept, cancelAccept, setNote, confirmAccept, reopen } = useFindingCard(props);
  const styles = useFindingCardStyles();
  const { finding, acceptance } = item;
  const hasFigures = finding.expected !== undefined || finding.actual !== undefined;

  return (
    <article
      className={mergeClasses(
        styles.root,
        styles[finding.severity],
        selected && styles.selected,
        acceptance && styles.accepted,
      )}
      data-testid={acceptance ? 'accepted-finding' : 'finding'}
      data-rule={finding.rule}
      data-sheet={finding.sheet}
      data-cell={finding.cell}
      data-severity={finding.severity}
      data-selected={selected || undefined}
      aria-current={selected || undefined}
    >
      <button
        type="button"
        className={styles.head}
        onClick={() => onSelect(item)}
        title={strings.goToCell}
        aria-label={`${strings.goToCell} ${finding.sheet}!${finding.cell}`}
      >
        <Badge appearance="filled" color={acceptance ? 'subtle' : BADGE_COLOR[finding.severity]}>
          {acceptance ? strings.summaryAccepted : severityLabel(finding.severity, strings)}
        </Badge>
        <Text className={styles.cell}>{finding.cell}</Text>
        <Text size={200} className={styles.rule} title={finding.rule}>
          {item.ruleTitle}
        </Text>
      </button>
      <Text className={styles.message}>{item.message}</Text>
      {hasFigures && (
        <div className={styles.figures}>
          <Text className={styles.figure} data-testid="expected">
            {strings.expected}: {formatFigure(finding.expected, lang)}
          </Text>
          <Text className={styles.figure} data-testid="actual">
            {strings.actual}: {formatFigure(finding.actual, lang)}
          </Text>
        </div>
      )}
      {acceptance ? (
        <>
          {acceptance.note && (
            <Text className={styles.note}>
              {strings.acceptedNote}: {acceptance.note}
            </Text>
          )}
          <div className={styles.actions}>
            <Button size="small" appearance="subtle" onClick={reopen}>
              {strings.reopen}
            </Button>
          </div>
        </>
      ) : state.accepting ? (
        <form
          className={styles.form}
          aria-label={strings.acceptTitle}
          onSubmit={(e) => {
            e.preventDefault();
            void confirmAccept();
          }}
        >
          <Field label={strings.acceptNoteLabel}>
            <Textarea
              value={state.note}
              maxLength={200}
              placeholder={strings.acceptNotePlaceholder}
              onChange={(_, data) => setNote(data.value)}
              autoFocus
            />
          </Field>
          <div className={styles.actions}>
            <Button size="small" onClick={cancelAccept} disabled={state.saving}>
              {strings.cancel}
            </Button>
            <Button size="small" appearance="primary" type="submit" disabled={state.saving}>
              {strings.acceptConfirm}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.actions}>
          <Button size="small" appearance="subtle" onClick={startAccept}>
            {strings.accept}
          </Button>
        </div>
      )}
    </article>
  );
}
