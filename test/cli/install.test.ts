// `promptpm install` through the built CLI: lockfile round trip, --frozen failures, and each
// resolution error with its exit code.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishModule } from '../../src/core/registry/index.js';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree } from './helpers.js';
import { republishManifest, requiredAsText } from '../support/invalid-version.js';

type Envelope = { ok: boolean; data?: Record<string, unknown>; error?: { code: string; reason?: string; message: string; path: string } };

const base = tempDir('promptpm-install-');
const registry = join(base, 'registry');

async function publish(name: string, version: string, deps: Record<string, string> = {}): Promise<void> {
  const dir = writeTree(join(base, 'src', `${name}-${version}`), moduleFiles({ name, version, deps }));
  await publishModule(registry, dir);
}

function app(folder: string, deps: Record<string, string>): string {
  return writeTree(join(base, folder), moduleFiles({ name: 'app', deps }));
}

async function install(dir: string, ...extra: string[]): Promise<{ code: number | null; env: Envelope }> {
  const run = await runCli(['install', dir, '--registry', registry, '--json', ...extra]);
  return { code: run.code, env: run.json as Envelope };
}

const manifestSha = (name: string, version: string) =>
  createHash('sha256').update(readFileSync(join(registry, 'modules', name, version, '.promptpm_immutable.json'))).digest('hex');

beforeAll(async () => {
  await publish('text-normalizer', '1.0.0');
  await publish('text-normalizer', '1.1.0');
  await publish('unicode-tables', '2.1.0');
  await publish('summarizer', '1.4.2', { 'text-normalizer': '^1.0.0', 'unicode-tables': '^2.0.0' });
});

describe('install: lockfile round trip', () => {
  it('resolves, reports §6 data, and writes a canonical lock', async () => {
    const dir = app('round-trip', { summarizer: '^1.2.0', 'text-normalizer': '~1.1.0' });
    const { code, env } = await install(dir);
    expect(code).toBe(0);
    const data = env.data!;
    expect(data.module_path).toBe(dir);
    expect(data.registry_path).toBe(registry);
    expect(data.count).toBe(3);
    expect(data.lock_path).toBe(join(dir, 'promptpm.lock'));
    expect(data.installed).toEqual([
      { name: 'text-normalizer', version: '1.1.0', path: join(registry, 'modules/text-normalizer/1.1.0') },
      { name: 'unicode-tables', version: '2.1.0', path: join(registry, 'modules/unicode-tables/2.1.0') },
      { name: 'summarizer', version: '1.4.2', path: join(registry, 'modules/summarizer/1.4.2') },
    ]);
    const tree = data.tree as { name: string; children: { name: string; range: string; verification: string; children: unknown[] }[] };
    expect(tree.name).toBe('app');
    expect(tree.children.map((c) => [c.name, c.range, c.verification])).toEqual([
      ['summarizer', '^1.2.0', 'ok'],
      ['text-normalizer', '~1.1.0', 'ok'],
    ]);
    expect(tree.children[0]!.children).toHaveLength(2);

    const lock = readFileSync(join(dir, 'promptpm.lock'), 'utf8');
    const expected = {
      lockfileVersion: 1,
      modules: {
        summarizer: {
          dependencies: { 'text-normalizer': { range: '^1.0.0', version: '1.1.0' }, 'unicode-tables': { range: '^2.0.0', version: '2.1.0' } },
          integrity: manifestSha('summarizer', '1.4.2'),
          version: '1.4.2',
        },
        'text-normalizer': { dependencies: {}, integrity: manifestSha('text-normalizer', '1.1.0'), version: '1.1.0' },
        'unicode-tables': { dependencies: {}, integrity: manifestSha('unicode-tables', '2.1.0'), version: '2.1.0' },
      },
      root: {
        dependencies: { summarizer: { range: '^1.2.0', version: '1.4.2' }, 'text-normalizer': { range: '~1.1.0', version: '1.1.0' } },
        name: 'app',
        version: '1.0.0',
      },
    };
    expect(lock).toBe(JSON.stringify(expected, null, 2) + '\n');
  });

  it('leaves an unchanged lock byte-identical and untouched, and --frozen accepts it', async () => {
    const dir = app('stable', { summarizer: '^1.0.0' });
    expect((await install(dir)).code).toBe(0);
    const lockPath = join(dir, 'promptpm.lock');
    const before = { text: readFileSync(lockPath, 'utf8'), ino: statSync(lockPath).ino, mtime: statSync(lockPath).mtimeMs };
    expect((await install(dir)).code).toBe(0);
    const frozen = await install(dir, '--frozen');
    expect(frozen.code).toBe(0);
    expect(frozen.env.data?.count).toBe(3);
    expect(readFileSync(lockPath, 'utf8')).toBe(before.text);
    expect(statSync(lockPath).ino).toBe(before.ino);
    expect(statSync(lockPath).mtimeMs).toBe(before.mtime);
  });
});

describe('install --frozen failures', () => {
  it('fails with exit 3 when the lock is missing, and writes nothing', async () => {
    const dir = app('frozen-missing', { 'unicode-tables': '^2.0.0' });
    const { code, env } = await install(dir, '--frozen');
    expect(code).toBe(3);
    expect(env.ok).toBe(false);
    expect(env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'LOCK_MISSING', path: dir });
    expect(env.error!.message).toContain('promptpm.lock is missing');
    expect(existsSync(join(dir, 'promptpm.lock'))).toBe(false);
  });

  it('fails when resolving now would change the lock, saying what differs', async () => {
    const dir = app('frozen-stale', { 'text-normalizer': '^1.0.0' });
    expect((await install(dir)).code).toBe(0);
    const lockPath = join(dir, 'promptpm.lock');
    const before = readFileSync(lockPath, 'utf8');
    await publish('text-normalizer', '1.2.0');
    const { code, env } = await install(dir, '--frozen');
    expect(code).toBe(3);
    expect(env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'LOCK_OUTDATED' });
    expect(env.error!.message).toBe('promptpm.lock is out of date: text-normalizer would change from 1.1.0 to 1.2.0');
    expect(env.data?.differences).toEqual(['text-normalizer would change from 1.1.0 to 1.2.0']);
    expect(readFileSync(lockPath, 'utf8')).toBe(before);
    // Without --frozen the lock follows the registry.
    expect((await install(dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).modules['text-normalizer'].version).toBe('1.2.0');
  });

  it('fails when the manifest dependencies changed since the lock', async () => {
    const dir = app('frozen-deps', { 'unicode-tables': '^2.0.0' });
    expect((await install(dir)).code).toBe(0);
    writeTree(dir, moduleFiles({ name: 'app', deps: { 'unicode-tables': '^2.1.0' } }));
    const { code, env } = await install(dir, '--frozen');
    expect(code).toBe(3);
    expect(env.data?.differences).toEqual(['app dependency unicode-tables is ^2.0.0 → 2.1.0 in the lock, ^2.1.0 → 2.1.0 now']);
  });

  it('fails when an integrity in the lock no longer matches', async () => {
    const dir = app('frozen-integrity', { 'unicode-tables': '^2.0.0' });
    expect((await install(dir)).code).toBe(0);
    const lockPath = join(dir, 'promptpm.lock');
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    lock.modules['unicode-tables'].integrity = '0'.repeat(64);
    writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
    const { code, env } = await install(dir, '--frozen');
    expect(code).toBe(3);
    expect(env.error).toMatchObject({ reason: 'INTEGRITY_MISMATCH' });
    expect(env.error!.message).toContain('integrity of unicode-tables@2.1.0 differs from the lock');
  });

  it('fails on a lock that is not in canonical form', async () => {
    const dir = app('frozen-format', { 'unicode-tables': '^2.0.0' });
    expect((await install(dir)).code).toBe(0);
    const lockPath = join(dir, 'promptpm.lock');
    writeFileSync(lockPath, JSON.stringify(JSON.parse(readFileSync(lockPath, 'utf8'))));
    const { code, env } = await install(dir, '--frozen');
    expect(code).toBe(3);
    expect(env.error!.message).toContain('not in canonical form');
  });
});

describe('install errors', () => {
  it('explains a conflict (exit 3, CONFLICT)', async () => {
    await publish('strict-consumer', '1.0.0', { 'text-normalizer': '~1.0.0' });
    const dir = app('conflict', { 'strict-consumer': '^1.0.0', 'text-normalizer': '^1.1.0' });
    const { code, env } = await install(dir);
    expect(code).toBe(3);
    expect(env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'CONFLICT', path: dir });
    expect(env.error!.message).toContain('No version of text-normalizer');
    expect(env.data?.explanation).toContain('strict-consumer@1.0.0 depends on text-normalizer ~1.0.0.');
    expect(existsSync(join(dir, 'promptpm.lock'))).toBe(false);
  });

  it('reports a missing dependency with the compatible message', async () => {
    const dir = app('missing', { 'no-such-module': '^1.0.0' });
    const { code, env } = await install(dir);
    expect(code).toBe(3);
    expect(env.error!.reason).toBe('NOT_FOUND');
    expect(env.error!.message.startsWith('Dependency not found for app@1.0.0: no-such-module (^1.0.0)')).toBe(true);
  });

  it('refuses a tampered resolved version (exit 3, TAMPERED)', async () => {
    await publish('fragile', '1.0.0');
    const dir = app('tampered', { fragile: '^1.0.0' });
    writeFileSync(join(registry, 'modules/fragile/1.0.0/template.prompt'), 'Changed after publishing: {{document}}\n');
    const { code, env } = await install(dir);
    expect(code).toBe(3);
    expect(env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED' });
    expect(env.error!.message).toBe('Resolved dependency failed its integrity check: fragile@1.0.0 was modified after publishing (changed: template.prompt)');
    expect(existsSync(join(dir, 'promptpm.lock'))).toBe(false);
  });

  it('refuses a reached version that does not validate instead of dropping its dependencies (exit 3, INVALID_MODULE)', async () => {
    // Published by a tool with other rules: intact, but its manifest does not validate.
    const side = join(base, 'side-registry');
    await publishModule(side, writeTree(join(base, 'src', 'loose-1.0.0'), moduleFiles({ name: 'loose', version: '1.0.0', deps: { 'unicode-tables': '^2.0.0' } })));
    republishManifest(join(side, 'modules/loose/1.0.0'), requiredAsText);
    cpSync(join(side, 'modules/loose'), join(registry, 'modules/loose'), { recursive: true });
    const dir = app('invalid-dependency', { loose: '^1.0.0' });
    const { code, env } = await install(dir);
    expect(code).toBe(3);
    const file = join(registry, 'modules/loose/1.0.0/promptpm.yaml');
    expect(env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'INVALID_MODULE', path: dir, file });
    expect(env.error!.message).toMatch(new RegExp(`^loose@1\\.0\\.0 does not validate: .*required.* \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+\\)$`));
    expect(existsSync(join(dir, 'promptpm.lock'))).toBe(false);
    const info = await runCli(['info', 'loose', '--registry', registry, '--json']);
    expect([info.code, (info.json as Envelope).error!.message]).toEqual([3, 'Published version does not validate: loose@1.0.0']);
  });

  it('validates the module first (exit 1)', async () => {
    const dir = writeTree(join(base, 'invalid'), { 'promptpm.yaml': 'module:\n  name: app\n' });
    const { code, env } = await install(dir);
    expect(code).toBe(1);
    expect(env.error!.code).toBe('VALIDATION_ERROR');
  });
});
