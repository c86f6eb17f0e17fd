// Property tests: on random small registries the solver agrees with brute force over every choice of
// versions, every solution it returns satisfies all ranges, and listing order never changes the answer.
import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PromptPMError } from '../../../src/core/errors.js';
import { installOrder } from '../../../src/core/resolve/graph.js';
import { solveDependencies } from '../../../src/core/resolve/solve.js';
import { Solver } from '../../../src/core/resolve/solver.js';
import { memorySource, rootWith, type Registry } from './memory-source.js';

const NAMES = ['a', 'b', 'c', 'd'];
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0-beta.1', '2.0.0', '2.1.0'];
const RANGES = ['^1.0.0', '^2.0.0', '*', '>=1.1.0', '~1.0.0', '<2.0.0', '^1.2.0-beta.0', '1.1.0 || 2.1.0', '>=2.0.0'];
// `ghost` is never published, so missing modules are part of the space, but rarely enough that most
// graphs get as far as real version choices.
const targetArb = fc.oneof({ weight: 1, arbitrary: fc.constant('ghost') }, { weight: 12, arbitrary: fc.constantFrom(...NAMES) });

const depsArb = fc.dictionary(targetArb, fc.constantFrom(...RANGES), { maxKeys: 2 });
const moduleArb = fc
  .subarray(VERSIONS, { minLength: 1, maxLength: 3 })
  .chain((versions) => fc.tuple(...versions.map((v) => fc.tuple(fc.constant(v), depsArb))))
  .map((entries) => Object.fromEntries(entries));
const registryArb: fc.Arbitrary<Registry> = fc.record(Object.fromEntries(NAMES.map((n) => [n, moduleArb])), { requiredKeys: ['a', 'b', 'c'] });
const rootDepsArb = fc.dictionary(targetArb, fc.constantFrom(...RANGES), { minKeys: 1, maxKeys: 3 });

/** True when some choice of at most one version per published name satisfies every range in play. */
function bruteForceSolvable(reg: Registry, rootDeps: Record<string, string>): boolean {
  const names = Object.keys(reg);
  const choice = new Map<string, string | null>();
  const ok = (deps: Record<string, string>) =>
    Object.entries(deps).every(([dep, range]) => {
      const v = choice.get(dep);
      return typeof v === 'string' && semver.satisfies(v, range);
    });
  const search = (i: number): boolean => {
    if (i === names.length) {
      return ok(rootDeps) && [...choice].every(([name, v]) => v === null || ok(reg[name]![v]!));
    }
    for (const v of [null, ...Object.keys(reg[names[i]!]!)]) {
      choice.set(names[i]!, v);
      if (search(i + 1)) return true;
    }
    return false;
  };
  return search(0);
}

async function outcome(reg: Registry, rootDeps: Record<string, string>, order?: (xs: string[]) => string[]) {
  try {
    const graph = await solveDependencies(memorySource(reg, order), rootWith(rootDeps));
    return { graph, error: null };
  } catch (err) {
    if (!(err instanceof PromptPMError)) throw err;
    return { graph: null, error: err };
  }
}

describe('resolver properties', () => {
  it('agrees with brute force, and every solution satisfies all ranges with one version per name', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, rootDepsArb, async (reg, rootDeps) => {
        const solvable = bruteForceSolvable(reg, rootDeps);
        const { graph, error } = await outcome(reg, rootDeps);
        if (error) {
          expect(['CONFLICT', 'NOT_FOUND', 'CYCLE']).toContain(error.reason);
          // A cycle is only reported on a found solution: one exists.
          expect(solvable).toBe(error.reason === 'CYCLE');
          return;
        }
        expect(solvable).toBe(true);
        for (const [name, version] of graph!.versions) {
          const deps = name === 'app' ? rootDeps : reg[name]![version]!;
          for (const [dep, range] of Object.entries(deps)) {
            expect(semver.satisfies(graph!.versions.get(dep) ?? 'missing', range), `${name}@${version} needs ${dep} ${range}`).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same answer whatever order versions are listed in', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, rootDepsArb, fc.integer(), async (reg, rootDeps, seed) => {
        let state = seed >>> 0 || 1;
        const shuffle = (xs: string[]) => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            const j = state % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = await outcome(reg, rootDeps);
        const b = await outcome(reg, rootDeps, shuffle);
        const summary = (o: typeof a) =>
          o.graph ? { versions: [...o.graph.versions].sort(), order: installOrder(o.graph) } : { error: o.error!.message, data: o.error!.data };
        expect(summary(b)).toEqual(summary(a));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the conflict-free path only to the very choices full PubGrub makes, in its order', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(registryArb, rootDepsArb, async (reg, rootDeps) => {
        const fast = await new Solver(memorySource(reg), rootWith(rootDeps)).solveWithoutConflict();
        if (fast === null) return;
        taken++;
        // Where the quick path answers, PubGrub from the start succeeds with the same map, entry for entry.
        expect([...fast]).toEqual([...(await new Solver(memorySource(reg), rootWith(rootDeps)).solveFully())]);
      }),
      { numRuns: 1000 },
    );
    // The generated registries are conflict-free often enough for this to check something.
    expect(taken).toBeGreaterThan(50);
  });
});

