import { COMMANDS } from './commands';
import { main } from './main';
import { captureIo } from './test-support/capture-io';

describe('report-tables usage', () => {
  it.each([
    ['no command', [], /no command given/],
    ['an unknown command', ['chek', 'a.xlsx'], /unknown command 'chek'/],
    ['an unknown option', ['check', 'a.xlsx', '--jsn'], /Unknown option '--jsn'/],
    ['no files', ['check', '--json'], /검사할 파일을 지정하세요/],
    ['no files (English)', ['check', '--lang', 'en'], /no files given/],
    ['a bad rounding policy', ['check', 'a.xlsx', '--rounding', 'up'], /--rounding must be one of half-up, truncate/],
    ['a bad language', ['check', 'a.xlsx', '--lang', 'fr'], /--lang must be one of ko, en/],
    ['a missing option value', ['check', 'a.xlsx', '--rounding'], /--rounding/],
  ])('%s: a short usage message on stderr, exit 2', async (_name, argv, says) => {
    const io = captureIo();
    expect(await main(argv as string[], io)).toBe(2);
    expect(io.err()).toMatch(says);
    expect(io.err()).toMatch(/usage: .*report-tables/);
    expect(io.err()).not.toMatch(/\n\s+at /);
    // The reason, then the usage: one form and one summary line per command at most.
    expect(io.err().split('\n').length).toBeLessThanOrEqual(5 + 2 * COMMANDS.length);
    expect(io.out()).toBe('');
  });

  it('prints help on stdout with exit 0', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('report-tables check <file.xlsx>... [--json] [--rounding half-up|truncate] [--lang ko|en]');
  });

  it('turns an unexpected failure into one line, exit 2', async () => {
    const io = captureIo();
    const boom = () => {
      throw new Error('engine exploded\n    at somewhere.js:1:1');
    };
    const code = await main(['check', __filename], io, { checkWorkbook: boom });
    expect(code).toBe(2);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});
