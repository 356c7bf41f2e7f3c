/** Where the command writes; injected so tests run main() in-process and capture both streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** A usage mistake: a short message and the usage text, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** One line on stderr naming what went wrong (a file, a sheet …) and why; the exit status for trouble. */
export function reportTrouble(io: CliIo, what: string, reason: string): number {
  io.stderr(`report-tables: ${what}: ${reason}\n`);
  return EXIT_TROUBLE;
}
