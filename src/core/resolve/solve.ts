// The pure resolution step over any VersionSource: solve, keep what the root reaches, reject cycles.
import type { LongWorkOptions } from '../progress.js';
import { cancelledError, conflictError, cycleError } from './errors.js';
import { explainFailure } from './explain.js';
import { findCycle, reachableGraph, type ResolvedGraph } from './graph.js';
import { SolveCancelled, SolveFailure, Solver } from './solver.js';
import type { RootModule, VersionSource } from './types.js';

/**
 * Chooses one version per module for everything `root` needs, highest first. Throws DEPENDENCY_ERROR
 * (CONFLICT, NOT_FOUND, CYCLE, CANCELLED) located at `errorPath`.
 */
export async function solveDependencies(
  source: VersionSource,
  root: RootModule,
  opts: LongWorkOptions & { errorPath?: string } = {},
): Promise<ResolvedGraph> {
  const errorPath = opts.errorPath ?? root.name;
  const solver = new Solver(source, root);
  let chosen: Map<string, string>;
  try {
    chosen = await solver.solve(opts);
  } catch (err) {
    if (err instanceof SolveFailure) throw conflictError(errorPath, explainFailure(solver, err.incompatibility));
    if (err instanceof SolveCancelled) throw cancelledError(errorPath);
    throw err;
  }
  const graph = reachableGraph(root.name, chosen, (name, version) => solver.dependencies(name, version));
  const cycle = findCycle(graph);
  if (cycle) throw cycleError(errorPath, cycle, graph);
  return graph;
}

