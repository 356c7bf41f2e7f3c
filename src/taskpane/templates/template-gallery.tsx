import { Button, Field, Input, mergeClasses, Spinner, Text } from '@fluentui/react-components';
import { kindName } from '../strings/structured-strings';
import type { KindPreview } from '../structured/structured-kit';
import { useTemplateGalleryStyles } from './template-gallery.styles';
import type { TemplateGalleryProps } from './template-gallery.types';
import { useTemplateGallery } from './use-template-gallery';

/** A kind's header as a tiny table: merged cells drawn with their spans, as the template will merge them. */
function HeaderPreview({ preview, cellClass, tableClass }: { preview: KindPreview; cellClass: string; tableClass: string }) {
  const rows = Array.from({ length: preview.headerRows }, (_, r) => preview.headers.filter((h) => h.row === r).sort((a, b) => a.col - b.col));
  return (
    <table className={tableClass} data-testid="template-preview" aria-hidden="true">
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((h) => (
              <td key={h.col} rowSpan={h.rowSpan > 1 ? h.rowSpan : undefined} colSpan={h.colSpan > 1 ? h.colSpan : undefined} className={cellClass} title={h.text}>
                {h.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The templates gallery: pick a kind (its header previewed), a year span and a team; insert it, registered. */
export function TemplateGallery(props: TemplateGalleryProps) {
  const [state, actions] = useTemplateGallery(props);
  const styles = useTemplateGalleryStyles();
  const s = props.strings;
  return (
    <section className={styles.root} data-testid="template-gallery" aria-label={s.tabTemplates}>
      <div className={styles.fields}>
        <Field label={s.yearFrom}>
          <Input type="number" value={state.from} onChange={(_, d) => actions.setFrom(d.value)} />
        </Field>
        <Field label={s.yearTo}>
          <Input type="number" value={state.to} onChange={(_, d) => actions.setTo(d.value)} />
        </Field>
        <Field label={s.team}>
          <Input value={state.team} onChange={(_, d) => actions.setTeam(d.value)} />
        </Field>
        <Field label={s.tableTitle}>
          <Input value={state.title} onChange={(_, d) => actions.setTitle(d.value)} />
        </Field>
      </div>
      {state.kinds === null ? (
        <Spinner size="tiny" label={s.loading} />
      ) : (
        <div className={styles.kinds} role="radiogroup" aria-label={s.tabTemplates}>
          {state.kinds.map((k) => (
            <button
              key={k.kind}
              type="button"
              role="radio"
              aria-checked={state.kind === k.kind}
              data-kind={k.kind}
              className={mergeClasses(styles.card, state.kind === k.kind && styles.selected)}
              onClick={() => actions.setKind(k.kind)}
            >
              <Text size={200} weight="semibold">
                {kindName(k.kind, props.lang)}
              </Text>
              <HeaderPreview preview={k} cellClass={styles.previewCell} tableClass={styles.preview} />
              <Text size={100}>
                {k.kind} ({k.unit})
              </Text>
            </button>
          ))}
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.busy || state.kinds === null} onClick={() => void actions.insert('team-sheet')}>
          {s.insertOnTeamSheet}
        </Button>
        {props.mode === 'office' && (
          <Button disabled={state.busy || state.kinds === null} onClick={() => void actions.insert('selection')}>
            {s.insertAtSelection}
          </Button>
        )}
      </div>
      {state.message && (
        <Text role="status" data-testid="template-result" data-ok={state.message.ok} className={state.message.ok ? styles.ok : styles.bad}>
          {state.message.text}
        </Text>
      )}
    </section>
  );
}
