import type { RoundingPolicy } from '../../engine';

/**
 * The rounding policies the engine accepts (roundingPolicySchema in src/engine/model/options.ts). Checked here
 * without zod so that the pane's start-up chunk does not carry the engine's dependencies.
 */
export const ROUNDING_POLICIES: readonly RoundingPolicy[] = ['half-up', 'truncate'];

export function asRoundingPolicy(value: unknown): RoundingPolicy | null {
  return ROUNDING_POLICIES.find((p) => p === value) ?? null;
}
