// Verifies one version folder against its immutability manifest, synchronously (it runs inside worker
// threads): every file hashed, none followed through a symlink, each difference reported by path.
import { closeSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { openRegular, sha256File } from './hash.js';
import { parseManifest } from './manifest.js';
import { MANIFEST_FILE, compareCodePoints } from './paths.js';
import { sortedWalk, type WalkEntry } from './walk.js';
import type { VersionVerification } from './types.js';
import { join } from 'node:path';

export interface VerifyJob {
  dir: string;
  name: string;
  version: string;
}

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export function readManifestBytes(dir: string): Buffer | null {
  let opened: { fd: number; size: number };
  try {
    opened = openRegular(join(dir, MANIFEST_FILE));
  } catch {
    return null;
  }
  try {
    if (opened.size > MAX_MANIFEST_BYTES) return null;
    const buf = Buffer.allocUnsafe(opened.size);
    let off = 0;
    while (off < opened.size) {
      const n = readSync(opened.fd, buf, off, opened.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(opened.fd);
  }
}

const sorted = (list: string[]): string[] => list.sort(compareCodePoints);

export function verifyVersionDir(job: VerifyJob): VersionVerification {
  const base = { name: job.name, version: job.version, changed: [] as string[], missing: [] as string[], extra: [] as string[] };
  const bytes = readManifestBytes(job.dir);
  const manifest = bytes === null ? null : parseManifest(bytes.toString('utf8'));
  if (bytes === null || manifest === null) return { ...base, status: 'unreadable', manifestSha256: null };

  const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  let entries: WalkEntry[];
  try {
    entries = sortedWalk(job.dir, { skipTopLevel: new Set([MANIFEST_FILE]) });
  } catch {
    return { ...base, status: 'unreadable', manifestSha256: null };
  }
  const seen = new Set<string>();
  for (const e of entries) {
    const want = e.utf8 ? expected.get(e.path) : undefined;
    if (want === undefined) {
      base.extra.push(e.path);
      continue;
    }
    seen.add(e.path);
    let actual: string | null = null;
    if (e.kind === 'file') {
      try {
        actual = sha256File(e.abs);
      } catch {
        actual = null;
      }
    }
    if (actual !== want) base.changed.push(e.path);
  }
  for (const path of expected.keys()) if (!seen.has(path)) base.missing.push(path);
  // A manifest that names another module or version is an edited (or moved) manifest.
  if (manifest.name !== job.name || manifest.version !== job.version) base.changed.push(MANIFEST_FILE);
  sorted(base.changed);
  sorted(base.missing);
  sorted(base.extra);
  const clean = base.changed.length + base.missing.length + base.extra.length === 0;
  return { ...base, status: clean ? 'ok' : 'tampered', manifestSha256: createHash('sha256').update(bytes).digest('hex') };
}
