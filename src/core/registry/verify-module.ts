// Verifies every version of one module folder, synchronously (it runs inside worker threads): the folder
// is listed here rather than taken from the index, so a registry-wide verify needs no fresh index and the
// threads start hashing as soon as the module names are known.
import { sep } from 'node:path';
import { moduleDir } from './paths.js';
import { scanVersionsSync } from './scan.js';
import { verifyVersionDir } from './verify-one.js';
import type { VersionVerification } from './types.js';

export interface ModuleJob {
  registry: string;
  name: string;
}

export interface ModuleVerification {
  /** Version folders in semver order. */
  versions: string[];
  /** Entries of the module folder that are not versions (registry-relative paths), sorted. */
  stray: string[];
  /** One per version: null when intact (all there is to say), else the full result. */
  results: Array<VersionVerification | null>;
  /** Why the module folder itself could not be listed (its versions are then unknown). */
  unlisted?: string;
}

export function verifyModule(job: ModuleJob): ModuleVerification {
  let scan;
  try {
    scan = scanVersionsSync(job.registry, job.name);
  } catch (err) {
    return { versions: [], stray: [], results: [], unlisted: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  const base = moduleDir(job.registry, job.name) + sep;
  const results = scan.versions.map((version) => {
    const r = verifyVersionDir({ dir: base + version, name: job.name, version }, false);
    return r.status === 'ok' ? null : r;
  });
  return { versions: scan.versions, stray: scan.stray, results };
}
