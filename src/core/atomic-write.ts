// Replaces a file so readers see the old bytes or the new ones, never half: a temp file in the same
// folder, flushed to disk, then renamed over the target. Used by the lockfile and the app's settings.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `mode` applies when the target is created (umask still applies); 0o600 for private files. */
export async function writeFileAtomic(path: string, data: string, mode = 0o666): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
