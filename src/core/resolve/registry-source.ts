// The VersionSource over a registry's index cache: versions and dependencies without parsing any YAML.
// It reads the loaded index file's columns directly, so only the versions the solver asks about become
// objects: a registry of 30,000 versions is not converted whole for a closure of a few hundred modules.
import { dependenciesAt, invalidAt, type IndexFile } from '../registry/index-format.js';
import type { Dependency, VersionSource } from './types.js';

/** `idx` with its resolver's columns loaded (`loadResolution`); every module name asked about is added to `asked`. */
export function indexSource(idx: IndexFile, asked = new Set<string>()): VersionSource {
  const dependencies = new Map<string, readonly Dependency[]>();
  /** Where a version is in the index, or null when it is not there. */
  const find = (name: string, version: string) => {
    asked.add(name);
    const stored = idx.names.get(name);
    const i = stored === undefined ? -1 : stored.versions.indexOf(version);
    return i < 0 ? null : { stored: stored!, i };
  };
  return {
    versions: (name) => {
      asked.add(name);
      return idx.names.get(name)?.versions ?? [];
    },
    dependencies: (name, version) => {
      const key = `${name}@${version}`;
      let deps = dependencies.get(key);
      if (deps === undefined) {
        const at = find(name, version);
        dependencies.set(key, (deps = at === null ? [] : dependenciesAt(idx, at.stored, at.i)));
      }
      return deps;
    },
    invalid: (name, version) => {
      const at = find(name, version);
      return at === null ? null : invalidAt(idx, at.stored, at.i);
    },
  };
}
