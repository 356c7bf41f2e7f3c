/** `check --json`: one object per file, on its own line (DESIGN.md "Command line"). */
import { rangeToA1, type CheckResult } from '../../engine';
import { formatFinding, type Lang } from '../../messages';

export interface JsonTable {
  sheet: string;
  range: string;
  kind: string;
  title: string | null;
}

export interface JsonFinding {
  severity: string;
  rule: string;
  sheet: string;
  cell: string;
  expected: number | string | null;
  actual: number | string | null;
  related: string[];
  message: string;
}

export interface JsonFileResult {
  file: string;
  tables: JsonTable[];
  findings: JsonFinding[];
}

export function jsonResult(file: string, result: CheckResult, lang: Lang): JsonFileResult {
  return {
    file,
    tables: result.tables.map((t) => ({ sheet: t.sheet, range: rangeToA1(t.range), kind: t.kind, title: t.title ?? null })),
    findings: result.findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      sheet: f.sheet,
      cell: f.cell,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      related: f.related ?? [],
      message: formatFinding(f, lang),
    })),
  };
}

export function jsonLine(value: object): string {
  return `${JSON.stringify(value)}\n`;
}
