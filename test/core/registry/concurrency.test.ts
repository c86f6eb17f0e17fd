// Concurrent publishers of the same version (§4): exactly one wins, the others get the conflict (exit 4),
// and the version that is visible is whole.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli-runner.js';
import { verifyRegistry } from '../../../src/core/registry/index.js';
import { makeModule, tempDir } from './helpers.js';

describe('concurrent publish', () => {
  it('lets exactly one of 16 publishers of the same version win', { timeout: 120_000 }, async () => {
    const reg = join(tempDir(), 'reg');
    const mods = Array.from({ length: 16 }, (_, i) => makeModule(tempDir(), 'race-module', '1.0.0', { 'who.txt': `publisher ${i}\n` }));
    const runs = await Promise.all(mods.map((mod) => runCli(['--registry', reg, 'publish', mod, '--json'])));
    const codes = runs.map((r) => r.code).sort();
    expect(codes).toEqual([0, ...Array<number>(15).fill(4)]);
    for (const r of runs.filter((x) => x.code === 4)) {
      expect(r.json).toMatchObject({ ok: false, error: { code: 'PUBLISH_CONFLICT', message: 'Published version already exists: race-module@1.0.0' } });
    }
    const report = await verifyRegistry(reg);
    expect(report).toMatchObject({ total: 1, ok: 1, stray: [] });
  });

  it('lets one of several publishers of semver-equal versions (different build metadata) win', { timeout: 120_000 }, async () => {
    const reg = join(tempDir(), 'reg');
    const mods = Array.from({ length: 6 }, (_, i) => makeModule(tempDir(), 'race-module', `1.0.0+build.${i}`));
    const runs = await Promise.all(mods.map((mod) => runCli(['--registry', reg, 'publish', mod, '--json'])));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 4, 4, 4, 4, 4]);
    expect(await verifyRegistry(reg)).toMatchObject({ total: 1, ok: 1 });
  });
});
