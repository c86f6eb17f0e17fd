// Flattens the resolved tree into the rows currently visible (a node's children show when it is
// expanded), so even a graph of thousands of nodes renders only what is on screen.
import type { ResolvedNodeShape } from '../../../shared/ipc/schemas';

export interface TreeRow {
  key: string;
  node: ResolvedNodeShape;
  depth: number;
  parentKey: string | null;
}

export function visibleRows(root: ResolvedNodeShape, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: ResolvedNodeShape, depth: number, key: string, parentKey: string | null) => {
    rows.push({ key, node, depth, parentKey });
    if (!expanded.has(key)) return;
    for (const child of node.children) walk(child, depth + 1, `${key}/${child.name}`, key);
  };
  walk(root, 0, root.name, null);
  return rows;
}

/** Keys of the nodes open at first: the root and its direct dependencies. */
export function initiallyExpanded(root: ResolvedNodeShape): Set<string> {
  return new Set([root.name, ...root.children.map((child) => `${root.name}/${child.name}`)]);
}

/** Distinct modules in the tree, the root excluded. */
export function distinctModules(root: ResolvedNodeShape): number {
  const seen = new Set<string>();
  const stack = [...root.children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (seen.has(node.name)) continue;
    seen.add(node.name);
    stack.push(...node.children);
  }
  return seen.size;
}
