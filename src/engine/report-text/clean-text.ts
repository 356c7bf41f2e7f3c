/**
 * Text as the report's export writes it carries editor leftovers: HTML-ish list markers
 * (`<ul style="list-style-type: none">`) and markdown bold marks (`**추진계획**`). Keep the words, drop the marks.
 */
const TAGS = /<\/?[A-Za-z][^<>]*>/g;
const HAS_TAG = /<\/?[A-Za-z][^<>]*>/;

function stripMarks(text: string): string {
  return text.replace(TAGS, ' ').replace(/\*\*/g, '');
}

/** A prose or caption line: marks removed, runs of spaces collapsed, trimmed. */
export function cleanText(text: string): string {
  return stripMarks(text).replace(/[ \t\u00a0]{2,}/g, ' ').trim();
}

/**
 * A table field: trimmed; when it carried marks they are removed and the spaces they leave collapsed.
 * Otherwise its inner spacing ('제 안 현 황') is the report's and stays.
 */
export function cleanField(field: string): string {
  if (!HAS_TAG.test(field) && !field.includes('**')) return field.trim();
  return cleanText(field);
}
