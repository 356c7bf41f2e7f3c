import { makeStyles, mergeClasses, tokens, Text } from '@fluentui/react-components';
import type { PaneCounts } from '../pane/pane.types';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figure: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  errors: { color: tokens.colorPaletteRedForeground1 },
  warnings: { color: tokens.colorPaletteMarigoldForeground1 },
  quiet: { color: tokens.colorNeutralForeground3 },
  extra: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

export interface SummaryProps {
  counts: PaneCounts;
  strings: Strings;
}

/** The three figures a reviewer looks at first; the data-* attributes are a test hook (issue 3, item 7). */
export function Summary({ counts, strings }: SummaryProps) {
  const styles = useStyles();
  const extras = [
    counts.infos > 0 ? `${strings.summaryInfos} ${counts.infos}` : null,
    counts.accepted > 0 ? `${strings.summaryAccepted} ${counts.accepted}` : null,
  ].filter(Boolean);
  return (
    <section
      className={styles.root}
      data-testid="summary"
      data-tables={counts.tables}
      data-errors={counts.errors}
      data-warnings={counts.warnings}
      data-infos={counts.infos}
      data-accepted={counts.accepted}
      aria-live="polite"
    >
      <div className={styles.tile}>
        <Text className={styles.figure}>{counts.tables}</Text>
        <Text size={200}>{strings.summaryTables}</Text>
      </div>
      <div className={styles.tile}>
        <Text className={mergeClasses(styles.figure, counts.errors > 0 ? styles.errors : styles.quiet)}>{counts.errors}</Text>
        <Text size={200}>{strings.summaryErrors}</Text>
      </div>
      <div className={styles.tile}>
        <Text className={mergeClasses(styles.figure, counts.warnings > 0 ? styles.warnings : styles.quiet)}>
          {counts.warnings}
        </Text>
        <Text size={200}>{strings.summaryWarnings}</Text>
      </div>
      {extras.length > 0 && (
        <Text size={200} className={styles.extra}>
          {extras.join(' · ')}
        </Text>
      )}
    </section>
  );
}
