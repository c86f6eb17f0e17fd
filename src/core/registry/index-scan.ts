// Rescanning one module folder for the index: its versions, the inode of each, and a fresh entry for
// every version that is new or whose folder was replaced. Runs on the worker pool when many folders
// changed (a cold index), in-process otherwise.
import { statSync } from 'node:fs';
import { sep } from 'node:path';
import type * as IndexEntry from './index-entry.js';
import type { StoredVersion } from './index-entry.js';
import { sameDependencies } from './dependency-lists.js';
import { moduleDir } from './paths.js';
import { scanVersionsSync } from './scan.js';
import type { Dependency } from './types.js';

export interface ModuleScanJob {
  registry: string;
  name: string;
  /** Versions already in the index with their folder inode: those are not read again. */
  known: Array<[version: string, ino: string]>;
}

export interface ModuleScan {
  /** The module folder's mtime (ms), read before it is listed; null when there is no such folder. */
  mtimeMs: number | null;
  /** Every version folder in semver order. */
  versions: string[];
  /**
   * At the same positions: the version's entry, or null when the known one still holds. Two lists rather
   * than a pair per version: one array less per version while a first build keeps every module's scan.
   */
  entries: Array<StoredVersion | null>;
  stray: string[];
}

/** The folder's inode as the index stores it ('' when it cannot be read). */
export function inode(path: string): string {
  try {
    return statSync(path, { bigint: true }).ino.toString();
  } catch {
    return '';
  }
}

// Reading entries needs the manifest parsers; a refresh that finds nothing new never loads them.
let entries: typeof IndexEntry | undefined;

/**
 * The entry with a description of its own. Read from the manifest's text, it may be a slice of that text,
 * which keeps the whole text alive as long as the index holds the entry: about 1 KB per version when the
 * build runs on the main thread (results from worker threads arrive as copies).
 */
export function ownDescription(entry: StoredVersion): StoredVersion {
  entry.description = structuredClone(entry.description);
  return entry;
}

/** The folder's mtime (ms), or null when it is not a folder. */
export function folderMtime(path: string): number | null {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isDirectory() ? st.mtimeMs : null;
  } catch {
    return null;
  }
}

export async function scanModule(job: ModuleScanJob): Promise<ModuleScan> {
  const dir = moduleDir(job.registry, job.name);
  // Stamped before listing: a version added meanwhile leaves a newer mtime, so the next read rescans.
  const mtimeMs = folderMtime(dir);
  if (mtimeMs === null) return { mtimeMs, versions: [], entries: [], stray: [] };
  const { versions, stray } = scanVersionsSync(job.registry, job.name);
  const known = new Map(job.known);
  const base = dir + sep;
  const out: ModuleScan['entries'] = [];
  for (const v of versions) {
    const ino = inode(base + v);
    out.push(known.get(v) === ino ? null : ownDescription(await (entries ??= await import('./index-entry.js')).loadEntry(base + v, ino)));
  }
  return { mtimeMs, versions, entries: out, stray };
}

/**
 * Keeps the scans of one index build compact as they reach the main thread. Each batch from a worker
 * thread arrives as its own copy of every string (each version, dependency name and range, manifest file
 * name and state), and as objects too wide for their in-object fields: rewritten here,
 * the entries share those strings and are one object each (some 300 bytes less per version).
 */
export class ScanCompactor {
  private readonly known = new Map<string, string>();

  /** The one copy of `s` this build keeps. */
  readonly string = (s: string): string => {
    const kept = this.known.get(s);
    if (kept !== undefined) return kept;
    this.known.set(s, s);
    return s;
  };

  /** Rewrites `scan` in place and returns it. */
  compact(scan: ModuleScan): ModuleScan {
    let previous: Dependency[] | null = null;
    // New lists of their length: a list arrives from a thread with room for 16 items (V8 clones an array
    // made by `map` so), and one pushed to on this thread has room for more.
    scan.versions = scan.versions.map(this.string);
    scan.entries = scan.entries.map((e) => {
      if (e === null) return null;
      const entry = this.entry(e, previous);
      previous = entry.dependencies;
      return entry;
    });
    return scan;
  }

  /**
   * The entry as one object. Versions of one module mostly depend on the same modules: a list equal to the
   * previous version's is that list (index-entry.ts already makes it so for what the fast reader reads; a
   * version the full loader read brings its own).
   */
  private entry(e: StoredVersion, previous: Dependency[] | null): StoredVersion {
    const dependencies = previous !== null && sameDependencies(previous, e.dependencies) ? previous : e.dependencies;
    if (dependencies !== previous) {
      for (const dep of dependencies) {
        dep.name = this.string(dep.name);
        dep.range = this.string(dep.range);
      }
    }
    return {
      ino: e.ino,
      source: e.source === null ? null : this.string(e.source),
      description: e.description,
      tags: e.tags,
      dependencies,
      verification: this.string(e.verification) as StoredVersion['verification'],
      inputTypes: e.inputTypes,
      outputTypes: e.outputTypes,
      invalid: e.invalid,
    };
  }
}
