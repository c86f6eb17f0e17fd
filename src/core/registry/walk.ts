// Sorted walk (§4): a folder's own entries sorted by name, files first, then each subfolder in name
// order, recursively. Names are sorted as UTF-8 bytes, which is code-point order: the earlier tool's order.
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

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
  /** Folder names to leave out at any depth (version-control metadata). */
  skipDirs?: ReadonlySet<string>;
  /** Called for every entry as it is found; may throw to stop the walk early (limits). */
  visit?: (entry: WalkEntry) => void;
}

const MAX_DEPTH = 64;

function kindOf(d: Dirent<Buffer>): EntryKind | 'dir' {
  if (d.isDirectory()) return 'dir';
  if (d.isFile()) return 'file';
  if (d.isSymbolicLink()) return 'symlink';
  return 'special';
}

/** Every non-directory entry under root in sorted-walk order. Empty folders contribute nothing. */
export function sortedWalk(root: string, opts: WalkOptions = {}): WalkEntry[] {
  const out: WalkEntry[] = [];
  const walk = (absDir: string, relDir: string, depth: number): void => {
    if (depth > MAX_DEPTH) throw new RangeError(`Folder nesting deeper than ${MAX_DEPTH} levels at ${relDir}`);
    const dirents = readdirSync(absDir, { withFileTypes: true, encoding: 'buffer' });
    dirents.sort((a, b) => Buffer.compare(a.name, b.name));
    const subdirs: Array<[string, string]> = [];
    for (const d of dirents) {
      const name = d.name.toString('utf8');
      const utf8 = Buffer.from(name, 'utf8').equals(d.name);
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const abs = join(absDir, name);
      const kind = kindOf(d);
      if (kind === 'dir') {
        if (!opts.skipDirs?.has(name)) subdirs.push([abs, rel]);
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
