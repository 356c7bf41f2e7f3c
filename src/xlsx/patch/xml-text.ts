/** Just enough XML text handling to patch SpreadsheetML parts in place without re-serialising them. */

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? '';
  });
}

/** Attributes of a start tag's text (everything between the name and '>'), in order, values unescaped. */
export function parseAttrs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

export function renderAttrs(attrs: Map<string, string>): string {
  let out = '';
  for (const [k, v] of attrs) out += ` ${k}="${escapeAttr(v)}"`;
  return out;
}

/** Set one attribute in a start tag's attribute text, keeping the others as written. */
export function setAttr(attrText: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(attrText)) return attrText.replace(re, `$1"${escapeAttr(value)}"`);
  return `${attrText.replace(/\s*\/?$/, '')} ${name}="${escapeAttr(value)}"`;
}

export function removeAttr(attrText: string, name: string): string {
  return attrText.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}
