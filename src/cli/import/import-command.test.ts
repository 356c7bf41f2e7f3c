/**
 * The import bar: the reference report imported into a workbook, read back as a file, checks with 0 errors, with
 * every table of the ground truth at its range and kind, and every figure equal to the report's, cell for cell.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWorkbook, rangeFromA1, rangeToA1, REGISTRY_SHEET, type SheetGrid } from '../../engine';
import { REPORT_NUMBER_FORMAT, typedFigure } from '../../engine/import-report';
import { allTables, parseReportText } from '../../engine/report-text';
import { readWorkbookFile, loadWorkbookFile } from '../../xlsx/read-file';
import { gridsToXlsxBuffer } from '../../xlsx/write-grids';
import { referenceTables, referenceText, REFERENCE_REPORT_PATH } from '../../../test/fixtures/reference';
import { main } from '../main';
import { captureIo } from '../test-support/capture-io';
import { decodeReportText } from './decode-text';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rt-import-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function runImport(input: string, output: string, ...extra: string[]) {
  const io = captureIo();
  const code = await main(['import', input, '-o', output, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** CP949 bytes for a text, from the decoder's own table (Node has no CP949 encoder); null for an unmappable character. */
function cp949(text: string): Uint8Array | null {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('euc-kr');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else return null;
  }
  return new Uint8Array(out);
}

describe('importing the reference report', () => {
  let sheets: SheetGrid[];
  let out: string;
  let json: { tables: { sheet: string; range: string; kind: string; id: string | null }[]; encoding: string };
  beforeAll(async () => {
    out = path.join(dir, 'reference.xlsx');
    const run = await runImport(REFERENCE_REPORT_PATH, out, '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    json = JSON.parse(run.out);
    sheets = await readWorkbookFile(out);
  });

  it('writes one sheet per department section, and the registry very hidden', () => {
    expect(sheets.filter((s) => s.state !== 'veryHidden').map((s) => s.name)).toEqual(['기획예산과']);
    expect(sheets.find((s) => s.name === REGISTRY_SHEET)?.state).toBe('veryHidden');
    expect(json.encoding).toBe('utf-8');
  });

  it('checks clean, and finds every table of the ground truth at its range with its kind', () => {
    const result = checkWorkbook(sheets);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const found = result.tables.map((t) => `${t.sheet}!${rangeToA1(t.range)} ${t.kind}`).sort();
    const want = referenceTables().map((t) => `${t.sheet}!${t.range} ${t.kind}`).sort();
    expect(found).toEqual(want);
  });

  it('registers every numeric table a spec can declare, with a defined name over its range', async () => {
    const registered = json.tables.filter((t) => t.id !== null);
    expect(registered.length).toBeGreaterThanOrEqual(13);
    for (const t of json.tables) if (t.kind === 'text') expect(t.id).toBeNull();
    const wb = await loadWorkbookFile(out);
    const names = new Map((wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map((n) => [n.name, n.ranges]));
    for (const t of registered) {
      const ranges = names.get(`RT_${t.id}`);
      expect(ranges).toHaveLength(1);
      expect(ranges![0].replace(/\$/g, '')).toBe(`'${t.sheet}'!${t.range}`);
    }
  });

  it('holds every field of every report table, figures as numbers in the report format, the rest as written', () => {
    const doc = parseReportText(referenceText());
    const tables = allTables(doc).map((t) => t.table);
    const refs = referenceTables();
    expect(tables).toHaveLength(refs.length);
    let figures = 0;
    refs.forEach((ref, k) => {
      const sheet = sheets.find((s) => s.name === ref.sheet)!;
      const range = rangeFromA1(ref.range)!;
      const numeric = ref.kind !== 'text';
      tables[k].rows.forEach((fields, r) => {
        fields.forEach((field, c) => {
          const cell = sheet.cells[range.r0 + r]?.[range.c0 + c];
          const inBody = numeric && r >= ref.headerRows && c >= ref.labelCols;
          const typed = inBody ? typedFigure(field) : null;
          if (field === '') expect(cell?.v ?? null).toBeNull();
          else if (typed) {
            figures++;
            expect({ at: rangeToA1({ r0: range.r0 + r, c0: range.c0 + c, r1: range.r0 + r, c1: range.c0 + c }), v: cell?.v, fmt: cell?.fmt }).toEqual({
              at: expect.any(String),
              v: Number(field.replace(/,/g, '')),
              fmt: REPORT_NUMBER_FORMAT,
            });
          } else expect(cell?.v).toBe(field);
        });
      });
      // Captions sit right above the table, as the report writes them.
      ref.captions.forEach((caption, i) => expect(sheet.cells[range.r0 - ref.captions.length + i]?.[0]?.v).toBe(caption));
    });
    expect(figures).toBeGreaterThan(150);
  });

  it('merges the headers the report draws merged', () => {
    const sheet = sheets.find((s) => s.name === '기획예산과')!;
    const lawsuits = referenceTables().find((t) => t.id === 'lawsuits')!;
    const top = rangeFromA1(lawsuits.range)!.r0;
    // 처리현황 spans the six columns D:I of the lawsuits' first header row.
    expect(sheet.merges).toContainEqual({ r0: top, c0: 3, r1: top, c1: 8 });
  });
});

describe('the readable summary says why a table stays unregistered, in the chosen language', () => {
  it.each([
    ['ko', '미등록: 숫자가 없는 글 표라서', 'a text table'],
    ['en', 'not registered: a text table has no figures to declare', '미등록'],
  ])('--lang %s', async (lang, says, never) => {
    const run = await runImport(REFERENCE_REPORT_PATH, path.join(dir, `summary-${lang}.xlsx`), '--lang', lang);
    expect(run.code).toBe(0);
    const textLines = run.out.split('\n').filter((l) => / text /.test(l));
    expect(textLines.length).toBeGreaterThan(0);
    for (const line of textLines) {
      expect(line).toContain(says);
      expect(line).not.toContain(never);
    }
  });
});

describe('other encodings give the same workbook', () => {
  const sample = ['□ 2021년 소요예산 : 19,000천원', '', '(단위 : 천원)', '', '재원별\t합계\t연차별 소요재원\t\t', '\t\t2020년\t2021년\t2022년', '계\t19,000\t-\t19,000\t0', '구비\t19,000\t-\t19,000\t'].join('\r\n');
  const encodings: [string, Uint8Array][] = [
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)])],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(sample, 'utf16le'))])],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from(sample, 'utf16le').swap16())])],
    ['CP949', cp949(sample)!],
  ];
  it.each(encodings)('%s', async (name, bytes) => {
    expect(decodeReportText(bytes)).toMatchObject({ ok: true, text: sample });
    const input = path.join(dir, `${name}.txt`);
    await fs.writeFile(input, bytes);
    const run = await runImport(input, path.join(dir, `${name}.xlsx`));
    expect(run.code).toBe(0);
    const read = await readWorkbookFile(path.join(dir, `${name}.xlsx`));
    // caption, unit line, two header rows, then 계
    expect(read[0].cells[4]?.[1]).toEqual({ v: 19000, fmt: REPORT_NUMBER_FORMAT });
  });
});

describe('bad input: exit 2, one clear line, no output', () => {
  const cases: [string, (file: string) => Promise<void>, RegExp][] = [
    ['a missing file', async () => undefined, /not found|없습니다/],
    ['a directory', (f) => fs.mkdir(f), /folder|폴더/],
    ['an empty file', (f) => fs.writeFile(f, ''), /비어|empty/],
    ['a file of blank lines', (f) => fs.writeFile(f, '\n \n\t\n'), /비어|empty/],
    ['binary data', (f) => fs.writeFile(f, new Uint8Array([1, 2, 0, 0, 200, 13, 0, 7, 99])), /이진|binary/],
    ['bytes that are no known text encoding', (f) => fs.writeFile(f, new Uint8Array([0x41, 0xff, 0xfe, 0x80, 0x81, 0x20, 0xc0])), /UTF-8/],
    ['a workbook', async (f) => fs.writeFile(f, new Uint8Array(await gridsToXlsxBuffer([{ name: 'S', cells: [[{ v: 'a' }, { v: 1 }]], merges: [] }]))), /텍스트\(\.txt\)/],
    ['text without tables', (f) => fs.writeFile(f, '□ 추진계획\n- 내용 없음\n'), /표|tables/],
  ];
  it.each(cases)('%s', async (name, make, says) => {
    const input = path.join(dir, `bad-${name}.txt`);
    const output = path.join(dir, `bad-${name}.xlsx`);
    await make(input);
    const run = await runImport(input, output);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(says);
    expect(run.err).not.toMatch(/\bat \w+ \(|Error:/);
    expect(await exists(output)).toBe(false);
  });

  it('refuses to replace an existing output without --force, and replaces it with --force', async () => {
    const output = path.join(dir, 'exists.xlsx');
    await fs.writeFile(output, 'keep me');
    const refused = await runImport(REFERENCE_REPORT_PATH, output);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--force/);
    expect(await fs.readFile(output, 'utf8')).toBe('keep me');
    const forced = await runImport(REFERENCE_REPORT_PATH, output, '--force');
    expect(forced.code).toBe(0);
    expect((await readWorkbookFile(output)).length).toBeGreaterThan(1);
  });

  it('names a missing output folder', async () => {
    const run = await runImport(REFERENCE_REPORT_PATH, path.join(dir, 'no', 'such', 'out.xlsx'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/폴더/);
  });

  it('usage mistakes: no input, no output', async () => {
    for (const args of [['import'], ['import', 'a.txt']]) {
      const io = captureIo();
      expect(await main(args, io)).toBe(2);
      expect(io.err()).toMatch(/usage: report-tables import/);
    }
  });
});
