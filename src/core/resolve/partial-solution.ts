// PubGrub's partial solution: the ordered assignments (decisions and derivations) made so far, with
// the running intersection per package so relation checks are O(1).
import type { Incompatibility, Term } from './incompatibility.js';
import { PendingQueue } from './pending-queue.js';
import type { Universe } from './universe.js';

export interface Assignment {
  term: Term;
  level: number;
  /** Null for a decision. */
  cause: Incompatibility | null;
  index: number;
}

export type Relation = 'satisfied' | 'contradicted' | 'inconclusive';

export class PartialSolution {
  private readonly assignments: Assignment[] = [];
  private readonly byName = new Map<string, Assignment[]>();
  private readonly current = new Map<string, bigint>();
  /** Package name → index of the decided version. */
  readonly decisions = new Map<string, number>();
  /** Packages required (positive) but not decided yet: the candidates for the next decision. */
  readonly pending = new PendingQueue();

  constructor(private readonly universe: (name: string) => Universe) {}

  get level(): number {
    return this.decisions.size;
  }

  worlds(name: string): bigint {
    return this.current.get(name) ?? this.universe(name).all;
  }

  relation(term: Term): Relation {
    const have = this.worlds(term.name);
    if ((have & ~term.worlds) === 0n) return 'satisfied';
    if ((have & term.worlds) === 0n) return 'contradicted';
    return 'inconclusive';
  }

  decide(name: string, versionIndex: number): void {
    this.decisions.set(name, versionIndex);
    this.assign({ name, worlds: this.universe(name).bit(versionIndex) }, null);
  }

  derive(term: Term, cause: Incompatibility): void {
    this.assign(term, cause);
  }

  /** The earliest assignment after which the solution satisfies `term`. */
  satisfier(term: Term): Assignment {
    let have = this.universe(term.name).all;
    for (const a of this.byName.get(term.name) ?? []) {
      have &= a.term.worlds;
      if ((have & ~term.worlds) === 0n) return a;
    }
    throw new Error(`No assignment satisfies the term on ${term.name}`);
  }

  /** Drops every assignment made above decision level `level`. */
  backtrack(level: number): void {
    const touched = new Set<string>();
    for (let last = this.assignments.at(-1); last && last.level > level; last = this.assignments.at(-1)) {
      this.assignments.pop();
      this.byName.get(last.term.name)!.pop();
      if (last.cause === null) this.decisions.delete(last.term.name);
      touched.add(last.term.name);
    }
    for (const name of touched) {
      const list = this.byName.get(name)!;
      if (list.length === 0) this.current.delete(name);
      else this.current.set(name, list.reduce((w, a) => w & a.term.worlds, this.universe(name).all));
      this.refreshPending(name);
    }
  }

  private assign(term: Term, cause: Incompatibility | null): void {
    const a: Assignment = { term, level: this.level, cause, index: this.assignments.length };
    this.assignments.push(a);
    let list = this.byName.get(term.name);
    if (!list) this.byName.set(term.name, (list = []));
    list.push(a);
    this.current.set(term.name, this.worlds(term.name) & term.worlds);
    this.refreshPending(term.name);
  }

  private refreshPending(name: string): void {
    const u = this.universe(name);
    const worlds = this.worlds(name);
    if ((worlds & u.none) === 0n && !this.decisions.has(name)) this.pending.set(name, u.count(worlds));
    else this.pending.delete(name);
  }
}
