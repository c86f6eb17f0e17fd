// list (§6): answered from the index cache, never hashing; one row per version plus one per package.
// A warm list of tens of thousands of versions runs on every `promptpm list`: no semver parsing here
// (the index keeps versions in semver order) and rows are built with their keys in sorted order, the
// order the CLI prints them in.
import { sep } from 'node:path';
import { loadFreshIndex } from './index-cache.js';
import { stateAt, summaryAt } from './index-format.js';
import { latestIndex } from './latest.js';
import { resolveRegistryLocation } from './location.js';
import type { ProgressListener } from '../progress.js';
import type { ListResult, ListRows, PackageRow, Verification } from './types.js';

const SEVERITY: Record<Verification, number> = { ok: 0, unverified: 1, unreadable: 2, tampered: 3 };

/**
 * The listing. `versionStates` (one key per version) is for the app; the CLI leaves it out, which saves
 * building a 30k-key object on every warm `list`.
 */
export async function listRegistry(registry: string, opts?: { onProgress?: ProgressListener }): Promise<ListResult>;
export async function listRegistry(registry: string, opts: { versionStates: false; onProgress?: ProgressListener }): Promise<ListRows>;
export async function listRegistry(registry: string, opts: { versionStates?: boolean; onProgress?: ProgressListener } = {}): Promise<ListRows | ListResult> {
  const root = await resolveRegistryLocation(registry);
  // Lazy: a warm list reads only the index's first line. Progress comes only from rescanning changed
  // module folders (phase `index`): all of them the first time a registry is listed.
  const idx = await loadFreshIndex(root, true, opts.onProgress);
  const states: Record<string, Verification> | null = opts.versionStates === false ? null : {};
  const modules: ListRows['modules'] = [];
  const packages: PackageRow[] = [];
  for (const [name, stored] of idx.names) {
    if (stored.versions.length === 0) continue;
    let worst: Verification = 'ok';
    // Names and versions in the index are checked path segments: plain concatenation keeps this fast.
    const base = `${root}${sep}modules${sep}${name}${sep}`;
    const versions = stored.versions;
    for (let i = 0; i < versions.length; i++) {
      const version = versions[i]!;
      const state = stateAt(idx, stored, i);
      // `source` is the version folder, as the earlier tool gives it (§6 compatibility rows).
      modules.push({ name, source: base + version, version });
      if (states !== null) states[`${name}@${version}`] = state;
      if (SEVERITY[state] > SEVERITY[worst]) worst = state;
    }
    const latest = latestIndex(versions);
    const top = summaryAt(idx, stored, latest);
    packages.push({
      description: top.description,
      inputTypes: top.inputTypes,
      latest: versions[latest]!,
      name,
      outputTypes: top.outputTypes,
      tags: top.tags,
      verification: worst,
      versions,
    });
  }
  const rows: ListRows = { registry_path: root, count: modules.length, modules, packages };
  return states === null ? rows : { ...rows, versionStates: states };
}
