/**
 * The unreadable files users actually send, generated on the fly (no binary fixtures in the repo):
 * shared by the xlsx reader's tests and the CLI's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { grid } from '../../engine/test-support';
import type { ReadProblemCode } from '../read-problem';
import { gridsToXlsxBuffer } from '../write-grids';
import { buildOleFile } from './ole-builder';

export interface BadInput {
  /** What the case is, for test names. */
  name: string;
  fileName: string;
  /** The file's content; 'missing' creates nothing, 'directory' creates a directory. */
  content: Uint8Array | 'missing' | 'directory';
  code: ReadProblemCode;
  /** Words the English reason must contain, to tell the cases apart for a reader. */
  says: RegExp;
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Pseudo-random bytes standing in for a DRM container's ciphertext. */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export async function validXlsx(): Promise<Uint8Array> {
  return new Uint8Array(await gridsToXlsxBuffer([grid([['계', 1]], { name: 's' })]));
}

async function withBrokenXml(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await validXlsx());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '<row r="9"><c r="A9"><v>1</c></row></sheetData>'));
  return zip.generateAsync({ type: 'uint8array' });
}

/** Well-formed XML that exceljs cannot make sense of (a merge with an impossible address). */
async function withImpossibleMerge(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await validXlsx());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="ZZZZ1"/></mergeCells>'));
  return zip.generateAsync({ type: 'uint8array' });
}

async function zipWithoutWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('readme.txt', 'not a workbook');
  return zip.generateAsync({ type: 'uint8array' });
}

export async function badInputs(): Promise<BadInput[]> {
  const valid = await validXlsx();
  return [
    { name: 'a missing file', fileName: 'missing.xlsx', content: 'missing', code: 'not-found', says: /no such file/ },
    { name: 'a directory', fileName: 'folder.xlsx', content: 'directory', code: 'is-directory', says: /directory/ },
    { name: 'an empty file', fileName: 'empty.xlsx', content: new Uint8Array(0), code: 'empty', says: /empty/ },
    { name: 'a text file named .xlsx', fileName: 'notes.xlsx', content: bytes('구분\t계\n예산\t1,000\n'), code: 'not-zip', says: /text file/ },
    { name: 'a corrupt zip (truncated)', fileName: 'truncated.xlsx', content: valid.slice(0, Math.floor(valid.length / 2)), code: 'corrupt-zip', says: /damaged/ },
    { name: 'an old .xls', fileName: 'old.xls', content: buildOleFile(['Workbook', '\u0005SummaryInformation']), code: 'legacy-xls', says: /97-2003/ },
    { name: 'an old .xls renamed .xlsx', fileName: 'renamed.xlsx', content: buildOleFile(['Book']), code: 'legacy-xls', says: /\.xls/ },
    {
      name: 'a password-protected .xlsx',
      fileName: 'secret.xlsx',
      content: buildOleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
      code: 'encrypted',
      says: /password/,
    },
    { name: 'a Fasoo DRM file', fileName: 'drm.xlsx', content: concat(bytes('<## FASOO DRM ##>\n'), noise(2000)), code: 'drm', says: /DRM.*Fasoo.*decrypt/ },
    { name: 'a SoftCamp DRM file', fileName: 'sc.xlsx', content: concat(bytes('SCDSA004'), noise(2000, 3)), code: 'drm', says: /DRM.*SoftCamp/ },
    { name: 'a Hancom .cell file (OLE)', fileName: 'team.cell', content: buildOleFile(['FileHeader', 'DocInfo']), code: 'hancom-cell', says: /Hancell.*\.xlsx/ },
    { name: 'a Hancom .cell file (other bytes)', fileName: 'team2.cell', content: noise(600, 11), code: 'hancom-cell', says: /Hancell/ },
    { name: 'malformed XML inside the zip', fileName: 'broken.xlsx', content: await withBrokenXml(), code: 'malformed-xml', says: /broken XML.*sheet1\.xml/ },
    { name: 'content exceljs cannot read', fileName: 'odd.xlsx', content: await withImpossibleMerge(), code: 'unsupported', says: /cannot read yet \(.*ZZZZ/ },
    { name: 'a zip that is not a workbook', fileName: 'other.xlsx', content: await zipWithoutWorkbook(), code: 'not-xlsx', says: /not an Excel workbook/ },
  ];
}

/** Write one case into `dir` and return its path. */
export async function materialise(dir: string, input: BadInput): Promise<string> {
  const file = path.join(dir, input.fileName);
  if (input.content === 'directory') await fs.mkdir(file, { recursive: true });
  else if (input.content !== 'missing') await fs.writeFile(file, input.content);
  return file;
}
