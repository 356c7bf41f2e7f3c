import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { rangeToA1 } from '../../engine/grid/a1';
import type { Table } from '../../engine/model/table';
import type { StructuredStrings } from '../strings/structured-strings';
import { outcomeText } from './outcome-text';
import type { StructuredOutcome } from './structured-services';
import { useStructured } from './use-structured';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The rows detection took for totals and the columns it took for parts, with their labels. */
export function adoptChoices(table: Table): { totalRows: { row: number; label: string }[]; partColumns: { col: number; label: string }[] } {
  const totalRows = new Set<number>();
  const partColumns = new Set<number>();
  for (const rel of table.relations) {
    if (rel.type !== 'sum') continue;
    if (rel.parts.every((p) => p.col === rel.total.col) && rel.total.col >= table.range.c0 + table.labelCols) totalRows.add(rel.total.row);
    if (rel.parts.every((p) => p.row === rel.total.row)) rel.parts.forEach((p) => partColumns.add(p.col));
  }
  const rowLabel = (row: number) => table.rows.find((r) => r.row === row)?.path.join(' ') || `${row + 1}`;
  const colLabel = (col: number) => table.columns.find((c) => c.col === col)?.path.filter(Boolean).join(' ') || rangeToA1({ r0: 0, c0: col, r1: 0, c1: col }).replace(/\d+/, '');
  return {
    totalRows: [...totalRows].sort((a, b) => a - b).map((row) => ({ row, label: rowLabel(row) })),
    partColumns: [...partColumns].sort((a, b) => a - b).map((col) => ({ col, label: colLabel(col) })),
  };
}

export interface AdoptFormProps {
  table: Table;
  strings: StructuredStrings;
  onDone(outcome: StructuredOutcome, message: { text: string; ok: boolean }): void;
  onCancel(): void;
}

/** "Adopt as structured" with corrections: untick a row that is not a total, a column that is not a part. */
export function AdoptForm({ table, strings, onDone, onCancel }: AdoptFormProps) {
  const structured = useStructured();
  const styles = useStyles();
  const choices = adoptChoices(table);
  const [notTotal, setNotTotal] = useState<Set<number>>(new Set());
  const [notPart, setNotPart] = useState<Set<number>>(new Set());
  const [unit, setUnit] = useState(table.unit ?? '');
  const [busy, setBusy] = useState(false);
  const toggle = (set: Set<number>, value: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.delete(value);
    else next.add(value);
    return next;
  };
  const confirm = async () => {
    if (!structured) return;
    setBusy(true);
    const outcome = await structured.adopt({ table, notTotalRows: [...notTotal], notPartColumns: [...notPart], unit: unit.trim() || undefined });
    setBusy(false);
    onDone(outcome, outcomeText(outcome, strings.adopted, strings));
  };
  return (
    <div className={styles.root} data-testid="adopt-form" role="group" aria-label={strings.adoptTitle}>
      <Text weight="semibold">{strings.adoptTitle}</Text>
      {choices.totalRows.map((r) => (
        <Checkbox key={`r${r.row}`} checked={!notTotal.has(r.row)} label={`${strings.isTotalRow}: ${r.label}`} onChange={(_, d) => setNotTotal((s) => toggle(s, r.row, d.checked === true))} />
      ))}
      {choices.partColumns.map((c) => (
        <Checkbox key={`c${c.col}`} checked={!notPart.has(c.col)} label={`${strings.isPartColumn}: ${c.label}`} onChange={(_, d) => setNotPart((s) => toggle(s, c.col, d.checked === true))} />
      ))}
      <Field label={strings.unit}>
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
          {strings.adoptConfirm}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {strings.cancel}
        </Button>
      </div>
    </div>
  );
}
