// A resolution kept for the next install of the same root (<registry>/.promptpm/resolved/<key>.json): the
// solver's answer depends only on the root's dependencies and on what it read of the registry, so while the
// index file it solved against is still the index and every module folder it read keeps its stamp (the
// index's own freshness rule, stamps.ts), solving again gives the same answer. Only successful solves are
// kept, sealed (sealed.ts); anything that does not check out is solved again. Verification is never kept:
// install still hashes every version it returns. Like the index, these files can be deleted at any time.
import { mkdirSync, readFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../atomic-write.js';
import { isModuleName, isStrictSemverSyntax } from '../module/name-version.js';
import type { IndexFile } from '../registry/index-format.js';
import { toolDir } from '../registry/paths.js';
import { sealed, unsealed } from '../registry/sealed.js';
import { areStamps, foldersKeepStamps, indexStillIs, stampsIn, type FolderStamps } from '../registry/stamps.js';
import type { ResolvedGraph } from './graph.js';
import type { Dependency, RootModule } from './types.js';

const FORMAT = 1;

interface Kept extends FolderStamps {
  format: number;
  /** Identity of the index file solved against. */
  index: string;
  /** The root as solved: name, version, and its dependencies as [name, range]. */
  root: unknown;
  // names, mtimes: every module the solver read, with its folder's stamp.
  /** The answer: each module's chosen version, and its dependencies as [name, range], in name order. */
  versions: Array<[string, string]>;
  edges: Array<[string, Array<[string, string]>]>;
}

const rootKey = (root: RootModule): unknown => [root.name, root.version, root.dependencies.map((d) => [d.name, d.range])];

/** The file a root's resolution is kept in: named by a hash of what the solver takes from the root. */
function keptFile(registry: string, root: RootModule): string {
  const key = hash('sha256', JSON.stringify(rootKey(root)), 'hex').slice(0, 32);
  return join(toolDir(registry), 'resolved', `${key}.json`);
}

const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

function wellFormed(k: Kept): boolean {
  if (typeof k !== 'object' || k === null || k.format !== FORMAT || typeof k.index !== 'string') return false;
  if (!areStamps(k)) return false;
  if (!Array.isArray(k.versions) || !k.versions.every((p) => isPair(p) && isModuleName(p[0]) && isStrictSemverSyntax(p[1]))) return false;
  // Every module an edge names has a chosen version, as in any graph the solver gives.
  const chosen = new Set(k.versions.map(([name]) => name));
  const isEdge = (e: unknown): boolean =>
    Array.isArray(e) && e.length === 2 && chosen.has(e[0] as string) && Array.isArray(e[1]) && (e[1] as unknown[]).every((d) => isPair(d) && chosen.has(d[0]));
  return Array.isArray(k.edges) && k.edges.every(isEdge);
}

/** Whether the index file and every folder the solver read are as they were when it solved. */
const stillHolds = (registry: string, k: Kept): boolean => indexStillIs(registry, k.index) && foldersKeepStamps(registry, k, Date.now());

/**
 * The resolution kept for `root`, or null unless it still holds (see above). `onClosure` is told how many
 * versions it chose once it is read and before it is checked, so their hashing can get ready meanwhile.
 */
export function readKeptResolution(registry: string, root: RootModule, onClosure?: (versions: number) => void): ResolvedGraph | null {
  let content: Buffer | null;
  try {
    content = unsealed(readFileSync(keptFile(registry, root)));
  } catch {
    return null;
  }
  if (content === null) return null;
  let k: Kept;
  try {
    k = JSON.parse(content.toString('utf8')) as Kept;
  } catch {
    return null;
  }
  if (!wellFormed(k) || JSON.stringify(k.root) !== JSON.stringify(rootKey(root))) return null;
  onClosure?.(k.versions.length);
  if (!stillHolds(registry, k)) return null;
  const edges = new Map<string, Dependency[]>(k.edges.map(([name, deps]) => [name, deps.map(([dep, range]) => ({ name: dep, range }))]));
  return { rootName: root.name, versions: new Map(k.versions), edges };
}

/**
 * Keeps `graph`, solved for `root` against `idx` (reading the modules in `read`), when the index is stored as a
 * file and every module read has a settled stamp. Best effort: a registry that cannot be written keeps nothing.
 */
export function keepResolution(registry: string, root: RootModule, idx: IndexFile, read: ReadonlySet<string>, graph: ResolvedGraph): void {
  const folders = stampsIn(idx, [...read].sort());
  if (idx.origin === null || folders === null) return;
  const kept: Kept = {
    format: FORMAT,
    index: idx.origin,
    root: rootKey(root),
    ...folders,
    versions: [...graph.versions],
    edges: [...graph.edges].map(([name, deps]) => [name, deps.map((d): [string, string] => [d.name, d.range])]),
  };
  try {
    mkdirSync(join(toolDir(registry), 'resolved'), { recursive: true });
    writeFileAtomicSync(keptFile(registry, root), sealed(JSON.stringify(kept)), 0o644, { durable: false });
  } catch {
    // A registry that cannot be written keeps nothing; the install goes on.
  }
}
