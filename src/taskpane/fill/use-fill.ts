import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckScope, RoundingPolicy, SheetGrid } from '../../engine';
import { classifyExcelError, classifyFileError, type PaneError } from '../errors';
import { usePaneServices } from '../services';
import { stringsFor, type Strings } from '../strings';
import type { FillActions, FillPhase, FillScope, FillState } from './fill.types';

/** Lets the browser paint the progress state before synchronous work (the engine) takes the thread. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The file opened in standalone mode: its bytes (the download patches them) and its grids. */
export interface OpenedFile {
  name: string;
  data: ArrayBuffer;
  sheets: SheetGrid[];
}

export interface UseFillOptions {
  strings: Strings;
  rounding: RoundingPolicy;
  openedFile: OpenedFile | null;
  /** Called after the workbook changed (fill applied, change undone) so the findings can be checked again. */
  onWorkbookChanged?: () => void;
}

/** `기획예산과.xlsx` → `기획예산과-채움.xlsx` (the suffix in the pane's language). */
export function filledFileName(name: string, suffix: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}-${suffix}.xlsx`;
}

function asPaneError(e: unknown, office: boolean): PaneError {
  return office ? classifyExcelError(e) : classifyFileError(e);
}

/**
 * Fill: preview (what will be written, what will be left alone because it disagrees), an explicit choice to
 * overwrite the disagreeing constants (off for every new preview), apply, and "Undo last change" (Excel only; the
 * log is in the workbook, so the button is right after the pane is reopened too).
 */
export function useFill(options: UseFillOptions): [FillState, FillActions] {
  const services = usePaneServices();
  const office = services.office;
  const { strings, rounding, openedFile, onWorkbookChanged } = options;
  const [phase, setPhase] = useState<FillPhase>({ kind: 'none' });
  const [canUndo, setCanUndo] = useState(false);
  const downloadUrl = useRef<string | null>(null);

  const refreshUndo = useCallback(async () => {
    if (!office?.undo) return;
    try {
      setCanUndo((await office.undo.peek()).count > 0);
    } catch {
      // Excel busy or in edit mode: keep what we knew; the next change asks again.
    }
  }, [office]);

  useEffect(() => {
    void refreshUndo();
    // Templates, imports, adopts and the summary write through the same log from another panel: refresh on them too.
    return office?.undo?.subscribe?.(() => void refreshUndo());
  }, [office, refreshUndo]);

  useEffect(
    () => () => {
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    },
    [],
  );

  const preview = useCallback(
    async (scope: FillScope) => {
      if (!services.previewFill) return;
      setPhase({ kind: 'busy', step: 'planning' });
      try {
        let sheets: SheetGrid[];
        let checkScope: CheckScope | undefined;
        if (office) {
          if (scope === 'table') {
            const selection = await office.port.getSelection();
            if (!selection) {
              setPhase({ kind: 'error', error: { kind: 'unknown', message: { ko: stringsFor('ko').fillNoSelection, en: stringsFor('en').fillNoSelection } } });
              return;
            }
            checkScope = { sheet: selection.sheet, range: selection.range };
          }
          sheets = await office.port.readSheets();
        } else {
          if (!openedFile) return;
          sheets = openedFile.sheets;
        }
        await nextPaint();
        const result = await services.previewFill(sheets, { rounding }, checkScope);
        if (result.writes.length === 0 && result.conflicts.length === 0) setPhase({ kind: 'empty', scope });
        else setPhase({ kind: 'preview', scope, preview: result, overwrite: false });
      } catch (e) {
        setPhase({ kind: 'error', error: asPaneError(e, Boolean(office)) });
      }
    },
    [services, office, openedFile, rounding],
  );

  const setOverwrite = useCallback((overwrite: boolean) => {
    setPhase((p) => (p.kind === 'preview' ? { ...p, overwrite } : p));
  }, []);

  const apply = useCallback(async () => {
    if (phase.kind !== 'preview') return;
    const { preview: plan, overwrite } = phase;
    // Only the explicit choice lets a disagreeing typed constant be replaced.
    const writes = overwrite ? plan.overwriteWrites : plan.writes;
    setPhase({ kind: 'busy', step: 'applying' });
    try {
      if (office) {
        if (!office.undo) throw new Error('no undo log: the pane never writes without one');
        await office.undo.apply(writes, 'fill', plan.plannedOn);
        setPhase({ kind: 'done', written: writes.length });
        await refreshUndo();
        onWorkbookChanged?.();
        return;
      }
      const fillFile = services.standalone?.fillFile;
      if (!openedFile || !fillFile) return;
      const bytes = await fillFile(openedFile.data, openedFile.sheets, writes);
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
      const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      downloadUrl.current = URL.createObjectURL(blob);
      setPhase({ kind: 'done', written: writes.length, download: { name: filledFileName(openedFile.name, strings.filledSuffix), url: downloadUrl.current } });
    } catch (e) {
      setPhase({ kind: 'error', error: asPaneError(e, Boolean(office)) });
    }
  }, [phase, office, services, openedFile, strings, refreshUndo, onWorkbookChanged]);

  const undo = useCallback(async () => {
    if (!office?.undo) return;
    setPhase({ kind: 'busy', step: 'undoing' });
    try {
      const result = await office.undo.undoLast();
      setPhase({ kind: 'undone', keptSheets: result?.keptSheets ?? [] });
      await refreshUndo();
      onWorkbookChanged?.();
    } catch (e) {
      setPhase({ kind: 'error', error: classifyExcelError(e) });
      await refreshUndo();
    }
  }, [office, refreshUndo, onWorkbookChanged]);

  const state: FillState = { phase, canUndo };
  const actions: FillActions = {
    previewWorkbook: () => preview('workbook'),
    previewTable: () => preview('table'),
    setOverwrite,
    apply,
    cancel: () => setPhase({ kind: 'none' }),
    undo,
  };
  return [state, actions];
}
