/**
 * The corpus bar on files re-saved by LibreOffice (needs soffice; `npm run test:interop`): corpus workbooks are
 * written with exceljs, opened and saved again by LibreOffice (its own styles, shared strings and merge records),
 * read back with the exceljs adapter and checked. The bars are the same as on the grids themselves.
 */
import { execFile } from 'node:child_process';
import { promises as fs, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SheetGrid } from '../../src/engine';
import { gridsToXlsxBuffer, readWorkbookBuffer } from '../../src/xlsx';
import { generateCorpus, type Corpus } from './generate';
import { BARS, evaluateCorpus, renderReport, share, summary, type Evaluation } from './evaluate';

const run = promisify(execFile);
const SEED = 4242;
const TABLES = 40;

/** One soffice run converts every file (starting LibreOffice costs seconds); a private profile per run. */
async function libreOfficeResaveAll(files: Map<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-corpus-lo-'));
  try {
    const profile = path.join(work, 'profile');
    const inDir = path.join(work, 'in');
    const outDir = path.join(work, 'out');
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.mkdir(inDir);
    const inputs: string[] = [];
    for (const [name, data] of files) {
      const file = path.join(inDir, `${name}.xlsx`);
      await fs.writeFile(file, data);
      inputs.push(file);
    }
    await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...inputs],
      { timeout: 170_000 },
    );
    const out = new Map<string, Uint8Array>();
    for (const name of files.keys()) {
      try {
        out.set(name, new Uint8Array(await fs.readFile(path.join(outDir, `${name}.xlsx`))));
      } catch {
        throw new Error(`LibreOffice produced no output for ${name}`);
      }
    }
    return out;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

let corpus: Corpus;
let ev: Evaluation;

beforeAll(async () => {
  const original = generateCorpus(SEED, { tables: TABLES, faultsPerTable: 1 });
  const files = new Map<string, Uint8Array>();
  const fileName = (id: string) => id.replace(/[^A-Za-z0-9]+/g, '_');
  for (const wb of original.workbooks) files.set(fileName(wb.id), new Uint8Array(await gridsToXlsxBuffer(wb.sheets)));
  for (const f of original.faults) files.set(fileName(f.id), new Uint8Array(await gridsToXlsxBuffer(f.sheets)));
  const resaved = await libreOfficeResaveAll(files);
  const readBack = async (id: string): Promise<SheetGrid[]> => readWorkbookBuffer(resaved.get(fileName(id)) as Uint8Array);
  corpus = {
    seed: original.seed,
    workbooks: await Promise.all(original.workbooks.map(async (wb) => ({ ...wb, sheets: await readBack(wb.id) }))),
    faults: await Promise.all(original.faults.map(async (f) => ({ ...f, sheets: await readBack(f.id) }))),
  };
  ev = evaluateCorpus(corpus);
  const dir = path.join(__dirname, '..', '..', 'test-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'corpus-report-libreoffice.md'), renderReport(corpus, ev, { title: `Corpus re-saved by LibreOffice (seed ${SEED}, ${TABLES} tables)` }));
}, 175_000);

describe(`corpus re-saved by LibreOffice (seed ${SEED})`, () => {
  test('LibreOffice kept every sheet', () => {
    for (const wb of corpus.workbooks) expect(wb.sheets.map((s) => s.name)).toEqual(wb.plans.map((p) => p.name));
  });

  test('every table is found with exactly its header + body range', () => {
    const wrong = ev.detection.failures.map((f) => `${f.table.id} (${f.table.kind}) ${f.table.range} → ${f.detected.join(', ') || 'missed'}`);
    expect({ summary: summary(ev), wrong }).toEqual({ summary: summary(ev), wrong: [] });
  });

  test('no error findings on clean workbooks', () => {
    const errors = ev.falseErrors.map((f) => `${f.workbook}/${f.finding.sheet}!${f.finding.cell} ${f.finding.rule} (${f.table?.kind ?? '-'})`);
    expect({ summary: summary(ev), errors }).toEqual({ summary: summary(ev), errors: [] });
  });

  test(`at least ${BARS.found * 100}% of planted faults are found`, () => {
    expect({ summary: summary(ev), met: share(ev.found) >= BARS.found }).toEqual({ summary: summary(ev), met: true });
  });

  test(`a changed part of a two-way table is named by sum.cell at least ${BARS.sumCell * 100}% of the time`, () => {
    expect({ summary: summary(ev), met: share(ev.sumCell) >= BARS.sumCell }).toEqual({ summary: summary(ev), met: true });
  });
});
