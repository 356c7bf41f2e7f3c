import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { rangeToA1 } from '../../engine/grid/a1';
import type { Table } from '../../engine/model/table';
import { PasteBox } from '../paste/paste-box';
import type { Lang } from '../strings';
import { structuredStringsFor, tableHeading } from '../strings/structured-strings';
import { TemplateGallery } from '../templates';
import { AdoptForm } from './adopt-form';
import { outcomeText } from './outcome-text';
import { StructuredList } from './structured-list';
import type { StructuredOutcome } from './structured-services';
import { useStructured } from './use-structured';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  detected: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type TabId = 'templates' | 'tables' | 'paste' | 'summary';

export interface StructuredPanelProps {
  lang: Lang;
  /** Tables the last check found: offered for adopting when not registered yet. */
  tables?: Table[];
  /** Standalone: the file the pane opened (changes go into it). */
  openedFile?: { name: string; data: ArrayBuffer } | null;
  /** After a change: Excel checks again; standalone gets the changed file (to check it and offer it). */
  onChanged?(file: File | null): void;
}

/** Templates, structured tables (list, adopt, copy), the paste box and the bureau summary, under one heading. */
export function StructuredPanel(props: StructuredPanelProps) {
  const structured = useStructured();
  const styles = useStyles();
  const s = structuredStringsFor(props.lang);
  const [tab, setTab] = useState<TabId>('templates');
  const [version, setVersion] = useState(0);
  const [registered, setRegistered] = useState<Set<string>>(new Set());
  const [adopting, setAdopting] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);

  useEffect(() => {
    structured?.rememberFile?.(props.openedFile ?? null);
  }, [structured, props.openedFile]);
  useEffect(() => {
    if (!structured || tab !== 'tables') return;
    let live = true;
    structured
      .listTables()
      .then((entries) => live && setRegistered(new Set(entries.map((e) => `${e.sheet}!${rangeToA1(e.range)}`))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [structured, tab, version]);
  useEffect(() => () => void (download && URL.revokeObjectURL?.(download.url)), [download]);
  if (!structured) return null;

  const changed = (outcome: StructuredOutcome) => {
    if (!outcome.ok) return;
    setVersion((v) => v + 1);
    const file = outcome.file ?? null;
    if (file && typeof URL.createObjectURL === 'function') setDownload({ url: URL.createObjectURL(file), name: file.name });
    props.onChanged?.(file);
  };
  const say = (text: string, ok: boolean) => setMessage({ text, ok });
  const detected = (props.tables ?? []).filter((t) => t.kind !== 'text' && !registered.has(`${t.sheet}!${rangeToA1(t.range)}`));

  const buildSummary = async () => {
    setMessage(null);
    const outcome = await structured.buildSummary();
    const said = outcomeText(outcome, s.summaryDone, s);
    say(outcome.ok && outcome.chart ? `${said.text} · ${s.summaryChart}` : said.text, said.ok);
    changed(outcome);
  };

  return (
    <section className={styles.root} data-testid="structured-panel" aria-label={s.sectionTitle}>
      <h2 className={styles.title}>{s.sectionTitle}</h2>
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="templates">{s.tabTemplates}</Tab>
        <Tab value="tables">{s.tabTables}</Tab>
        <Tab value="paste">{s.tabPaste}</Tab>
        <Tab value="summary">{s.tabSummary}</Tab>
      </TabList>

      {tab === 'templates' && <TemplateGallery strings={s} lang={props.lang} mode={structured.mode} onDone={changed} />}
      {tab === 'tables' && (
        <>
          <StructuredList strings={s} lang={props.lang} version={version} onCopied={say} />
          {detected.length > 0 && (
            <section className={styles.detected} aria-label={s.detected} data-testid="detected-tables">
              <Text weight="semibold">{s.detected}</Text>
              {detected.map((t) => (
                <div key={t.id} data-testid="detected-table" data-table={t.id}>
                  <div className={styles.row}>
                    <Text>{tableHeading(t.title, t.kind, props.lang)}</Text>
                    <Text size={200}>{`${t.sheet}!${rangeToA1(t.range)}`}</Text>
                    <Button size="small" onClick={() => setAdopting(adopting === t.id ? null : t.id)}>
                      {s.adopt}
                    </Button>
                  </div>
                  {adopting === t.id && (
                    <AdoptForm
                      table={t}
                      strings={s}
                      onCancel={() => setAdopting(null)}
                      onDone={(outcome, said) => {
                        say(said.text, said.ok);
                        if (outcome.ok) setAdopting(null);
                        changed(outcome);
                      }}
                    />
                  )}
                </div>
              ))}
            </section>
          )}
        </>
      )}
      {tab === 'paste' && <PasteBox strings={s} onDone={changed} />}
      {tab === 'summary' && (
        <div className={styles.detected}>
          <Text size={200}>{s.summaryBody}</Text>
          <div>
            <Button data-testid="build-summary" onClick={() => void buildSummary()}>
              {s.summaryBuild}
            </Button>
          </div>
        </div>
      )}

      {message && (
        <Text role="status" data-testid="structured-result" data-ok={message.ok} className={message.ok ? styles.ok : styles.bad}>
          {message.text}
        </Text>
      )}
      {download && (
        <a href={download.url} download={download.name} data-testid="structured-download">
          {s.download} ({download.name})
        </a>
      )}
    </section>
  );
}
