// promptpm.lock (§5): built from the resolved graph, written canonically (keys sorted at every level,
// two-space indent, final newline), and compared with an existing lock to say what --frozen found.
import { sortKeys } from '../canonical-json.js';
import type { ResolvedGraph } from './graph.js';
import type { LockDependency, Lockfile } from './types.js';

export const LOCK_FILE = 'promptpm.lock';

export function buildLock(graph: ResolvedGraph, integrity: ReadonlyMap<string, string>): Lockfile {
  const depsOf = (name: string): Record<string, LockDependency> =>
    Object.fromEntries((graph.edges.get(name) ?? []).map((d) => [d.name, { range: d.range, version: graph.versions.get(d.name)! }]));
  const modules: Lockfile['modules'] = {};
  // Names in the order sortKeys sorts them (the edges are in name order), so serializing copies nothing.
  for (const name of [...graph.versions.keys()].sort()) {
    if (name === graph.rootName) continue;
    modules[name] = { dependencies: depsOf(name), integrity: integrity.get(name)!, version: graph.versions.get(name)! };
  }
  return {
    lockfileVersion: 1,
    modules,
    root: { dependencies: depsOf(graph.rootName), name: graph.rootName, version: graph.versions.get(graph.rootName)! },
  };
}

export function serializeLock(lock: Lockfile): string {
  return JSON.stringify(sortKeys(lock), null, 2) + '\n';
}

type Entry = { version?: unknown; integrity?: unknown; dependencies?: unknown };

const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Human-readable differences between the lock on disk (text) and the one resolving gives now. */
export function lockDifferences(existingText: string, next: Lockfile): { differences: string[]; integrity: string[] } {
  let old: Record<string, unknown>;
  try {
    old = record(JSON.parse(existingText));
  } catch {
    return { differences: [`${LOCK_FILE} is not valid JSON`], integrity: [] };
  }
  const differences: string[] = [];
  const integrity: string[] = [];
  if (old.lockfileVersion !== next.lockfileVersion) differences.push(`lockfileVersion is ${JSON.stringify(old.lockfileVersion)}, expected ${next.lockfileVersion}`);
  const oldRoot = record(old.root);
  if (oldRoot.name !== next.root.name || oldRoot.version !== next.root.version) {
    differences.push(`root is ${String(oldRoot.name)}@${String(oldRoot.version)} in the lock, ${next.root.name}@${next.root.version} now`);
  }
  const oldModules = record(old.modules);
  const moved = new Set<string>();
  const kept: Array<[string, Entry, Lockfile['modules'][string]]> = [];
  for (const name of [...new Set([...Object.keys(oldModules), ...Object.keys(next.modules)])].sort()) {
    const was = Object.hasOwn(oldModules, name) ? (record(oldModules[name]) as Entry) : null;
    const now = Object.hasOwn(next.modules, name) ? next.modules[name]! : null;
    if (was && now && was.version === now.version) {
      kept.push([name, was, now]);
      continue;
    }
    moved.add(name);
    if (!was) differences.push(`${name}@${now!.version} would be added`);
    else if (!now) differences.push(`${name}@${String(was.version)} would be removed`);
    else differences.push(`${name} would change from ${String(was.version)} to ${now.version}`);
  }
  compareDeps(next.root.name, record(oldRoot.dependencies), next.root.dependencies, moved, differences);
  for (const [name, was, now] of kept) {
    if (was.integrity !== now.integrity) integrity.push(`integrity of ${name}@${now.version} differs from the lock (lock ${String(was.integrity)}, registry ${now.integrity})`);
    compareDeps(`${name}@${now.version}`, record(was.dependencies), now.dependencies, moved, differences);
  }
  return { differences, integrity };
}

/** Dependency entries that differ; a version change already reported for the module itself is not repeated. */
function compareDeps(owner: string, was: Record<string, unknown>, now: Record<string, LockDependency>, moved: ReadonlySet<string>, out: string[]): void {
  for (const dep of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
    const a = Object.hasOwn(was, dep) ? record(was[dep]) : null;
    const b = Object.hasOwn(now, dep) ? now[dep]! : null;
    if (!a) out.push(`${owner} would gain dependency ${dep} ${b!.range}`);
    else if (!b) out.push(`${owner} would lose dependency ${dep}`);
    else if (a.range !== b.range || (a.version !== b.version && !moved.has(dep))) {
      out.push(`${owner} dependency ${dep} is ${String(a.range)} → ${String(a.version)} in the lock, ${b.range} → ${b.version} now`);
    }
  }
}
