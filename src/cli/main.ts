/**
 * The report-tables command. bin/report-tables.js calls main() from the compiled lib/cli/main.js.
 * Every failure a user can cause ends in a short message and an exit status, never a stack trace.
 */
import { checkWorkbook } from '../engine';
import type { CliDeps } from './command';
import { findCommand } from './commands';
import { EXIT_OK, EXIT_TROUBLE, processIo, UsageError, type CliIo } from './io';
import { PROGRAM, usageText } from './usage';

const DEFAULT_DEPS: CliDeps = { checkWorkbook };

export async function main(argv: string[], io: CliIo = processIo, deps: CliDeps = DEFAULT_DEPS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${PROGRAM}: no command given\n${usageText()}`);
    return EXIT_TROUBLE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usageText());
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(`${PROGRAM}: unknown command '${name}'\n${usageText()}`);
    return EXIT_TROUBLE;
  }
  try {
    return await command.run(rest, io, deps);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${PROGRAM} ${command.name}: ${err.message}\nusage: ${PROGRAM} ${command.usage}\n`);
      return EXIT_TROUBLE;
    }
    io.stderr(`${PROGRAM}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_TROUBLE;
  }
}
