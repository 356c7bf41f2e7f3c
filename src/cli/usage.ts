import { COMMANDS } from './commands';

export const PROGRAM = 'report-tables';

export function usageText(): string {
  const forms = COMMANDS.map((c, i) => `${i === 0 ? 'usage: ' : '       '}${PROGRAM} ${c.usage}`);
  const summaries = COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`);
  return `${[...forms, '', 'commands:', ...summaries].join('\n')}\n`;
}
