import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { fill, type StructuredStrings } from '../strings/structured-strings';
import type { ReportPreview } from '../structured/structured-kit';
import { outcomeText } from '../structured/outcome-text';
import type { StructuredOutcome } from '../structured/structured-services';
import { useStructured } from '../structured/use-structured';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface PasteBoxProps {
  strings: StructuredStrings;
  onDone?(outcome: StructuredOutcome): void;
}

/** Paste the report's text: preview (how many tables, which sheets), then write them in, one sheet per department. */
export function PasteBox({ strings, onDone }: PasteBoxProps) {
  const structured = useStructured();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  if (!structured) return null;
  const showPreview = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const p = await structured.previewReport(text);
      setPreview(p);
      if (p.tables === 0) setMessage({ text: strings.refusedNoTables, ok: false });
    } catch {
      setMessage({ text: strings.failed, ok: false });
    }
    setBusy(false);
  };
  const put = async () => {
    setBusy(true);
    // The preview counted every table the text holds (the button needs one for this very text); the outcome lists
    // those registered — text tables (duties, project lists) are written but never registered.
    const written = preview?.tables ?? 0;
    const outcome = await structured.importReport(text);
    setBusy(false);
    const said = outcomeText(outcome, strings.imported, strings);
    setMessage(outcome.ok ? { text: fill(strings.importedCounts, { written: Math.max(written, outcome.tables.length), registered: outcome.tables.length }), ok: true } : said);
    if (outcome.ok) setPreview(null);
    onDone?.(outcome);
  };
  return (
    <section className={styles.root} aria-label={strings.tabPaste}>
      <Field label={strings.pasteLabel}>
        <Textarea
          data-testid="paste-box"
          resize="vertical"
          rows={8}
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setPreview(null);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button disabled={busy || text.trim() === ''} onClick={() => void showPreview()}>
          {strings.pastePreview}
        </Button>
        <Button appearance="primary" disabled={busy || !preview || preview.tables === 0} onClick={() => void put()}>
          {strings.pasteImport}
        </Button>
      </div>
      {preview && preview.tables > 0 && (
        <Text data-testid="paste-preview" data-tables={preview.tables}>
          {fill(strings.pastePreviewResult, { tables: preview.tables, sheets: preview.sheets.map((s) => `${s.name} (${s.tables})`).join(', ') })}
        </Text>
      )}
      {message && (
        <Text role="status" data-testid="paste-result" data-ok={message.ok} className={message.ok ? styles.ok : styles.bad}>
          {message.text}
        </Text>
      )}
    </section>
  );
}
