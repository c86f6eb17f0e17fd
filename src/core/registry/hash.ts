// Streaming sha256 of one file through a reused buffer. Opened with O_NOFOLLOW and checked with fstat,
// so a file swapped for a symlink or device between walk and read is refused, not followed.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';

const CHUNK = 1 << 20;
let shared: Buffer | null = null;

export class NotRegularFileError extends Error {}

/** Opens a path for reading without following a final symlink; throws NotRegularFileError for non-files. */
export function openRegular(path: string): { fd: number; size: number } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new NotRegularFileError(`Not a regular file: ${path}`);
  }
  return { fd, size: st.size };
}

/** Lowercase hex sha256 of a regular file's bytes. */
export function sha256File(path: string): string {
  const { fd } = openRegular(path);
  try {
    const buf = (shared ??= Buffer.allocUnsafe(CHUNK));
    const hash = createHash('sha256');
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
