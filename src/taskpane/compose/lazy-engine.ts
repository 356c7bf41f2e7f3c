import type { Finding, RuleId } from '../../engine';
import type { PaneServices } from '../services';
import type { Lang } from '../strings';
import type { EngineKit } from './engine-kit';

export type EngineServices = Pick<PaneServices, 'checkWorkbook' | 'formatFinding' | 'ruleTitle' | 'previewFill'> & {
  /** Start loading now (after the first render) so the first check does not wait for it. */
  preload(): void;
};

/**
 * The engine, messages and zod are most of the pane's code but none of its first render: they are fetched as
 * their own chunk once the pane is up. Messages are only asked for findings, which only exist once the engine
 * has loaded; the rule id stands in should that ever not hold.
 */
export function lazyEngine(load: () => Promise<EngineKit>): EngineServices {
  let kit: EngineKit | null = null;
  let pending: Promise<EngineKit> | null = null;
  const get = () => {
    pending ??= load().then(
      (loaded) => (kit = loaded),
      (error: unknown) => {
        pending = null; // let the next check try again (a flaky intranet server)
        throw error;
      },
    );
    return pending;
  };
  return {
    preload: () => void get().catch(() => undefined),
    checkWorkbook: async (sheets, options, scope) => (await get()).checkWorkbook(sheets, options, scope),
    previewFill: async (sheets, options, scope) => (await get()).previewFill(sheets, options, scope),
    formatFinding: (finding: Finding, lang: Lang) => kit?.formatFinding(finding, lang) ?? finding.rule,
    ruleTitle: (rule: RuleId, lang: Lang) => kit?.ruleTitle(rule, lang) ?? rule,
  };
}
