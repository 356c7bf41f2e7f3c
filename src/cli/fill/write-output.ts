/** Write a file whole or not at all: a temporary file beside the output, then one rename. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

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
  if (!force && (await exists(output))) return { ok: false, reason: 'exists' };
  const temp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    if (!force && (await exists(output))) {
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

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
