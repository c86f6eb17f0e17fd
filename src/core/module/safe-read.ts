// Reads a user-supplied file without following symlinks, blocking on FIFOs, or loading huge files,
// and decodes it as strict UTF-8. Every failure comes back as a value, never as an exception.
import { constants, promises as fs } from 'node:fs';

export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ReadProblem =
  | { kind: 'missing' }
  | { kind: 'symlink' }
  | { kind: 'not-file' }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-utf8'; line: number; column: number }
  | { kind: 'unreadable'; reason: string };

export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: ReadProblem };

// O_NOFOLLOW closes the gap between lstat and open; O_NONBLOCK keeps a swapped-in FIFO from hanging us.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function readTextFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<ReadOutcome> {
  try {
    // Without O_NOFOLLOW (Windows) open would follow a link, so ask lstat first there.
    if (constants.O_NOFOLLOW === undefined && (await fs.lstat(file)).isSymbolicLink()) return fail({ kind: 'symlink' });
    const handle = await fs.open(file, OPEN_FLAGS);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return fail({ kind: 'not-file' });
      if (stat.size > maxBytes) return fail({ kind: 'too-large', size: stat.size });
      const bytes = await readAtMost(handle, stat.size, maxBytes + 1);
      if (bytes.length > maxBytes) return fail({ kind: 'too-large', size: bytes.length });
      return decodeUtf8(bytes);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ELOOP is how O_NOFOLLOW reports a symlink as the last path component.
    if (code === 'ELOOP' || code === 'EMLINK') return fail({ kind: 'symlink' });
    return fail(isMissing(err) ? { kind: 'missing' } : { kind: 'unreadable', reason: errorText(err) });
  }
}

/** Reads until EOF or `limit` bytes; the file may have grown since its size was taken. */
async function readAtMost(handle: fs.FileHandle, expected: number, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let size = Math.min(expected + 1, limit);
  while (total < limit) {
    const chunk = new Uint8Array(Math.max(1, Math.min(size, limit - total)));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    size = 64 * 1024;
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

export function decodeUtf8(bytes: Uint8Array): ReadOutcome {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lastBreak = before.lastIndexOf('\n');
    const line = before.split('\n').length;
    const column = [...before.slice(lastBreak + 1)].length + 1;
    return fail({ kind: 'not-utf8', line, column });
  }
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    const second = bytes[i + 1] ?? 0;
    // Ranges of the second byte that rule out overlong forms, surrogates and values above U+10FFFF.
    if (len > 1) {
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second < lo || second > hi) return i;
    }
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return bytes.length;
}

function fail(problem: ReadProblem): ReadOutcome {
  return { ok: false, problem };
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
