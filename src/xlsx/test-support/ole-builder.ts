/**
 * A minimal OLE compound file (the container of .xls, password-protected .xlsx, HWP and Hancell files) with the
 * given stream names and no stream data: enough for the classifier, which reads only the directory.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

export function buildOleFile(streamNames: string[]): Uint8Array {
  const entries = ['Root Entry', ...streamNames];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = new Uint8Array(SECTOR * (2 + dirSectors));
  const view = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x38, 0x1000, true);
  view.setUint32(0x3c, END, true);
  view.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : FREE, true);
  // FAT (sector 0): itself, then the directory chain 1 → 2 → … → end.
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) view.setUint32(fat + i * 4, FREE, true);
  view.setUint32(fat, FAT_SECTOR, true);
  for (let s = 1; s <= dirSectors; s++) view.setUint32(fat + s * 4, s === dirSectors ? END : s + 1, true);
  entries.forEach((name, i) => {
    const o = SECTOR * 2 + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(o + k * 2, name.charCodeAt(k), true);
    view.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = i === 0 ? 5 : 2;
    view.setUint32(o + 68, FREE, true);
    view.setUint32(o + 72, i + 1 < entries.length ? i + 1 : FREE, true);
    view.setUint32(o + 76, i === 0 && entries.length > 1 ? 1 : FREE, true);
    view.setUint32(o + 116, END, true);
  });
  return out;
}
