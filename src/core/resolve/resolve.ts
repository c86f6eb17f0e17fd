// resolveDependencies: solve against the registry's index, reject cycles, verify every chosen version's
// integrity, and return the tree, the §5 install order and the lock.
import type { LongWorkOptions } from '../progress.js';
import { resolveRegistryLocation } from '../registry/index.js';
import { loadFreshIndex } from '../registry/index-cache.js';
import { versionPath } from '../registry/paths.js';
import { cancelledError, integrityError } from './errors.js';
import { installOrder, resolutionTree } from './graph.js';
import { buildLock } from './lockfile.js';
import { indexSource } from './registry-source.js';
import { solveDependencies } from './solve.js';
import { SolveCancelled } from './solver.js';
import type { Resolution, RootModule } from './types.js';
import { verifyResolved } from './verify.js';

export async function resolveDependencies(registry: string, root: RootModule, opts: LongWorkOptions = {}): Promise<Resolution> {
  const registryPath = await resolveRegistryLocation(registry);
  return resolveInRegistry(registryPath, root, registryPath, opts);
}

/** The whole resolution against an absolute registry path; errors carry `errorPath`. */
export async function resolveInRegistry(registryPath: string, root: RootModule, errorPath: string, opts: LongWorkOptions): Promise<Resolution> {
  const versionDir = (name: string, version: string): string => versionPath(registryPath, name, version);
  const graph = await solveDependencies(indexSource(await loadFreshIndex(registryPath)), root, { ...opts, errorPath, versionDir });
  const order = installOrder(graph);
  const resolved = new Map(order.map((name) => [name, graph.versions.get(name)!]));
  let checks;
  try {
    checks = await verifyResolved(registryPath, resolved, opts);
  } catch (err) {
    throw err instanceof SolveCancelled ? cancelledError(errorPath) : err;
  }
  const bad = order.map((name) => checks.get(name)!).filter((c) => c.status !== 'ok');
  if (bad.length > 0) throw integrityError(errorPath, bad);
  const integrity = new Map(order.map((name) => [name, checks.get(name)!.manifestSha256!]));
  return {
    root: resolutionTree(graph, (name) => checks.get(name)?.status ?? 'unverified'),
    installed: order.map((name) => ({ name, version: resolved.get(name)!, path: versionPath(registryPath, name, resolved.get(name)!) })),
    lock: buildLock(graph, integrity),
  };
}
