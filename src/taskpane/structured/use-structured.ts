import { usePaneServices } from '../services';
import { structuredServicesFor } from './structured-loaders';
import { useStructuredServices, type StructuredServices } from './structured-services';

/** The structured services a provider gives (tests), else the pane's own, built once per services object. */
export function useStructured(): StructuredServices | null {
  const given = useStructuredServices();
  const services = usePaneServices();
  return given ?? structuredServicesFor(services);
}
