import { cleanField, cleanText } from './clean-text';
import { classifyLine, listItem, looksLikeDepartment, looksLikeTeam, type LineRole } from './classify-line';
import { guessHeaderRows } from './header-cells';
import type {
  ReportBureau,
  ReportDocument,
  ReportLine,
  ReportSection,
  ReportTable,
  ReportTextBlock,
} from './types';

/** "(단위 : 천원)", "(2020. 10월말 기준, 단위: 건)" → the unit word. */
const UNIT_IN_LINE = /단위\s*[:：]\s*([^\s,)]+)/;

/** Name of the section that holds tables found before any department heading. */
export const FALLBACK_SECTION = '보고서';

interface Line {
  /** 1-based. */
  no: number;
  raw: string;
  text: string;
  isTable: boolean;
  role: LineRole;
}

function readLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => {
      // A line of tabs and spaces only is a blank line, not an empty table row.
      const isTable = raw.includes('\t') && raw.replace(/[\t ]/g, '') !== '';
      const text = isTable ? raw : cleanText(raw);
      return { no: i + 1, raw, text, isTable, role: isTable ? 'prose' : classifyLine(text) };
    });
}

/** The list items ('- X') that follow line `i`, skipping blank lines; with the index after the list. */
function listAfter(lines: Line[], i: number): { items: string[]; next: number } {
  const items: string[] = [];
  let j = i + 1;
  let next = j;
  while (j < lines.length) {
    const line = lines[j];
    if (line.role === 'blank') {
      j += 1;
      continue;
    }
    const item = line.isTable ? null : listItem(line.text);
    if (item === null) break;
    items.push(item);
    j += 1;
    next = j;
  }
  return { items, next };
}

function findBureau(lines: Line[]): { bureau: ReportBureau; next: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.isTable || line.role === 'blank' || listItem(line.text) !== null) continue;
    const { items, next } = listAfter(lines, i);
    if (items.length >= 2 && items.every(looksLikeDepartment)) {
      return { bureau: { name: line.text, line: line.no, departments: items }, next };
    }
  }
  return null;
}

interface SectionStart {
  index: number;
  department: string;
  teams: string[];
  /** First line index after the heading and its team list. */
  bodyFrom: number;
}

function findSectionStarts(lines: Line[], departments: ReadonlySet<string>, from: number): SectionStart[] {
  const starts: SectionStart[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line.isTable || line.role === 'blank' || listItem(line.text) !== null) continue;
    const { items, next } = listAfter(lines, i);
    const teams = items.filter(looksLikeTeam);
    const withTeams = teams.length > 0 && teams.length === items.length;
    if (departments.has(line.text) || (withTeams && looksLikeDepartment(line.text))) {
      starts.push({ index: i, department: line.text, teams: withTeams ? teams : [], bodyFrom: withTeams ? next : i + 1 });
    }
  }
  return starts;
}

function splitRow(raw: string): string[] {
  return raw.split('\t').map(cleanField);
}

/** Caption lines above a table: unit/basis/notes, then the nearest heading (see DESIGN.md "Captions"). */
function captionsAbove(lines: Line[], tableStart: number, floor: number): ReportLine[] {
  const found: ReportLine[] = [];
  let named = false;
  for (let i = tableStart - 1; i >= floor; i--) {
    const line = lines[i];
    if (line.isTable) break;
    const role = line.role;
    if (role === 'blank') continue;
    if (role === 'unit' || role === 'basis') {
      found.unshift({ line: line.no, text: line.text, kind: role });
      continue;
    }
    if (role === 'note') {
      found.unshift({ line: line.no, text: line.text, kind: 'note' });
      continue;
    }
    if (role === 'amount' || role === 'heading') {
      found.unshift({ line: line.no, text: line.text, kind: role === 'amount' ? 'amount' : 'title' });
      named = true;
      break;
    }
    // A bullet names the table only when nothing but a unit or basis line stands between them
    // ("- 일반 소송 현황" over "(2020. 10월말 기준, 단위 : 건)").
    if (role === 'bullet' && found.every((c) => c.kind === 'unit' || c.kind === 'basis')) {
      found.unshift({ line: line.no, text: line.text, kind: 'title' });
      named = true;
    }
    break;
  }
  // "※ 2020. 예산규모" over a table, with prose above it, is the table's heading, not a side note.
  if (!named && found.length > 0 && found[0].kind === 'note') found[0] = { ...found[0], kind: 'title' };
  return found;
}

/**
 * Lines right under a table that comment on it: a "※ …" note or a footnote, or a paragraph that draws a
 * conclusion from it ("⇒ 종결사건(92건) 승소율 : 94.5%"). Further "※" paragraphs follow on.
 */
function commentsBelow(lines: Line[], tableEnd: number, ceiling: number, taken: ReadonlySet<number>): ReportLine[] {
  const comments: ReportLine[] = [];
  let i = tableEnd + 1;
  let first = true;
  while (i < ceiling) {
    while (i < ceiling && lines[i].role === 'blank') i += 1;
    const block: Line[] = [];
    while (i < ceiling && lines[i].role !== 'blank' && !lines[i].isTable && !taken.has(i)) {
      block.push(lines[i]);
      i += 1;
    }
    if (block.length === 0) break;
    const opener = block[0].role === 'note' || block[0].role === 'footnote';
    const concludes = block.some((l) => l.text.startsWith('⇒'));
    if (!(opener || (first && concludes))) break;
    for (const l of block) comments.push({ line: l.no, text: l.text, kind: 'footnote' });
    first = false;
    if (i < ceiling && (lines[i].isTable || taken.has(i))) break;
  }
  return comments;
}

function parseSection(lines: Line[], start: SectionStart, end: number): ReportSection {
  const section: ReportSection = {
    department: start.department,
    line: start.index >= 0 ? lines[start.index].no : 0,
    teams: start.teams,
    blocks: [],
    tables: [],
  };
  // Tables first, then captions (which the previous table cannot claim as comments).
  const spans: { from: number; to: number }[] = [];
  for (let i = start.bodyFrom; i < end; i++) {
    if (!lines[i].isTable) continue;
    let j = i;
    while (j + 1 < end && lines[j + 1].isTable) j += 1;
    spans.push({ from: i, to: j });
    i = j;
  }
  const taken = new Set<number>();
  const tables: ReportTable[] = spans.map((span, k) => {
    const floor = k === 0 ? start.bodyFrom : spans[k - 1].to + 1;
    const raw = lines.slice(span.from, span.to + 1).map((l) => splitRow(l.raw));
    const width = raw.reduce((w, row) => Math.max(w, row.length), 0);
    const rows = raw.map((row) => row.concat(new Array<string>(width - row.length).fill('')));
    const captions = captionsAbove(lines, span.from, floor);
    for (const c of captions) taken.add(c.line - 1);
    const title = captions.find((c) => c.kind === 'title' || c.kind === 'amount')?.text;
    const table: ReportTable = { line: lines[span.from].no, rows, width, captions, comments: [], headerRows: guessHeaderRows(rows) };
    if (title !== undefined) table.title = title;
    const unit = captions.map((c) => (c.kind === 'unit' || c.kind === 'basis' ? UNIT_IN_LINE.exec(c.text)?.[1] : undefined)).find(Boolean);
    if (unit !== undefined) table.unit = unit;
    return table;
  });
  tables.forEach((table, k) => {
    const ceiling = k + 1 < spans.length ? spans[k + 1].from : end;
    table.comments = commentsBelow(lines, spans[k].to, ceiling, taken);
    for (const c of table.comments) taken.add(c.line - 1);
  });
  let next = 0;
  for (let i = start.bodyFrom; i < end; i++) {
    if (next < spans.length && i === spans[next].from) {
      section.blocks.push({ type: 'table', table: tables[next] });
      section.tables.push(tables[next]);
      i = spans[next].to;
      next += 1;
      continue;
    }
    if (lines[i].role === 'blank' || taken.has(i)) continue;
    section.blocks.push({ type: 'text', line: lines[i].no, text: lines[i].text });
  }
  return section;
}

function textBlocks(lines: Line[], from: number, to: number): ReportTextBlock[] {
  const blocks: ReportTextBlock[] = [];
  for (let i = from; i < to; i++) {
    if (lines[i].role !== 'blank') blocks.push({ type: 'text', line: lines[i].no, text: lines[i].isTable ? lines[i].raw : lines[i].text });
  }
  return blocks;
}

/**
 * Read a report's text form: department sections (from the bureau page's list, or a department heading
 * followed by its teams), and in each, prose lines and tab-separated tables with their captions and comments.
 */
export function parseReportText(text: string): ReportDocument {
  const lines = readLines(text);
  const firstLine = lines.find((l) => l.role !== 'blank');
  const found = findBureau(lines);
  const afterBureau = found ? found.next : 0;
  const departments = new Set(found ? found.bureau.departments : []);
  const starts = findSectionStarts(lines, departments, afterBureau);
  const firstStart = starts.length > 0 ? starts[0].index : lines.length;
  const doc: ReportDocument = { preamble: [], sections: [] };
  if (firstLine) doc.title = firstLine.isTable ? firstLine.raw : firstLine.text;
  if (found) doc.bureau = found.bureau;

  // Tables before any department heading still come through, in a section of their own.
  const leadingTables = lines.slice(afterBureau, firstStart).some((l) => l.isTable);
  if (leadingTables) {
    const implicit: SectionStart = { index: -1, department: found?.bureau.name ?? FALLBACK_SECTION, teams: [], bodyFrom: afterBureau };
    doc.sections.push(parseSection(lines, implicit, firstStart));
  }
  const preambleEnd = leadingTables ? afterBureau : firstStart;
  doc.preamble = textBlocks(lines, 0, preambleEnd).filter(
    (b) => !found || b.line < found.bureau.line || b.line > lines[found.next - 1].no,
  );
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].index : lines.length;
    doc.sections.push(parseSection(lines, start, end));
  });
  return doc;
}

/** Every table of the document with its section, in report order. */
export function allTables(doc: ReportDocument): { section: ReportSection; table: ReportTable; index: number }[] {
  return doc.sections.flatMap((section) => section.tables.map((table, index) => ({ section, table, index })));
}
