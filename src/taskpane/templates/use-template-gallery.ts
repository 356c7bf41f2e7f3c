import { useEffect, useState } from 'react';
import type { SpecKind } from '../../specs';
import { outcomeText } from '../structured/outcome-text';
import { useStructured } from '../structured/use-structured';
import type { TemplateGalleryActions, TemplateGalleryProps, TemplateGalleryState } from './template-gallery.types';

export function useTemplateGallery(props: TemplateGalleryProps): [TemplateGalleryState, TemplateGalleryActions] {
  const structured = useStructured();
  const year = props.thisYear ?? new Date().getFullYear();
  const [kinds, setKinds] = useState<TemplateGalleryState['kinds']>(null);
  const [kind, setKind] = useState<SpecKind>('budget-by-year');
  const [from, setFrom] = useState(String(year - 1));
  const [to, setTo] = useState(String(year + 2));
  const [team, setTeam] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TemplateGalleryState['message']>(null);

  const span = { from: Number(from), to: Number(to) };
  const spanOk = Number.isInteger(span.from) && Number.isInteger(span.to) && span.from <= span.to && span.to - span.from <= 30;
  // The span's figures are what matter, not the object.
  const { from: first, to: last } = span;
  useEffect(() => {
    if (!structured || !spanOk) return;
    let live = true;
    structured
      .gallery({ from: first, to: last })
      .then((k) => live && setKinds(k))
      .catch(() => live && setKinds([]));
    return () => {
      live = false;
    };
  }, [structured, spanOk, first, last]);

  const insert = async (where: 'selection' | 'team-sheet') => {
    if (!structured) return;
    setBusy(true);
    setMessage(null);
    const outcome = await structured.insertTemplate({ kind, years: span, team, title: title || undefined, where });
    setBusy(false);
    setMessage(outcomeText(outcome, props.strings.inserted, props.strings));
    props.onDone?.(outcome);
  };

  return [
    { kinds, kind, from, to, team, title, busy, message },
    { setKind, setFrom, setTo, setTeam, setTitle, insert },
  ];
}
