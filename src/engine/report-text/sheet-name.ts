/** Excel's limits on a worksheet name: 1–31 characters, none of []:*?/\, no apostrophe at either end. */
export const MAX_SHEET_NAME = 31;

export function safeSheetName(name: string, fallback = 'Sheet'): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  const base = cleaned === '' ? fallback : cleaned;
  return Array.from(base).slice(0, MAX_SHEET_NAME).join('').trim();
}

/** A safe name not yet in `taken` (compared case-insensitively, as Excel does): '기획예산과', '기획예산과 (2)'. */
export function uniqueSheetName(name: string, taken: ReadonlySet<string>, fallback = 'Sheet'): string {
  const base = safeSheetName(name, fallback);
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('').trim();
    const candidate = head + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
