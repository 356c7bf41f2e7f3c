import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckResult, Finding, SheetGrid, Table } from '../../engine';
import { grid } from '../../engine/test-support';
import { gridsToXlsxBuffer } from '../../xlsx';
import { badInputs, materialise } from '../../xlsx/test-support/bad-inputs';
import type { CliDeps } from '../command';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeBook(name: string, sheets: SheetGrid[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await gridsToXlsxBuffer(sheets));
  return file;
}

const budgetSheet = (total: number) =>
  grid(
    [
      ['재원별', '합계', '연차별 소요재원', null, null, null],
      [null, null, '2020년', '2021년', '2022년', '2023년'],
      ['계', total, 10000, 12000, 13000, 13400],
    ],
    { name: '기획예산과', at: 'B4', merges: ['B4:B5', 'C4:C5', 'D4:G4'] },
  );

/**
 * A stand-in engine so every output path is exercised whatever the real engine finds: one table per sheet
 * whose first body row has a 합계 in column C; a sum.row error when C6 ≠ D6+…+G6; a warning on any text figure.
 */
const fakeEngine: CliDeps = {
  checkWorkbook(sheets): CheckResult {
    const tables: Table[] = [];
    const findings: Finding[] = [];
    for (const s of sheets) {
      const row = s.cells[5];
      if (!row) continue;
      const id = `${s.name}!B4:G6`;
      tables.push({
        id,
        sheet: s.name,
        range: { r0: 3, c0: 1, r1: 5, c1: 6 },
        headerRows: 2,
        labelCols: 1,
        kind: 'budget-by-year',
        title: '재원별 소요예산',
        captions: [],
        headers: [],
        columns: [],
        rows: [],
        relations: [],
      });
      const values = [3, 4, 5, 6].map((c) => Number(row[c]?.v ?? 0));
      const sum = values.reduce((a, b) => a + b, 0);
      const total = Number(row[2]?.v);
      if (total !== sum) {
        findings.push({
          rule: 'sum.row',
          severity: 'error',
          sheet: s.name,
          cell: 'C6',
          expected: sum,
          actual: total,
          related: ['D6', 'E6', 'F6', 'G6'],
          table: id,
          params: { difference: total - sum },
        });
      }
      if (typeof row[3]?.v === 'string') {
        findings.push({ rule: 'number.text', severity: 'warning', sheet: s.name, cell: 'D6', actual: row[3].v, table: id });
      }
    }
    return { tables, findings };
  },
};

async function run(argv: string[], deps: CliDeps = fakeEngine) {
  const io = captureIo();
  const code = await main(argv, io, deps);
  return { code, out: io.out(), err: io.err() };
}

describe('report-tables check --json', () => {
  it('prints one object per file with tables and findings (contract shape), exit 1 on an error finding', async () => {
    const clean = await writeBook('clean.xlsx', [budgetSheet(48400)]);
    const wrong = await writeBook('wrong.xlsx', [budgetSheet(48000)]);
    const { code, out, err } = await run(['check', clean, wrong, '--json']);
    expect(code).toBe(1);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      file: clean,
      tables: [{ sheet: '기획예산과', range: 'B4:G6', kind: 'budget-by-year', title: '재원별 소요예산' }],
      findings: [],
    });
    expect(lines[1].findings).toEqual([
      {
        severity: 'error',
        rule: 'sum.row',
        sheet: '기획예산과',
        cell: 'C6',
        expected: 48400,
        actual: 48000,
        related: ['D6', 'E6', 'F6', 'G6'],
        message: '가로 합계 C6의 값은 48,000이지만 D6+E6+F6+G6 = 48,400입니다 (차이 400)',
      },
    ]);
  });

  it('exits 0 when only warnings are found, and writes messages in English with --lang en', async () => {
    const sheet = budgetSheet(48400);
    (sheet.cells[5] as unknown as { v: unknown }[])[3] = { v: '10000' };
    const file = await writeBook('warn.xlsx', [sheet]);
    const { code, out } = await run(['check', '--lang', 'en', '--json', file]);
    expect(code).toBe(0);
    expect(JSON.parse(out).findings[0]).toMatchObject({ rule: 'number.text', severity: 'warning', message: "D6 holds a number stored as text ('10000')" });
  });

  it('passes the rounding policy to the engine', async () => {
    const seen: unknown[] = [];
    const spy: CliDeps = { checkWorkbook: (s, o) => (seen.push(o), fakeEngine.checkWorkbook(s, o)) };
    const file = await writeBook('r.xlsx', [budgetSheet(48400)]);
    await run(['check', file, '--rounding', 'truncate', '--json'], spy);
    await run(['check', file, '--json'], spy);
    expect(seen).toEqual([{ rounding: 'truncate' }, { rounding: 'half-up' }]);
  });

  it('reports an unreadable file on its line and on stderr, still checks the others, exit 2', async () => {
    const good = await writeBook('good.xlsx', [budgetSheet(48000)]);
    const missing = path.join(dir, 'nope.xlsx');
    const { code, out, err } = await run(['check', missing, good, '--json', '--lang', 'en']);
    expect(code).toBe(2);
    const [first, second] = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(first).toEqual({ file: missing, error: 'no such file' });
    expect(second.file).toBe(good);
    expect(second.findings).toHaveLength(1);
    expect(err).toBe(`report-tables: ${missing}: no such file\n`);
  });
});

describe('report-tables check (text report)', () => {
  it('groups findings by sheet and table, in Korean by default, with a summary line', async () => {
    const a = budgetSheet(48000);
    const b = { ...budgetSheet(48400), name: '재무과' };
    const file = await writeBook('two.xlsx', [a, b]);
    const { code, out } = await run(['check', file]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(file);
    expect(lines).toContain('  [기획예산과]');
    expect(lines).toContain('    표 B4:G6 (budget-by-year) "재원별 소요예산"');
    expect(lines.find((l) => l.includes('C6') && l.includes('오류'))).toMatch(/가로 합계 C6의 값은 48,000이지만.*\[sum\.row\]/);
    expect(lines).toContain('  [재무과]');
    expect(lines).toContain('    표 B4:G6 (budget-by-year) "재원별 소요예산" — 이상 없음');
    expect(lines[lines.length - 1]).toBe('요약: 파일 1개, 표 2개, 오류 1건, 경고 0건, 참고 0건');
  });

  it('writes the summary in English and counts unreadable files', async () => {
    const file = await writeBook('one.xlsx', [budgetSheet(48400)]);
    const { code, out, err } = await run(['check', file, path.join(dir, 'gone.xlsx'), '--lang', 'en']);
    expect(code).toBe(2);
    expect(out.trimEnd().split('\n').pop()).toBe('Summary: 1 file, 1 table, 0 errors, 0 warnings, 0 info, 1 unreadable');
    expect(err).toMatch(/gone\.xlsx: no such file/);
  });
});

describe('report-tables check on bad input', () => {
  it.each(['ko', 'en'])('each kind exits 2 with one line naming the file and the reason, no stack trace (%s)', async (lang) => {
    const cases = await badInputs();
    await fs.mkdir(path.join(dir, lang), { recursive: true });
    for (const input of cases) {
      const file = await materialise(path.join(dir, lang), input);
      const { code, out, err } = await run(['check', file, '--lang', lang]);
      expect({ name: input.name, code }).toEqual({ name: input.name, code: 2 });
      const errLines = err.trimEnd().split('\n');
      expect({ name: input.name, lines: errLines.length }).toEqual({ name: input.name, lines: 1 });
      expect(errLines[0].startsWith(`report-tables: ${file}: `)).toBe(true);
      if (lang === 'en') expect(errLines[0]).toMatch(input.says);
      expect(err + out).not.toMatch(/\n\s+at |Error:/);
    }
  });

  it('gives every kind its own reason', async () => {
    const cases = await badInputs();
    await fs.mkdir(path.join(dir, 'distinct'), { recursive: true });
    const reasons = new Map<string, string>();
    for (const input of cases) {
      const file = await materialise(path.join(dir, 'distinct'), input);
      const { out } = await run(['check', file, '--json']);
      reasons.set(input.code + (input.code === 'drm' ? input.name : ''), JSON.parse(out).error);
    }
    const byCode = new Map<string, string>();
    for (const input of cases) byCode.set(input.code, reasons.get(input.code + (input.code === 'drm' ? input.name : ''))!);
    expect(new Set(byCode.values()).size).toBe(byCode.size);
  });
});
