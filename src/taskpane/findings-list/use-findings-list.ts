import { useMemo } from 'react';
import type { Table } from '../../engine';
import { rangeToA1 } from '../../engine/grid/a1';
import type { ShownFinding } from '../pane/pane.types';
import type { Strings } from '../strings';
import type { FindingsListProps, SheetGroup, TableGroup } from './findings-list.types';

/**
 * Groups findings by sheet, then by table, keeping the engine's order (sheet order, then reading order):
 * a group appears where its first finding does.
 */
export function groupFindings(items: ShownFinding[], tables: Table[], strings: Strings): SheetGroup[] {
  const tableById = new Map(tables.map((t) => [t.id, t]));
  const sheets = new Map<string, Map<string, TableGroup>>();
  for (const item of items) {
    const { sheet, table: tableId } = item.finding;
    let groups = sheets.get(sheet);
    if (!groups) sheets.set(sheet, (groups = new Map()));
    const table = tableId ? tableById.get(tableId) : undefined;
    const id = table ? table.id : '';
    let group = groups.get(id);
    if (!group) {
      group = table
        ? { id, title: table.title?.trim() || table.kind, range: rangeToA1(table.range), items: [] }
        : { id, title: strings.otherFindings, range: '', items: [] };
      groups.set(id, group);
    }
    group.items.push(item);
  }
  return [...sheets].map(([sheet, groups]) => ({ sheet, tables: [...groups.values()] }));
}

export function useFindingsList({ open, accepted, tables, strings }: FindingsListProps) {
  const openGroups = useMemo(() => groupFindings(open, tables, strings), [open, tables, strings]);
  const acceptedGroups = useMemo(() => groupFindings(accepted, tables, strings), [accepted, tables, strings]);
  return { openGroups, acceptedGroups };
}
