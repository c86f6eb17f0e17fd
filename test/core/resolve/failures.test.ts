import { describe, expect, it } from 'vitest';
import { PromptPMError } from '../../../src/core/errors.js';
import { solveDependencies } from '../../../src/core/resolve/solve.js';
import { memorySource, rootWith, type Registry } from './memory-source.js';

async function failure(reg: Registry, deps: Record<string, string>): Promise<PromptPMError> {
  try {
    await solveDependencies(memorySource(reg), rootWith(deps), { errorPath: '/work/app' });
  } catch (err) {
    if (err instanceof PromptPMError) return err;
    throw err;
  }
  throw new Error('expected resolution to fail');
}

describe('unsatisfiable graphs explain themselves', () => {
  const reg: Registry = {
    a: { '1.0.0': {}, '2.0.0': { c: '^3.0.0' }, '2.1.0': { c: '^3.0.0' } },
    b: { '1.0.0': { c: '^1.0.0' } },
    c: { '1.0.0': {}, '1.2.0': {}, '3.0.0': {} },
  };

  it('names the chain of modules and ranges in plain sentences', async () => {
    const err = await failure(reg, { a: '^2.0.0', b: '^1.0.0' });
    expect(err.code).toBe('DEPENDENCY_ERROR');
    expect(err.exitCode).toBe(3);
    expect(err.reason).toBe('CONFLICT');
    expect(err.path).toBe('/work/app');
    expect(err.message).toBe(
      'Cannot resolve the dependencies of app@1.0.0: No version of c (1.0.0, 1.2.0, 3.0.0) satisfies both ^1.0.0 (required by b@1.0.0) ' +
        'and ^3.0.0 (required by every a ^2.0.0 (2.0.0, 2.1.0)).',
    );
    const explanation = err.data?.explanation as string[];
    expect(explanation).toEqual(
      expect.arrayContaining([
        'app@1.0.0 depends on a ^2.0.0.',
        'app@1.0.0 depends on b ^1.0.0.',
        'every a ^2.0.0 (2.0.0, 2.1.0) depends on c ^3.0.0.',
        'b@1.0.0 depends on c ^1.0.0.',
      ]),
    );
    expect(explanation.at(-1)).toBe('So no set of versions satisfies every range that app@1.0.0 needs.');
  });

  it('carries the conflict as structured data', async () => {
    const err = await failure(reg, { a: '^2.0.0', b: '^1.0.0' });
    const conflict = err.data?.conflict as { facts: unknown[]; clashes: unknown[] };
    expect(conflict.facts).toEqual(
      expect.arrayContaining([
        { kind: 'dependency', name: 'app', versions: ['1.0.0'], dependency: { name: 'a', range: '^2.0.0' } },
        { kind: 'dependency', name: 'a', versions: ['2.1.0', '2.0.0'], dependency: { name: 'c', range: '^3.0.0' } },
        { kind: 'dependency', name: 'b', versions: ['1.0.0'], dependency: { name: 'c', range: '^1.0.0' } },
      ]),
    );
    expect(conflict.clashes).toEqual([
      {
        name: 'c',
        available: ['3.0.0', '1.2.0', '1.0.0'],
        ranges: [
          { range: '^1.0.0', required_by: 'b@1.0.0' },
          { range: '^3.0.0', required_by: 'every a ^2.0.0 (2.0.0, 2.1.0)' },
        ],
      },
    ]);
  });

  it('explains a conflict left after every version was tried', async () => {
    const err = await failure(
      { a: { '1.0.0': { c: '^1' }, '2.0.0': { c: '^2' } }, b: { '1.0.0': { c: '^3' } }, c: { '1.0.0': {}, '2.0.0': {}, '3.0.0': {} } },
      { a: '*', b: '^1' },
    );
    expect(err.reason).toBe('CONFLICT');
    const explanation = err.data?.explanation as string[];
    expect(explanation).toContain('No version of c (1.0.0, 2.0.0, 3.0.0) satisfies both ^3 (required by b@1.0.0) and ^1 (required by a@1.0.0).');
    expect(explanation).toContain('No version of c (1.0.0, 2.0.0, 3.0.0) satisfies both ^3 (required by b@1.0.0) and ^2 (required by a@2.0.0).');
  });
});

describe('missing modules and versions', () => {
  it('reports a missing module with the compatible message', async () => {
    const err = await failure({ a: { '1.0.0': { ghost: '^1.0.0' } } }, { a: '^1.0.0' });
    expect(err.reason).toBe('NOT_FOUND');
    expect(err.exitCode).toBe(3);
    expect(err.message).toBe('Dependency not found for a@1.0.0: ghost (^1.0.0). No module named ghost is published in the registry.');
  });

  it('reports a missing direct dependency of the root', async () => {
    const err = await failure({}, { ghost: '~2.0.0' });
    expect(err.message.startsWith('Dependency not found for app@1.0.0: ghost (~2.0.0)')).toBe(true);
  });

  it('reports a range no published version matches, listing what exists', async () => {
    const err = await failure({ a: { '1.0.0': {}, '2.0.0': {} } }, { a: '^5.0.0' });
    expect(err.reason).toBe('NOT_FOUND');
    expect(err.message).toBe('Dependency not found for app@1.0.0: a (^5.0.0). No published version of a matches ^5.0.0 (available: 1.0.0, 2.0.0).');
    const facts = (err.data?.conflict as { facts: unknown[] }).facts;
    expect(facts).toContainEqual({ kind: 'missing', name: 'app', versions: ['1.0.0'], dependency: { name: 'a', range: '^5.0.0' }, available: ['2.0.0', '1.0.0'] });
  });

  it('skips a newer version whose dependency is missing when an older one resolves', async () => {
    const graph = await solveDependencies(memorySource({ a: { '1.0.0': {}, '1.1.0': { ghost: '^1' } } }), rootWith({ a: '^1' }));
    expect(graph.versions.get('a')).toBe('1.0.0');
  });

  it('treats a dependency named like an Object property as missing', async () => {
    const err = await failure({ a: { '1.0.0': { constructor: '^1' } } }, { a: '^1' });
    expect(err.message.startsWith('Dependency not found for a@1.0.0: constructor (^1)')).toBe(true);
  });
});

describe('cycles', () => {
  it('reports the loop with versions', async () => {
    const err = await failure({ x: { '1.0.0': { y: '^1.0.0' } }, y: { '1.0.0': { x: '^1.0.0' } } }, { x: '^1.0.0' });
    expect(err.reason).toBe('CYCLE');
    expect(err.exitCode).toBe(3);
    expect(err.message).toBe('Dependency cycle: x@1.0.0 → y@1.0.0 → x');
    expect(err.data?.cycle).toEqual([
      { name: 'x', version: '1.0.0' },
      { name: 'y', version: '1.0.0' },
      { name: 'x', version: '1.0.0' },
    ]);
    expect(err.data?.explanation).toContain('x@1.0.0 depends on y ^1.0.0, which resolved to y@1.0.0.');
  });

  it('finds a cycle through the root module', async () => {
    const err = await failure({ a: { '1.0.0': { b: '^1' } }, b: { '1.0.0': { app: '^1' } } }, { a: '^1' });
    expect(err.message).toBe('Dependency cycle: app@1.0.0 → a@1.0.0 → b@1.0.0 → app');
  });

  it('finds a module depending on itself', async () => {
    const err = await failure({ a: { '1.0.0': { a: '^1' } } }, { a: '^1' });
    expect(err.message).toBe('Dependency cycle: a@1.0.0 → a');
  });
});
