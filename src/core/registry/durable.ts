// Durable writes: data reaches the disk before the rename that makes it visible, so a crash at any
// instant leaves either the old state or the new one.
import { closeSync, fsyncSync, openSync, writeSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Creates a new file (never overwrites: O_EXCL), writes all bytes and fsyncs it. */
export function writeNewFileDurable(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync of a folder, so a rename or new entry in it survives a crash; best effort where unsupported. */
export function fsyncDir(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_DIRECTORY);
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on folders; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const uniqueToken = (): string => `${process.pid}.${Date.now()}.${randomBytes(6).toString('hex')}`;
