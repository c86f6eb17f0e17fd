// Text made faster than it can be written in order (an index's columns, a listing's two arrays, all made while
// one pass over the registry reads it): each piece of text gathers in memory up to a limit and then moves to
// one shared temporary file, so a build of any size keeps about SPILL_AT bytes per piece in memory. The file
// is unlinked as soon as it is open where the system allows it (nothing is left behind by a crash), else
// when closed.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tempPath } from '../atomic-write.js';

const SPILL_AT = 64 * 1024;

/** The shared temporary file: an append-only store of segments. */
export class SpillFile {
  private end = 0;
  private unlinked = false;
  private readonly buffer = Buffer.allocUnsafe(SPILL_AT);

  private constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {
    this.unlinked = unlink(path);
  }

  /** A new spill file beside `near` (a path in the folder it goes in); throws where that folder cannot be written. */
  static beside(near: string): SpillFile {
    const path = tempPath(near);
    return new SpillFile(openSync(path, 'wx+', 0o600), path);
  }

  /** Appends `text`; returns where it went. */
  append(text: string): [offset: number, length: number] {
    return this.appendBytes(Buffer.from(text, 'utf8'));
  }

  /** Appends `bytes`; returns where they went. */
  appendBytes(bytes: Uint8Array): [offset: number, length: number] {
    const at = this.end;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    this.end += bytes.length;
    return [at, bytes.length];
  }

  /** The bytes of a segment, a chunk at a time; each chunk is valid until the next is asked for. */
  *read(offset: number, length: number): Generator<Uint8Array> {
    for (let at = offset; at < offset + length; ) {
      const n = readSync(this.fd, this.buffer, 0, Math.min(this.buffer.length, offset + length - at), at);
      if (n === 0) throw new Error('A temporary file of the index build ended early');
      at += n;
      yield this.buffer.subarray(0, n);
    }
  }

  close(): void {
    closeSync(this.fd);
    if (!this.unlinked) unlink(this.path);
  }
}

function unlink(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A text built by appending, gathered as UTF-8 in a buffer of SPILL_AT bytes that moves to `spill` when full (or
 * is kept, when there is none: an index written from memory anyway). Bytes rather than the strings appended:
 * thousands of small strings waiting for their turn would outlive the young generation and leave the old one to
 * grow with garbage.
 */
export class SpilledText {
  /** Full buffers: in memory, or where they went in the spill file. */
  private readonly segments: Array<Buffer | [offset: number, length: number]> = [];
  // Starts small and grows to SPILL_AT: most texts of a small index never need that much.
  private buffer = Buffer.allocUnsafe(1024);
  private used = 0;

  constructor(private readonly spill: SpillFile | null) {}

  append(text: string): void {
    // A UTF-8 byte count that is never short: at most three bytes per UTF-16 unit.
    const most = 3 * text.length;
    if (this.used + most > this.buffer.length && this.buffer.length < SPILL_AT) this.grow(this.used + most);
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.buffer.length) {
        this.segments.push(this.spill === null ? Buffer.from(text, 'utf8') : this.spill.append(text));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** The text so far, in pieces (spilled bytes are valid until the next piece is asked for). */
  *pieces(): Generator<Uint8Array> {
    for (const segment of this.segments) {
      if (Buffer.isBuffer(segment)) yield segment;
      else yield* this.spill!.read(segment[0], segment[1]);
    }
    yield this.buffer.subarray(0, this.used);
  }

  private flush(): void {
    if (this.used === 0) return;
    const full = this.buffer.subarray(0, this.used);
    if (this.spill === null) {
      this.segments.push(full);
      this.buffer = Buffer.allocUnsafe(this.buffer.length);
    } else {
      this.segments.push(this.spill.appendBytes(full));
    }
    this.used = 0;
  }

  private grow(needed: number): void {
    const grown = Buffer.allocUnsafe(Math.min(SPILL_AT, Math.max(needed, 2 * this.buffer.length)));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }
}
