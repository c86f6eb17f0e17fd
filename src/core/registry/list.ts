// list (§6): answered from the index cache, never hashing; one row per version plus one per package.
import { sep } from 'node:path';
import semver from 'semver';
import { loadFreshIndex } from './index-cache.js';
import type { StoredVersion } from './index-entry.js';
import { resolveRegistryLocation } from './location.js';
import { compareCodePoints } from './paths.js';
import type { ListResult, PackageRow, Verification } from './types.js';

const SEVERITY: Record<Verification, number> = { ok: 0, unverified: 1, unreadable: 2, tampered: 3 };

/** Highest stable version, or the highest prerelease when there is no stable one. */
export function latestVersion(versions: string[]): string {
  const stable = versions.filter((v) => semver.prerelease(v) === null);
  const pool = stable.length > 0 ? stable : versions;
  return pool.reduce((best, v) => (semver.compareBuild(v, best) > 0 ? v : best));
}

export async function listRegistry(registry: string): Promise<ListResult> {
  const root = await resolveRegistryLocation(registry);
  const idx = await loadFreshIndex(root);
  const result: ListResult = { registry_path: root, count: 0, modules: [], packages: [], versionStates: {} };
  for (const name of Object.keys(idx.names).sort(compareCodePoints)) {
    const entries = Object.entries(idx.names[name]?.versions ?? {}) as Array<[string, StoredVersion]>;
    if (entries.length === 0) continue;
    let worst: Verification = 'ok';
    // Names and versions in the index were checked as safe segments when scanned: plain concatenation
    // keeps a warm list of tens of thousands of rows fast.
    const base = `${root}${sep}modules${sep}${name}${sep}`;
    for (const [version, e] of entries) {
      const dir = base + version;
      result.modules.push({ name, version, source: e.source === null ? dir : dir + sep + e.source });
      result.versionStates[`${name}@${version}`] = e.verification;
      if (SEVERITY[e.verification] > SEVERITY[worst]) worst = e.verification;
    }
    const versions = entries.map(([v]) => v);
    const latest = latestVersion(versions);
    const top = idx.names[name]?.versions[latest] as StoredVersion;
    const row: PackageRow = {
      name,
      versions,
      latest,
      description: top.description,
      tags: top.tags,
      verification: worst,
      inputTypes: top.inputTypes,
      outputTypes: top.outputTypes,
    };
    result.packages.push(row);
  }
  result.count = result.modules.length;
  return result;
}
