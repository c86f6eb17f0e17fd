// resolveDependencies: solve against the registry's index, reject cycles, verify every chosen version's
// integrity, and return the tree, the §5 install order and the lock.
import type { LongWorkOptions } from '../progress.js';
import { resolveRegistryLocation } from '../registry/location.js';
import type { IndexFile } from '../registry/index-cache.js';
import { inProcessMax, TaskPool } from '../registry/pool.js';
import { versionPath } from '../registry/paths.js';
import { cancelledError, integrityError } from './errors.js';
import { installOrder, resolutionTree, type ResolvedGraph } from './graph.js';
import { buildLock } from './lockfile.js';
import { keepResolution, readKeptResolution } from './kept-resolution.js';
import type { solveDependencies } from './solve.js';
import { SolveCancelled } from './cancelled.js';
import type { Resolution, RootModule } from './types.js';
import { verifyResolved } from './verify.js';

export async function resolveDependencies(registry: string, root: RootModule, opts: LongWorkOptions = {}): Promise<Resolution> {
  const registryPath = await resolveRegistryLocation(registry);
  return resolveInRegistry(registryPath, root, registryPath, opts);
}

// Rounds of solving against folders that changed meanwhile before the last answer is taken as it is.
const MAX_ROUNDS = 3;

/**
 * Solves against the index as stored, then checks that the module folders the solver read are unchanged on
 * disk; where one changed, it is rescanned and the solve runs again. The answer depends only on what the
 * solver read, so it is the answer a fully refreshed index gives, without a stat of every module folder of
 * the registry. An index not built yet is built whole. The answer is kept for the same root and used while
 * the index and every folder read are unchanged (kept-resolution.ts): then nothing is solved.
 */
async function solveFresh(registryPath: string, root: RootModule, opts: Parameters<typeof solveDependencies>[2], verifyPool: TaskPool): Promise<ResolvedGraph> {
  // Once the closure is known its verify threads start, while the kept answer is checked.
  const kept = readKeptResolution(registryPath, root, (versions) => {
    if (versions - 1 > inProcessMax('verify')) verifyPool.prestart('verify');
  });
  if (kept !== null) return kept;
  // The index and the solver are loaded only to solve.
  const [{ freshen, freshenModules, loadIndexFile }, { loadResolution }, { indexSource }, { solveDependencies }] = await Promise.all([
    import('../registry/index-cache.js'),
    import('../registry/index-format.js'),
    import('./registry-source.js'),
    import('./solve.js'),
  ]);
  const idx: IndexFile = loadIndexFile(registryPath, true);
  if (idx.columns === null || !loadResolution(idx)) await freshen(registryPath, idx);
  // A registry this big may well give a closure worth hashing on threads (pool.ts runs small ones in-process).
  if (idx.names.size > inProcessMax('verify')) verifyPool.prestart('verify');
  for (let round = 1; ; round++) {
    const asked = new Set<string>();
    let graph: ResolvedGraph | undefined;
    let failure: unknown;
    try {
      graph = await solveDependencies(indexSource(idx, asked), root, opts);
    } catch (err) {
      failure = err;
    }
    const changed = await freshenModules(registryPath, idx, asked);
    // Kept only when solved against folders that were all unchanged: the answer for them as they are.
    if (graph && !changed) keepResolution(registryPath, root, idx, asked, graph);
    const settled = round === MAX_ROUNDS || !changed;
    if (settled && graph) return graph;
    if (settled) throw failure;
  }
}

/** The whole resolution against an absolute registry path; errors carry `errorPath`. */
export async function resolveInRegistry(registryPath: string, root: RootModule, errorPath: string, opts: LongWorkOptions): Promise<Resolution> {
  const versionDir = (name: string, version: string): string => versionPath(registryPath, name, version);
  // The verify threads boot while the solver runs: hashing a closure of hundreds of versions then starts at once.
  const pool = new TaskPool();
  let graph: ResolvedGraph;
  let order: string[];
  let resolved: Map<string, string>;
  let checks;
  try {
    graph = await solveFresh(registryPath, root, { ...opts, errorPath, versionDir }, pool);
    order = installOrder(graph);
    resolved = new Map(order.map((name) => [name, graph.versions.get(name)!]));
    checks = await verifyResolved(registryPath, resolved, opts, pool);
  } catch (err) {
    throw err instanceof SolveCancelled ? cancelledError(errorPath) : err;
  } finally {
    pool.close();
  }
  const bad = order.map((name) => checks.get(name)!).filter((c) => c.status !== 'ok');
  if (bad.length > 0) throw integrityError(errorPath, bad);
  const integrity = new Map(order.map((name) => [name, checks.get(name)!.manifestSha256!]));
  return {
    root: resolutionTree(graph, (name) => checks.get(name)?.status ?? 'unverified'),
    // Keys in sorted order, as the tree's: the CLI prints them as canonical JSON without copying a row.
    installed: order.map((name) => ({ name, path: versionPath(registryPath, name, resolved.get(name)!), version: resolved.get(name)! })),
    lock: buildLock(graph, integrity),
  };
}
