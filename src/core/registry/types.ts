// Result types of the registry API (common.md); structurally compatible with src/shared/ipc/schemas.ts.

export type VersionStatus = 'ok' | 'tampered' | 'unreadable';
export type Verification = VersionStatus | 'unverified';

export interface FileDiff {
  changed: string[];
  missing: string[];
  extra: string[];
}

export interface VersionVerification extends FileDiff {
  name: string;
  version: string;
  status: VersionStatus;
  /** Lowercase hex sha256 of the manifest's bytes (the lockfile's `integrity`), null when unreadable or not asked for. */
  manifestSha256: string | null;
}

export interface VerifyReport {
  registry_path: string;
  total: number;
  ok: number;
  tampered: number;
  unreadable: number;
  cancelled: boolean;
  versions: Array<{ name: string; version: string; status: VersionStatus } & FileDiff>;
  /** Entries under modules/ that are not module or version folders, as registry-relative POSIX paths. */
  stray: string[];
}

export interface PublishResult {
  identifier: string;
  name: string;
  version: string;
  module_path: string;
  published_path: string;
  registry_path: string;
  tests: { total: number; passed: number; failed: number };
}

export interface Dependency {
  name: string;
  range: string;
}

/** Why a published version does not validate: its first validation error (file relative to the version folder). */
export interface InvalidVersion {
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
}

export interface IndexEntry {
  description: string;
  tags: string[];
  /** Empty for a version that does not validate: see `invalid`. */
  dependencies: Dependency[];
  verification: Verification;
  inputTypes: string[];
  outputTypes: string[];
  /** Null when the version validates; else resolving never takes it as a module without dependencies. */
  invalid: InvalidVersion | null;
}

export interface RegistryIndex {
  modules: Record<string, Record<string, IndexEntry>>;
}

export interface PackageRow {
  name: string;
  versions: string[];
  latest: string;
  description: string;
  tags: string[];
  verification: Verification;
  inputTypes: string[];
  outputTypes: string[];
}

/** The list as the CLI prints it (§6): rows only. */
export interface ListRows {
  registry_path: string;
  count: number;
  /** One row per version, exactly {name, version, source}, sorted by name then semver (§6). */
  modules: Array<{ name: string; version: string; source: string }>;
  packages: PackageRow[];
}

/** The list as the app reads it: also each version's last known verification, keyed `name@version`. */
export interface ListResult extends ListRows {
  versionStates: Record<string, Verification>;
}

export interface ModuleInterface {
  intent: string;
  inputs: Array<{ name: string; type: string; description: string; required: boolean }>;
  outputs: Array<{ type: string; description: string; structure?: unknown }>;
  preconditions: string[];
  postconditions: string[];
}

export interface ModuleMetadata {
  description: string;
  license: string | null;
  authors: string[];
  tags: string[];
}

export interface InfoResult {
  registry_path: string;
  name: string;
  count: number;
  versions: Array<{ name: string; version: string; source: string; metadata: ModuleMetadata; interface: ModuleInterface }>;
}

export interface VersionDetail {
  name: string;
  version: string;
  path: string;
  verification: Verification;
  integrity: FileDiff;
  metadata: ModuleMetadata;
  interface: ModuleInterface;
  template: { path: string; text: string; placeholders: string[] };
  dependencies: Dependency[];
  tests: Array<{ name: string; inputs: Record<string, unknown>; assertions: Array<{ kind: string; value: unknown }> }>;
  files: Array<{ path: string; sha256: string }>;
}
