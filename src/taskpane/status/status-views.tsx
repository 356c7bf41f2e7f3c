import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { errorMessage, type PaneError } from '../errors';
import type { Lang, Strings } from '../strings';

const useStyles = makeStyles({
  center: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
  },
  glyph: { fontSize: '40px', lineHeight: '48px' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  body: { color: tokens.colorNeutralForeground2 },
  progress: { width: '100%' },
  details: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
});

/** Reading or checking: a spinner with what is happening, and an indeterminate bar. */
export function ProgressView({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.center} data-testid="progress" role="status" aria-live="polite">
      <Spinner size="medium" label={label} labelPosition="below" />
      <ProgressBar className={styles.progress} aria-label={label} />
    </div>
  );
}

export interface EmptyStateProps {
  glyph: string;
  title: string;
  body: string;
  testId: string;
}

/** A designed "nothing here" (no tables found; everything adds up; nothing opened yet). */
export function EmptyState({ glyph, title, body, testId }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.center} data-testid={testId}>
      <span className={styles.glyph} aria-hidden="true">
        {glyph}
      </span>
      {title && <Text className={styles.title}>{title}</Text>}
      <Text className={styles.body}>{body}</Text>
    </div>
  );
}

export interface ErrorViewProps {
  error: PaneError;
  strings: Strings;
  lang: Lang;
  onRetry?: () => void;
}

/** Why the check could not run, in the user's language, with the original message tucked away. */
export function ErrorView({ error, strings, lang, onRetry }: ErrorViewProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error" data-error={error.kind}>
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        {errorMessage(error, strings, lang)}
        {error.detail && error.kind === 'unknown' && !error.message && (
          <Text as="p" size={200} className={styles.details}>
            {strings.errorDetails}: {error.detail}
          </Text>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {strings.tryAgain}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
