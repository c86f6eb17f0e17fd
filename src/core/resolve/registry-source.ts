// The VersionSource over a registry's index cache: versions and dependencies without parsing any YAML.
// It reads the loaded index file's columns directly, so only the versions the solver asks about become
// objects: a registry of 30,000 versions is not converted whole for a closure of a few hundred modules.
import { entryAt, type IndexFile } from '../registry/index-format.js';
import type { StoredVersion } from '../registry/index-entry.js';
import type { VersionSource } from './types.js';

/** `idx` with its per-version section loaded (a non-lazy read); every module name asked about is added to `asked`. */
export function indexSource(idx: IndexFile, asked = new Set<string>()): VersionSource {
  const entries = new Map<string, StoredVersion | undefined>();
  const entry = (name: string, version: string): StoredVersion | undefined => {
    asked.add(name);
    const key = `${name}@${version}`;
    if (entries.has(key)) return entries.get(key);
    const stored = idx.names.get(name);
    const i = stored === undefined ? -1 : stored.versions.indexOf(version);
    const found = i < 0 ? undefined : entryAt(idx, stored!, i);
    entries.set(key, found);
    return found;
  };
  return {
    versions: (name) => {
      asked.add(name);
      return idx.names.get(name)?.versions ?? [];
    },
    dependencies: (name, version) => entry(name, version)?.dependencies ?? [],
    invalid: (name, version) => entry(name, version)?.invalid ?? null,
  };
}
