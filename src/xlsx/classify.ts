/**
 * Precise reasons for a workbook that cannot be read. Works on bytes and the file name only (browser-safe).
 */
import JSZip from 'jszip';
import { readProblemMessage } from '../messages/read-problem-messages';
import type { ReadProblem, ReadProblemCode } from './read-problem';
import { sniff } from './sniff';

export function makeProblem(file: string, code: ReadProblemCode, detail?: string): ReadProblem {
  const problem: ReadProblem = { file, code, message: readProblemMessage({ file, code, detail }, 'en') };
  if (detail !== undefined) problem.detail = detail;
  return problem;
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

const ENCRYPTED_STREAMS = ['EncryptionInfo', 'EncryptedPackage'];
const LEGACY_WORKBOOK_STREAMS = ['Workbook', 'Book'];
/** HWP 5 documents and Hancell files are OLE files whose header stream is called FileHeader. */
const HANCOM_STREAMS = ['FileHeader', 'HwpSummaryInformation', 'HCellSummaryInformation'];
const HANCOM_EXTENSIONS = ['cell', 'hcdt', 'hwp', 'hwpx', 'nxl'];

/** A reason known from the first bytes alone, or null when the file looks like a zip worth handing to exceljs. */
export function classifyBeforeLoad(file: string, data: Uint8Array): ReadProblem | null {
  const kind = sniff(data);
  const ext = extensionOf(file);
  switch (kind.kind) {
    case 'empty':
      return makeProblem(file, 'empty');
    case 'zip':
      return null;
    case 'drm':
      return makeProblem(file, 'drm', kind.vendor);
    case 'hancom':
      return makeProblem(file, 'hancom-cell');
    case 'ole': {
      const names = new Set(kind.streams);
      if (ENCRYPTED_STREAMS.some((n) => names.has(n))) return makeProblem(file, 'encrypted');
      if (LEGACY_WORKBOOK_STREAMS.some((n) => names.has(n))) return makeProblem(file, 'legacy-xls');
      if (HANCOM_STREAMS.some((n) => names.has(n)) || HANCOM_EXTENSIONS.includes(ext)) {
        return makeProblem(file, 'hancom-cell');
      }
      // Another OLE document (.doc, .ppt, .msg …) under a spreadsheet name.
      return makeProblem(file, 'not-xlsx', 'OLE');
    }
    case 'other':
      if (HANCOM_EXTENSIONS.includes(ext)) return makeProblem(file, 'hancom-cell');
      return makeProblem(file, 'not-zip', kind.text ? 'text' : undefined);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What went wrong when exceljs rejected a file that starts like a zip. */
export async function classifyLoadFailure(file: string, data: Uint8Array, loadError: unknown): Promise<ReadProblem> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (err) {
    return makeProblem(file, 'corrupt-zip', firstLine(messageOf(err)));
  }
  if (!zip.file('xl/workbook.xml') && !zip.file('[Content_Types].xml')) {
    if (HANCOM_EXTENSIONS.includes(extensionOf(file))) return makeProblem(file, 'hancom-cell');
    return makeProblem(file, 'not-xlsx', 'zip');
  }
  if (!zip.file('xl/workbook.xml')) return makeProblem(file, 'not-xlsx', 'zip');
  // The package opens, so a part failed to parse; find which one to name it.
  const broken = await firstBrokenPart(zip);
  if (broken) return makeProblem(file, 'malformed-xml', broken);
  if (loadError === undefined) return makeProblem(file, 'not-xlsx', 'no-sheets');
  // Well-formed parts that exceljs still rejects: something it does not support, not a damaged file.
  return makeProblem(file, 'unsupported', firstLine(messageOf(loadError)));
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}

/** The first XML part whose tags do not balance: a cheap well-formedness check that needs no DOM. */
async function firstBrokenPart(zip: JSZip): Promise<string | null> {
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/i.test(n) && !zip.files[n].dir);
  for (const name of parts) {
    let text: string;
    try {
      text = await zip.files[name].async('string');
    } catch {
      return name;
    }
    if (!xmlTagsBalance(text)) return name;
  }
  return null;
}

export function xmlTagsBalance(text: string): boolean {
  const body = text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body)) !== null) {
    if (body.slice(consumed, m.index).includes('<')) return false;
    consumed = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else {
      stack.push(name);
    }
  }
  if (body.slice(consumed).includes('<')) return false;
  return stack.length === 0 && body.trim().length > 0;
}
