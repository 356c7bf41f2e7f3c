/** `check` without --json: a report a reviewer reads, grouped by file, sheet and table. */
import { rangeToA1, type CheckResult, type Finding, type Severity, type Table } from '../../engine';
import { formatFinding, type Lang } from '../../messages';

const SEVERITY_LABEL: Record<Severity, Record<Lang, string>> = {
  error: { ko: '오류', en: 'error' },
  warning: { ko: '경고', en: 'warning' },
  info: { ko: '참고', en: 'info' },
};

export interface Tally {
  files: number;
  unreadable: number;
  tables: number;
  error: number;
  warning: number;
  info: number;
}

export function emptyTally(): Tally {
  return { files: 0, unreadable: 0, tables: 0, error: 0, warning: 0, info: 0 };
}

export function addToTally(tally: Tally, result: CheckResult): void {
  tally.files++;
  tally.tables += result.tables.length;
  for (const f of result.findings) tally[f.severity]++;
}

function tableHeading(t: Table, lang: Lang): string {
  const title = t.title ? ` "${t.title}"` : '';
  return lang === 'ko' ? `표 ${rangeToA1(t.range)} (${t.kind})${title}` : `table ${rangeToA1(t.range)} (${t.kind})${title}`;
}

function findingLine(f: Finding, lang: Lang): string {
  return `      ${SEVERITY_LABEL[f.severity][lang].padEnd(lang === 'ko' ? 2 : 7)}  ${f.cell.padEnd(6)} ${formatFinding(f, lang)}  [${f.rule}]`;
}

/** The report for one readable file. */
export function fileReport(file: string, result: CheckResult, lang: Lang): string {
  const lines: string[] = [file];
  const sheetOrder: string[] = [];
  for (const s of [...result.tables.map((t) => t.sheet), ...result.findings.map((f) => f.sheet)]) {
    if (!sheetOrder.includes(s)) sheetOrder.push(s);
  }
  const tableIds = new Set(result.tables.map((t) => t.id));
  for (const sheet of sheetOrder) {
    lines.push(`  [${sheet}]`);
    for (const t of result.tables.filter((x) => x.sheet === sheet)) {
      const own = result.findings.filter((f) => f.table === t.id);
      const status =
        t.kind === 'text'
          ? lang === 'ko'
            ? ' — 숫자 없는 표, 검사하지 않음'
            : ' — no figures, not checked'
          : own.length === 0
            ? lang === 'ko'
              ? ' — 이상 없음'
              : ' — OK'
            : '';
      lines.push(`    ${tableHeading(t, lang)}${status}`);
      for (const f of own) lines.push(findingLine(f, lang));
    }
    const loose = result.findings.filter((f) => f.sheet === sheet && (f.table === undefined || !tableIds.has(f.table)));
    if (loose.length > 0) {
      lines.push(`    ${lang === 'ko' ? '표 밖' : 'outside tables'}`);
      for (const f of loose) lines.push(findingLine(f, lang));
    }
  }
  if (sheetOrder.length === 0) lines.push(lang === 'ko' ? '  표를 찾지 못했습니다' : '  no tables found');
  return `${lines.join('\n')}\n`;
}

export function summaryLine(t: Tally, lang: Lang): string {
  if (lang === 'ko') {
    const unreadable = t.unreadable > 0 ? `, 읽지 못한 파일 ${t.unreadable}개` : '';
    return `요약: 파일 ${t.files}개, 표 ${t.tables}개, 오류 ${t.error}건, 경고 ${t.warning}건, 참고 ${t.info}건${unreadable}\n`;
  }
  const unreadable = t.unreadable > 0 ? `, ${t.unreadable} unreadable` : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Summary: ${plural(t.files, 'file')}, ${plural(t.tables, 'table')}, ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info${unreadable}\n`;
}
