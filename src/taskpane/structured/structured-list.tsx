import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { rangeToA1 } from '../../engine/grid/a1';
import type { RegistryEntry } from '../../engine/registry';
import { CopyTableButton } from '../copy/copy-table-button';
import type { Lang } from '../strings';
import { tableHeading, type StructuredStrings } from '../strings/structured-strings';
import { useStructured } from './use-structured';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sheet: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  range: { color: tokens.colorNeutralForeground3 },
});

export interface StructuredListProps {
  strings: StructuredStrings;
  lang: Lang;
  /** Bumped by the panel after a change, to read the registry again. */
  version: number;
  onCopied?(message: string, ok: boolean): void;
}

/** The workbook's structured tables by sheet, each with "Copy for report". */
export function StructuredList({ strings, lang, version, onCopied }: StructuredListProps) {
  const structured = useStructured();
  const styles = useStyles();
  const [entries, setEntries] = useState<RegistryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    if (!structured) return () => undefined;
    let live = true;
    setFailed(false);
    structured
      .listTables()
      .then((e) => live && setEntries(e))
      .catch(() => {
        if (!live) return;
        setEntries([]);
        setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [structured]);
  useEffect(() => load(), [load, version]);

  const bySheet = new Map<string, RegistryEntry[]>();
  entries?.forEach((e) => bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]));
  return (
    <section className={styles.root} data-testid="structured-list" aria-label={strings.tabTables}>
      <div>
        <Button size="small" onClick={() => load()}>
          {strings.refresh}
        </Button>
      </div>
      {entries === null ? (
        <Spinner size="tiny" label={strings.loading} />
      ) : entries.length === 0 ? (
        <Text data-testid="structured-empty">{failed ? strings.failed : strings.noStructured}</Text>
      ) : (
        [...bySheet].map(([sheet, list]) => (
          <section key={sheet} aria-label={sheet}>
            <h3 className={styles.sheet}>{sheet}</h3>
            <ul className={styles.list}>
              {list.map((e) => (
                <li key={e.id} className={styles.item} data-testid="structured-table" data-id={e.id} data-sheet={e.sheet}>
                  <Text>{tableHeading(e.spec.title, e.kind, lang)}</Text>
                  <Text size={200} className={styles.range}>
                    {rangeToA1(e.range)}
                  </Text>
                  <CopyTableButton tableId={`RT_${e.id}`} sheet={e.sheet} range={e.range} strings={strings} onResult={onCopied} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
