import type { Finding } from '../../engine';
import type { ShownFinding } from '../pane/pane.types';
import type { Lang, Strings } from '../strings';

export interface FindingCardProps {
  item: ShownFinding;
  strings: Strings;
  lang: Lang;
  selected: boolean;
  /** Office: go to the cell; standalone: highlight. */
  onSelect(item: ShownFinding): void;
  onAccept(finding: Finding, note: string): Promise<void>;
  onReopen(key: string): Promise<void>;
}

export interface FindingCardState {
  /** The accept form is open. */
  accepting: boolean;
  note: string;
  saving: boolean;
}
