// Verifies one version folder against its immutability manifest, synchronously (it runs inside worker
// threads): every file hashed, none followed through a symlink, each difference reported by path.
import { hash } from 'node:crypto';
import { sep } from 'node:path';
import { ownBytes, readRegularFile, sha256File, withRegularFile } from './hash.js';
import { parseManifest, type ImmutableManifest } from './manifest.js';
import { compareCodePoints } from '../text-order.js';
import { MANIFEST_FILE } from './paths.js';
import { sortedWalk, type WalkEntry } from '../sorted-walk.js';
import type { VersionVerification } from './types.js';

export interface VerifyJob {
  dir: string;
  name: string;
  version: string;
}

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const SKIP_MANIFEST: ReadonlySet<string> = new Set([MANIFEST_FILE]);

/** `use` applied to the version's manifest bytes (lent for the call: see withRegularFile), or null when they cannot be read. */
function withManifest<T>(dir: string, use: (bytes: Buffer) => T): T | null {
  try {
    return withRegularFile(dir + sep + MANIFEST_FILE, MAX_MANIFEST_BYTES, use);
  } catch {
    return null;
  }
}

export const readManifestBytes = (dir: string): Buffer | null => withManifest(dir, ownBytes);

/** The manifest parsed (null when malformed) and, with `digest`, the hash of its bytes; null when unreadable. */
const readManifest = (dir: string, digest: boolean): { manifest: ImmutableManifest | null; sha256: string | null } | null =>
  withManifest(dir, (bytes) => ({ manifest: parseManifest(bytes.toString('utf8')), sha256: digest ? hash('sha256', bytes, 'hex') : null }));

/** One file whose bytes a check keeps while hashing them (the index reads promptpm.yaml from them); null until read. */
export interface KeptFile {
  path: string;
  bytes: Buffer | null;
}

// As large as the index reads a manifest; a larger file is only hashed.
const MAX_KEPT_BYTES = 8 * 1024 * 1024;

function hashOrNull(e: WalkEntry, keep: KeptFile | undefined): string | null {
  if (e.kind !== 'file') return null;
  try {
    if (keep?.path !== e.path) return sha256File(e.abs);
    keep.bytes = readRegularFile(e.abs, MAX_KEPT_BYTES);
    return keep.bytes === null ? sha256File(e.abs) : hash('sha256', keep.bytes, 'hex');
  } catch {
    return null;
  }
}

/**
 * With `digest` false the manifest's own hash (the lockfile's integrity) is left null: a registry-wide check
 * needs none. `keep` names a file whose bytes are kept when it is listed and hashed.
 */
export function verifyVersionDir(job: VerifyJob, digest = true, keep?: KeptFile): VersionVerification {
  const changed: string[] = [];
  const missing: string[] = [];
  const extra: string[] = [];
  const unreadable = (): VersionVerification => ({ name: job.name, version: job.version, status: 'unreadable', changed, missing, extra, manifestSha256: null });
  const read = readManifest(job.dir, digest);
  const manifest = read?.manifest ?? null;
  if (read === null || manifest === null) return unreadable();

  const expected = new Map<string, string>();
  for (const f of manifest.files) expected.set(f.path, f.sha256);
  let entries: WalkEntry[];
  try {
    entries = sortedWalk(job.dir, { skipTopLevel: SKIP_MANIFEST });
  } catch {
    return unreadable();
  }
  let seen = 0;
  for (const e of entries) {
    const want = e.utf8 ? expected.get(e.path) : undefined;
    if (want === undefined) {
      extra.push(e.path);
      continue;
    }
    seen++;
    if (hashOrNull(e, keep) !== want) changed.push(e.path);
  }
  // Valid UTF-8 walk paths are unique, so when every listed path was seen nothing is missing.
  if (seen < expected.size) {
    const found = new Set(entries.filter((e) => e.utf8).map((e) => e.path));
    for (const path of expected.keys()) if (!found.has(path)) missing.push(path);
  }
  // A manifest that names another module or version is an edited (or moved) manifest.
  if (manifest.name !== job.name || manifest.version !== job.version) changed.push(MANIFEST_FILE);
  changed.sort(compareCodePoints);
  missing.sort(compareCodePoints);
  extra.sort(compareCodePoints);
  const clean = changed.length + missing.length + extra.length === 0;
  return { name: job.name, version: job.version, status: clean ? 'ok' : 'tampered', changed, missing, extra, manifestSha256: read.sha256 };
}

/**
 * A result as it crosses back from a worker thread: an intact version is only its manifest hash, since
 * everything else follows from the job. Cloning tens of thousands of full results costs the main thread
 * CPU time the hashing threads need.
 */
export type PackedVerification = string | VersionVerification;

export function verifyPacked(job: VerifyJob): PackedVerification {
  const r = verifyVersionDir(job);
  return r.status === 'ok' && r.manifestSha256 !== null ? r.manifestSha256 : r;
}

export function unpackVerification(job: VerifyJob, packed: PackedVerification): VersionVerification {
  if (typeof packed !== 'string') return packed;
  return { name: job.name, version: job.version, status: 'ok', changed: [], missing: [], extra: [], manifestSha256: packed };
}
