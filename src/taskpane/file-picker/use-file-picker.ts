import { useCallback, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { FilePickerProps } from './file-picker.types';

/** File input and drop zone: both end in `onFile`; dragging over the zone is shown. */
export function useFilePicker({ onFile, disabled }: FilePickerProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const choose = useCallback(() => inputRef.current?.click(), []);

  const onInputChange = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const file = e.target.files?.[0];
      // Clear the input so choosing the same file again (after fixing it in Excel) fires a change again.
      e.target.value = '';
      if (file) onFile(file);
    },
    [onFile],
  );

  const onDragOver = useCallback(
    (e: DragEvent<HTMLElement>) => {
      if (disabled || !Array.from(e.dataTransfer.types).includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    [disabled],
  );

  const onDragLeave = useCallback(() => setDragging(false), []);

  const onDrop = useCallback(
    (e: DragEvent<HTMLElement>) => {
      e.preventDefault();
      setDragging(false);
      if (disabled) return;
      const file = e.dataTransfer.files?.[0];
      if (file) onFile(file);
    },
    [disabled, onFile],
  );

  return { inputRef, dragging, choose, onInputChange, onDragOver, onDragLeave, onDrop };
}
