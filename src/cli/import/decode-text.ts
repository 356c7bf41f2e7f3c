/**
 * The report's text file → a string. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; a
 * file that is not UTF-8 but reads cleanly as CP949/EUC-KR (what Korean Windows saves "ANSI" text as) is read
 * as that. Anything else is refused with a reason, never guessed at.
 */
import { sniff } from '../../xlsx/sniff';

export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr' }
  | { ok: false; reason: 'empty' | 'binary' | 'workbook' | 'hancom' | 'drm' | 'not-text'; detail?: string };

function decode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeReportText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decode(bytes.subarray(2), 'utf-16le');
    return text === null ? { ok: false, reason: 'not-text' } : blankOr({ ok: true, text, encoding: 'utf-16le' });
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decode(bytes.subarray(2), 'utf-16be');
    return text === null ? { ok: false, reason: 'not-text' } : blankOr({ ok: true, text, encoding: 'utf-16be' });
  }
  const kind = sniff(bytes);
  if (kind.kind === 'empty') return { ok: false, reason: 'empty' };
  if (kind.kind === 'zip') return { ok: false, reason: 'workbook', detail: 'zip' };
  if (kind.kind === 'ole') return { ok: false, reason: 'workbook', detail: 'ole' };
  if (kind.kind === 'hancom') return { ok: false, reason: 'hancom' };
  if (kind.kind === 'drm') return { ok: false, reason: 'drm', detail: kind.vendor };
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return blankOr({ ok: true, text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' });
  const korean = decode(bytes, 'euc-kr');
  // Real CP949 text is mostly Hangul and ASCII; random bytes that happen to decode are not.
  if (korean !== null && /[\uAC00-\uD7A3]/.test(korean) && !/[\u0000-\u0008\u000e-\u001f]/.test(korean)) return blankOr({ ok: true, text: korean, encoding: 'euc-kr' });
  return { ok: false, reason: 'not-text' };
}

function blankOr(decoded: DecodedText): DecodedText {
  return decoded.ok && decoded.text.trim() === '' ? { ok: false, reason: 'empty' } : decoded;
}
