// How the tool's caches tell that what they were made from is unchanged: a folder's mtime, once it has settled
// (index-cache.ts, list-text.ts), and a file's identity (list-text.ts, of the index it was made from).
import { statSync, type BigIntStats, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { indexFile, modulesDir } from './paths.js';

const SETTLE_MS = 2000;

/** The folder's stats, or null when it is missing, not a folder or cannot be read. */
export function statDir(path: string): Stats | null {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isDirectory() ? st : null;
  } catch {
    return null;
  }
}

/**
 * The folder's mtime (ms, sub-microsecond precision), or null while it is too recent to be trusted: the clock
 * may not have ticked since, so a publish could hide behind an unchanged timestamp.
 */
export function stamp(mtimeMs: number, now: number): number | null {
  return now - mtimeMs > SETTLE_MS ? mtimeMs : null;
}

/** Inode, size and mtime (ns): an index write renames a new file into place, so every write changes it. */
export const fileIdentity = (st: BigIntStats): string => `${st.ino}:${st.size}:${st.mtimeNs}`;

/** Whether the registry's index file is still the one whose identity was recorded. */
export function indexStillIs(registry: string, identity: string): boolean {
  try {
    const index = statSync(indexFile(registry), { bigint: true, throwIfNoEntry: false });
    return index !== undefined && fileIdentity(index) === identity;
  } catch {
    return false;
  }
}

/** Whether every module folder named (checked path segments) still has the stamp recorded at the same position. */
export function foldersKeepStamps(registry: string, names: readonly string[], mtimes: readonly number[], now: number): boolean {
  // Plain concatenation: this runs for every module of a registry.
  const base = modulesDir(registry) + sep;
  for (let i = 0; i < names.length; i++) {
    const st = statDir(base + names[i]!);
    if (st === null || stamp(st.mtimeMs, now) !== mtimes[i]) return false;
  }
  return true;
}
