/**
 * Have LibreOffice recalculate a workbook: convert xlsx → xlsx headless, with a private profile (one per run, so
 * concurrent runs never share one) whose settings force recalculation on load (OOXMLRecalcMode = 0, "always").
 * Read the result back with src/xlsx: a CSV export would hold only the first sheet.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SheetGrid } from '../../src/engine';
import { readWorkbookBuffer } from '../../src/xlsx/read-workbook';

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const SOFFICE = process.env.SOFFICE ?? 'soffice';

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** The recalculated workbook's bytes. Throws when soffice fails or writes nothing. */
export async function recalcXlsx(input: Uint8Array, timeoutMs = 120000): Promise<Uint8Array> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-lo-'));
  try {
    const profile = path.join(work, 'profile');
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), REGISTRY);
    const inDir = path.join(work, 'in');
    const outDir = path.join(work, 'out');
    await fs.mkdir(inDir);
    await fs.mkdir(outDir);
    const source = path.join(inDir, 'book.xlsx');
    await fs.writeFile(source, input);
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        source,
      ],
      timeoutMs,
    );
    const result = path.join(outDir, 'book.xlsx');
    try {
      return new Uint8Array(await fs.readFile(result));
    } catch {
      throw new Error(`LibreOffice wrote no output for ${source}`);
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Recalculate and read back as grids. */
export async function recalcGrids(input: Uint8Array): Promise<SheetGrid[]> {
  return readWorkbookBuffer(await recalcXlsx(input));
}
