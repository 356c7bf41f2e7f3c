import { checkWorkbook } from '../../engine';
import { formatFinding, ruleTitle } from '../../messages';
import { previewFill } from '../fill/fill-preview';

/** The engine and its messages: loaded as one chunk after the pane's first render (see lazy-engine.ts). */
export const engineKit = { checkWorkbook, formatFinding, ruleTitle, previewFill };
export type EngineKit = typeof engineKit;
