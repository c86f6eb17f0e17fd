// The resolver's public shapes. ResolvedNode matches resolvedNodeSchema in src/shared/ipc/schemas.ts.
import type { InvalidVersion } from '../registry/types.js';

export type { InvalidVersion };

export interface Dependency {
  name: string;
  /** The range exactly as declared (npm semver syntax). */
  range: string;
}

/** What the resolver needs to know about a registry; synchronous so search never waits on I/O. */
export interface VersionSource {
  /** Every published version of `name` (any order; invalid semver strings are ignored); [] when unknown. */
  versions(name: string): readonly string[];
  /** Declared dependencies of one published version. */
  dependencies(name: string, version: string): readonly Dependency[];
  /** Why a published version does not validate, or null; resolution that reaches such a version fails. */
  invalid?(name: string, version: string): InvalidVersion | null;
}

export interface RootModule {
  name: string;
  version: string;
  dependencies: readonly Dependency[];
}

export type Verification = 'ok' | 'tampered' | 'unreadable' | 'unverified';

/** One node of the resolution tree: who pulled in what through which range. */
export interface ResolvedNode {
  name: string;
  version: string;
  /** The range that chose this node ('' for the root). */
  range: string;
  verification: Verification;
  /** A module already expanded earlier in the tree is shown again without children. */
  deduped: boolean;
  children: ResolvedNode[];
}

export interface InstalledModule {
  name: string;
  version: string;
  /** Absolute registry folder of the version. */
  path: string;
}

export interface LockDependency {
  range: string;
  version: string;
}

export interface Lockfile {
  lockfileVersion: 1;
  modules: Record<string, { dependencies: Record<string, LockDependency>; integrity: string; version: string }>;
  root: { dependencies: Record<string, LockDependency>; name: string; version: string };
}

export interface Resolution {
  root: ResolvedNode;
  /** Dependencies before dependents (§5), root excluded. */
  installed: InstalledModule[];
  lock: Lockfile;
}

export interface InstallResult {
  module_path: string;
  registry_path: string;
  count: number;
  installed: InstalledModule[];
  lock_path: string;
  tree: ResolvedNode;
}
