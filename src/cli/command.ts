import type { CheckOptionsInput, CheckResult, CheckScope, RegistryRead, SheetGrid } from '../engine';
import type { CliIo } from './io';

/** What commands call into; tests may swap the engine for a stand-in to drive every exit path. */
export interface CliDeps {
  checkWorkbook(sheets: SheetGrid[], options?: CheckOptionsInput, scope?: CheckScope, registry?: RegistryRead): CheckResult;
}

/** One subcommand. `fill`, `import` and `export` are added to the table in ./commands the same way. */
export interface Command {
  name: string;
  /** The usage line(s) shown by --help and on a usage error. */
  usage: string;
  summary: string;
  /** Parse `args` (everything after the command name) and run; resolves to the exit status. */
  run(args: string[], io: CliIo, deps: CliDeps): Promise<number>;
}
