// The immutability manifest (.promptpm_immutable.json): exact bytes on write (§4), any key order or
// escaping on read, strict about structure so a hostile manifest cannot point verify outside its folder.
import { isSafeRelativePath } from './paths.js';
import { pythonJsonDumps } from './python-json.js';

export interface ManifestFile {
  path: string;
  sha256: string;
}

export interface ImmutableManifest {
  algorithm: 'sha256';
  files: ManifestFile[];
  name: string;
  version: string;
}

// Either case, stored lower: no character outside ASCII lowercases into 0-9a-f, so this is the same as testing the lowered digest.
const HEX64 = /^[0-9a-fA-F]{64}$/;

/** `files` must already be in sorted-walk order (see walk.ts); the bytes end with one newline. */
export function serializeManifest(m: ImmutableManifest): string {
  return (
    pythonJsonDumps({
      algorithm: m.algorithm,
      files: m.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
      name: m.name,
      version: m.version,
    }) + '\n'
  );
}

/** Parses manifest text; returns null when it is not a well-formed sha256 manifest with safe, unique paths. */
export function parseManifest(text: string): ImmutableManifest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const obj = raw as Record<string, unknown>;
  if (obj.algorithm !== 'sha256' || typeof obj.name !== 'string' || typeof obj.version !== 'string') return null;
  if (!Array.isArray(obj.files)) return null;
  const files: ManifestFile[] = [];
  const seen = new Set<string>();
  for (const entry of obj.files as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { path, sha256 } = entry as Record<string, unknown>;
    if (typeof path !== 'string' || typeof sha256 !== 'string') return null;
    if (!isSafeRelativePath(path) || seen.has(path) || !HEX64.test(sha256)) return null;
    seen.add(path);
    files.push({ path, sha256: sha256.toLowerCase() });
  }
  return { algorithm: 'sha256', files, name: obj.name, version: obj.version };
}
