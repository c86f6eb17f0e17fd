// The import preview (docs/cli.md, "publish"): every module found with its validation, tests, what the registry
// already has, duplicates in the batch and the verdict against the latest version; nothing is written.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewImport, type ImportRow } from '../../../src/core/import/index.js';
import type { Progress } from '../../../src/core/progress.js';
import { listRegistry } from '../../../src/core/registry/index.js';
import { mixedBatch } from './mixed-batch.js';

const byPath = (rows: ImportRow[]) => new Map(rows.map((r) => [r.path, r]));

describe('previewImport', () => {
  it('previews a mixed batch row by row and writes nothing', async () => {
    const batch = await mixedBatch();
    const before = readdirSync(batch.registry, { recursive: true });
    const progress: Progress[] = [];
    const preview = await previewImport(batch.registry, batch.paths, { onProgress: (p) => progress.push(p) });

    const f = batch.folders;
    expect(preview.complete).toBe(true);
    expect(preview.rows.map((r) => [r.path, r.name, r.version, r.status])).toEqual([
      [f.changedSame, 'existing', '1.0.0+rebuilt', 'exists'],
      [f.dupA, 'dup', '1.0.0', 'duplicate'],
      [f.dupB, 'dup', '1.0.0+other', 'duplicate'],
      [f.failing, 'failing', '1.0.0', 'tests-failed'],
      [f.good, 'good', '1.0.0', 'ready'],
      [f.goodToml, 'good-toml', '0.1.0', 'ready'],
      [f.invalid, 'broken', 'v1.0.0', 'invalid'],
      [f.same, 'existing', '1.0.0', 'exists'],
      [f.symlinked, 'symlinked', '1.0.0', 'invalid'],
      [f.underBumped, 'existing', '1.1.0', 'ready'],
    ]);
    expect(preview.problems.map((p) => [p.code, p.path])).toEqual([
      ['NOT_A_FOLDER', batch.file],
      ['REGISTRY_FOLDER', batch.otherRegistry],
    ]);

    const rows = byPath(preview.rows);
    expect(rows.get(f.same)).toMatchObject({ existing: 'same-bytes', existingVersion: '1.0.0', comparison: null });
    expect(rows.get(f.changedSame)).toMatchObject({ existing: 'different', existingVersion: '1.0.0' });
    expect(rows.get(f.good)).toMatchObject({ existing: 'none', existingVersion: null, duplicateOf: null, comparison: null, tests: { total: 1, passed: 1, failed: 0 } });
    expect(rows.get(f.dupA)!.duplicateOf).toBe(f.dupB);
    expect(rows.get(f.dupB)!.duplicateOf).toBe(f.dupA);

    // Every validation error, located; tests only run for a module that validates.
    const invalid = rows.get(f.invalid)!;
    expect(invalid.errors.map((e) => [e.code, e.field, e.line])).toEqual([
      ['VERSION_INVALID', 'module.version', 3],
      ['FIELD_TYPE', 'interface.intent', 10],
    ]);
    expect(invalid.tests).toBeNull();
    expect(rows.get(f.symlinked)!.errors.map((e) => e.code)).toEqual(['SYMLINK']);
    expect(rows.get(f.failing)).toMatchObject({ tests: { total: 1, passed: 0, failed: 1 }, failures: [expect.objectContaining({ test_name: 'echoes', assertion_type: 'contains' })] });

    // An under-bumped release is caught before it is published.
    const under = rows.get(f.underBumped)!;
    expect(under.comparison).toMatchObject({ against: '1.0.0', verdict: { status: 'under-bumped', minimum: '2.0.0' } });
    expect(under.comparison!.contract.changes.map((c) => c.kind)).toEqual(['input-retyped']);

    expect(progress.at(-1)).toEqual({ phase: 'preview', done: 10, total: 10, unit: 'modules', current: 'existing@1.1.0' });
    // Plain data: it crosses IPC to the app unchanged.
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(readdirSync(batch.registry, { recursive: true })).toEqual(before);
    expect((await listRegistry(batch.registry)).count).toBe(1);
  });

  it('compares with the latest published version, and says why when it cannot', async () => {
    const batch = await mixedBatch();
    writeFileSync(join(batch.registry, 'modules', 'existing', '1.0.0', 'template.prompt'), 'tampered\n');
    const preview = await previewImport(batch.registry, [batch.folders.underBumped]);
    expect(preview.rows[0]).toMatchObject({ status: 'ready', comparison: null, comparisonError: { code: 'DEPENDENCY_ERROR', reason: 'TAMPERED' } });
  });

  it('previews nothing when the search stopped at a limit', async () => {
    const batch = await mixedBatch();
    const preview = await previewImport(batch.registry, [batch.drop], { maxModules: 3 });
    expect(preview).toMatchObject({ complete: false, rows: [], problems: [expect.objectContaining({ code: 'TOO_MANY_MODULES' })] });
  });

  it('stops when cancelled', async () => {
    const batch = await mixedBatch();
    const controller = new AbortController();
    const seen: Progress[] = [];
    const run = previewImport(batch.registry, [batch.drop], {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(seen.at(-1)!.done).toBe(2);
  });
});
