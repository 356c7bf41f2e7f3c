import type { Strings } from '../strings';

export interface FilePickerProps {
  strings: Strings;
  disabled?: boolean;
  onFile(file: File): void;
  /** Name of the file last opened, shown so the reviewer knows what the findings are about. */
  currentName?: string;
}
