/**
 * Patch cell writes into the original .xlsx package: only the worksheets written to, styles.xml (new number
 * formats), workbook.xml (recalculate on load) and the calculation chain (removed, with its relationship and
 * content type) change; every other part — charts, drawings, images, comments, pivot tables, other sheets — is
 * carried over byte for byte. What cannot be patched safely is refused with a PatchError.
 */
import JSZip from 'jszip';
import type { CellWrite, SheetGrid } from '../../engine';
import { PatchError } from './patch-error';
import { patchSheetXml } from './sheet-xml';
import { StylesEditor } from './styles-xml';
import { parseAttrs, setAttr } from './xml-text';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseDir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function relsPathOf(part: string): string {
  return `${dirOf(part) ? `${dirOf(part)}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  xml: string;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>(?:<\/Relationship>)?/g)].map((m) => {
    const a = parseAttrs(m[1]);
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', xml: m[0] };
  });
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async('string') : null;
}

export interface PatchOptions {
  /** The grids the writes were planned on (shared formulas come from them, already expanded). */
  sheets: readonly SheetGrid[];
}

export interface PatchResult {
  bytes: Uint8Array;
  /** Package parts that were rewritten or removed. */
  changedParts: string[];
  removedParts: string[];
}

/** Where each worksheet's part lives, by sheet name. */
export async function worksheetParts(zip: JSZip): Promise<{ workbookPath: string; sheets: Map<string, string> }> {
  const rootRels = await text(zip, '_rels/.rels');
  const officeDoc = rootRels ? relationships(rootRels).find((r) => REL_OFFICE_DOCUMENT.test(r.type)) : undefined;
  const workbookPath = officeDoc ? resolvePath('', officeDoc.target) : 'xl/workbook.xml';
  const workbook = await text(zip, workbookPath);
  const rels = await text(zip, relsPathOf(workbookPath));
  if (!workbook || !rels) throw new PatchError('not-a-workbook', 'the package has no workbook part');
  if (/<\w+:workbook\b/.test(workbook)) throw new PatchError('unsupported-xml', 'workbook.xml uses a namespace prefix fill does not edit');
  const byId = new Map(relationships(rels).map((r) => [r.id, r]));
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = parseAttrs(m[1]);
    const idKey = [...a.keys()].find((k) => /(^|:)id$/.test(k) && k !== 'sheetId');
    const rel = idKey ? byId.get(a.get(idKey)!) : undefined;
    const name = a.get('name');
    if (name !== undefined && rel) sheets.set(name, resolvePath(dirOf(workbookPath), rel.target));
  }
  return { workbookPath, sheets };
}

/** Elements that follow calcPr in CT_Workbook: a new calcPr goes before the first of them. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export function withFullCalcOnLoad(workbook: string): string {
  const existing = /<calcPr\b([^>]*?)(\/?)>/.exec(workbook);
  if (existing) return workbook.replace(existing[0], `<calcPr${setAttr(existing[1], 'fullCalcOnLoad', '1')}${existing[2]}>`);
  let at = -1;
  for (const name of AFTER_CALC_PR) {
    const i = workbook.search(new RegExp(`<${name}\\b`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = workbook.lastIndexOf('</workbook>');
  if (at < 0) throw new PatchError('unsupported-xml', 'workbook.xml has no end tag');
  return `${workbook.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${workbook.slice(at)}`;
}

/**
 * Several writes to one cell become one, as if applied in order: the last write's value and formula win, and a
 * write that leaves the format alone (fmt undefined) keeps a format an earlier write in the batch set.
 */
function foldWrites(writes: readonly CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) {
    const key = `${w.sheet}\u0000${w.row}\u0000${w.col}`;
    const earlier = byCell.get(key);
    byCell.set(key, earlier && w.fmt === undefined && earlier.fmt !== undefined ? { ...w, fmt: earlier.fmt } : w);
  }
  return [...byCell.values()];
}

/** Apply writes to the package (several writes to one cell fold into one, see foldWrites). */
export async function patchXlsxPackage(input: Uint8Array, writes: readonly CellWrite[], options: PatchOptions): Promise<PatchResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input);
  } catch {
    throw new PatchError('not-a-workbook', 'the file is not a zip package');
  }
  const changedParts: string[] = [];
  const removedParts: string[] = [];
  if (writes.length === 0) return { bytes: input, changedParts, removedParts };

  const { workbookPath, sheets } = await worksheetParts(zip);
  const stylesRel = relationships((await text(zip, relsPathOf(workbookPath)))!).find((r) => /\/styles$/.test(r.type));
  const stylesPath = stylesRel ? resolvePath(dirOf(workbookPath), stylesRel.target) : null;
  const stylesXml = stylesPath ? await text(zip, stylesPath) : null;
  const needsStyles = writes.some((w) => w.fmt !== undefined);
  if (needsStyles && !stylesXml) throw new PatchError('styles', 'the workbook has no styles part to add number formats to');
  const styles = stylesXml ? new StylesEditor(stylesXml) : null;

  const bySheet = new Map<string, CellWrite[]>();
  for (const w of foldWrites(writes)) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  for (const [name, list] of bySheet) {
    const path = sheets.get(name);
    const xml = path ? await text(zip, path) : null;
    if (!path || !xml) throw new PatchError('no-sheet', `the workbook has no worksheet named '${name}'`);
    const grid = options.sheets.find((s) => s.name === name);
    const patched = patchSheetXml(xml, list, {
      sheet: name,
      styleFor: (current, fmt) => (fmt === undefined || !styles ? current : styles.withFormat(current ?? 0, fmt)),
      expandedFormula: (row, col) => grid?.cells[row]?.[col]?.f,
    });
    zip.file(path, patched);
    changedParts.push(path);
  }
  if (styles && stylesPath && styles.changed) {
    zip.file(stylesPath, styles.toXml());
    changedParts.push(stylesPath);
  }

  // The calculation chain lists formula cells; fill adds and removes some, so drop it (Excel rebuilds it).
  const wbRelsPath = relsPathOf(workbookPath);
  const wbRels = (await text(zip, wbRelsPath))!;
  const chain = relationships(wbRels).find((r) => /\/calcChain$/.test(r.type));
  if (chain) {
    const chainPath = resolvePath(dirOf(workbookPath), chain.target);
    zip.remove(chainPath);
    removedParts.push(chainPath);
    zip.file(wbRelsPath, wbRels.replace(chain.xml, ''));
    changedParts.push(wbRelsPath);
    const types = await text(zip, '[Content_Types].xml');
    if (types) {
      const override = new RegExp(`<Override\\b[^>]*PartName="/${chainPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`);
      if (override.test(types)) {
        zip.file('[Content_Types].xml', types.replace(override, ''));
        changedParts.push('[Content_Types].xml');
      }
    }
  }

  // Formulas carry cached values, but Excel and LibreOffice should still recalculate when the file opens.
  const workbook = (await text(zip, workbookPath))!;
  zip.file(workbookPath, withFullCalcOnLoad(workbook));
  changedParts.push(workbookPath);

  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, changedParts, removedParts };
}
