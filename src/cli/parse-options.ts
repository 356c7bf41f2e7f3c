/** util.parseArgs with its errors turned into UsageError (a short message, not a stack trace). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

/** A string option restricted to some values. */
export function oneOf<V extends string>(name: string, value: string | undefined, allowed: readonly V[], fallback: V): V {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** The one input file and the `-o <out.xlsx>` output of every command that writes a workbook. */
export function inputAndOutput(positionals: string[], output: unknown, inputName = 'input file'): { input: string; output: string } {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `no ${inputName} given` : `give exactly one ${inputName}`);
  if (typeof output !== 'string' || output === '') throw new UsageError('no output file given (-o <out.xlsx>)');
  return { input: positionals[0], output };
}
