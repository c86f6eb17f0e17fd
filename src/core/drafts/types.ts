// What the drafts area gives the app: plain JSON data (no undefined, no class instances) that crosses IPC as is.
import type { Diagnostic } from '../errors.js';

/** The published version a draft was copied from ("new version of"), or null for a draft made from scratch. */
export type BasedOn = { name: string; version: string } | null;

export interface DraftSummary {
  /** Absolute draft folder (a module folder directly inside a drafts area). */
  path: string;
  /** `module.name` and `module.version` as written, null when the manifest does not give them as text. */
  name: string | null;
  version: string | null;
  basedOn: BasedOn;
  /** What `promptpm validate` says of the folder: counts and the first error, located. */
  validation: { errors: number; warnings: number; first: Diagnostic | null };
}

/** A file of a draft as the editor holds it: its text and the sha256 of its bytes, the base of the next save. */
export interface DraftFile {
  path: string;
  text: string;
  hash: string;
}

/** Editor text journaled but never saved (a crash or a quit), to be offered again on the next start. */
export interface RecoveredEdit {
  draft: string;
  /** POSIX path inside the draft. */
  file: string;
  text: string;
  /** sha256 of the file on disk now, null when it does not exist: the base a restore then saves over. */
  diskHash: string | null;
}
