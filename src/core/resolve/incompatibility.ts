// PubGrub's facts. A term is the set of worlds a package may be in; an incompatibility is a set of
// terms that must never all hold at once. External causes are facts read from the registry; derived
// ones record the two incompatibilities they were resolved from, which is what explanations walk.
import type { Dependency } from './types.js';

export interface Term {
  name: string;
  /** Bit set over the package's Universe (see universe.ts). */
  worlds: bigint;
}

export type Cause =
  | { kind: 'root' }
  /** Versions `worlds` of the parent term all declare `dependency`. */
  | { kind: 'dependency'; dependency: Dependency }
  /** Versions of the parent declare `dependency`, but no published version matches it. */
  | { kind: 'missing'; dependency: Dependency; moduleExists: boolean }
  | { kind: 'derived'; left: Incompatibility; right: Incompatibility };

export interface Incompatibility {
  terms: Term[];
  cause: Cause;
}

/** Builds an incompatibility, merging terms on the same package (their intersection is what is forbidden). */
export function incompatibility(terms: Term[], cause: Cause): Incompatibility {
  const merged = new Map<string, bigint>();
  for (const t of terms) merged.set(t.name, (merged.get(t.name) ?? t.worlds) & t.worlds);
  return { terms: [...merged].map(([name, worlds]) => ({ name, worlds })), cause };
}
