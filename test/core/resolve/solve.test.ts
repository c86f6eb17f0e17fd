import { describe, expect, it } from 'vitest';
import { installOrder } from '../../../src/core/resolve/graph.js';
import { solveDependencies } from '../../../src/core/resolve/solve.js';
import { memorySource, rootWith, type Registry } from './memory-source.js';

const versionsOf = (graph: { versions: Map<string, string> }) => Object.fromEntries([...graph.versions].sort());

describe('solveDependencies', () => {
  it('picks the highest version satisfying the range', async () => {
    const reg: Registry = { a: { '1.0.0': {}, '1.4.2': {}, '2.0.0': {} } };
    const graph = await solveDependencies(memorySource(reg), rootWith({ a: '^1.0.0' }));
    expect(versionsOf(graph)).toEqual({ a: '1.4.2', app: '1.0.0' });
  });

  it('resolves a diamond to one version per name satisfying both ranges', async () => {
    const reg: Registry = {
      b: { '1.0.0': { d: '^1.0.0' } },
      c: { '1.0.0': { d: '~1.1.0' } },
      d: { '1.0.0': {}, '1.1.0': {}, '1.1.5': {}, '1.2.0': {} },
    };
    const graph = await solveDependencies(memorySource(reg), rootWith({ b: '^1', c: '^1' }));
    expect(versionsOf(graph)).toEqual({ app: '1.0.0', b: '1.0.0', c: '1.0.0', d: '1.1.5' });
    expect(installOrder(graph)).toEqual(['d', 'b', 'c']);
  });

  it('backtracks when the newest A needs a C that B excludes', async () => {
    const reg: Registry = {
      a: { '1.0.0': { c: '^1.0.0' }, '2.0.0': { c: '^2.0.0' } },
      b: { '1.0.0': { c: '^1.0.0' } },
      c: { '1.0.0': {}, '1.5.0': {}, '2.0.0': {} },
    };
    const graph = await solveDependencies(memorySource(reg), rootWith({ a: '*', b: '^1.0.0' }));
    expect(versionsOf(graph)).toEqual({ a: '1.0.0', app: '1.0.0', b: '1.0.0', c: '1.5.0' });
  });

  it('backtracks through a transitive conflict found only two levels down', async () => {
    const reg: Registry = {
      a: { '1.0.0': { x: '^1' }, '1.1.0': { x: '^2' } },
      x: { '1.0.0': { y: '^1' }, '2.0.0': { y: '^2' } },
      y: { '1.0.0': {}, '2.0.0': {} },
      b: { '1.0.0': { y: '^1' } },
    };
    const graph = await solveDependencies(memorySource(reg), rootWith({ a: '^1', b: '^1' }));
    expect(versionsOf(graph)).toEqual({ a: '1.0.0', app: '1.0.0', b: '1.0.0', x: '1.0.0', y: '1.0.0' });
  });

  it('leaves out modules that only a discarded version needed', async () => {
    const reg: Registry = {
      a: { '1.0.0': {}, '2.0.0': { gone: '^1', c: '^9' } },
      gone: { '1.0.0': {} },
      c: { '1.0.0': {} },
    };
    const graph = await solveDependencies(memorySource(reg), rootWith({ a: '*' }));
    expect(versionsOf(graph)).toEqual({ a: '1.0.0', app: '1.0.0' });
  });

  it('ignores prereleases unless the range asks for one', async () => {
    const reg: Registry = { a: { '1.0.0': {}, '1.1.0-beta.1': {}, '2.0.0-rc.1': {} } };
    expect(versionsOf(await solveDependencies(memorySource(reg), rootWith({ a: '^1.0.0' })))).toEqual({ a: '1.0.0', app: '1.0.0' });
    expect(versionsOf(await solveDependencies(memorySource(reg), rootWith({ a: '>=1.1.0-beta.0 <2.0.0' })))).toEqual({
      a: '1.1.0-beta.1',
      app: '1.0.0',
    });
    expect(versionsOf(await solveDependencies(memorySource(reg), rootWith({ a: '^2.0.0-rc.0' })))).toEqual({ a: '2.0.0-rc.1', app: '1.0.0' });
  });

  it('ignores listed entries that are not semver versions', async () => {
    const reg: Registry = { a: { '1.0.0': {}, '1.1.0.tmp': {}, v2: {} } };
    expect(versionsOf(await solveDependencies(memorySource(reg), rootWith({ a: '*' })))).toEqual({ a: '1.0.0', app: '1.0.0' });
  });

  it('orders installs depth-first post-order with dependencies visited by name', async () => {
    const reg: Registry = {
      z: { '1.0.0': { m: '^1' } },
      b: { '1.0.0': { m: '^1', a: '^1' } },
      a: { '1.0.0': {} },
      m: { '1.0.0': { k: '^1' } },
      k: { '1.0.0': {} },
    };
    const graph = await solveDependencies(memorySource(reg), rootWith({ z: '^1', b: '^1' }));
    expect(installOrder(graph)).toEqual(['a', 'k', 'm', 'b', 'z']);
  });

  it('reports progress and stops when cancelled', async () => {
    const reg: Registry = {};
    for (let i = 0; i < 600; i++) reg[`m${i}`] = { '1.0.0': i > 0 ? { [`m${i - 1}`]: '^1' } : {} };
    const phases: string[] = [];
    await solveDependencies(memorySource(reg), rootWith({ m599: '^1' }), { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toContain('resolve');
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(solveDependencies(memorySource(reg), rootWith({ m599: '^1' }), { signal: ctrl.signal })).rejects.toMatchObject({
      code: 'DEPENDENCY_ERROR',
      reason: 'CANCELLED',
    });
  });
});
