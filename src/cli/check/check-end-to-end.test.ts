/** `check` with the real engine on workbooks written to disk: the contract's example table, clean and wrong. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cell, SheetGrid } from '../../engine';
import { grid } from '../../engine/test-support';
import { gridsToXlsxBuffer } from '../../xlsx';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';

const FMT = '#,##0;"△"#,##0;"-"';
const n = (v: number): Cell => ({ v, fmt: FMT });

/** DESIGN.md's example: B4:G8, header rows 4–5, body 계 / 구비 / 시비, C = 합계. */
function budget(part: number, extra: Cell | null = null): SheetGrid {
  return grid(
    [
      ['□ 2021년 소요예산 : 24,000천원'],
      [null, null, null, null, null, '(단위 : 천원)'],
      ['재원별', '합계', '연차별 소요재원', null, null, null],
      [null, null, '2020년', '2021년', '2022년', '2023년'],
      ['계', n(96800), n(20000), n(24000), n(26000), n(26800)],
      ['구비', n(part), n(10000), n(12000), n(13000), n(13400)],
      ['시비', n(48400), n(10000), n(12000), n(13000), n(13400)],
      [],
      [extra],
    ],
    { name: '기획예산과', at: 'B2', merges: ['B4:B5', 'C4:C5', 'D4:G4'] },
  );
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-e2e-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function book(name: string, sheets: SheetGrid[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await gridsToXlsxBuffer(sheets));
  return file;
}

async function check(...argv: string[]) {
  const io = captureIo();
  const code = await main(['check', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe('report-tables check end to end', () => {
  it('finds the budget table with its header + body range and checks it clean: exit 0', async () => {
    const file = await book('clean.xlsx', [budget(48400)]);
    const { code, out, err } = await check(file, '--json');
    expect(err).toBe('');
    const result = JSON.parse(out);
    expect(result.tables).toEqual([expect.objectContaining({ sheet: '기획예산과', range: 'B4:G8', kind: 'budget-by-year' })]);
    expect(result.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('names the wrong 합계 cell C7 with the value that fixes it: exit 1', async () => {
    const file = await book('wrong.xlsx', [budget(48000)]);
    const { code, out } = await check(file, '--json', '--lang', 'en');
    expect(code).toBe(1);
    const errors = JSON.parse(out).findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ rule: expect.stringMatching(/^sum\.(row|cell)$/), cell: 'C7', expected: 48400, actual: 48000 }),
    ]);
    expect(errors[0].message).toMatch(/C7.*48,000.*48,400/);
  });

  it('reports an error value in the table as value.error', async () => {
    const sheet = budget(48400);
    (sheet.cells[7] as Cell[])[5] = { v: null, error: '#REF!' };
    const file = await book('ref.xlsx', [sheet]);
    const { code, out } = await check(file, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'value.error', cell: 'F8', actual: '#REF!' })]));
  });

  it('prints the readable report for several files with one summary', async () => {
    const clean = await book('a.xlsx', [budget(48400)]);
    const wrong = await book('b.xlsx', [budget(48000)]);
    const { code, out } = await check(clean, wrong);
    expect(code).toBe(1);
    expect(out).toContain(`${clean}\n  [기획예산과]\n    표 B4:G8 (budget-by-year)`);
    expect(out).toMatch(/오류 {2}C7 {5}.*48,000.*48,400/);
    expect(out.trimEnd().split('\n').pop()).toMatch(/^요약: 파일 2개, 표 2개, 오류 1건/);
  });
});
