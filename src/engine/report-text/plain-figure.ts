/**
 * A field as Excel would store it if a team member typed it: "19,000" and "5000" become numbers
 * ("19,000" keeps its thousands format), everything else ("-", "22(22)", "4회", "61,800 ¹⁾") stays text.
 */
const PLAIN = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export const GROUPED_FORMAT = '#,##0';

export function plainFigure(field: string): { value: number; grouped: boolean } | null {
  const t = field.trim();
  if (!PLAIN.test(t)) return null;
  return { value: Number(t.replace(/,/g, '')), grouped: t.includes(',') };
}
