import { promises as fs } from 'node:fs';

/** True when anything (file, folder, link) is at the path; the commands refuse to replace it without --force. */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
