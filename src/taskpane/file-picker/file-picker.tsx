import { Button, mergeClasses, Text } from '@fluentui/react-components';
import { useFilePickerStyles } from './file-picker.styles';
import type { FilePickerProps } from './file-picker.types';
import { useFilePicker } from './use-file-picker';

const XLSX_TYPES = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Standalone mode's way in: a file picker and a drop zone. The file is read in the page, never uploaded. */
export function FilePicker(props: FilePickerProps) {
  const { strings, disabled, currentName } = props;
  const { inputRef, dragging, choose, onInputChange, onDragOver, onDragLeave, onDrop } = useFilePicker(props);
  const styles = useFilePickerStyles();
  return (
    <div
      className={mergeClasses(styles.zone, currentName && styles.compact, dragging && styles.dragging)}
      data-testid="drop-zone"
      data-dragging={dragging || undefined}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {currentName && <Text className={styles.current}>{currentName}</Text>}
      {!currentName && <Text>{strings.dropHere}</Text>}
      <Button appearance={currentName ? 'secondary' : 'primary'} onClick={choose} disabled={disabled}>
        {strings.chooseFile}
      </Button>
      <input
        ref={inputRef}
        className={styles.input}
        type="file"
        accept={XLSX_TYPES}
        aria-label={strings.openFile}
        tabIndex={-1}
        disabled={disabled}
        onChange={onInputChange}
      />
      {!currentName && (
        <Text size={200} className={styles.privacy}>
          {strings.fileStaysHere}
        </Text>
      )}
    </div>
  );
}
