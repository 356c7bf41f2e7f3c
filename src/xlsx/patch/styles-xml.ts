/**
 * styles.xml edits for fill: a number format per written cell, by cloning the cell's own cell format (xf) with the
 * new numFmtId, so font, fill, border and alignment stay as they were. Existing entries are never changed.
 */
import { PatchError } from './patch-error';
import { escapeAttr, parseAttrs, setAttr } from './xml-text';

const BUILT_IN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};
const FIRST_CUSTOM_ID = 164;
const XF_RE = /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g;

export class StylesEditor {
  private readonly original: string;
  private readonly customFormats = new Map<string, number>();
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly xfs: string[];
  private readonly originalXfCount: number;
  private readonly memo = new Map<string, number>();
  private nextId: number;

  constructor(xml: string) {
    if (/<\w+:styleSheet\b/.test(xml)) throw new PatchError('unsupported-xml', 'styles.xml uses a namespace prefix fill does not edit');
    this.original = xml;
    let maxId = FIRST_CUSTOM_ID - 1;
    for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const attrs = parseAttrs(m[1]);
      const id = Number(attrs.get('numFmtId'));
      const code = attrs.get('formatCode');
      if (!Number.isInteger(id) || code === undefined) continue;
      if (!this.customFormats.has(code)) this.customFormats.set(code, id);
      maxId = Math.max(maxId, id);
    }
    this.nextId = maxId + 1;
    const block = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    if (!block) throw new PatchError('styles', 'styles.xml has no cell formats (cellXfs)');
    this.xfs = block[1].match(XF_RE) ?? [];
    if (this.xfs.length === 0) throw new PatchError('styles', 'styles.xml has an empty cellXfs');
    this.originalXfCount = this.xfs.length;
  }

  get changed(): boolean {
    return this.xfs.length !== this.originalXfCount || this.addedFormats.length > 0;
  }

  numFmtIdOf(code: string): number {
    if (code in BUILT_IN) return BUILT_IN[code];
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextId++;
    this.customFormats.set(code, id);
    this.addedFormats.push({ id, code });
    return id;
  }

  numFmtIdOfXf(index: number): number {
    const xf = this.xfs[index] ?? this.xfs[0];
    return Number(parseAttrs(/<xf\b([^>]*?)\/?>/.exec(xf)?.[1] ?? '').get('numFmtId') ?? 0);
  }

  /** The index of a cell format like `base` but showing numbers with `code`. */
  withFormat(base: number, code: string): number {
    const key = `${base}\u0000${code}`;
    const done = this.memo.get(key);
    if (done !== undefined) return done;
    const from = base >= 0 && base < this.xfs.length ? base : 0;
    const id = this.numFmtIdOf(code);
    let result = from;
    if (this.numFmtIdOfXf(from) !== id) {
      const xf = this.xfs[from];
      const start = /^<xf\b([^>]*?)(\/?)>/.exec(xf)!;
      let attrs = setAttr(start[1], 'numFmtId', String(id));
      attrs = setAttr(attrs, 'applyNumberFormat', '1');
      const clone = `<xf ${attrs.trim()}${start[2]}>` + xf.slice(start[0].length);
      const same = this.xfs.indexOf(clone);
      if (same >= 0) result = same;
      else {
        this.xfs.push(clone);
        result = this.xfs.length - 1;
      }
    }
    this.memo.set(key, result);
    return result;
  }

  toXml(): string {
    if (!this.changed) return this.original;
    let xml = this.original.replace(/<cellXfs\b([^>]*)>[\s\S]*?<\/cellXfs>/, (_m, attrs: string) => {
      return `<cellXfs${setAttr(attrs, 'count', String(this.xfs.length))}>${this.xfs.join('')}</cellXfs>`;
    });
    if (this.addedFormats.length > 0) {
      const added = this.addedFormats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`).join('');
      const existing = /<numFmts\b([^>]*?)(?:\/>|>([\s\S]*?)<\/numFmts>)/.exec(xml);
      if (existing) {
        const count = (existing[2] ?? '').match(/<numFmt\b/g)?.length ?? 0;
        xml = xml.replace(existing[0], `<numFmts${setAttr(existing[1], 'count', String(count + this.addedFormats.length))}>${existing[2] ?? ''}${added}</numFmts>`);
      } else {
        xml = xml.replace(/<styleSheet\b[^>]*>/, (open) => `${open}<numFmts count="${this.addedFormats.length}">${added}</numFmts>`);
      }
    }
    return xml;
  }
}
