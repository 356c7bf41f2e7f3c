/** Undo: snapshots of the cells a write changes, the writes that restore them, and the log kept in the workbook. */
export { snapshotCells, undoWrites, applyCellWrites, type SnapshotMeta } from './snapshot';
export {
  undoCellSchema,
  undoEntrySchema,
  undoLogSchema,
  emptyUndoLog,
  pushUndo,
  popUndo,
  chunkText,
  undoLogToRows,
  undoLogFromRows,
  MAX_CELL_CHARS,
  UNDO_ROW_TAG,
  DEFAULT_MAX_ENTRIES,
  type UndoCell,
  type UndoEntry,
  type UndoLog,
  type UndoRowsResult,
} from './undo-log';
export {
  undoStructureSchema,
  emptyStructure,
  contentFingerprint,
  writtenContent,
  blockContent,
  registryAfterChange,
  planStructureUndo,
  type UndoStructure,
  type TypedContent,
  type UndoObservation,
  type StructureUndoPlan,
} from './structure';
export {
  readLogSheet,
  appendEntryWrites,
  clearEntryWrites,
  hiddenSheetGrid,
  lastRowOf,
  emptyAfter,
  UNDO_COLUMNS,
  UNDO_CHUNK_CHARS,
  type LogSheet,
} from './log-sheet';
