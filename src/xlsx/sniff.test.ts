import { oleStreamNames, sniff } from './sniff';
import { buildOleFile } from './test-support/ole-builder';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniff', () => {
  it.each([
    ['nothing', new Uint8Array(0), { kind: 'empty' }],
    ['a zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), { kind: 'zip' }],
    ['UTF-8 text', ascii('구분,계\n예산,"1,000"\n'), { kind: 'other', text: true }],
    ['binary noise', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)), { kind: 'other', text: false }],
    ['a Fasoo header', ascii('<## FASOO DRM ##>\u0000\u0001'), { kind: 'drm', vendor: 'Fasoo' }],
    ['a SoftCamp header', ascii('SCDSA002\u0000\u0000'), { kind: 'drm', vendor: 'SoftCamp' }],
    ['a MarkAny header', ascii('\u0000\u0000MarkAny\u0000'), { kind: 'drm', vendor: 'MarkAny' }],
    ['an HWP 3 document', ascii('HWP Document File V3.00 \u001a\u0001'), { kind: 'hancom' }],
  ])('recognises %s', (_name, bytes, expected) => {
    expect(sniff(bytes)).toEqual(expected);
  });

  it('lists the OLE directory by following the FAT chain, across several directory sectors', () => {
    const names = ['Workbook', '\u0005SummaryInformation', '\u0005DocumentSummaryInformation', 'CompObj', 'Ctls', 'MsoDataStore'];
    expect(oleStreamNames(buildOleFile(names))).toEqual(['Root Entry', ...names]);
  });

  it('falls back to scanning directory slots when the header is damaged', () => {
    const bytes = buildOleFile(['EncryptionInfo', 'EncryptedPackage']);
    bytes[0x1e] = 7; // an impossible sector size
    expect(oleStreamNames(bytes)).toEqual(expect.arrayContaining(['EncryptionInfo', 'EncryptedPackage']));
  });

  it('survives a directory chain that loops', () => {
    const bytes = buildOleFile(['Workbook']);
    const view = new DataView(bytes.buffer);
    view.setUint32(512 + 4, 1, true); // sector 1 → sector 1
    expect(oleStreamNames(bytes)).toContain('Workbook');
  });
});
