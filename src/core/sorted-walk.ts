// Sorted walk (§4): a folder's own entries sorted by name, files first, then each subfolder in name
// order, recursively. Names are sorted as UTF-8 bytes, which is code-point order: the earlier tool's order.
// Verify walks every version folder, so the common case (valid UTF-8 names) reads names as strings and
// only a folder holding a replacement character is re-read as raw bytes to tell undecodable names apart.
import { readdirSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';
import { compareCodePoints } from './text-order.js';

export type EntryKind = 'file' | 'symlink' | 'special';

export interface WalkEntry {
  /** POSIX path relative to the walked root. */
  path: string;
  abs: string;
  kind: EntryKind;
  /** False when the raw name is not valid UTF-8 (it cannot be named in a manifest). */
  utf8: boolean;
}

export interface WalkOptions {
  /** Top-level names to leave out (the manifest itself). */
  skipTopLevel?: ReadonlySet<string>;
  /** Whether to leave out a folder found at any depth (version-control metadata, a registry). */
  skipDir?: (name: string, abs: string, path: string) => boolean;
  /** Called for every entry as it is found; may throw to stop the walk early (limits). */
  visit?: (entry: WalkEntry) => void;
}

const MAX_DEPTH = 64;

interface Named {
  name: string;
  utf8: boolean;
  kind: EntryKind | 'dir';
}

function kindOf(d: Dirent<string> | Dirent<Buffer>): EntryKind | 'dir' {
  if (d.isDirectory()) return 'dir';
  if (d.isFile()) return 'file';
  if (d.isSymbolicLink()) return 'symlink';
  return 'special';
}

/** A folder's entries in UTF-8 byte order, each flagged with whether its raw name is valid UTF-8. */
function readSorted(absDir: string): Named[] {
  const dirents = readdirSync(absDir, { withFileTypes: true });
  if (!dirents.some((d) => d.name.includes('\uFFFD'))) {
    return dirents.map((d) => ({ name: d.name, utf8: true, kind: kindOf(d) })).sort((a, b) => compareCodePoints(a.name, b.name));
  }
  const raw = readdirSync(absDir, { withFileTypes: true, encoding: 'buffer' });
  raw.sort((a, b) => Buffer.compare(a.name, b.name));
  return raw.map((d) => {
    const name = d.name.toString('utf8');
    return { name, utf8: Buffer.from(name, 'utf8').equals(d.name), kind: kindOf(d) };
  });
}

/** Every non-directory entry under root in sorted-walk order. Empty folders contribute nothing. */
export function sortedWalk(root: string, opts: WalkOptions = {}): WalkEntry[] {
  const out: WalkEntry[] = [];
  const walk = (absDir: string, relDir: string, depth: number): void => {
    if (depth > MAX_DEPTH) throw new RangeError(`Folder nesting deeper than ${MAX_DEPTH} levels at ${relDir}`);
    const subdirs: Array<[string, string]> = [];
    for (const { name, utf8, kind } of readSorted(absDir)) {
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      // Plain concatenation: names from readdir never contain a separator, and walks run per file verified.
      const abs = absDir + sep + name;
      if (kind === 'dir') {
        if (!opts.skipDir?.(name, abs, rel)) subdirs.push([abs, rel]);
        continue;
      }
      if (depth === 0 && opts.skipTopLevel?.has(name)) continue;
      const entry: WalkEntry = { path: rel, abs, kind, utf8 };
      opts.visit?.(entry);
      out.push(entry);
    }
    for (const [abs, rel] of subdirs) walk(abs, rel, depth + 1);
  };
  walk(root, '', 0);
  return out;
}
