/** The command table: add a subcommand by adding its module here. */
import type { Command } from './command';
import { checkCommand } from './check/check-command';
import { fillCommand } from './fill/fill-command';
import { summaryCommand } from './summary/summary-command';
import { importCommand } from './import/import-command';
import { exportCommand } from './export/export-command';

export const COMMANDS: readonly Command[] = [checkCommand, fillCommand, importCommand, exportCommand, summaryCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
