// Reading registry files without following links. Files are opened with O_NOFOLLOW (a symlink is refused)
// and O_NONBLOCK (a FIFO never blocks). Registry files are small: one read into a reused buffer covers
// most, and a short non-empty read can only come from the regular file the walk found, so only an empty
// or buffer-filling read pays for an fstat; a device or FIFO swapped in after the walk is refused there
// and never read forever. Larger files are streamed in 1 MiB chunks.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHash, hash } from 'node:crypto';

const CHUNK = 1 << 20;
let shared: Buffer | null = null;

export class NotRegularFileError extends Error {}

const openNoFollow = (path: string): number => openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);

function regularSize(fd: number, path: string): number {
  const st = fstatSync(fd);
  if (!st.isFile()) throw new NotRegularFileError(`Not a regular file: ${path}`);
  return st.size;
}

/** Opens a path for reading without following a final symlink; throws NotRegularFileError for non-files. */
export function openRegular(path: string): { fd: number; size: number } {
  const fd = openNoFollow(path);
  try {
    return { fd, size: regularSize(fd, path) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Reads the file's start into the shared buffer; `n` bytes of it are valid and `fd` stays open. */
function readStart(path: string): { fd: number; buf: Buffer; n: number } {
  const fd = openNoFollow(path);
  try {
    const buf = (shared ??= Buffer.allocUnsafe(CHUNK));
    const n = readSync(fd, buf, 0, CHUNK, null);
    if (n === 0 || n === CHUNK) regularSize(fd, path);
    return { fd, buf, n };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Lowercase hex sha256 of a regular file's bytes. */
export function sha256File(path: string): string {
  const { fd, buf, n } = readStart(path);
  try {
    // A short read from a regular file means end of file: small files need no second read.
    if (n < CHUNK) return hash('sha256', buf.subarray(0, n), 'hex');
    const h = createHash('sha256').update(buf);
    for (let k = readSync(fd, buf, 0, CHUNK, null); k > 0; k = readSync(fd, buf, 0, CHUNK, null)) h.update(buf.subarray(0, k));
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * Calls `use` with a regular file's whole content, or gives null when it is larger than `max` bytes. A file of
 * one read is passed as a view of the shared buffer, valid only during the call (`use` must not read another
 * file through this module): a check that only parses and hashes the bytes copies nothing.
 */
export function withRegularFile<T>(path: string, max: number, use: (bytes: Buffer) => T): T | null {
  const { fd, buf, n } = readStart(path);
  try {
    if (n < CHUNK) return use(buf.subarray(0, n));
    const parts = [Buffer.from(buf)];
    let total = n;
    for (let k = readSync(fd, buf, 0, CHUNK, null); k > 0; k = readSync(fd, buf, 0, CHUNK, null)) {
      total += k;
      if (total > max) return null;
      parts.push(Buffer.from(buf.subarray(0, k)));
    }
    return use(Buffer.concat(parts));
  } finally {
    closeSync(fd);
  }
}

/** Bytes `withRegularFile` passed, as the caller's own: a view of the shared buffer is copied; a larger file's bytes already are. */
export const ownBytes = (bytes: Buffer): Buffer => (bytes.buffer === shared?.buffer ? Buffer.from(bytes) : bytes);

/** A regular file's whole content, or null when it is larger than `max` bytes. */
export function readRegularFile(path: string, max: number): Buffer | null {
  return withRegularFile(path, max, ownBytes);
}
