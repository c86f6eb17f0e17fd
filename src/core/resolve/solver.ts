// Conflict-driven version solving (PubGrub, as in Dart's pub): unit propagation over incompatibilities,
// decisions that pick the highest allowed version, and on a conflict the derivation of a new
// incompatibility that explains it, with a backjump to where it becomes useful. Complete: it reports
// failure only when no choice of versions satisfies every range.
import type { LongWorkOptions } from '../progress.js';
import { incompatibility, type Incompatibility, type Term } from './incompatibility.js';
import { PartialSolution } from './partial-solution.js';
import { PendingQueue } from './pending-queue.js';
import type { Dependency, InvalidVersion, RootModule, VersionSource } from './types.js';
import { SemverCache, Universe } from './universe.js';
import { SolveCancelled } from './cancelled.js';

/** Thrown when no solution exists; `incompatibility` is the root of the derivation that proves it. */
export class SolveFailure extends Error {
  constructor(readonly incompatibility: Incompatibility) {
    super('Version solving failed');
  }
}

/** Thrown when the highest allowed version of a module does not validate: it is never used as one without dependencies. */
export class InvalidVersionReached extends Error {
  constructor(readonly found: { name: string; version: string; invalid: InvalidVersion }) {
    super(`${found.name}@${found.version} does not validate`);
  }
}

const CONFLICT = Symbol('conflict');

interface DependencyGroups {
  /** `dependency\0range` → the versions declaring exactly that. */
  versions: Map<string, bigint>;
  /** Keys whose fact was already added, so each is stated once. */
  added: Set<string>;
}
/** How many decisions run between progress reports and yields to the event loop. */
const BATCH = 128;

export class Solver {
  private readonly universes = new Map<string, Universe>();
  private readonly semver = new SemverCache();
  private readonly incompatibilities = new Map<string, Incompatibility[]>();
  private readonly groups = new Map<string, DependencyGroups>();
  private readonly solution = new PartialSolution((name) => this.universe(name));

  constructor(
    private readonly source: VersionSource,
    readonly root: RootModule,
  ) {}

  universe(name: string): Universe {
    let u = this.universes.get(name);
    if (!u) {
      u = new Universe(name === this.root.name ? [this.root.version] : this.source.versions(name), this.semver);
      this.universes.set(name, u);
    }
    return u;
  }

  /** Why a version does not validate, or null; the root (the module being installed) is validated by its loader. */
  private invalid(name: string, version: string): InvalidVersion | null {
    return name === this.root.name ? null : (this.source.invalid?.(name, version) ?? null);
  }

  dependencies(name: string, version: string): readonly Dependency[] {
    return name === this.root.name ? this.root.dependencies : this.source.dependencies(name, version);
  }

  /** Chosen version of every decided package (the root included). */
  async solve(opts: LongWorkOptions = {}): Promise<Map<string, string>> {
    return (await this.solveWithoutConflict(opts)) ?? this.solveFully(opts);
  }

  /**
   * The common case, without PubGrub's bookkeeping (incompatibilities, assignments): PubGrub's own choices
   * in its own order — the required package with the fewest allowed versions, then by name, at its highest
   * allowed version — as long as no choice is contradicted. At the first conflict, missing module or invalid
   * version it gives up (null) and the full solver starts over: only that one learns from a conflict,
   * backtracks and explains a failure. On a registry's usual closure this is several times faster.
   */
  async solveWithoutConflict(opts: LongWorkOptions = {}): Promise<Map<string, string> | null> {
    const allowed = new Map<string, bigint>();
    const pending = new PendingQueue();
    const chosen = new Map<string, string>();
    const rootU = this.universe(this.root.name);
    allowed.set(this.root.name, rootU.versionBits);
    pending.set(this.root.name, rootU.count(rootU.versionBits));
    for (let step = 1, best = pending.peek(); best !== null; step++, best = pending.peek()) {
      const u = this.universe(best);
      const index = u.highest(allowed.get(best)!);
      const version = u.versions[index];
      if (version === undefined || this.invalid(best, version)) return null;
      for (const dep of this.dependencies(best, version)) {
        const target = this.universe(dep.name);
        // Versions still allowed (never "not selected": the dependency is now required); none left is a conflict.
        const next = (allowed.get(dep.name) ?? target.all) & target.matching(dep.range);
        if (next === 0n || dep.name === best) return null;
        allowed.set(dep.name, next);
        if (!chosen.has(dep.name)) pending.set(dep.name, target.count(next));
      }
      chosen.set(best, version);
      allowed.set(best, u.bit(index));
      pending.delete(best);
      if (step % BATCH === 0) await this.checkpoint(opts);
    }
    return chosen;
  }

  /** PubGrub from the start: complete, with a derivation to explain any failure. */
  async solveFully(opts: LongWorkOptions = {}): Promise<Map<string, string>> {
    const rootU = this.universe(this.root.name);
    this.add(incompatibility([{ name: this.root.name, worlds: rootU.none }], { kind: 'root' }));
    let next: string | null = this.root.name;
    for (let step = 1; next !== null; step++) {
      this.propagate(next);
      next = this.decide();
      if (step % BATCH === 0) await this.checkpoint(opts);
    }
    const chosen = new Map<string, string>();
    for (const [name, i] of this.solution.decisions) chosen.set(name, this.universe(name).versions[i]!);
    return chosen;
  }

  private async checkpoint({ onProgress, signal }: LongWorkOptions): Promise<void> {
    onProgress?.({ phase: 'resolve', done: this.solution.decisions.size, total: this.universes.size });
    await new Promise((r) => setImmediate(r));
    if (signal?.aborted) throw new SolveCancelled();
  }

  private add(inc: Incompatibility): void {
    for (const t of inc.terms) {
      let list = this.incompatibilities.get(t.name);
      if (!list) this.incompatibilities.set(t.name, (list = []));
      list.push(inc);
    }
  }

  private propagate(start: string): void {
    const changed = new Set([start]);
    while (changed.size > 0) {
      const name: string = changed.values().next().value!;
      changed.delete(name);
      const list = this.incompatibilities.get(name) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const result = this.propagateOne(list[i]!);
        if (result === CONFLICT) {
          const learned = this.resolveConflict(list[i]!);
          changed.clear();
          const derived = this.propagateOne(learned);
          if (typeof derived === 'string') changed.add(derived);
          break;
        }
        if (result !== null) changed.add(result);
      }
    }
  }

  /** Derives the negation of the one undecided term when all others hold; CONFLICT when all hold. */
  private propagateOne(inc: Incompatibility): string | null | typeof CONFLICT {
    let unsatisfied: Term | null = null;
    for (const term of inc.terms) {
      const relation = this.solution.relation(term);
      if (relation === 'contradicted') return null;
      if (relation === 'inconclusive') {
        if (unsatisfied) return null;
        unsatisfied = term;
      }
    }
    if (!unsatisfied) return CONFLICT;
    const u = this.universe(unsatisfied.name);
    this.solution.derive({ name: unsatisfied.name, worlds: u.complement(unsatisfied.worlds) }, inc);
    return unsatisfied.name;
  }

  private isFailure(inc: Incompatibility): boolean {
    if (inc.terms.length === 0) return true;
    const [only] = inc.terms;
    return inc.terms.length === 1 && only!.name === this.root.name && (only!.worlds & this.universe(only!.name).none) === 0n;
  }

  /** PubGrub conflict resolution: learn the incompatibility that caused the conflict and backjump. */
  private resolveConflict(conflict: Incompatibility): Incompatibility {
    let inc = conflict;
    let learned = false;
    for (;;) {
      if (this.isFailure(inc)) throw new SolveFailure(inc);
      let recentTerm: Term | null = null;
      let recent: ReturnType<PartialSolution['satisfier']> | null = null;
      let difference: Term | null = null;
      let previousLevel = 1;
      for (const term of inc.terms) {
        const satisfier = this.solution.satisfier(term);
        if (!recent || recent.index < satisfier.index) {
          if (recent) previousLevel = Math.max(previousLevel, recent.level);
          recentTerm = term;
          recent = satisfier;
          difference = null;
        } else {
          previousLevel = Math.max(previousLevel, satisfier.level);
        }
        if (recentTerm === term) {
          // The satisfier may satisfy the term only together with an earlier assignment.
          const u = this.universe(term.name);
          const rest = recent.term.worlds & u.complement(term.worlds);
          difference = rest === 0n ? null : { name: term.name, worlds: rest };
          if (difference) {
            const inverse = { name: term.name, worlds: u.complement(rest) };
            previousLevel = Math.max(previousLevel, this.solution.satisfier(inverse).level);
          }
        }
      }
      if (!recent || !recentTerm) throw new Error('Conflict without terms');
      if (previousLevel < recent.level || recent.cause === null) {
        this.solution.backtrack(previousLevel);
        if (learned) this.add(inc);
        return inc;
      }
      const satisfierName = recent.term.name;
      const terms = [
        ...inc.terms.filter((t) => t !== recentTerm),
        ...recent.cause.terms.filter((t) => t.name !== satisfierName),
      ];
      if (difference) terms.push({ name: difference.name, worlds: this.universe(difference.name).complement(difference.worlds) });
      inc = this.withoutRoot(incompatibility(terms, { kind: 'derived', left: inc, right: recent.cause }));
      learned = true;
    }
  }

  /** The root is always selected, so a positive root term in a larger incompatibility says nothing. */
  private withoutRoot(inc: Incompatibility): Incompatibility {
    if (inc.terms.length <= 1) return inc;
    const rootU = this.universe(this.root.name);
    const terms = inc.terms.filter((t) => !(t.name === this.root.name && (t.worlds & rootU.none) === 0n && (t.worlds & rootU.bit(0)) !== 0n));
    return { terms, cause: inc.cause };
  }

  /** Picks the required package with the fewest candidates (then by name) and tries its highest version. */
  private decide(): string | null {
    const best = this.solution.pending.peek();
    if (best === null) return null;
    const u = this.universe(best);
    const index = u.highest(this.solution.worlds(best));
    const invalid = this.invalid(best, u.versions[index]!);
    if (invalid) throw new InvalidVersionReached({ name: best, version: u.versions[index]!, invalid });
    let conflict = false;
    for (const inc of this.factsOf(best, index)) {
      this.add(inc);
      conflict ||= inc.terms.every((t) => t.name === best || this.solution.relation(t) === 'satisfied');
    }
    if (!conflict) this.solution.decide(best, index);
    return best;
  }

  /**
   * The dependency facts of one version, each stated for every version of the package that declares the
   * same dependency with the same range, so one learned fact covers them all.
   */
  private factsOf(name: string, index: number): Incompatibility[] {
    const u = this.universe(name);
    const groups = this.dependencyGroups(name);
    const out: Incompatibility[] = [];
    const own = [...this.dependencies(name, u.versions[index]!)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dep of own) {
      const key = `${dep.name}\0${dep.range}`;
      if (groups.added.has(key)) continue;
      groups.added.add(key);
      const target = this.universe(dep.name);
      const allowed = target.matching(dep.range);
      const parent = { name, worlds: groups.versions.get(key)! };
      if (allowed === 0n) {
        out.push(incompatibility([parent], { kind: 'missing', dependency: dep, moduleExists: target.versions.length > 0 }));
      } else {
        out.push(incompatibility([parent, { name: dep.name, worlds: target.complement(allowed) }], { kind: 'dependency', dependency: dep }));
      }
    }
    return out;
  }

  /** For one package: which of its versions declare each `dependency\0range`, and which facts are stated. */
  private dependencyGroups(name: string): DependencyGroups {
    let groups = this.groups.get(name);
    if (!groups) {
      const u = this.universe(name);
      groups = { versions: new Map(), added: new Set() };
      for (let i = 0; i < u.versions.length; i++) {
        for (const d of this.dependencies(name, u.versions[i]!)) {
          const key = `${d.name}\0${d.range}`;
          groups.versions.set(key, (groups.versions.get(key) ?? 0n) | u.bit(i));
        }
      }
      this.groups.set(name, groups);
    }
    return groups;
  }
}
