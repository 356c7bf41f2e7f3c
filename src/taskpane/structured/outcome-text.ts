import { specProblemsMessage } from '../../messages/spec-problem-messages';
import { structuredLang, type StructuredStrings } from '../strings/structured-strings';
import type { StructuredOutcome } from './structured-services';

/** What to tell the user after a structured change: done (where), or why not, in the pane's language. */
export function outcomeText(outcome: StructuredOutcome, done: string, s: StructuredStrings): { text: string; ok: boolean } {
  if (outcome.ok) {
    const where = outcome.tables.map((t) => `${t.sheet}!${t.range}`).join(', ');
    return { text: where ? `${done}: ${where}` : done, ok: true };
  }
  // Problems come as data (code, path, params) and are said in the pane's language; `detail` is a place or a cause.
  const said = outcome.problems?.length ? specProblemsMessage(outcome.problems, structuredLang(s)) : outcome.detail;
  const detail = said ? ` (${said})` : '';
  switch (outcome.reason) {
    case 'occupied':
      return { text: `${s.refusedOccupied}${detail}`, ok: false };
    case 'bad-span':
      return { text: s.refusedBadSpan, ok: false };
    case 'no-team':
      return { text: s.refusedNoTeam, ok: false };
    case 'no-selection':
      return { text: s.refusedNoSelection, ok: false };
    case 'not-adoptable':
      return { text: `${s.refusedNotAdoptable}${detail}`, ok: false };
    case 'no-tables':
      return { text: s.refusedNoTables, ok: false };
    case 'no-budget-tables':
      return { text: s.refusedNoBudget, ok: false };
    default:
      return { text: `${s.failed}${detail}`, ok: false };
  }
}
