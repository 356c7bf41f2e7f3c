/** Write a file whole or not at all: a temporary file beside the output, then one rename. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathExists } from '../path-exists';

export type WriteOutcome = { ok: true } | { ok: false; reason: 'exists' | 'no-folder' | 'not-writable'; detail?: string };

export async function writeWhole(output: string, bytes: Uint8Array, force: boolean): Promise<WriteOutcome> {
  const dir = path.dirname(path.resolve(output));
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) return { ok: false, reason: 'no-folder' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'no-folder' : 'not-writable', detail: code };
  }
  if (!force && (await pathExists(output))) return { ok: false, reason: 'exists' };
  const temp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    if (!force && (await pathExists(output))) {
      await fs.rm(temp, { force: true });
      return { ok: false, reason: 'exists' };
    }
    await fs.rename(temp, output);
    return { ok: true };
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, reason: 'not-writable', detail: (err as NodeJS.ErrnoException).code };
  }
}

/** Why a write was refused, in the user's language (one line for stderr). */
export function writeFailureReason(outcome: Exclude<WriteOutcome, { ok: true }>, ko: boolean): string {
  const detail = outcome.detail ? ` (${outcome.detail})` : '';
  switch (outcome.reason) {
    case 'exists':
      return ko ? '출력 파일이 이미 있습니다(바꾸려면 --force)' : 'the output file already exists (use --force to replace it)';
    case 'no-folder':
      return ko ? '출력 폴더가 없습니다' : 'the output folder does not exist';
    case 'not-writable':
      return ko ? `출력 파일을 쓸 수 없습니다${detail}` : `cannot write the output${detail}`;
  }
}
