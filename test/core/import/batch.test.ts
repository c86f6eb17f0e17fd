// Batch publish (docs/cli.md, "publish"): each folder on its own with every check publish makes, duplicates in
// the batch refused, failures never undoing what was published, a cancel stopping between modules.
import { describe, expect, it } from 'vitest';
import { findModules, publishBatch } from '../../../src/core/import/index.js';
import type { Progress } from '../../../src/core/progress.js';
import { listRegistry, verifyRegistry } from '../../../src/core/registry/index.js';
import { makeModule, tempDir } from '../registry/helpers.js';
import { join } from 'node:path';
import { mixedBatch } from './mixed-batch.js';

const versions = async (registry: string) => (await listRegistry(registry)).modules.map((m) => `${m.name}@${m.version}`);

describe('publishBatch', () => {
  it('publishes exactly the good modules of a mixed batch, and the registry verifies', async () => {
    const batch = await mixedBatch();
    const f = batch.folders;
    const folders = [...(await findModules([batch.drop])).modules, batch.file, batch.otherRegistry];
    const progress: Progress[] = [];
    const result = await publishBatch(batch.registry, folders, { onProgress: (p) => progress.push(p) });

    expect(result.modules.map((o) => [o.path, o.name, o.version, o.status, o.error?.code ?? null, o.error?.reason ?? null])).toEqual([
      [f.changedSame, 'existing', '1.0.0+rebuilt', 'failed', 'PUBLISH_CONFLICT', 'VERSION_EXISTS'],
      [f.dupA, 'dup', '1.0.0', 'failed', 'PUBLISH_CONFLICT', 'DUPLICATE_IN_BATCH'],
      [f.dupB, 'dup', '1.0.0+other', 'failed', 'PUBLISH_CONFLICT', 'DUPLICATE_IN_BATCH'],
      [f.failing, 'failing', '1.0.0', 'failed', 'TEST_FAILURE', null],
      [f.good, 'good', '1.0.0', 'published', null, null],
      [f.goodToml, 'good-toml', '0.1.0', 'published', null, null],
      [f.invalid, null, null, 'failed', 'VALIDATION_ERROR', 'VERSION_INVALID'],
      [f.same, 'existing', '1.0.0', 'failed', 'PUBLISH_CONFLICT', 'VERSION_EXISTS'],
      [f.symlinked, null, null, 'failed', 'VALIDATION_ERROR', 'SYMLINK'],
      [f.underBumped, 'existing', '1.1.0', 'published', null, null],
      [batch.file, null, null, 'failed', 'VALIDATION_ERROR', 'MANIFEST_NOT_FOUND'],
      [batch.otherRegistry, null, null, 'failed', 'VALIDATION_ERROR', 'MANIFEST_NOT_FOUND'],
    ]);
    expect(result).toMatchObject({ registry_path: batch.registry, published: 3, failed: 9, skipped: 0, cancelled: false });

    // Each refusal carries what explains it; a published row its folder and test counts.
    const rows = new Map(result.modules.map((o) => [o.path, o]));
    expect(rows.get(f.invalid)!.details).toMatchObject({ errors: [expect.objectContaining({ code: 'VERSION_INVALID' }), expect.objectContaining({ code: 'FIELD_TYPE' })] });
    expect(rows.get(f.failing)!.details).toMatchObject({ tests: { total: 1, passed: 0, failed: 1 } });
    expect(rows.get(f.dupA)!.error!.message).toBe(`Another folder of this batch is also dup@1.0.0: ${f.dupB}`);
    expect(rows.get(f.good)).toMatchObject({ published_path: join(batch.registry, 'modules', 'good', '1.0.0'), tests: { total: 1, passed: 1, failed: 0 }, error: null, details: null });
    // Plain data: it crosses IPC and is printed as JSON unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);

    expect(await versions(batch.registry)).toEqual(['existing@1.0.0', 'existing@1.1.0', 'good@1.0.0', 'good-toml@0.1.0']);
    const report = await verifyRegistry(batch.registry);
    expect(report).toMatchObject({ total: 4, ok: 4, stray: [] });
    // The index knows the new versions at once, as just verified.
    expect((await listRegistry(batch.registry)).versionStates).toMatchObject({ 'good@1.0.0': 'ok', 'existing@1.1.0': 'ok' });
    expect(progress.filter((p) => p.phase === 'publish').at(-1)).toEqual({ phase: 'publish', done: 5, total: 5, unit: 'modules', current: 'existing@1.1.0' });
  });

  it('a cancel stops between modules: what was published stays, the rest is skipped', async () => {
    const root = tempDir();
    const folders = ['a', 'b', 'c'].map((n) => makeModule(join(root, n), n));
    const registry = join(root, 'registry');
    const controller = new AbortController();
    const result = await publishBatch(registry, folders, {
      signal: controller.signal,
      onProgress: (p) => p.phase === 'publish' && p.done === 1 && controller.abort(),
    });
    expect(result.modules.map((o) => [o.name, o.status, o.error])).toEqual([
      ['a', 'published', null],
      ['b', 'skipped', null],
      ['c', 'skipped', null],
    ]);
    expect(result).toMatchObject({ published: 1, failed: 0, skipped: 2, cancelled: true });
    expect(await versions(registry)).toEqual(['a@1.0.0']);
  });
});
