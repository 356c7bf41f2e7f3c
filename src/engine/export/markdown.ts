/**
 * Markdown pipe table. A pipe table has one header row and no spans, so: the header rows fold into one, each column
 * headed by its header path ('연차별 소요재원 2021년': a group's text repeated over every column it spans); a
 * label merged down a row group is repeated in each row it spans, so every row reads on its own; any other covered
 * position is empty. Label columns are centred, figure columns right-aligned, columns holding words left-aligned.
 */
import type { ExportCell, ExportModel } from './model';

function escapeMd(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** The cell drawn over position (r, c), covered or not. */
function drawnAt(model: ExportModel, r: number, c: number): ExportCell | null {
  for (let rr = r; rr >= 0; rr--) {
    for (let cc = c; cc >= 0; cc--) {
      const cell = model.grid[rr][cc];
      if (cell && rr + cell.rowSpan > r && cc + cell.colSpan > c) return cell;
    }
  }
  return null;
}

export function toMarkdown(model: ExportModel): string {
  const head: string[] = [];
  for (let c = 0; c < model.width; c++) {
    // Each header cell over the column once (one spanning two header rows is not repeated).
    const path: ExportCell[] = [];
    for (let r = 0; r < model.headerRows; r++) {
      const cell = drawnAt(model, r, c);
      if (cell && cell.text !== '' && !path.includes(cell)) path.push(cell);
    }
    head.push(escapeMd(path.map((h) => h.text).join(' ')));
  }
  const bodyRoles = (c: number) => model.grid.slice(model.headerRows).map((line) => line[c]?.role).filter((r) => r !== undefined);
  const alignOf = (c: number) => {
    if (c < model.labelCols) return ':---:';
    return bodyRoles(c).some((r) => r === 'text') ? ':---' : '---:';
  };
  const rule = head.map((_, c) => alignOf(c));
  const body: string[][] = [];
  for (let r = model.headerRows; r < model.height; r++) {
    const line: string[] = [];
    for (let c = 0; c < model.width; c++) {
      const own = model.grid[r][c];
      if (own) {
        line.push(escapeMd(own.text));
        continue;
      }
      const over = drawnAt(model, r, c);
      // Repeat a row-group label down its rows; leave other covered positions empty.
      line.push(over && over.role === 'label' && over.col === c ? escapeMd(over.text) : '');
    }
    body.push(line);
  }
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out: string[] = [];
  if (model.unitLine !== undefined) out.push(escapeMd(model.unitLine), '');
  // A table with no header rows still needs a header line: the first body row takes its place.
  if (model.headerRows === 0 && body.length > 0) out.push(row(body.shift()!), row(rule));
  else out.push(row(head), row(rule));
  for (const line of body) out.push(row(line));
  return `${out.join('\n')}\n`;
}
