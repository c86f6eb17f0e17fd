// `promptpm publish <path>... --recursive <dir>` through the built CLI (docs/cli.md, "publish"): each module
// that passes is published, each that does not is reported with its reason, exit 0 only when all were.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import type { BatchResult } from '../../src/core/import/index.js';
import { makeModule, tempDir } from '../core/registry/helpers.js';
import { edit, mixedBatch } from '../core/import/mixed-batch.js';
import { type Envelope as SharedEnvelope } from './helpers.js';

type Envelope = SharedEnvelope<BatchResult>;

async function publish(registry: string, args: string[], mode = '--json') {
  const run = await runCli(['--registry', registry, 'publish', ...args, mode]);
  return { ...run, env: run.json as Envelope };
}

async function listed(registry: string): Promise<string[]> {
  const run = await runCli(['--registry', registry, 'list', '--json']);
  return (run.json as { data: { modules: Array<{ name: string; version: string }> } }).data.modules.map((m) => `${m.name}@${m.version}`);
}

describe('publish of several folders', () => {
  it('publishes exactly the good modules of a mixed batch, reports every other one, and the registry verifies', async () => {
    const batch = await mixedBatch();
    const f = batch.folders;
    const run = await publish(batch.registry, [batch.file, batch.otherRegistry, '--recursive', batch.drop]);

    // Named paths first, then what --recursive found; the exit code is the first refusal's category.
    expect(run.env.data.modules.map((o) => [o.path, o.status, o.error?.reason ?? o.error?.code ?? null])).toEqual([
      [batch.file, 'failed', 'NOT_A_FOLDER'],
      [batch.otherRegistry, 'failed', 'REGISTRY_FOLDER'],
      [f.changedSame, 'failed', 'VERSION_EXISTS'],
      [f.dupA, 'failed', 'DUPLICATE_IN_BATCH'],
      [f.dupB, 'failed', 'DUPLICATE_IN_BATCH'],
      [f.failing, 'failed', 'TEST_FAILURE'],
      [f.good, 'published', null],
      [f.goodToml, 'published', null],
      [f.invalid, 'failed', 'VERSION_INVALID'],
      [f.same, 'failed', 'VERSION_EXISTS'],
      [f.symlinked, 'failed', 'SYMLINK'],
      [f.underBumped, 'published', null],
    ]);
    expect(run.code).toBe(1);
    expect(run.env).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', reason: 'NOT_A_FOLDER', path: batch.file, message: `Published 3 of 12 (first refused: Not a folder: ${batch.file})` },
      data: { registry_path: batch.registry, published: 3, failed: 9, skipped: 0, cancelled: false },
    });

    expect(await listed(batch.registry)).toEqual(['existing@1.0.0', 'existing@1.1.0', 'good@1.0.0', 'good-toml@0.1.0']);
    const verify = await runCli(['--registry', batch.registry, 'verify', '--json']);
    expect(verify.code).toBe(0);
    expect(verify.json).toMatchObject({ data: { total: 4, ok: 4, stray: [] } });
  });

  it('exits 0 with every outcome when all were published, else with the first refusal’s code', async () => {
    const root = tempDir();
    const registry = join(root, 'registry');
    const [a, b] = ['a', 'b'].map((n) => makeModule(join(root, n), n));
    const ok = await publish(registry, [a!, b!]);
    expect(ok.code).toBe(0);
    expect(ok.env).toMatchObject({ ok: true, data: { published: 2, failed: 0, modules: [{ name: 'a', status: 'published' }, { name: 'b', status: 'published' }] } });

    const failing = edit(makeModule(join(root, 'failing'), 'failing'), [['contains: "hello"', 'contains: "absent"']]);
    const c = makeModule(join(root, 'c'), 'c');
    const mixed = await publish(registry, [c, failing, a!]);
    expect(mixed.code).toBe(2);
    expect(mixed.env.error).toMatchObject({ code: 'TEST_FAILURE', path: failing });
    expect(mixed.env.data.modules.map((o) => o.status)).toEqual(['published', 'failed', 'failed']);
    expect(await listed(registry)).toEqual(['a@1.0.0', 'b@1.0.0', 'c@1.0.0']);
  });

  it('prints one line per module with --pretty, and the first refusal in the default line', async () => {
    const root = tempDir();
    const registry = join(root, 'registry');
    const good = makeModule(join(root, 'good'), 'good');
    const invalid = edit(makeModule(join(root, 'invalid'), 'invalid'), [['intent: Echo a text.', 'intent: 12']]);
    const pretty = await publish(registry, [good, invalid], '--pretty');
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain(`✔ good@1.0.0 (${good})`);
    expect(pretty.stdout).toContain(`✖ ${invalid}\n    VALIDATION_ERROR (FIELD_TYPE)  promptpm.yaml:10:11`);
    expect(pretty.stdout).toContain('1 published, 1 refused of 2 folders');

    const line = await publish(join(root, 'other'), [good, invalid], '--quiet');
    expect(line.stdout).toMatch(/^ERROR code="VALIDATION_ERROR" path=".*invalid" message="Published 1 of 2 \(first refused: .*\)" hint=".*" file=".*promptpm.yaml" line=10 column=11\n$/);
  });

  it('a search past its limits publishes nothing and says why', async () => {
    const root = tempDir();
    const registry = join(root, 'registry');
    const many = join(root, 'many');
    for (let i = 0; i < 1_001; i++) makeModule(join(many, `m${String(i).padStart(4, '0')}`), `m${i}`);
    const run = await publish(registry, ['--recursive', many]);
    expect(run.code).toBe(1);
    expect(run.env.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'TOO_MANY_MODULES', message: 'Stopped searching after 1000 modules: too many to import at once' });
    expect(await listed(registry)).toEqual([]);
  });

  it('a single folder keeps the single publish (its data has no modules list)', async () => {
    const root = tempDir();
    const registry = join(root, 'registry');
    const run = await publish(registry, [makeModule(join(root, 'one'), 'one')]);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, data: { identifier: 'one@1.0.0' } });
    expect((run.json as { data: object }).data).not.toHaveProperty('modules');
  });
});
