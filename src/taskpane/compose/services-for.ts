import { checkWorkbook } from '../../engine';
import { formatFinding, ruleTitle } from '../../messages';
import type { HostInfo } from '../boot';
import { browserPreferences, type PaneServices } from '../services';
import { officeServices } from './office-services';
import { localStorageOrNull, standaloneServices } from './standalone-services';

/** The real services for a host: the engine and messages always; Excel's adapter or the file reader. */
export function servicesFor(host: HostInfo): PaneServices {
  const common = { host, checkWorkbook, formatFinding, ruleTitle };
  if (host.mode === 'office') return { ...common, ...officeServices() };
  return { ...common, standalone: standaloneServices(), preferences: browserPreferences(localStorageOrNull()) };
}
