import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckScope, Finding, RoundingPolicy, SheetGrid } from '../../engine';
import { acceptanceFor, acceptanceKey, type AcceptanceMap, type AcceptanceStore } from '../acceptance';
import { readFileBytes } from '../file-picker/read-file-bytes';
import { classifyExcelError, classifyFileError, errorMessage } from '../errors';
import { usePaneServices } from '../services';
import { stringsFor } from '../strings';
import type { OpenedFile } from '../fill/use-fill';
import type { CheckSource, PaneActions, PaneCounts, PanePhase, PaneProps, PaneState, ShownFinding } from './pane.types';

/** Lets the browser paint the progress state before synchronous work (the engine) takes the thread. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface LastRun {
  sheets: SheetGrid[];
  scope?: CheckScope;
  source: CheckSource;
}

/** The pane's state machine: idle → busy (reading, checking) → done | error, plus acceptances and selection. */
export function usePane(props: PaneProps): [PaneState, PaneActions] {
  const services = usePaneServices();
  const mode = services.host.mode;
  const lang = props.lang ?? services.host.lang;
  const strings = stringsFor(lang);

  const [phase, setPhase] = useState<PanePhase>({ kind: 'idle' });
  const [rounding, setRoundingState] = useState<RoundingPolicy>(
    () => services.preferences?.loadRounding() ?? 'half-up',
  );
  const [acceptances, setAcceptances] = useState<AcceptanceMap>({});
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [openedFile, setOpenedFile] = useState<OpenedFile | null>(null);

  const lastRun = useRef<LastRun | null>(null);
  const store = useRef<AcceptanceStore | null>(services.office?.acceptances ?? null);
  // Each run gets a number; a slow run finishing after a newer one started must not overwrite it.
  const runId = useRef(0);

  useEffect(() => {
    const office = services.office;
    if (!office) return;
    let live = true;
    office.acceptances
      .load()
      .then((map) => live && setAcceptances(map))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [services.office]);

  const runCheck = useCallback(
    async (run: LastRun, policy: RoundingPolicy, id: number) => {
      setPhase({ kind: 'busy', step: 'checking', source: run.source });
      await nextPaint();
      if (id !== runId.current) return;
      const result = await services.checkWorkbook(run.sheets, { rounding: policy }, run.scope);
      if (id !== runId.current) return;
      lastRun.current = run;
      setSelectedKey(null);
      setPhase({ kind: 'done', source: run.source, result });
    },
    [services],
  );

  const checkOffice = useCallback(
    async (withSelection: boolean) => {
      const office = services.office;
      if (!office) return;
      const id = ++runId.current;
      let source: CheckSource = { kind: 'workbook' };
      setNotice(null);
      setPhase({ kind: 'busy', step: 'reading', source });
      try {
        let scope: CheckScope | undefined;
        if (withSelection) {
          const selection = await office.port.getSelection();
          if (selection) {
            scope = { sheet: selection.sheet, range: selection.range };
            source = { kind: 'selection', sheet: selection.sheet, range: selection.range };
            setPhase({ kind: 'busy', step: 'reading', source });
          }
        }
        const [sheets, map] = await Promise.all([office.port.readSheets(), office.acceptances.load().catch(() => null)]);
        if (id !== runId.current) return;
        if (map) setAcceptances(map);
        await runCheck({ sheets, scope, source }, rounding, id);
      } catch (e) {
        if (id === runId.current) setPhase({ kind: 'error', source, error: classifyExcelError(e) });
      }
    },
    [services, rounding, runCheck],
  );

  const openFile = useCallback(
    async (file: File) => {
      const standalone = services.standalone;
      if (!standalone) return;
      const id = ++runId.current;
      const source: CheckSource = { kind: 'file', name: file.name };
      setNotice(null);
      setPhase({ kind: 'busy', step: 'reading', source });
      let sheets: SheetGrid[];
      try {
        const data = await readFileBytes(file);
        sheets = await standalone.readWorkbook(data, file.name);
        if (id === runId.current) setOpenedFile({ name: file.name, data, sheets });
      } catch (e) {
        if (id === runId.current) setPhase({ kind: 'error', source, error: classifyFileError(e) });
        return;
      }
      if (id !== runId.current) return;
      const fileStore = standalone.acceptancesFor(file.name);
      store.current = fileStore;
      setAcceptances(await fileStore.load().catch(() => ({})));
      try {
        await runCheck({ sheets, source }, rounding, id);
      } catch (e) {
        if (id === runId.current) setPhase({ kind: 'error', source, error: { kind: 'unknown', detail: String(e) } });
      }
    },
    [services, rounding, runCheck],
  );

  const setRounding = useCallback(
    (policy: RoundingPolicy) => {
      setRoundingState(policy);
      services.preferences?.saveRounding(policy);
      // The grids are still in hand: re-check under the new policy without reading the workbook again.
      const run = lastRun.current;
      if (run) {
        const id = ++runId.current;
        runCheck(run, policy, id).catch((e) =>
          setPhase({ kind: 'error', source: run.source, error: { kind: 'unknown', detail: String(e) } }),
        );
      }
    },
    [services, runCheck],
  );

  const persist = useCallback(
    async (next: AcceptanceMap, previous: AcceptanceMap) => {
      setAcceptances(next);
      try {
        await store.current?.save(next);
      } catch {
        setAcceptances(previous);
        setNotice(strings.acceptSaveFailed);
      }
    },
    [strings],
  );

  const accept = useCallback(
    async (finding: Finding, note: string) => {
      const key = acceptanceKey(finding);
      await persist({ ...acceptances, [key]: acceptanceFor(finding, note) }, acceptances);
    },
    [acceptances, persist],
  );

  const reopen = useCallback(
    async (key: string) => {
      const next = { ...acceptances };
      delete next[key];
      await persist(next, acceptances);
    },
    [acceptances, persist],
  );

  const selectFinding = useCallback(
    (shown: ShownFinding) => {
      setSelectedKey(shown.key);
      const office = services.office;
      if (!office) return; // Standalone: highlighting is all there is; no workbook to move in.
      office.selectCell(shown.finding.sheet, shown.finding.cell).catch((e) => {
        const error = classifyExcelError(e);
        setNotice(error.kind === 'unknown' && !error.message ? strings.errorNavigate : errorMessage(error, strings, lang));
      });
    },
    [services, strings, lang],
  );

  const { open, accepted, counts } = useMemo(() => {
    if (phase.kind !== 'done') return { open: [], accepted: [], counts: null };
    const open: ShownFinding[] = [];
    const accepted: ShownFinding[] = [];
    for (const finding of phase.result.findings) {
      const key = acceptanceKey(finding);
      const shown: ShownFinding = {
        key,
        finding,
        message: services.formatFinding(finding, lang),
        ruleTitle: services.ruleTitle?.(finding.rule, lang) ?? finding.rule,
        acceptance: acceptances[key],
      };
      (shown.acceptance ? accepted : open).push(shown);
    }
    const counts: PaneCounts = {
      tables: phase.result.tables.length,
      errors: open.filter((s) => s.finding.severity === 'error').length,
      warnings: open.filter((s) => s.finding.severity === 'warning').length,
      infos: open.filter((s) => s.finding.severity === 'info').length,
      accepted: accepted.length,
    };
    return { open, accepted, counts };
  }, [phase, acceptances, services, lang]);

  const state: PaneState = {
    mode,
    lang,
    strings,
    phase,
    rounding,
    open,
    accepted,
    counts,
    acceptances,
    selectedKey,
    notice,
    openedFile,
  };
  const actions: PaneActions = {
    checkWorkbook: () => checkOffice(false),
    checkSelection: () => checkOffice(true),
    openFile,
    setRounding,
    accept,
    reopen,
    selectFinding,
    dismissNotice: () => setNotice(null),
  };
  return [state, actions];
}
