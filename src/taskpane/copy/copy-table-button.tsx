import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { CellRange } from '../../engine/grid/types';
import type { TableLayout } from '../../engine/model/table';
import type { StructuredStrings } from '../strings/structured-strings';
import { useStructured } from '../structured/use-structured';
import { copyHtmlAndText, type CopyEnvironment } from './copy-to-clipboard';

export interface CopyTableButtonProps {
  /** What the button is for (a test hook: data-table). */
  tableId: string;
  sheet: string;
  range: CellRange;
  table?: TableLayout;
  strings: StructuredStrings;
  /** Where the outcome is said; the button says it beside itself when absent. */
  onResult?(message: string, ok: boolean): void;
  environment?: CopyEnvironment;
}

/** "Copy for report": the table as HTML (and TSV) on the clipboard, pasting as a real table into HWP or Word. */
export function CopyTableButton(props: CopyTableButtonProps) {
  const structured = useStructured();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; ok: boolean } | null>(null);
  if (!structured) return null;
  const { strings } = props;
  const copy = async () => {
    setBusy(true);
    let message: { text: string; ok: boolean };
    try {
      const content = await structured.tableForClipboard(props.sheet, props.range, props.table);
      if (!content) message = { text: strings.copyGone, ok: false };
      else {
        const outcome = await copyHtmlAndText(content.html, content.text, props.environment);
        message = outcome.ok ? { text: strings.copied, ok: true } : { text: strings.copyFailed, ok: false };
      }
    } catch {
      message = { text: strings.copyFailed, ok: false };
    }
    setBusy(false);
    if (props.onResult) props.onResult(message.text, message.ok);
    else setSaid(message);
  };
  return (
    <>
      <Button size="small" appearance="subtle" data-testid="copy-table" data-table={props.tableId} disabled={busy} onClick={() => void copy()}>
        {strings.copy}
      </Button>
      {said && (
        <span role="status" data-testid="copy-result" data-ok={said.ok}>
          {said.text}
        </span>
      )}
    </>
  );
}
