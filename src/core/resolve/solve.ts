// The pure resolution step over any VersionSource: solve, keep what the root reaches, reject cycles.
import type { LongWorkOptions } from '../progress.js';
import { cancelledError, conflictError, cycleError, invalidVersionError } from './errors.js';
import { findCycle, reachableGraph, type ResolvedGraph } from './graph.js';
import { SolveCancelled } from './cancelled.js';
import { InvalidVersionReached, SolveFailure, Solver } from './solver.js';
import type { RootModule, VersionSource } from './types.js';

/**
 * Chooses one version per module for everything `root` needs, highest first. Throws DEPENDENCY_ERROR
 * (CONFLICT, NOT_FOUND, CYCLE, INVALID_MODULE, CANCELLED) located at `errorPath`; `versionDir` locates the file
 * of an invalid version's first error.
 */
export async function solveDependencies(
  source: VersionSource,
  root: RootModule,
  opts: LongWorkOptions & { errorPath?: string; versionDir?: (name: string, version: string) => string } = {},
): Promise<ResolvedGraph> {
  const errorPath = opts.errorPath ?? root.name;
  const solver = new Solver(source, root);
  let chosen: Map<string, string>;
  try {
    chosen = await solver.solve(opts);
  } catch (err) {
    // The explanation's code is loaded only when a solve fails.
    if (err instanceof SolveFailure) throw conflictError(errorPath, (await import('./explain.js')).explainFailure(solver, err.incompatibility));
    if (err instanceof SolveCancelled) throw cancelledError(errorPath);
    if (err instanceof InvalidVersionReached) throw invalidVersionError(errorPath, err.found, opts.versionDir?.(err.found.name, err.found.version));
    throw err;
  }
  const graph = reachableGraph(root.name, chosen, (name, version) => solver.dependencies(name, version));
  const cycle = findCycle(graph);
  if (cycle) throw cycleError(errorPath, cycle, graph);
  return graph;
}

