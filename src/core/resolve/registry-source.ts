// The VersionSource over a registry's index cache: versions and dependencies without parsing any YAML.
import type { RegistryIndex } from '../registry/types.js';
import type { Dependency, VersionSource } from './types.js';

export function indexSource(index: RegistryIndex): VersionSource {
  // Own properties only: a dependency named `constructor` must not find Object.prototype.
  const versionsOf = (name: string) => (Object.hasOwn(index.modules, name) ? index.modules[name]! : {});
  return {
    versions: (name) => Object.keys(versionsOf(name)),
    dependencies: (name, version): readonly Dependency[] => {
      const versions = versionsOf(name);
      return Object.hasOwn(versions, version) ? versions[version]!.dependencies : [];
    },
    invalid: (name, version) => {
      const versions = versionsOf(name);
      return Object.hasOwn(versions, version) ? versions[version]!.invalid : null;
    },
  };
}
