// How the tool's caches tell that what they were made from is unchanged: a folder's mtime, once it has settled
// (the index, the listing text, kept resolutions), and a file's identity (of the index a listing text or a
// kept resolution was made from).
import { statSync, type BigIntStats, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { isModuleName } from '../module/name-version.js';
import type { IndexFile } from './index-format.js';
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

/** Module folders as a cache records them: each name with its folder's stamp at the same position. */
export interface FolderStamps {
  names: string[];
  mtimes: number[];
}

/** The index's stamps of the module folders `names` (all of its modules by default), or null when one is not settled or not there. */
export function stampsIn(idx: IndexFile, names: Iterable<string> = idx.names.keys()): FolderStamps | null {
  const stamps: FolderStamps = { names: [], mtimes: [] };
  for (const name of names) {
    const mtime = idx.names.get(name)?.mtime;
    if (mtime === undefined || mtime === null) return null;
    stamps.names.push(name);
    stamps.mtimes.push(mtime);
  }
  return stamps;
}

/** Whether stamps read back from a cache file are well formed: every name a safe path segment, one number per name. */
export const areStamps = (s: FolderStamps): boolean =>
  Array.isArray(s.names) && Array.isArray(s.mtimes) && s.mtimes.length === s.names.length && s.mtimes.every((m) => typeof m === 'number') && s.names.every((n) => typeof n === 'string' && isModuleName(n));

/** Whether every module folder recorded (checked path segments) still has its stamp. */
export function foldersKeepStamps(registry: string, { names, mtimes }: FolderStamps, now: number): boolean {
  // Plain concatenation: this runs for every module of a registry.
  const base = modulesDir(registry) + sep;
  for (let i = 0; i < names.length; i++) {
    const st = statDir(base + names[i]!);
    if (st === null || stamp(st.mtimeMs, now) !== mtimes[i]) return false;
  }
  return true;
}
