// Replaces a file so readers see the old bytes or the new ones, never half: a temp file in the same
// folder, flushed to disk, then renamed over the target; the temp file is removed when any step fails.
// Async for the lockfile and the app's settings; sync for the registry's index, written under its lock.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync, type BigIntStats } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A unique hidden name beside the target; 'wx' (O_EXCL) below never reuses or follows an existing entry. */
export const tempPath = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/** `mode` applies when the target is created (umask still applies); 0o600 for private files. */
export async function writeFileAtomic(path: string, data: string, mode = 0o666): Promise<void> {
  const temp = tempPath(path);
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

/**
 * The same as writeFileAtomic, blocking; `data` may come in chunks, each written as soon as it is made (never
 * joined into one string). Returns the written file's stats (a rename keeps its inode, size and mtime).
 * `durable: false` skips the flush, for a file that checks itself when read (sealed.ts).
 */
export function writeFileAtomicSync(path: string, data: string | Iterable<string | Uint8Array>, mode = 0o666, { durable = true } = {}): BigIntStats {
  const temp = tempPath(path);
  try {
    const fd = openSync(temp, 'wx', mode);
    let written: BigIntStats;
    try {
      // Each write to the descriptor continues where the last one ended.
      for (const chunk of typeof data === 'string' ? [data] : data) writeFileSync(fd, chunk);
      if (durable) fsyncSync(fd);
      written = fstatSync(fd, { bigint: true });
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return written;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
