// The result of comparing two versions of a module: plain JSON data (no undefined, no class instances) in a
// stable order, so the CLI prints it as is and the app renders it without recomputing anything.
// The rules behind each severity and verdict are docs/semver-rules.md.

/** How much a change asks of the version number. */
export type Severity = 'major' | 'minor' | 'patch';

/** One side of a comparison: a published version or a module folder (work in progress). */
export interface DiffSide {
  name: string;
  version: string;
  /** Absolute version folder in the registry, or the absolute module folder. */
  path: string;
  source: 'registry' | 'folder';
}

// ── Files ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * How a file's content was compared: `text` is diffed line by line; `too-costly` is text whose line diff
 * would take too long (shown as a whole-file replace); the others are reported with sizes and hashes only.
 */
export type FileContent = 'text' | 'binary' | 'non-utf8' | 'too-large' | 'too-costly';

export type FileStatus = 'added' | 'removed' | 'changed' | 'renamed';

/** A run of a changed line: `changed` marks the words removed (on a removed line) or added (on an added line). */
export interface WordSegment {
  text: string;
  changed: boolean;
}

export interface HunkLine {
  kind: 'context' | 'added' | 'removed';
  /** The line without its line break. */
  text: string;
  /** 1-based line numbers in the old and new file; null on the side the line is not in. */
  oldLine: number | null;
  newLine: number | null;
  /** Word-level changes when the line is paired with its counterpart in a changed block, else null. */
  words: WordSegment[] | null;
}

export interface Hunk {
  /** As in a unified diff header `@@ -oldStart,oldLines +newStart,newLines @@`. */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: HunkLine[];
}

export interface FileChange {
  /** Path in the new version (the old path for a removed file), POSIX, relative to the module folder. */
  path: string;
  /** The old path of a renamed file, else null. */
  from: string | null;
  status: FileStatus;
  content: FileContent;
  /** Byte sizes and sha256 of each side; null on the side the file is not in. */
  oldSize: number | null;
  newSize: number | null;
  oldSha256: string | null;
  newSha256: string | null;
  /** Lines added and removed (0 for content that is not compared as text). */
  insertions: number;
  deletions: number;
  /** Whether each side's text ends with a line break (null when that side is absent or not text). */
  oldNewlineAtEnd: boolean | null;
  newNewlineAtEnd: boolean | null;
  hunks: Hunk[];
}

export interface FilesDiff {
  /** Changed files in code-point order of `path`. */
  changes: FileChange[];
  unchanged: number;
  insertions: number;
  deletions: number;
}

// ── Contract ─────────────────────────────────────────────────────────────────────────────────────────────

export type ContractSection =
  | 'inputs'
  | 'outputs'
  | 'placeholders'
  | 'preconditions'
  | 'postconditions'
  | 'dependencies'
  | 'tests'
  | 'metadata'
  | 'template';

export type ContractChangeKind =
  | 'input-added'
  | 'input-removed'
  | 'input-retyped'
  | 'input-made-required'
  | 'input-made-optional'
  | 'input-description-changed'
  | 'output-added'
  | 'output-removed'
  | 'output-retyped'
  | 'output-key-added'
  | 'output-key-removed'
  | 'output-structure-changed'
  | 'output-description-changed'
  | 'placeholder-added'
  | 'placeholder-removed'
  | 'precondition-added'
  | 'precondition-removed'
  | 'postcondition-added'
  | 'postcondition-removed'
  | 'dependency-added'
  | 'dependency-removed'
  | 'dependency-range-changed'
  | 'test-added'
  | 'test-removed'
  | 'test-changed'
  | 'description-changed'
  | 'intent-changed'
  | 'license-changed'
  | 'authors-changed'
  | 'tag-added'
  | 'tag-removed'
  | 'template-changed';

/** JSON data of a value before or after a change (an input spec, a range, a list of authors…). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ContractChange {
  kind: ContractChangeKind;
  severity: Severity;
  section: ContractSection;
  /** What changed, by name: the input or test name, the output type, the condition's text, `description`… */
  subject: string;
  /** Field path in the manifest, indexed in the version the item is in (the new one when in both). */
  field: string;
  /** One sentence for people, saying what changed and what it means for callers. */
  message: string;
  before: JsonValue;
  after: JsonValue;
}

export interface ContractDiff {
  /** Ordered by severity (major first), then section, subject and kind. */
  changes: ContractChange[];
  counts: Record<Severity, number>;
}

// ── Verdict ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * `ok`: the new version number says what changed; `under-bumped`: it hides changes that need a bigger bump;
 * `over-bumped`: bigger than needed (information only); `not-increased`: the new version is not above the old.
 */
export type VerdictStatus = 'ok' | 'under-bumped' | 'over-bumped' | 'not-increased';

export interface Verdict {
  status: VerdictStatus;
  /** The largest severity among the changes (any file change is at least a patch), or `none`. */
  required: Severity | 'none';
  /** The bump the version number makes: from the old version to the new one's release numbers. */
  actual: Severity | 'none';
  /** The smallest version after the old one that tells callers the truth about these changes. */
  minimum: string;
  /** True when the verdict never fails a check: a prerelease target, or an over-bump. */
  informational: boolean;
  /** The changes that needed more than the actual bump (under-bumped), else empty. */
  needing: ContractChange[];
  /** One sentence for people. */
  message: string;
}

export interface VersionDiff {
  a: DiffSide;
  b: DiffSide;
  files: FilesDiff;
  contract: ContractDiff;
  verdict: Verdict;
}
