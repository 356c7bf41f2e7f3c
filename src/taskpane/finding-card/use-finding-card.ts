import { useCallback, useState } from 'react';
import type { FindingCardProps, FindingCardState } from './finding-card.types';

/** Holds the inline accept form: open/closed, the note being typed, and whether it is being saved. */
export function useFindingCard({ item, onAccept, onReopen }: FindingCardProps) {
  const [state, setState] = useState<FindingCardState>({ accepting: false, note: '', saving: false });

  const startAccept = useCallback(() => setState((s) => ({ ...s, accepting: true })), []);
  const cancelAccept = useCallback(() => setState({ accepting: false, note: '', saving: false }), []);
  const setNote = useCallback((note: string) => setState((s) => ({ ...s, note })), []);

  const confirmAccept = useCallback(async () => {
    setState((s) => ({ ...s, saving: true }));
    try {
      await onAccept(item.finding, state.note);
    } finally {
      setState({ accepting: false, note: '', saving: false });
    }
  }, [item, onAccept, state.note]);

  const reopen = useCallback(() => onReopen(item.key), [item, onReopen]);

  return { state, startAccept, cancelAccept, setNote, confirmAccept, reopen };
}
