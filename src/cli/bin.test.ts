/**
 * The installed command as a user runs it: `node bin/report-tables.js`, from the tsc build in lib/
 * (built here once so the test does not depend on an earlier `npm run build:cli`).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { grid } from '../engine/test-support';
import { gridsToXlsxBuffer } from '../xlsx';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'report-tables.js');
let dir: string;

jest.setTimeout(120_000);

beforeAll(async () => {
  await run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-bin-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/report-tables.js', () => {
  it('checks a workbook and prints one JSON line for it', async () => {
    const file = path.join(dir, 'book.xlsx');
    await fs.writeFile(file, await gridsToXlsxBuffer([grid([['구분', '계'], ['예산', 1000]], { name: '예산' })]));
    const { code, stdout, stderr } = await runBin(['check', 'book.xlsx', '--json']);
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    const line = JSON.parse(stdout);
    expect(line.file).toBe('book.xlsx');
    expect(Array.isArray(line.tables) && Array.isArray(line.findings)).toBe(true);
  });

  it('exits 2 with one line and no stack trace for an unreadable file', async () => {
    await fs.writeFile(path.join(dir, 'notes.xlsx'), 'just text\n');
    const { code, stdout, stderr } = await runBin(['check', 'notes.xlsx', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stderr).toBe('report-tables: notes.xlsx: is a text file, not an Excel workbook (.xlsx is a zip package)\n');
    expect(stdout).toMatch(/1 unreadable/);
  });

  it('exits 2 on a usage error', async () => {
    const { code, stderr } = await runBin(['check']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: report-tables check/);
  });
});
