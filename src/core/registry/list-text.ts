// The list's text, <registry>/.promptpm/list.json: the `modules` and `packages` JSON of a listing made from an
// index file, so that a warm `list` of an unchanged registry stats its module folders and writes these bytes,
// parsing no index and making no row (most of a warm list's time besides Node's own start). The file is made
// for one registry path from one index file (whose identity it records: every index write is a new file) and
// is used only while that file is still the index, `modules/` and every module folder keep the mtimes the
// index recorded (the index's own freshness check, index-cache.ts) and its sha256 checks out; otherwise the
// listing is made from the index and this file written anew. Like the index, it can be deleted at any time.
//
// Layout: the modules array's JSON, the packages array's JSON, a newline and the head (one line of JSON),
// sealed (sealed.ts). The texts come first so they are written as they are made; JSON.stringify never writes a
// raw newline, so the head is the content's last line.
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tempPath } from '../atomic-write.js';
import { canonicalJsonChunks, JsonText, type GeneratedList } from '../canonical-json.js';
import type { IndexFile } from './index-format.js';
import { listTextFile, modulesDir } from './paths.js';
import { sealOf, unsealed } from './sealed.js';
import { areStamps, foldersKeepStamps, indexStillIs, stamp, stampsIn, statDir, type FolderStamps } from './stamps.js';

const FORMAT = 1;
const NEWLINE = 10;
const READ_CHUNK = 64 * 1024;

interface Head extends FolderStamps {
  format: number;
  /** Identity of the index file the listing was made from. */
  index: string;
  root: string;
  count: number;
  /** The index's stamps: of modules/, and (names, mtimes) of every module folder in index order. */
  modulesMtime: number;
  /** Byte lengths of the modules text and the packages text. */
  lengths: [number, number];
}

/** A listing as text: what `list` prints for `modules` and `packages`, each written as it is. */
export interface ListText {
  registry_path: string;
  count: number;
  modules: JsonText;
  packages: JsonText;
}

/** The rows a listing text is written from (list.ts). */
export interface ListRowsToWrite {
  count: number;
  modules: GeneratedList<unknown>;
  packages: GeneratedList<unknown>;
}

const isInteger = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/** Whether the parsed head has every field right, its names safe path segments and its lengths those of the `texts` bytes before it. */
function wellFormed(h: Head, texts: number): boolean {
  if (typeof h !== 'object' || h === null || h.format !== FORMAT || typeof h.index !== 'string' || typeof h.root !== 'string') return false;
  if (!isInteger(h.count, 1) || typeof h.modulesMtime !== 'number' || !areStamps(h)) return false;
  return Array.isArray(h.lengths) && h.lengths.length === 2 && isInteger(h.lengths[0], 2) && isInteger(h.lengths[1], 2) && h.lengths[0] + h.lengths[1] === texts;
}

/** The head of the file's bytes, or null unless the seal and the head check out. */
function headOf(bytes: Buffer): Head | null {
  const content = unsealed(bytes);
  if (content === null) return null;
  const start = content.lastIndexOf(NEWLINE);
  if (start < 0) return null;
  try {
    const head = JSON.parse(content.toString('utf8', start + 1)) as Head;
    return wellFormed(head, start) ? head : null;
  } catch {
    return null;
  }
}

/** Whether the index the listing was made from is still the index, and still fresh, by the index's own rules. */
function stillFresh(root: string, head: Head): boolean {
  const now = Date.now();
  if (!indexStillIs(root, head.index)) return false;
  const top = statDir(modulesDir(root));
  return top !== null && stamp(top.mtimeMs, now) === head.modulesMtime && foldersKeepStamps(root, head, now);
}

/** The listing of the registry at `root` as last written, or null unless it still holds (see above). */
export function readListText(root: string): ListText | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(listTextFile(root));
  } catch {
    return null;
  }
  const head = headOf(bytes);
  if (head === null || head.root !== root || !stillFresh(root, head)) return null;
  const [m, p] = head.lengths;
  return { registry_path: root, count: head.count, modules: JsonText.of(bytes.subarray(0, m)), packages: JsonText.of(bytes.subarray(m, m + p)) };
}

/** The index's stamps, or null when it has none to record: not stored as a file, or a stamp not yet settled. */
function stampsOf(idx: IndexFile): Pick<Head, 'index' | 'modulesMtime' | 'names' | 'mtimes'> | null {
  const folders = stampsIn(idx);
  if (idx.origin === null || idx.modulesMtime === null || folders === null) return null;
  return { index: idx.origin, modulesMtime: idx.modulesMtime, ...folders };
}

/**
 * The bytes at `start` of an open file, a chunk at a time; the descriptor is closed by `release` once every
 * reader is done with it.
 */
function* fileRange(fd: number, start: number, length: number, release: () => void): Generator<Uint8Array> {
  try {
    for (let at = start; at < start + length; ) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, start + length - at));
      const n = readSync(fd, chunk, 0, chunk.length, at);
      if (n === 0) throw new Error(`${listTextFile('')} ended early`);
      at += n;
      yield chunk.subarray(0, n);
    }
  } finally {
    release();
  }
}

/** What a listing text is written from: the index's stamps, the folder names and mtimes as JSON arrays, and the two arrays' JSON. */
export interface ListTextParts {
  index: string;
  modulesMtime: number;
  count: number;
  names: Iterable<string | Uint8Array>;
  mtimes: Iterable<string | Uint8Array>;
  modules: Iterable<string | Uint8Array>;
  packages: Iterable<string | Uint8Array>;
}

/**
 * Writes the listing text of `rows`, made from `idx`, to the registry's list.json, and returns it read from the
 * file written (the rows are made once: into the file, then printed from it). Null when there is nothing to
 * record (see stampsOf) or the file cannot be written: the caller then prints the rows themselves.
 */
export function writeListText(root: string, idx: IndexFile, rows: ListRowsToWrite): ListText | null {
  const stamps = stampsOf(idx);
  if (stamps === null || rows.count === 0) return null;
  const { names, mtimes, ...rest } = stamps;
  return writeListParts(root, {
    ...rest,
    count: rows.count,
    names: [JSON.stringify(names)],
    mtimes: [JSON.stringify(mtimes)],
    modules: canonicalJsonChunks(rows.modules),
    packages: canonicalJsonChunks(rows.packages),
  });
}

/** Writes a listing text from its parts (see writeListText); also for a first index build, which makes them as it goes. */
export function writeListParts(root: string, parts: ListTextParts): ListText | null {
  if (parts.count === 0) return null;
  const path = listTextFile(root);
  // Not fsynced: the file is a cache, and one cut short by a crash fails its hash and is written again.
  const temp = tempPath(path);
  let fd: number;
  try {
    fd = openSync(temp, 'wx+', 0o644);
  } catch {
    return null;
  }
  let readers = 2;
  const release = (): void => {
    if (--readers === 0) closeSync(fd);
  };
  try {
    const sha = createHash('sha256');
    // Strings are encoded where they are written and hashed, with no Buffer left for the collector.
    const put = (chunk: string | Uint8Array): number => {
      sha.update(chunk);
      writeFileSync(fd, chunk);
      return typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    };
    const putAll = (pieces: Iterable<string | Uint8Array>): number => {
      let n = 0;
      for (const piece of pieces) n += put(piece);
      return n;
    };
    const m = putAll(parts.modules);
    const p = putAll(parts.packages);
    // The head (a Head's JSON, its keys in this order) made in pieces: the names and mtimes may be long.
    put(`\n{"format":${FORMAT},"index":${JSON.stringify(parts.index)},"modulesMtime":${JSON.stringify(parts.modulesMtime)},"names":`);
    putAll(parts.names);
    put(',"mtimes":');
    putAll(parts.mtimes);
    put(`,"root":${JSON.stringify(root)},"count":${parts.count},"lengths":[${m},${p}]}`);
    writeFileSync(fd, sealOf(sha.digest('hex')), 'latin1');
    renameSync(temp, path);
    // Read back through the same descriptor: another list may replace the file meanwhile.
    const modules = new JsonText(() => fileRange(fd, 0, m, release));
    const packages = new JsonText(() => fileRange(fd, m, p, release));
    return { registry_path: root, count: parts.count, modules, packages };
  } catch {
    closeSync(fd);
    rmSync(temp, { force: true });
    return null;
  }
}
