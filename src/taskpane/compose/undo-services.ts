import type { ExcelUndoLog } from '../../excel/undo-log';
import type { UndoServices } from '../services';

/**
 * "Undo last change" over the workbook's own log (src/excel/undo-log.ts): fills and structural changes go
 * through it, and everyone subscribed (the Undo button) hears of each logged write or undo, whichever panel made it.
 */
export function undoServicesOver(log: ExcelUndoLog): UndoServices {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  return {
    peek: async () => {
      const summary = await log.peek();
      return { count: summary.count, label: summary.last?.label ?? null };
    },
    apply: async (writes, label, plannedOn) => {
      await log.applyWithUndo(writes, label, { plannedOn });
      changed();
    },
    applyChange: async (change, label) => {
      try {
        await log.applyChange(change, label);
      } finally {
        // Even a change Excel stopped part-way leaves an entry to undo.
        changed();
      }
    },
    undoLast: async () => {
      try {
        const { keptSheets } = await log.undoLast();
        return { keptSheets };
      } finally {
        changed();
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
