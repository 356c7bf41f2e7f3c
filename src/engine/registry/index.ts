/** The workbook's table registry: rows of the very-hidden sheet and RT_ defined names, and checking by spec. */
export {
  REGISTRY_SHEET,
  REGISTRY_ROW_TAG,
  NAME_PREFIX,
  registryEntrySchema,
  definedNameOf,
  idOfDefinedName,
  absoluteReference,
  parseReference,
  encodeRegistryRows,
  decodeRegistryRows,
  registryFromSheets,
  withDefinedNames,
  registrySheetWrites,
  newTableId,
  type RegistryEntry,
  type RegistryProblem,
  type RegistryRead,
} from './registry-rows';
export { checkRegistered, specDifference, locateSpec, type RegisteredCheck } from './check-registered';
export { adoptTable, type AdoptCorrections } from './adopt';
