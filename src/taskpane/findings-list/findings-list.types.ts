import type { Finding, Table } from '../../engine';
import type { ShownFinding } from '../pane/pane.types';
import type { Lang, Strings } from '../strings';

export interface FindingsListProps {
  open: ShownFinding[];
  accepted: ShownFinding[];
  tables: Table[];
  strings: Strings;
  lang: Lang;
  selectedKey: string | null;
  onSelect(item: ShownFinding): void;
  onAccept(finding: Finding, note: string): Promise<void>;
  onReopen(key: string): Promise<void>;
}

/** Findings of one table (or of no table: captions, stray cells), under the table's title and range. */
export interface TableGroup {
  /** The table id, or '' for findings outside any table. */
  id: string;
  title: string;
  range: string;
  items: ShownFinding[];
}

export interface SheetGroup {
  sheet: string;
  tables: TableGroup[];
}
