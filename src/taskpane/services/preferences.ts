import type { RoundingPolicy } from '../../engine';
import { asRoundingPolicy } from '../settings/rounding-policy';
import type { DocumentSettingsLike, StorageLike } from '../acceptance';
import type { PreferenceStore } from './pane-services';

const ROUNDING_SETTING = 'reportTables.rounding';

function parseRounding(raw: unknown): RoundingPolicy | null {
  return asRoundingPolicy(raw);
}

/** Excel: the policy is a property of the workbook (a team's report rounds one way), saved with it. */
export function documentPreferences(settings: DocumentSettingsLike): PreferenceStore {
  return {
    loadRounding: () => parseRounding(settings.get(ROUNDING_SETTING)),
    saveRounding: (policy) => {
      settings.set(ROUNDING_SETTING, policy);
      // Best effort: a failed save only means the choice is asked again next time.
      settings.saveAsync(() => undefined);
    },
  };
}

/** Standalone: remembered by the browser. */
export function browserPreferences(storage: StorageLike | null | undefined): PreferenceStore {
  return {
    loadRounding: () => {
      try {
        return parseRounding(storage?.getItem(ROUNDING_SETTING));
      } catch {
        return null;
      }
    },
    saveRounding: (policy) => {
      try {
        storage?.setItem(ROUNDING_SETTING, policy);
      } catch {
        // Storage blocked: the choice lasts for this session only.
      }
    },
  };
}
