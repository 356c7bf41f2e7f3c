/** The command table: add a subcommand by adding its module here. */
import type { Command } from './command';
import { checkCommand } from './check/check-command';

export const COMMANDS: readonly Command[] = [checkCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
