// In-memory registries for resolver tests: name → version → {dependency: range}.
import type { Dependency, VersionSource } from '../../../src/core/resolve/types.js';

export type Registry = Record<string, Record<string, Record<string, string>>>;

/** A VersionSource over `registry`; `order` permutes version listings as a file system might. */
export function memorySource(registry: Registry, order: (names: string[]) => string[] = (x) => x): VersionSource {
  return {
    versions: (name) => (Object.hasOwn(registry, name) ? order(Object.keys(registry[name]!)) : []),
    dependencies: (name, version): Dependency[] =>
      Object.entries(registry[name]?.[version] ?? {}).map(([dep, range]) => ({ name: dep, range })),
  };
}

export function rootWith(deps: Record<string, string>, name = 'app', version = '1.0.0') {
  return { name, version, dependencies: Object.entries(deps).map(([dep, range]) => ({ name: dep, range })) };
}
