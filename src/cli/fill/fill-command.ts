/**
 * report-tables fill <in.xlsx> -o <out.xlsx> [--values] [--overwrite] [--force] [--json] [--rounding half-up|truncate] [--lang ko|en]
 * Exit: 0 wrote everything, 1 wrote but left conflicts, 2 could not read or write (nothing written).
 */
import path from 'node:path';
import { asValueWrites, fromA1, planFillSettled, toA1, type CellWrite, type FillPlan, type RoundingPolicy, type SheetGrid } from '../../engine';
import { fillSkipMessage, formatFinding, readProblemReason, type Lang } from '../../messages';
import { readWorkbookBuffer } from '../../xlsx/read-workbook';
import { readFileBytes } from '../../xlsx/read-file';
import { isWorkbookReadError } from '../../xlsx/read-problem';
import { isPatchError, patchXlsxPackage, verifyPatched } from '../../xlsx/patch';
import type { CliDeps, Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK, reportTrouble, type CliIo } from '../io';
import { inputAndOutput, oneOf, parseOptions } from '../parse-options';
import { writeFailureReason, writeWhole } from './write-output';
import { pathExists } from '../path-exists';

const ROUNDING: readonly RoundingPolicy[] = ['half-up', 'truncate'];
const LANGS: readonly Lang[] = ['ko', 'en'];

export interface FillJson {
  file: string;
  output: string;
  writes: { sheet: string; cell: string; formula: string | null; value: number | string | boolean | null; format: string | null }[];
  conflicts: { sheet: string; cell: string; expected: number | string | null; actual: number | string | null; related: string[]; message: string }[];
  compound: FillPlan['compound'];
  /** Cells fill left alone, each with the reason in words (the input it could not use quoted). */
  skipped: (FillPlan['skipped'][number] & { message: string })[];
}

async function run(args: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    output: { type: 'string', short: 'o' },
    values: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    rounding: { type: 'string' },
    lang: { type: 'string' },
  });
  const rounding = oneOf('rounding', values.rounding as string | undefined, ROUNDING, 'half-up');
  const lang = oneOf('lang', values.lang as string | undefined, LANGS, 'ko');
  const { input, output } = inputAndOutput(positionals, values.output);
  const ko = lang === 'ko';

  if (path.resolve(input) === path.resolve(output)) {
    return reportTrouble(io, output, ko ? '입력 파일에 덮어쓸 수 없습니다. 다른 출력 파일을 지정하세요' : 'the output is the input; fill never changes its input');
  }

  let bytes: Uint8Array;
  let sheets: SheetGrid[];
  try {
    bytes = await readFileBytes(input);
    sheets = await readWorkbookBuffer(bytes, { fileName: input });
  } catch (err) {
    if (isWorkbookReadError(err)) return reportTrouble(io, input, readProblemReason(err.problem, lang));
    return reportTrouble(io, input, `internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (values.force !== true && (await pathExists(output))) {
    return reportTrouble(io, output, writeFailureReason({ ok: false, reason: 'exists' }, ko));
  }

  const plan = planFillSettled(sheets, (current) => deps.checkWorkbook(current, { rounding }), { rounding, overwrite: values.overwrite === true, values: values.values === true });
  const writes: CellWrite[] = values.values === true ? asValueWrites(plan.writes) : plan.writes;

  let patched: Uint8Array;
  try {
    patched = (await patchXlsxPackage(bytes, writes, { sheets })).bytes;
    await verifyPatched(patched, writes);
  } catch (err) {
    if (isPatchError(err)) return reportTrouble(io, input, (ko ? '안전하게 채울 수 없습니다: ' : 'cannot fill safely: ') + err.message);
    throw err;
  }

  const written = await writeWhole(output, patched, values.force === true);
  if (!written.ok) {
    return reportTrouble(io, output, writeFailureReason(written, ko));
  }

  const inputText = inputTextOf(sheets, new Set(plan.skipped.map((s) => `${s.sheet}!${s.cell}`)));
  if (values.json === true) io.stdout(`${JSON.stringify(fillJson(input, output, writes, plan, lang, inputText))}\n`);
  else io.stdout(textReport(input, output, writes, plan, lang, inputText));
  return plan.conflicts.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** What an input cell of a sheet holds, for quoting in a skip message (cells fill left alone say nothing). */
type SheetInputText = (sheet: string) => (a1: string) => string | undefined;

function inputTextOf(sheets: readonly SheetGrid[], leftAlone: ReadonlySet<string>): SheetInputText {
  return (sheetName) => (a1) => {
    if (leftAlone.has(`${sheetName}!${a1}`)) return undefined;
    const at = fromA1(a1);
    const v = at ? sheets.find((s) => s.name === sheetName)?.cells[at.row]?.[at.col] : undefined;
    if (!v) return undefined;
    if (v.error) return v.error;
    return v.v === null || v.v === undefined ? undefined : String(v.v);
  };
}

const noText: SheetInputText = () => () => undefined;

export function fillJson(file: string, output: string, writes: readonly CellWrite[], plan: FillPlan, lang: Lang, inputText: SheetInputText = noText): FillJson {
  return {
    file,
    output,
    writes: writes.map((w) => ({ sheet: w.sheet, cell: toA1(w.row, w.col), formula: w.formula ?? null, value: w.value, format: w.fmt ?? null })),
    conflicts: plan.conflicts.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      related: f.related ?? [],
      message: formatFinding(f, lang),
    })),
    compound: plan.compound,
    skipped: plan.skipped.map((s) => ({ ...s, message: fillSkipMessage(s, inputText(s.sheet), lang) })),
  };
}

function textReport(file: string, output: string, writes: readonly CellWrite[], plan: FillPlan, lang: Lang, inputText: SheetInputText): string {
  const ko = lang === 'ko';
  const lines = [ko ? `${file} → ${output}: ${writes.length}개 셀을 채웠습니다` : `${file} → ${output}: filled ${writes.length} cells`];
  for (const f of plan.conflicts) lines.push(`  ${f.sheet}!${f.cell}: ${formatFinding(f, lang)}`);
  for (const c of plan.compound.filter((x) => !x.agrees)) {
    lines.push(ko ? `  ${c.sheet}!${c.cell}: '${c.actual}' → '${c.expected}' (직접 고치세요)` : `  ${c.sheet}!${c.cell}: '${c.actual}' should read '${c.expected}' (edit it by hand)`);
  }
  if (plan.skipped.length > 0) {
    lines.push(ko ? `  채우지 못한 셀 ${plan.skipped.length}개:` : `  ${plan.skipped.length} cells left alone:`);
    for (const s of plan.skipped) lines.push(`    ${s.sheet}!${s.cell}: ${fillSkipMessage(s, inputText(s.sheet), lang)}`);
  }
  return `${lines.join('\n')}\n`;
}

export const fillCommand: Command = {
  name: 'fill',
  usage: 'fill <in.xlsx> -o <out.xlsx> [--values] [--overwrite] [--force] [--json] [--rounding half-up|truncate] [--lang ko|en]',
  summary: 'write totals, rates and 증감 as live formulas into a copy, keeping everything else (exit 0 done, 1 conflicts left, 2 trouble)',
  run,
};
