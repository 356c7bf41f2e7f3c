import type { PaneServices } from '../services';
import { officeTarget } from './office-target';
import { standaloneTarget } from './standalone-target';
import type { StructuredKit } from './structured-kit';
import { structuredServices, type StructuredServices } from './structured-services';

type KitChunk = typeof import('./structured-kit');
type XlsxChunk = typeof import('../../xlsx/xlsx-workbook');

/** The kit (specs, zod, templates, export, import) as its own chunk: the pane's start-up never pays for it. */
export const loadStructuredKit = async (): Promise<StructuredKit> => {
  const chunk: KitChunk = await import(
    /* webpackChunkName: "structured" */
    // @ts-expect-error -- tsconfig's nodenext wants '.js' on an import(); webpack resolves the .ts itself.
    './structured-kit'
  );
  return chunk.structuredKit;
};

/** exceljs, the same chunk the standalone reader uses. */
const loadXlsx = (): Promise<XlsxChunk> =>
  import(
    /* webpackChunkName: "xlsx" */
    // @ts-expect-error -- as above
    '../../xlsx/xlsx-workbook'
  ) as Promise<XlsxChunk>;

const built = new WeakMap<PaneServices, StructuredServices>();

/**
 * The structured services for the pane's services, one per services object (the file picker remembers the
 * opened file in the same instance the panel writes through).
 */
export function structuredServicesFor(services: PaneServices): StructuredServices {
  const known = built.get(services);
  if (known) return known;
  let made: StructuredServices;
  if (services.office) {
    made = structuredServices('office', officeTarget(services.office), loadStructuredKit);
  } else {
    const target = standaloneTarget(loadXlsx);
    made = { ...structuredServices('standalone', target, loadStructuredKit), rememberFile: (file) => target.remember(file) };
  }
  built.set(services, made);
  return made;
}
