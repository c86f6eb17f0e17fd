// The resolved set as a graph from the root: its edges in name order, cycle detection with the loop's
// path, the §5 install order (depth-first post-order) and the who-pulled-in-what tree.
import type { Dependency, ResolvedNode, Verification } from './types.js';

export interface ResolvedGraph {
  rootName: string;
  /** Chosen version of every module reachable from the root (the root included). */
  versions: Map<string, string>;
  /** Each module's dependencies, one per name, in name order. */
  edges: Map<string, Dependency[]>;
}

export interface Cycle {
  /** The loop as visited, first module repeated at the end: x@1.0.0 → y@1.0.0 → x. */
  path: { name: string; version: string }[];
  text: string;
}

const byName = (a: Dependency, b: Dependency): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Keeps only what the root reaches through the chosen versions. */
export function reachableGraph(
  rootName: string,
  chosen: ReadonlyMap<string, string>,
  dependencies: (name: string, version: string) => readonly Dependency[],
): ResolvedGraph {
  const versions = new Map<string, string>();
  const edges = new Map<string, Dependency[]>();
  const stack = [rootName];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (versions.has(name)) continue;
    const version = chosen.get(name);
    if (version === undefined) throw new Error(`Resolution chose no version of ${name}`);
    versions.set(name, version);
    const seen = new Set<string>();
    const deps = [...dependencies(name, version)].sort(byName).filter((d) => !seen.has(d.name) && seen.add(d.name));
    edges.set(name, deps);
    for (const d of deps) stack.push(d.name);
  }
  return { rootName, versions, edges };
}

/**
 * Name-ordered depth-first walk from the root, iterative so a long dependency chain cannot overflow the
 * stack. `enter` may refuse a child (already seen); `leave` runs in post-order; the root is entered too.
 */
function depthFirst(
  graph: ResolvedGraph,
  enter: (edge: Dependency, path: readonly string[], onPath: ReadonlySet<string>) => boolean,
  leave: (name: string) => void,
): void {
  if (!enter({ name: graph.rootName, range: '' }, [], new Set())) return;
  const path = [graph.rootName];
  const onPath = new Set(path);
  const next = [0];
  while (path.length > 0) {
    const name = path.at(-1)!;
    const i = next[next.length - 1]!;
    const deps = graph.edges.get(name) ?? [];
    if (i >= deps.length) {
      onPath.delete(path.pop()!);
      next.pop();
      leave(name);
      continue;
    }
    next[next.length - 1] = i + 1;
    const child = deps[i]!;
    if (enter(child, path, onPath)) {
      path.push(child.name);
      onPath.add(child.name);
      next.push(0);
    }
  }
}

/** The first cycle met in a name-ordered depth-first walk from the root, or null. */
export function findCycle(graph: ResolvedGraph): Cycle | null {
  const done = new Set<string>();
  const found: { loop: string[] | null } = { loop: null };
  depthFirst(
    graph,
    ({ name }, path, onPath) => {
      if (found.loop || done.has(name)) return false;
      if (!onPath.has(name)) return true;
      found.loop = [...path.slice(path.indexOf(name)), name];
      return false;
    },
    (name) => done.add(name),
  );
  if (!found.loop) return null;
  const steps = found.loop.map((name) => ({ name, version: graph.versions.get(name)! }));
  const text = steps.map((p, i) => (i === steps.length - 1 ? p.name : `${p.name}@${p.version}`)).join(' → ');
  return { path: steps, text };
}

/** Dependencies before dependents, each once, root excluded (§5). The graph must be acyclic. */
export function installOrder(graph: ResolvedGraph): string[] {
  const order: string[] = [];
  const visited = new Set<string>();
  depthFirst(
    graph,
    ({ name }) => !visited.has(name) && Boolean(visited.add(name)),
    (name) => name !== graph.rootName && order.push(name),
  );
  return order;
}

/** The resolution tree; a module met again after its first expansion appears once more as a leaf. */
export function resolutionTree(graph: ResolvedGraph, verification: (name: string) => Verification): ResolvedNode {
  const expanded = new Set<string>();
  const open: ResolvedNode[] = [];
  const roots: ResolvedNode[] = [];
  depthFirst(
    graph,
    ({ name, range }) => {
      const deduped = expanded.has(name);
      // Keys in sorted order: the CLI prints the tree as canonical JSON, which then copies no node.
      const node: ResolvedNode = { children: [], deduped, name, range, verification: verification(name), version: graph.versions.get(name)! };
      if (open.length > 0) open.at(-1)!.children.push(node);
      else roots.push(node);
      if (deduped) return false;
      expanded.add(name);
      open.push(node);
      return true;
    },
    () => open.pop(),
  );
  return roots[0]!;
}
