import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../../src/core/canonical-json.js';
import { resolutionTree } from '../../../src/core/resolve/graph.js';
import { buildLock, lockDifferences, serializeLock } from '../../../src/core/resolve/lockfile.js';
import { solveDependencies } from '../../../src/core/resolve/solve.js';
import { memorySource, rootWith } from './memory-source.js';

async function lockFor(reg: Parameters<typeof memorySource>[0], deps: Record<string, string>) {
  const graph = await solveDependencies(memorySource(reg), rootWith(deps));
  const integrity = new Map([...graph.versions.keys()].map((name) => [name, `sha-${name}`]));
  return buildLock(graph, integrity);
}

const reg = { 'z-mod': { '1.0.0': { é: '^2.0.0' } }, é: { '2.1.0': {} }, 'a-mod': { '1.4.2': {} } };

describe('promptpm.lock', () => {
  it('records each resolved module with its resolved dependencies and integrity', async () => {
    const lock = await lockFor(reg, { 'z-mod': '^1.0.0', 'a-mod': '~1.4.0' });
    expect(lock).toEqual({
      lockfileVersion: 1,
      modules: {
        'a-mod': { dependencies: {}, integrity: 'sha-a-mod', version: '1.4.2' },
        'z-mod': { dependencies: { é: { range: '^2.0.0', version: '2.1.0' } }, integrity: 'sha-z-mod', version: '1.0.0' },
        é: { dependencies: {}, integrity: 'sha-é', version: '2.1.0' },
      },
      root: {
        dependencies: { 'a-mod': { range: '~1.4.0', version: '1.4.2' }, 'z-mod': { range: '^1.0.0', version: '1.0.0' } },
        name: 'app',
        version: '1.0.0',
      },
    });
  });

  it('is built, as is the resolution tree, with keys in canonical order: writing them copies nothing', async () => {
    const graph = await solveDependencies(memorySource(reg), rootWith({ 'z-mod': '^1.0.0', 'a-mod': '~1.4.0' }));
    const lock = buildLock(graph, new Map([...graph.versions.keys()].map((name) => [name, `sha-${name}`])));
    expect(sortKeys(lock)).toBe(lock);
    const tree = resolutionTree(graph, () => 'ok');
    expect(tree.children.map((c) => c.name)).toEqual(['a-mod', 'z-mod']);
    expect(sortKeys(tree)).toBe(tree);
  });

  it('serializes with sorted keys at every level, two-space indent, UTF-8 and a final newline', async () => {
    const text = serializeLock(await lockFor(reg, { 'z-mod': '^1.0.0', 'a-mod': '~1.4.0' }));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "lockfileVersion": 1,\n  "modules": {\n    "a-mod": {\n      "dependencies": {},\n      "integrity": "sha-a-mod",');
    expect(text).toContain('"é": {');
    expect(text.indexOf('"z-mod"')).toBeLessThan(text.indexOf('"é": {\n'));
    expect(Object.keys(JSON.parse(text))).toEqual(['lockfileVersion', 'modules', 'root']);
  });

  it('says nothing differs for the same lock, and names each change otherwise', async () => {
    const lock = await lockFor(reg, { 'z-mod': '^1.0.0' });
    expect(lockDifferences(serializeLock(lock), lock)).toEqual({ differences: [], integrity: [] });

    const old = JSON.parse(serializeLock(lock));
    old.modules['é'].version = '2.0.0';
    old.modules['z-mod'].integrity = 'tampered';
    old.modules['gone'] = { dependencies: {}, integrity: 'x', version: '0.1.0' };
    old.root.dependencies['z-mod'].range = '^0.9.0';
    const { differences, integrity } = lockDifferences(JSON.stringify(old), lock);
    expect(differences).toEqual([
      'gone@0.1.0 would be removed',
      'é would change from 2.0.0 to 2.1.0',
      'app dependency z-mod is ^0.9.0 → 1.0.0 in the lock, ^1.0.0 → 1.0.0 now',
    ]);
    expect(integrity).toEqual(['integrity of z-mod@1.0.0 differs from the lock (lock tampered, registry sha-z-mod)']);
  });

  it('reports a lock that is not JSON', async () => {
    const lock = await lockFor(reg, {});
    expect(lockDifferences('{oops', lock).differences).toEqual(['promptpm.lock is not valid JSON']);
  });
});
