/**
 * Tell what kind of file some bytes are before handing them to exceljs, so an unreadable file gets a precise
 * reason: empty, OLE (old .xls, a password-protected .xlsx, a Hancom file), a DRM wrapper, a zip, or other.
 */
export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'ole'; streams: string[] }
  | { kind: 'drm'; vendor: string }
  | { kind: 'hancom' }
  | { kind: 'other'; text: boolean };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK": local file header, empty archive or spanned archive all start so.

/**
 * Document-DRM products used in Korean government offices wrap the original file in their own container that
 * begins with a vendor marker in plain ASCII. These are the markers of those containers' headers.
 */
const DRM_MARKERS: { marker: string; vendor: string }[] = [
  { marker: '<## FASOO', vendor: 'Fasoo' },
  { marker: 'FASOO', vendor: 'Fasoo' },
  { marker: 'SCDSA', vendor: 'SoftCamp' },
  { marker: 'DRMONE', vendor: 'DRM ONE' },
  { marker: 'MARKANY', vendor: 'MarkAny' },
  { marker: 'MADRM', vendor: 'MarkAny' },
  { marker: 'DOCUMENTSAFER', vendor: 'MarkAny Document SAFER' },
];
const DRM_SCAN_BYTES = 512;

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

function asciiUpper(data: Uint8Array, length: number): string {
  let s = '';
  const n = Math.min(length, data.length);
  for (let i = 0; i < n; i++) {
    const b = data[i];
    s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b).toUpperCase() : ' ';
  }
  return s;
}

/** Mostly printable UTF-8/ASCII at the start: a text file (CSV, HTML, notes) named .xlsx. */
function looksLikeText(data: Uint8Array): boolean {
  const n = Math.min(data.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= n / 100;
}

export function sniff(data: Uint8Array): Sniffed {
  if (data.length === 0) return { kind: 'empty' };
  if (startsWith(data, OLE_MAGIC)) return { kind: 'ole', streams: oleStreamNames(data) };
  if (startsWith(data, ZIP_MAGIC)) return { kind: 'zip' };
  const head = asciiUpper(data, DRM_SCAN_BYTES);
  for (const { marker, vendor } of DRM_MARKERS) {
    if (head.includes(marker)) return { kind: 'drm', vendor };
  }
  // HWP 3.x and Hancell's own binary formats start with this ASCII signature (newer ones are OLE files).
  if (head.startsWith('HWP DOCUMENT FILE') || head.startsWith('HANCELL') || head.startsWith('HCELL')) {
    return { kind: 'hancom' };
  }
  return { kind: 'other', text: looksLikeText(data) };
}

function u16(d: Uint8Array, o: number): number {
  return d[o] | (d[o + 1] << 8);
}
function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS = 1 << 20;

/**
 * The names of the entries in an OLE compound file's directory (streams and storages), read by following the
 * directory's sector chain through the FAT. Falls back to scanning every 128-byte directory slot in the file
 * when the header is damaged: names are UTF-16LE at the start of each slot.
 */
export function oleStreamNames(d: Uint8Array): string[] {
  try {
    return oleDirectoryNames(d);
  } catch {
    return scanDirectorySlots(d, 512);
  }
}

function readEntryName(d: Uint8Array, o: number): string | null {
  if (o + 128 > d.length) return null;
  const nameBytes = u16(d, o + 64);
  const type = d[o + 66];
  if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0 || type < 1 || type > 5) return null;
  let name = '';
  for (let i = 0; i < nameBytes / 2 - 1; i++) name += String.fromCharCode(u16(d, o + i * 2));
  return name;
}

function oleDirectoryNames(d: Uint8Array): string[] {
  const sectorShift = u16(d, 0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error('bad sector size');
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (s: number) => (s + 1) * sectorSize;
  // The first 109 FAT sector numbers sit in the header; enough for files up to ~7 MB with 512-byte sectors.
  const fatSectors: number[] = [];
  const headerFatCount = Math.min(u32(d, 0x2c), 109);
  for (let i = 0; i < headerFatCount; i++) fatSectors.push(u32(d, 0x4c + i * 4));
  const perSector = sectorSize / 4;
  const next = (s: number): number => {
    const fatIndex = Math.floor(s / perSector);
    if (fatIndex >= fatSectors.length) throw new Error('FAT beyond header');
    return u32(d, sectorOffset(fatSectors[fatIndex]) + (s % perSector) * 4);
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = u32(d, 0x30); s !== END_OF_CHAIN; s = next(s)) {
    if (seen.has(s) || seen.size > MAX_SECTORS || sectorOffset(s) + sectorSize > d.length) {
      throw new Error('broken directory chain');
    }
    seen.add(s);
    for (let o = sectorOffset(s); o < sectorOffset(s) + sectorSize; o += 128) {
      const name = readEntryName(d, o);
      if (name !== null) names.push(name);
    }
  }
  return names;
}

function scanDirectorySlots(d: Uint8Array, start: number): string[] {
  const names: string[] = [];
  for (let o = start; o + 128 <= d.length; o += 128) {
    const name = readEntryName(d, o);
    if (name !== null && /^[\x01-\x7f]*[A-Za-z][\x01-\x7f]*$/.test(name)) names.push(name);
  }
  return names;
}
