/** Patching writes into an .xlsx package in place, keeping every part fill does not change. */
export { patchXlsxPackage, worksheetParts, withFullCalcOnLoad, type PatchOptions, type PatchResult } from './patch-package';
export { patchSheetXml, cellXml, type SheetPatchContext } from './sheet-xml';
export { StylesEditor } from './styles-xml';
export { verifyPatched } from './verify';
export { PatchError, isPatchError, type PatchProblemCode } from './patch-error';
