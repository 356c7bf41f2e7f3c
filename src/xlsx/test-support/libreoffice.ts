/**
 * Have LibreOffice open an .xlsx, recalculate every formula and save it again as .xlsx (interop tests only).
 * A private profile per call (concurrent runs must not share one) sets OOXMLRecalcMode = 0: always recalculate.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export async function libreOfficeResave(xlsx: Uint8Array): Promise<Uint8Array> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-lo-'));
  try {
    const profile = path.join(work, 'profile');
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
    const input = path.join(work, 'in', 'book.xlsx');
    const outDir = path.join(work, 'out');
    await fs.mkdir(path.dirname(input), { recursive: true });
    await fs.writeFile(input, xlsx);
    await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input],
      { timeout: 120_000 },
    );
    const output = path.join(outDir, 'book.xlsx');
    try {
      return new Uint8Array(await fs.readFile(output));
    } catch {
      throw new Error('LibreOffice produced no output file');
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
