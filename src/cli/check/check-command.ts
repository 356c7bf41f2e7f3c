/**
 * report-tables check <file.xlsx>... [--json] [--rounding half-up|truncate] [--lang ko|en]
 * Exit status: 2 if any file could not be read, else 1 if any error finding, else 0.
 */
import type { RoundingPolicy } from '../../engine';
import { readProblemReason, type Lang } from '../../messages';
import type { CliDeps, Command } from '../command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, UsageError, type CliIo } from '../io';
import { oneOf, parseOptions } from '../parse-options';
import { checkFile } from './check-file';
import { jsonLine, jsonResult } from './json-output';
import { addToTally, emptyTally, fileReport, summaryLine } from './text-report';

const ROUNDING: readonly RoundingPolicy[] = ['half-up', 'truncate'];
const LANGS: readonly Lang[] = ['ko', 'en'];

async function run(args: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean' },
    rounding: { type: 'string' },
    lang: { type: 'string' },
  });
  const rounding = oneOf('rounding', values.rounding as string | undefined, ROUNDING, 'half-up');
  const lang = oneOf('lang', values.lang as string | undefined, LANGS, 'ko');
  if (positionals.length === 0) throw new UsageError(lang === 'ko' ? '검사할 파일을 지정하세요' : 'no files given');
  const json = values.json === true;

  const tally = emptyTally();
  let unreadable = false;
  // One file at a time: memory stays bounded by the largest workbook, and output keeps the argument order.
  for (const file of positionals) {
    const outcome = await checkFile(file, { rounding }, deps);
    if (!outcome.ok) {
      unreadable = true;
      tally.unreadable++;
      const { problem } = outcome;
      const reason = problem.code === 'internal' ? `internal error: ${problem.detail}` : readProblemReason(problem, lang);
      if (json) io.stdout(jsonLine({ file, error: reason }));
      io.stderr(`report-tables: ${file}: ${reason}\n`);
      continue;
    }
    addToTally(tally, outcome.result);
    io.stdout(json ? jsonLine(jsonResult(file, outcome.result, lang)) : fileReport(file, outcome.result, lang));
  }
  if (!json) io.stdout(summaryLine(tally, lang));
  if (unreadable) return EXIT_TROUBLE;
  return tally.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'check <file.xlsx>... [--json] [--rounding half-up|truncate] [--lang ko|en]',
  summary: 'find every table, check totals, years, captions and rates (exit 0 clean, 1 errors, 2 unreadable)',
  run,
};
