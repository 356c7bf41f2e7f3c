/**
 * report-tables summary <in.xlsx> -o <out.xlsx> [--force] [--json] [--lang ko|en]
 * Builds (or refreshes) the bureau summary sheet '총괄' in a copy of the workbook. An existing '총괄' is patched
 * inside the original package (every other part kept byte for byte); a new sheet needs a full rewrite by
 * exceljs, done only when the file holds nothing exceljs would drop (charts, images, pivot tables …).
 * Exit: 0 written, 2 could not read or write (nothing written).
 */
import path from 'node:path';
import JSZip from 'jszip';
import { buildBudgetSummary, rangeToA1, type BudgetSummary } from '../../engine';
import { readProblemReason, type Lang } from '../../messages';
import { loadWorkbookBuffer } from '../../xlsx/read-workbook';
import { readFileBytes } from '../../xlsx/read-file';
import { isWorkbookReadError } from '../../xlsx/read-problem';
import { XlsxWorkbook } from '../../xlsx/xlsx-workbook';
import { isPatchError, patchXlsxPackage, verifyPatched } from '../../xlsx/patch';
import type { CliDeps, Command } from '../command';
import { EXIT_OK, reportTrouble, type CliIo } from '../io';
import { inputAndOutput, oneOf, parseOptions } from '../parse-options';
import { writeFailureReason, writeWhole } from '../fill/write-output';

const LANGS: readonly Lang[] = ['ko', 'en'];

/** Package parts an exceljs rewrite loses or mangles. */
const FRAGILE_PARTS: { pattern: RegExp; ko: string; en: string }[] = [
  { pattern: /^xl\/charts\//, ko: '차트', en: 'charts' },
  { pattern: /^xl\/drawings\//, ko: '도형·그림', en: 'drawings' },
  { pattern: /^xl\/media\//, ko: '이미지', en: 'images' },
  { pattern: /^xl\/pivot(Tables|Cache)\//, ko: '피벗 테이블', en: 'pivot tables' },
  { pattern: /^xl\/(slicers|slicerCaches|timelines)\//, ko: '슬라이서', en: 'slicers' },
  { pattern: /^xl\/externalLinks\//, ko: '외부 연결', en: 'external links' },
  { pattern: /^xl\/(embeddings|activeX|ctrlProps)\//, ko: '개체·컨트롤', en: 'embedded objects or controls' },
  { pattern: /^xl\/vbaProject\.bin$/, ko: '매크로', en: 'macros' },
  { pattern: /^xl\/(threadedComments|persons)\//, ko: '스레드 메모', en: 'threaded comments' },
];

/** What an exceljs rewrite of this package would lose (empty: nothing). */
export async function partsExceljsWouldDrop(bytes: Uint8Array, lang: Lang): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  return FRAGILE_PARTS.filter((p) => names.some((n) => p.pattern.test(n))).map((p) => p[lang]);
}

export interface SummaryJson {
  file: string;
  output: string;
  sheet: string;
  created: boolean;
  range: string;
  yearTotals: { sheet: string; range: string; years: number[] } | null;
  tables: string[];
  skipped: BudgetSummary['skipped'];
}

async function run(args: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const lang = oneOf('lang', values.lang as string | undefined, LANGS, 'ko');
  const ko = lang === 'ko';
  const { input, output } = inputAndOutput(positionals, values.output);
  if (path.resolve(input) === path.resolve(output)) {
    return reportTrouble(io, output, ko ? '입력 파일에 덮어쓸 수 없습니다. 다른 출력 파일을 지정하세요' : 'the output is the input; summary never changes its input');
  }

  let bytes: Uint8Array;
  let book: XlsxWorkbook;
  try {
    bytes = await readFileBytes(input);
    book = XlsxWorkbook.fromWorkbook(await loadWorkbookBuffer(bytes, { fileName: input }));
  } catch (err) {
    if (isWorkbookReadError(err)) return reportTrouble(io, input, readProblemReason(err.problem, lang));
    return reportTrouble(io, input, `internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const sheets = await book.readSheets();
  const registry = await book.readRegistry();
  // Registered tables by their spec (with the ranges their names hold), the rest by detection.
  const result = deps.checkWorkbook(sheets, {}, undefined, registry);
  const summary = buildBudgetSummary(sheets, result.tables);

  let out: Uint8Array;
  if (!summary.create) {
    try {
      out = (await patchXlsxPackage(bytes, summary.writes, { sheets })).bytes;
      await verifyPatched(out, summary.writes);
    } catch (err) {
      if (isPatchError(err)) return reportTrouble(io, input, (ko ? '총괄 시트를 안전하게 고칠 수 없습니다: ' : 'cannot refresh the summary safely: ') + err.message);
      throw err;
    }
  } else {
    const fragile = await partsExceljsWouldDrop(bytes, lang);
    if (fragile.length > 0) {
      return reportTrouble(
        io,
        input,
        ko
          ? `새 '${summary.sheet}' 시트를 추가하면 ${fragile.join(', ')}이(가) 사라질 수 있어 쓰지 않았습니다. 빈 '${summary.sheet}' 시트를 먼저 만들어 두면 그 시트만 고칩니다`
          : `adding a new '${summary.sheet}' sheet would lose the file's ${fragile.join(', ')}; nothing was written. Add an empty '${summary.sheet}' sheet first and summary will fill just that sheet`,
      );
    }
    await book.writeCells(summary.writes);
    out = new Uint8Array(await book.toBuffer());
  }

  const written = await writeWhole(output, out, values.force === true);
  if (!written.ok) {
    return reportTrouble(io, output, writeFailureReason(written, ko));
  }
  if (values.json === true) {
    const json: SummaryJson = {
      file: input,
      output,
      sheet: summary.sheet,
      created: summary.create,
      range: rangeToA1(summary.range),
      yearTotals: summary.yearTotals ? { sheet: summary.yearTotals.sheet, range: rangeToA1(summary.yearTotals.range), years: summary.yearTotals.years } : null,
      tables: summary.tables,
      skipped: summary.skipped,
    };
    io.stdout(`${JSON.stringify(json)}\n`);
  } else {
    io.stdout(
      ko
        ? `${input} → ${output}: '${summary.sheet}' 시트에 예산 표 ${summary.tables.length}개를 정리했습니다${summary.skipped.length ? ` (단위가 달라 ${summary.skipped.length}개 제외)` : ''}\n`
        : `${input} → ${output}: listed ${summary.tables.length} budget tables on '${summary.sheet}'${summary.skipped.length ? ` (${summary.skipped.length} left out: another unit)` : ''}\n`,
    );
  }
  return EXIT_OK;
}

export const summaryCommand: Command = {
  name: 'summary',
  usage: 'summary <in.xlsx> -o <out.xlsx> [--force] [--json] [--lang ko|en]',
  summary: "build or refresh the bureau summary sheet '총괄' (every budget table, live formulas, totals by year) in a copy",
  run,
};
