import { CopyTableButton } from '../copy/copy-table-button';
import { FindingCard } from '../finding-card';
import { structuredStringsFor } from '../strings/structured-strings';
import { useFindingsListStyles } from './findings-list.styles';
import type { FindingsListProps, SheetGroup } from './findings-list.types';
import { useFindingsList } from './use-findings-list';

/**
 * Open findings grouped by sheet and table (the `findings` region holds one `finding` per open finding:
 * a test hook), then the accepted ones, listed apart so the reviewer can see and re-open them.
 */
export function FindingsList(props: FindingsListProps) {
  const { openGroups, acceptedGroups } = useFindingsList(props);
  const styles = useFindingsListStyles();
  const { strings } = props;
  const copyStrings = structuredStringsFor(props.lang);
  const tableById = new Map(props.tables.map((t) => [t.id, t]));

  const renderGroups = (groups: SheetGroup[], prefix: string) =>
    groups.map((sheet) => (
      <section key={`${prefix}:${sheet.sheet}`} className={styles.sheet} aria-label={sheet.sheet}>
        <h2 className={styles.sheetTitle}>{sheet.sheet}</h2>
        {sheet.tables.map((table) => (
          <section key={table.id || '-'} className={styles.table} data-testid="table-group" data-table={table.id}>
            <h3 className={styles.tableTitle}>
              <span>{table.title}</span>
              {table.range && <span className={styles.range}>{table.range}</span>}
            </h3>
            {tableById.has(table.id) && (
              <div>
                <CopyTableButton tableId={table.id} sheet={sheet.sheet} range={tableById.get(table.id)!.range} table={tableById.get(table.id)} strings={copyStrings} />
              </div>
            )}
            <ul className={styles.items}>
              {table.items.map((item) => (
                <li key={item.key}>
                  <FindingCard
                    item={item}
                    strings={strings}
                    lang={props.lang}
                    selected={props.selectedKey === item.key}
                    onSelect={props.onSelect}
                    onAccept={props.onAccept}
                    onReopen={props.onReopen}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    ));

  return (
    <div className={styles.root}>
      <div data-testid="findings" role="region" aria-label={strings.findingsRegion} className={styles.root}>
        {renderGroups(openGroups, 'open')}
      </div>
      {acceptedGroups.length > 0 && (
        <div data-testid="accepted" role="region" aria-label={strings.acceptedSection} className={styles.acceptedSection}>
          <h2 className={styles.acceptedTitle}>{strings.acceptedSection}</h2>
          {renderGroups(acceptedGroups, 'accepted')}
        </div>
      )}
    </div>
  );
}
