// sha256 of one file through a reused buffer. Opened with O_NOFOLLOW and checked with fstat, so a file
// swapped for a symlink or device between walk and read is refused, not followed. Registry files are
// small: one read and a one-shot hash cover most of them; larger ones are streamed in 1 MiB chunks.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHash, hash } from 'node:crypto';

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
    // A short read from a regular file means end of file: small files need no second read.
    const first = readSync(fd, buf, 0, CHUNK, null);
    if (first < CHUNK) return hash('sha256', buf.subarray(0, first), 'hex');
    const h = createHash('sha256').update(buf);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}
