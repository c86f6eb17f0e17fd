// The results of bringing module folders into a registry (docs/cli.md, "publish"): plain JSON data (no
// undefined, no class instances) that the CLI prints as is and the app renders after it crossed IPC.
import type { ContractDiff, Verdict } from '../diff/types.js';
import type { Diagnostic, ErrorObject } from '../errors.js';
import type { LongWorkOptions } from '../progress.js';
import type { TestFailure } from '../testing/types.js';

// ── Finding module folders ───────────────────────────────────────────────────────────────────────────────

/** Why a given path gave no module, or why the search stopped. */
export type FindProblemCode =
  | 'PATH_NOT_FOUND'
  | 'NOT_A_FOLDER'
  | 'SYMLINK'
  | 'UNREADABLE_FOLDER'
  /** The folder is a registry: open it instead of importing it. */
  | 'REGISTRY_FOLDER'
  | 'NO_MODULE_FOUND'
  | 'TOO_MANY_FOLDERS'
  | 'TOO_MANY_MODULES';

export interface FindProblem {
  code: FindProblemCode;
  /** The absolute path concerned (the registry folder, the given path, the folder where a limit was hit). */
  path: string;
  message: string;
  hint: string;
}

export interface FindOptions {
  /** How many levels below a given folder are searched (0: only the folder itself). Default 6. */
  maxDepth?: number;
  /** Folders read before the search stops with TOO_MANY_FOLDERS. Default 20,000. */
  maxFolders?: number;
  /** Modules found before the search stops with TOO_MANY_MODULES. Default 1,000. */
  maxModules?: number;
  signal?: AbortSignal;
}

export interface FoundModules {
  /** Absolute module folders: the given paths in order, each searched in code-point order of names. */
  modules: string[];
  problems: FindProblem[];
  /** False when a limit stopped the search: `modules` is then only part of what the paths hold. */
  complete: boolean;
}

// ── Preview (nothing written) ────────────────────────────────────────────────────────────────────────────

/** What publishing the row would do: only `ready` rows would be published. */
export type ImportStatus = 'ready' | 'invalid' | 'tests-failed' | 'exists' | 'duplicate';

/**
 * Whether the registry has this version (or one equal in semver precedence): `same-bytes` when its
 * immutability manifest is byte for byte what publishing this folder would write.
 */
export type ExistingState = 'none' | 'same-bytes' | 'different';

export interface TestCounts {
  total: number;
  passed: number;
  failed: number;
}

/** The folder against the latest published version of the same module (docs/semver-rules.md). */
export interface ImportComparison {
  /** The published version compared with: the module's latest one not equal to this folder's version. */
  against: string;
  contract: ContractDiff;
  verdict: Verdict;
}

export interface ImportRow {
  /** Absolute module folder. */
  path: string;
  /** Absolute manifest file, null when the folder has none. */
  source: string | null;
  /** As written in the manifest when it is readable text, even if the module does not validate; else null. */
  name: string | null;
  version: string | null;
  status: ImportStatus;
  /** Every validation finding, located (what `validate --pretty` lists). */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Null unless the module validates (its tests only run then). */
  tests: TestCounts | null;
  failures: TestFailure[];
  existing: ExistingState;
  /** The published version `existing` is about (it may differ in build metadata), else null. */
  existingVersion: string | null;
  /** Another folder of this batch claiming the same name@version (semver-equal), else null. */
  duplicateOf: string | null;
  /** Null when the registry has no other version of the module, or the folder does not validate. */
  comparison: ImportComparison | null;
  /** Why a comparison could not be made (e.g. the published version is tampered), else null. */
  comparisonError: ErrorObject | null;
}

export interface ImportPreview {
  registry_path: string;
  /** One row per module found, in the order `findModules` found them; empty when the search was incomplete. */
  rows: ImportRow[];
  /** The paths that gave no module, and why; a limit that stopped the search. */
  problems: FindProblem[];
  /** False when a limit stopped the search (nothing is previewed then: see `problems`). */
  complete: boolean;
}

export type PreviewOptions = FindOptions & LongWorkOptions;

// ── Batch publish ────────────────────────────────────────────────────────────────────────────────────────

/** `skipped`: not attempted (the batch was cancelled first); `failed`: refused by a check, or the write failed. */
export type BatchStatus = 'published' | 'skipped' | 'failed';

export interface BatchOutcome {
  /** Absolute module folder as given. */
  path: string;
  /** Null when the module did not validate. */
  name: string | null;
  version: string | null;
  status: BatchStatus;
  /** Null when published; else the core's error (category, reason, message, hint, location). */
  error: ErrorObject | null;
  /** What explains the error: all validation findings, the test failures, the version that exists… */
  details: Record<string, unknown> | null;
  /** The new version folder, when published. */
  published_path: string | null;
  /** Null when the tests did not run. */
  tests: TestCounts | null;
}

export interface BatchResult {
  registry_path: string;
  /** One per folder, in the order given. */
  modules: BatchOutcome[];
  published: number;
  failed: number;
  skipped: number;
  cancelled: boolean;
}
