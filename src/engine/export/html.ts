/**
 * HTML for pasting into Hancom HWP or Word: a real <table> with rowspan/colspan, inline styles only (pasted HTML
 * keeps no style sheet), the unit line right-aligned above it, figures right-aligned, labels centred.
 */
import type { ExportCell, ExportModel } from './model';

const FONT = "font-family:'맑은 고딕','Malgun Gothic','Noto Sans CJK KR',sans-serif;font-size:10pt";
const BORDER = 'border:1px solid #000';
const PAD = 'padding:2px 6px';
/** A label longer than this reads as prose (a duty, a description): left-aligned like body text. */
const LONG_LABEL = 20;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function align(cell: ExportCell): 'center' | 'right' | 'left' {
  switch (cell.role) {
    case 'header':
      return 'center';
    case 'figure':
      return 'right';
    default:
      // Labels, and words where a figure would stand ('진행 중'), are centred as the report does; prose reads left.
      return Array.from(cell.text).length > LONG_LABEL ? 'left' : 'center';
  }
}

function cellHtml(cell: ExportCell): string {
  const tag = cell.role === 'header' ? 'th' : 'td';
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const shade = cell.role === 'header' ? ';background:#f2f2f2;font-weight:bold' : '';
  const style = `${BORDER};${PAD};text-align:${align(cell)};vertical-align:middle${shade}`;
  return `<${tag}${spans} style="${style}">${escapeHtml(cell.text)}</${tag}>`;
}

export interface HtmlOptions {
  /** Caption lines to write above the table besides the unit line (default none). */
  captions?: boolean;
}

export function toHtml(model: ExportModel, options: HtmlOptions = {}): string {
  const lines: string[] = [`<div class="report-table" style="display:inline-block;${FONT}">`];
  if (options.captions) for (const c of model.captions) lines.push(`<p style="margin:0 0 4px 0;text-align:left">${escapeHtml(c)}</p>`);
  // The unit line and the table share a box as wide as the table, so the line ends at the table's right edge
  // even under a caption wider than the table.
  lines.push('<div style="display:inline-block">');
  if (model.unitLine !== undefined) lines.push(`<p class="unit" style="margin:0 0 2px 0;text-align:right">${escapeHtml(model.unitLine)}</p>`);
  lines.push(`<table style="border-collapse:collapse;${BORDER};${FONT}">`);
  const section = (from: number, to: number, tag: 'thead' | 'tbody') => {
    if (from >= to) return;
    lines.push(`<${tag}>`);
    for (let r = from; r < to; r++) {
      const cells = model.grid[r].filter((c): c is ExportCell => c !== null).map(cellHtml);
      lines.push(`<tr>${cells.join('')}</tr>`);
    }
    lines.push(`</${tag}>`);
  };
  section(0, model.headerRows, 'thead');
  section(model.headerRows, model.height, 'tbody');
  lines.push('</table>', '</div>');
  if (options.captions) for (const f of model.footnotes) lines.push(`<p style="margin:2px 0 0 0;text-align:left">${escapeHtml(f)}</p>`);
  lines.push('</div>');
  return `${lines.join('\n')}\n`;
}
