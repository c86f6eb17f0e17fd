// A resolution kept for the next install of the same root (kept-resolution.ts): used only while the index
// file it was solved against is the index and every module folder the solver read is unchanged; anything
// else solves again, and the answer is always the one a fresh solve gives.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyRegistry } from '../../../src/core/registry/index.js';
import { resolveDependencies } from '../../../src/core/resolve/index.js';
import { readKeptResolution } from '../../../src/core/resolve/kept-resolution.js';
import type { RootModule } from '../../../src/core/resolve/types.js';
import { tempDir } from '../../cli/helpers.js';
import { settleModuleFolders } from '../../support/settled-folders.js';
import { diamondRegistry, diamondRoot, type DiamondRegistry } from './diamond-registry.js';

const base = tempDir('promptpm-kept-');
let registry: string;
let publish: DiamondRegistry['publish'];

const settle = (): void => settleModuleFolders(registry);

const keptDir = (): string => join(registry, '.promptpm', 'resolved');
const keptFiles = (): string[] => readdirSync(keptDir()).filter((f) => f.endsWith('.json'));
const chosen = async (root: RootModule): Promise<string[]> => (await resolveDependencies(registry, root)).installed.map((m) => `${m.name}@${m.version}`);

const root = diamondRoot;

beforeEach(async () => {
  ({ registry, publish } = await diamondRegistry(base));
  settle();
});

describe('a kept resolution', () => {
  it('is kept after a solve and gives the next install of the same root the same answer, without solving', async () => {
    const first = await resolveDependencies(registry, root);
    expect(keptFiles()).toHaveLength(1);
    const kept = statSync(join(keptDir(), keptFiles()[0]!));
    const told: number[] = [];
    expect(readKeptResolution(registry, root, (n) => told.push(n))?.versions).toEqual(new Map([['app', '1.0.0'], ['b', '1.0.0'], ['c', '1.0.0'], ['d', '1.1.0']]));
    // Told the closure's size (root included) once read, so hashing can get ready while it is checked.
    expect(told).toEqual([4]);
    const again = await resolveDependencies(registry, root);
    expect(again).toEqual(first);
    // Used, not solved and written again.
    expect(statSync(join(keptDir(), keptFiles()[0]!)).ino).toBe(kept.ino);
  });

  it('is not used once a module folder the solver read changed: a new version is taken', async () => {
    expect(await chosen(root)).toEqual(['d@1.1.0', 'b@1.0.0', 'c@1.0.0']);
    await publish('d', '1.1.5');
    const told: number[] = [];
    expect(readKeptResolution(registry, root, (n) => told.push(n))).toBeNull();
    // Read and told before the check that retires it.
    expect(told).toEqual([4]);
    expect(await chosen(root)).toEqual(['d@1.1.5', 'b@1.0.0', 'c@1.0.0']);
  });

  it('is one per root: another root (other ranges) solves for itself', async () => {
    await chosen(root);
    const other: RootModule = { ...root, dependencies: [{ name: 'b', range: '^1' }, { name: 'd', range: '1.0.0' }] };
    expect(readKeptResolution(registry, other)).toBeNull();
    expect(await chosen(other)).toEqual(['d@1.0.0', 'b@1.0.0']);
    expect(keptFiles()).toHaveLength(2);
    expect(await chosen(root)).toEqual(['d@1.1.0', 'b@1.0.0', 'c@1.0.0']);
    expect(await chosen({ ...root, dependencies: [...root.dependencies].reverse() })).toEqual(['d@1.1.0', 'b@1.0.0', 'c@1.0.0']);
  });

  it('is not used once the index file is replaced (a verify that records new states, a rebuild), and is then kept anew', async () => {
    const first = await resolveDependencies(registry, root);
    writeFileSync(join(registry, 'modules', 'd', '1.0.0', 'template.prompt'), 'tampered');
    await verifyRegistry(registry);
    expect(readKeptResolution(registry, root)).toBeNull();
    expect((await resolveDependencies(registry, root)).installed).toEqual(first.installed);
    expect(readKeptResolution(registry, root)).not.toBeNull();
    rmSync(join(registry, '.promptpm', 'index.json'));
    expect(readKeptResolution(registry, root)).toBeNull();
    expect((await resolveDependencies(registry, root)).installed).toEqual(first.installed);
    expect(readKeptResolution(registry, root)).not.toBeNull();
  });

  it('is ignored when damaged, or forged with a valid seal but an unsafe name or a dangling edge', async () => {
    const first = await resolveDependencies(registry, root);
    const file = join(keptDir(), keptFiles()[0]!);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[5] = flipped[5]! ^ 1;
    for (const bad of [flipped, good.subarray(0, good.length - 2), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      expect(readKeptResolution(registry, root)).toBeNull();
      expect((await resolveDependencies(registry, root)).installed).toEqual(first.installed);
    }
    const content = JSON.parse(readFileSync(file, 'utf8').slice(0, -65)) as Record<string, unknown>;
    const forge = (change: (k: Record<string, unknown>) => void): void => {
      const k = structuredClone(content);
      change(k);
      const text = JSON.stringify(k);
      writeFileSync(file, `${text}\n${createHash('sha256').update(text).digest('hex')}`);
    };
    forge(() => undefined);
    expect(readKeptResolution(registry, root)).not.toBeNull();
    forge((k) => ((k.versions as Array<[string, string]>)[1]![0] = '../b'));
    const told: number[] = [];
    expect(readKeptResolution(registry, root, (n) => told.push(n))).toBeNull();
    // Nothing is told of a file that is not well formed.
    expect(told).toEqual([]);
    forge((k) => (k.edges as Array<[string, Array<[string, string]>]>).push(['b', [['ghost', '^1']]]));
    expect(readKeptResolution(registry, root)).toBeNull();
  });

  it('is not kept while a folder the solver read is too new to trust, nor where the index is not stored', async () => {
    await publish('e', '1.0.0');
    const withE: RootModule = { ...root, dependencies: [...root.dependencies, { name: 'e', range: '^1' }] };
    await chosen(withE);
    expect(readKeptResolution(registry, withE)).toBeNull();
    rmSync(join(registry, '.promptpm'), { recursive: true });
    settle();
    rmSync(join(registry, 'modules', 'e'), { recursive: true });
    expect(await chosen(root)).toEqual(['d@1.1.0', 'b@1.0.0', 'c@1.0.0']);
    expect(readKeptResolution(registry, root)).not.toBeNull();
  });
});
