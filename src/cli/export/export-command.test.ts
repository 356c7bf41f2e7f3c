import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rangeFromA1 } from '../../engine';
import { exportTable } from '../../engine/export';
import { importReportText } from '../../engine/import-report';
import { readWorkbookFile } from '../../xlsx/read-file';
import { referenceTables, referenceText } from '../../../test/fixtures/reference';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';
import { reportWorkbookBytes } from '../import/import-command';

let dir: string;
let book: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-export-'));
  book = path.join(dir, 'book.xlsx');
  await fs.writeFile(book, await reportWorkbookBytes(importReportText(referenceText())));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['export', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const lawsuits = referenceTables().find((t) => t.id === 'lawsuits')!;

describe('report-tables export', () => {
  it.each(['tsv', 'csv', 'md'] as const)('writes %s of a range to standard output, as the engine exports it', async (format) => {
    const got = await run(book, '--sheet', '기획예산과', '--range', lawsuits.range, '--format', format);
    expect(got.code).toBe(0);
    const sheet = (await readWorkbookFile(book)).find((s) => s.name === '기획예산과')!;
    expect(got.out).toBe(exportTable(sheet, rangeFromA1(lawsuits.range)!, format));
    expect(got.out).toContain('처리현황');
  });

  it('writes no unit line the sheet does not write (a registered table whose spec unit was guessed)', async () => {
    const council = referenceTables().find((t) => t.id === 'council-sessions')!;
    expect(council.unit).toBeUndefined();
    const got = await run(book, '--sheet', '기획예산과', '--range', council.range, '--format', 'md');
    expect(got.code).toBe(0);
    expect(got.out.startsWith('| 구분 |')).toBe(true);
    expect(got.out).not.toMatch(/단위/);
  });

  it('HTML is a whole document that says its charset', async () => {
    const got = await run(book, '--sheet', '기획예산과', '--range', lawsuits.range.toLowerCase());
    expect(got.code).toBe(0);
    expect(got.out).toMatch(/^<!DOCTYPE html>[\s\S]*<meta charset="utf-8">[\s\S]*<th colspan="6"[^>]*>처리현황<\/th>/);
  });

  it('without --range exports the sheet\'s first table and names the others on stderr', async () => {
    const got = await run(book, '--sheet', '기획예산과', '--format', 'tsv');
    expect(got.code).toBe(0);
    expect(got.out.split('\n')[0]).toBe('팀 명\t주 요 업 무');
    expect(got.err).toMatch(/first of 24 tables/);
  });

  it('writes a file (CSV with a byte-order mark for Excel) and will not replace one without --force', async () => {
    const out = path.join(dir, 'lawsuits.csv');
    expect((await run(book, '--sheet', '기획예산과', '--range', lawsuits.range, '--format', 'csv', '-o', out)).code).toBe(0);
    const bytes = await fs.readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const again = await run(book, '--sheet', '기획예산과', '--range', lawsuits.range, '--format', 'csv', '-o', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--force/);
    expect((await run(book, '--sheet', '기획예산과', '--range', lawsuits.range, '--format', 'csv', '-o', out, '--force')).code).toBe(0);
  });

  it.each([
    ['an unknown sheet', ['--sheet', '없는시트'], /no sheet named '없는시트' \(sheets: '기획예산과'\)/],
    ['the hidden registry sheet', ['--sheet', '_report_tables'], /no sheet named/],
    ['a bad range', ['--sheet', '기획예산과', '--range', 'A1:'], /not a range/],
    ['a range off the sheet', ['--sheet', '기획예산과', '--range', 'AA500:AB501'], /empty/],
    ['an unknown format', ['--sheet', '기획예산과', '--format', 'pdf'], /--format must be one of html, tsv, csv, md/],
    ['no sheet', [], /no sheet given/],
  ])('%s: exit 2 with a clear line', async (_name, args, says) => {
    const got = await run(book, ...args);
    expect(got.code).toBe(2);
    expect(got.out).toBe('');
    expect(got.err).toMatch(says);
    expect(got.err).not.toMatch(/\bat \w+ \(/);
  });

  it('a missing workbook: exit 2', async () => {
    const got = await run(path.join(dir, 'missing.xlsx'), '--sheet', 'S');
    expect(got.code).toBe(2);
    expect(got.err.trim().split('\n')).toHaveLength(1);
  });
});
