// Verifies every version of one module folder (it runs inside worker threads): the folder is listed here
// rather than taken from the index, so a registry-wide verify needs no fresh index and the threads start
// hashing as soon as the module names are known. On a registry without an index yet, the job also reads
// each version's index entry from the promptpm.yaml bytes it hashed, so the index needs no second pass.
import { sep } from 'node:path';
import type * as IndexEntry from './index-entry.js';
import { folderMtime, inode, ownDescription, type ModuleScan } from './index-scan.js';
import { moduleDir } from './paths.js';
import { scanVersionsSync } from './scan.js';
import { verifyVersionDir, type KeptFile } from './verify-one.js';
import type { VersionVerification } from './types.js';

export interface ModuleJob {
  registry: string;
  name: string;
  /** Also read the module as the index's rescan would (a registry without an index yet). */
  index?: boolean;
}

export interface ModuleVerification {
  /** Version folders in semver order. */
  versions: string[];
  /** Entries of the module folder that are not versions (registry-relative paths), sorted. */
  stray: string[];
  /** One per version: null when intact (all there is to say), else the full result; empty when every version is intact. */
  results: Array<VersionVerification | null>;
  /** Why the module folder itself could not be listed (its versions are then unknown). */
  unlisted?: string;
  /** With `index`: the module's rescan, each entry carrying the verification just made. */
  scan?: ModuleScan;
}

// The entry reader loads on the first indexing job: a verify of an indexed registry never needs it.
let entries: typeof IndexEntry | undefined;

export async function verifyModule(job: ModuleJob): Promise<ModuleVerification> {
  const dir = moduleDir(job.registry, job.name);
  // Stamped before listing, as the index's rescan does: a version added meanwhile leaves a newer mtime.
  const mtimeMs = job.index === true ? folderMtime(dir) : null;
  let listing;
  try {
    listing = scanVersionsSync(job.registry, job.name);
  } catch (err) {
    return { versions: [], stray: [], results: [], unlisted: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  const base = dir + sep;
  const results: ModuleVerification['results'] = [];
  const scanned: ModuleScan['entries'] = [];
  for (const version of listing.versions) {
    const vdir = base + version;
    if (job.index !== true) {
      const r = verifyVersionDir({ dir: vdir, name: job.name, version }, false);
      results.push(r.status === 'ok' ? null : r);
      continue;
    }
    // The inode is read before the files: a folder replaced meanwhile has another and is rescanned later.
    const ino = inode(vdir);
    const keep: KeptFile = { path: 'promptpm.yaml', bytes: null };
    const r = verifyVersionDir({ dir: vdir, name: job.name, version }, false, keep);
    results.push(r.status === 'ok' ? null : r);
    const entry = await (entries ??= await import('./index-entry.js')).entryFromYaml(vdir, ino, keep.bytes);
    scanned.push(ownDescription({ ...entry, verification: r.status }));
  }
  // The scan's versions and stray entries are the module's own lists: one copy of each crosses to the main thread.
  const scan = job.index === true ? { mtimeMs, versions: listing.versions, entries: scanned, stray: listing.stray } : undefined;
  // An empty list for an intact module: one array less per module on the main thread, which keeps them all.
  const intact = results.every((r) => r === null);
  return { versions: listing.versions, stray: listing.stray, results: intact ? [] : results, ...(scan && { scan }) };
}
