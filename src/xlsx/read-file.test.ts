import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookFile } from './read-file';
import { readWorkbookBuffer } from './read-workbook';
import { isWorkbookReadError, type ReadProblem } from './read-problem';
import { badInputs, materialise, validXlsx, type BadInput } from './test-support/bad-inputs';

let dir: string;
let cases: BadInput[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-read-'));
  cases = await badInputs();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function problemOf(run: () => Promise<unknown>): Promise<ReadProblem> {
  try {
    await run();
  } catch (err) {
    if (isWorkbookReadError(err)) return err.problem;
    throw err;
  }
  throw new Error('expected the read to fail');
}

describe('unreadable files are classified precisely', () => {
  it('covers every kind the issue names', async () => {
    const codes = new Set(cases.map((c) => c.code));
    for (const code of ['not-found', 'is-directory', 'empty', 'not-zip', 'corrupt-zip', 'legacy-xls', 'encrypted', 'drm', 'hancom-cell', 'malformed-xml']) {
      expect(codes).toContain(code);
    }
  });

  it('gives each case its own code, the file name and a reason', async () => {
    for (const input of cases) {
      const file = await materialise(dir, input);
      const problem = await problemOf(() => readWorkbookFile(file));
      expect({ name: input.name, code: problem.code }).toEqual({ name: input.name, code: input.code });
      expect(problem.file).toBe(file);
      expect(problem.message.startsWith(`${file}: `)).toBe(true);
      expect(problem.message).toMatch(input.says);
      expect(problem.message).not.toMatch(/\n|at .*\.(js|ts):\d+/);
    }
  });

  it('classifies the same bytes the same way in the browser-safe reader', async () => {
    for (const input of cases) {
      if (!(input.content instanceof Uint8Array)) continue;
      const problem = await problemOf(() => readWorkbookBuffer(input.content as Uint8Array, { fileName: input.fileName }));
      expect({ name: input.name, code: problem.code }).toEqual({ name: input.name, code: input.code });
    }
  });

  it('reads a valid workbook from disk', async () => {
    const file = path.join(dir, 'ok.xlsx');
    await fs.writeFile(file, await validXlsx());
    const sheets = await readWorkbookFile(file);
    expect(sheets[0].cells).toEqual([[{ v: '계' }, { v: 1 }]]);
  });
});
