/**
 * report-tables import <report.txt> -o <out.xlsx> [--force] [--json] [--lang ko|en]
 * The report's text form → a structured workbook: a sheet per department section, every table with its caption
 * lines, merged headers, plain figures as numbers in the report's format, registered as structured tables where
 * a spec can declare them. Exit: 0 written, 2 could not read the text or write the workbook (nothing written).
 */
import path from 'node:path';
import { rangeToA1 } from '../../engine';
import { importReportText, type ReportImport } from '../../engine/import-report';
import { readProblemReason, specProblemsMessage, type Lang } from '../../messages';
import { gridsToWorkbook } from '../../xlsx/write-grids';
import { readFileBytes } from '../../xlsx/read-file';
import { isWorkbookReadError } from '../../xlsx/read-problem';
import type { Command } from '../command';
import { EXIT_OK, reportTrouble, type CliIo } from '../io';
import { inputAndOutput, oneOf, parseOptions } from '../parse-options';
import { writeFailureReason, writeWhole } from '../fill/write-output';
import { decodeReportText, type DecodedText } from './decode-text';
import { pathExists } from '../path-exists';

const LANGS: readonly Lang[] = ['ko', 'en'];

function decodeReason(decoded: Extract<DecodedText, { ok: false }>, ko: boolean): string {
  switch (decoded.reason) {
    case 'empty':
      return ko ? '파일이 비어 있습니다' : 'the file is empty';
    case 'workbook':
      return ko
        ? '텍스트 파일이 아니라 문서·통합문서 파일입니다. 보고서를 텍스트(.txt)로 저장해 주세요'
        : 'this is a document or workbook file, not text: save the report as text (.txt) first';
    case 'hancom':
      return ko ? '한컴 문서 파일입니다. 한글에서 "텍스트 문서(.txt)"로 저장해 주세요' : 'this is a Hancom file: save it from Hancom Office as a text document (.txt)';
    case 'drm':
      return ko
        ? `문서보안(DRM${decoded.detail ? `: ${decoded.detail}` : ''})이 걸린 파일입니다. 보안을 해제한 뒤 다시 시도하세요`
        : `the file is DRM-protected${decoded.detail ? ` (${decoded.detail})` : ''}: remove the protection first`;
    case 'binary':
      return ko ? '텍스트 파일이 아닙니다(이진 데이터)' : 'not a text file (binary data)';
    default:
      return ko
        ? 'UTF-8, UTF-16(BOM) 또는 CP949 텍스트로 읽을 수 없습니다. UTF-8로 저장해 주세요'
        : 'cannot read the text as UTF-8, UTF-16 (with BOM) or CP949: save it as UTF-8';
  }
}

/** The workbook bytes: grids, then the registry's defined names. */
export async function reportWorkbookBytes(result: ReportImport): Promise<Uint8Array> {
  const wb = gridsToWorkbook(result.sheets);
  for (const n of result.definedNames) wb.definedNames.add(n.reference, n.name);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const lang = oneOf('lang', values.lang as string | undefined, LANGS, 'ko');
  const ko = lang === 'ko';
  const { input, output } = inputAndOutput(positionals, values.output, 'report text file');
  const force = values.force === true;
  if (path.resolve(input) === path.resolve(output)) {
    return reportTrouble(io, output, ko ? '입력 파일에 덮어쓸 수 없습니다. 다른 출력 파일을 지정하세요' : 'the output is the input; give another output file');
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(input);
  } catch (err) {
    if (isWorkbookReadError(err)) return reportTrouble(io, input, readProblemReason(err.problem, lang));
    throw err;
  }
  const decoded = decodeReportText(bytes);
  if (!decoded.ok) return reportTrouble(io, input, decodeReason(decoded, ko));
  if (!force && (await pathExists(output))) {
    return reportTrouble(io, output, writeFailureReason({ ok: false, reason: 'exists' }, ko));
  }

  const result = importReportText(decoded.text, { now: new Date().toISOString() });
  if (result.tables.length === 0) {
    return reportTrouble(io, input, ko ? '보고서 표(탭으로 구분된 줄)를 찾지 못했습니다' : 'no report tables (tab-separated lines) found in the text');
  }
  const written = await writeWhole(output, await reportWorkbookBytes(result), force);
  if (!written.ok) {
    return reportTrouble(io, output, writeFailureReason(written, ko));
  }

  const registered = result.tables.filter((t) => t.id !== undefined).length;
  if (values.json === true) {
    io.stdout(
      `${JSON.stringify({
        file: input,
        output,
        encoding: decoded.encoding,
        tables: result.tables.map((t) => ({ sheet: t.sheet, range: rangeToA1(t.range), kind: t.kind, title: t.title ?? null, id: t.id ?? null, unregistered: t.unregistered ?? null })),
      })}\n`,
    );
    return EXIT_OK;
  }
  const sheets = [...new Set(result.tables.map((t) => t.sheet))];
  const lines = [
    ko
      ? `${input} → ${output}: 표 ${result.tables.length}개, 시트 ${sheets.length}개(${sheets.join(', ')}), 구조화된 표로 등록 ${registered}개`
      : `${input} → ${output}: ${result.tables.length} tables on ${sheets.length} sheet(s) (${sheets.join(', ')}), ${registered} registered as structured tables`,
  ];
  for (const t of result.tables) {
    const where = `  ${t.sheet}!${rangeToA1(t.range)} ${t.kind}${t.title ? ` "${t.title}"` : ''}`;
    // The reason in the reader's language, made here from the problems' codes (the engine's text is for logs).
    const why = t.problems && t.problems.length > 0 ? specProblemsMessage(t.problems, lang) : t.unregistered;
    lines.push(t.id ? `${where} [RT_${t.id}]` : `${where} (${ko ? '미등록' : 'not registered'}: ${why})`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import <report.txt> -o <out.xlsx> [--force] [--json] [--lang ko|en]',
  summary: "turn the report's text (tab-separated tables) into a workbook of structured tables, a sheet per department",
  run: (args, io) => run(args, io),
};
