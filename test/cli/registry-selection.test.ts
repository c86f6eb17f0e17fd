// Which registry a command uses (§6): --registry, PROMPTPM_REGISTRY, --config's `registry`, then
// ./.promptpm_registry; URLs are refused with the earlier tool's message; the config is schema-checked.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { tempDir, writeTree, type Envelope as SharedEnvelope } from './helpers.js';

type Envelope = SharedEnvelope<{ registry_path?: string }>;

async function listJson(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = await runCli(['list', '--json', ...args], opts);
  return { ...run, envelope: run.json as Envelope };
}

describe('registry selection order', () => {
  const root = tempDir();
  const [flag, env, config, fallback] = ['flag', 'env', 'config', '.promptpm_registry'].map((name) => {
    mkdirSync(join(root, name), { recursive: true });
    return join(root, name);
  });
  writeTree(root, { 'conf.json': JSON.stringify({ registry: 'config' }) });

  it('takes --registry first, then PROMPTPM_REGISTRY, then the config file, then ./.promptpm_registry', async () => {
    const all = await listJson(['--registry', flag!, '--config', 'conf.json'], { cwd: root, env: { PROMPTPM_REGISTRY: env } });
    expect(all.envelope.data?.registry_path).toBe(flag);
    const noFlag = await listJson(['--config', 'conf.json'], { cwd: root, env: { PROMPTPM_REGISTRY: env } });
    expect(noFlag.envelope.data?.registry_path).toBe(env);
    const configOnly = await listJson(['--config', 'conf.json'], { cwd: root });
    expect(configOnly.envelope.data?.registry_path).toBe(config);
    const none = await listJson([], { cwd: root });
    expect(none.code).toBe(0);
    expect(none.envelope.data?.registry_path).toBe(fallback);
  });

  it("resolves the config's relative registry from the config file's folder", async () => {
    const elsewhere = tempDir();
    const run = await listJson(['--config', join(root, 'conf.json')], { cwd: elsewhere });
    expect(run.envelope.data?.registry_path).toBe(config);
  });
});

describe('registry locations that are not local folders', () => {
  const root = tempDir();
  writeTree(root, { 'a-file': 'x', 'url.json': '{"registry":"https://example.com/registry"}' });
  const expectRefused = (run: Awaited<ReturnType<typeof listJson>>, value: string) => {
    expect(run.code).toBe(3);
    expect(run.envelope.error).toMatchObject({ code: 'DEPENDENCY_ERROR' });
    expect(run.envelope.error?.message).toBe(`Registry must be a local filesystem path, got: '${value}'`);
  };

  it('refuses a URL given with --registry, in the environment or in the config file', async () => {
    expectRefused(await listJson(['--registry', 'https://example.com/registry'], { cwd: root }), 'https://example.com/registry');
    expectRefused(await listJson([], { cwd: root, env: { PROMPTPM_REGISTRY: 'file:///tmp/r' } }), 'file:///tmp/r');
    expectRefused(await listJson(['--config', 'url.json'], { cwd: root }), 'https://example.com/registry');
  });

  it('refuses an existing file, for publish too (exit 3 before validation)', async () => {
    expectRefused(await listJson(['--registry', 'a-file'], { cwd: root }), 'a-file');
    const run = await runCli(['publish', root, '--registry', 'http://x', '--json'], { cwd: root });
    expect(run.code).toBe(3);
  });
});

describe('config file validation', () => {
  const root = tempDir();
  writeTree(root, {
    'broken.json': '{\n  "registry": "r",\n  oops\n}\n',
    'typo.json': '{"regsitry": "r"}',
    'wrong-type.json': '{"registry": 42}',
  });

  it('reports malformed JSON with its location, as a validation error (exit 1)', async () => {
    const run = await listJson(['--config', 'broken.json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.envelope.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'CONFIG_INVALID', path: join(root, 'broken.json'), line: 3 });
  });

  it('rejects unknown keys and wrong types, naming the field', async () => {
    const typo = await listJson(['--config', 'typo.json'], { cwd: root });
    expect(typo.code).toBe(1);
    expect(typo.envelope.error).toMatchObject({ reason: 'CONFIG_INVALID', field: 'regsitry' });
    const wrong = await listJson(['--config', 'wrong-type.json'], { cwd: root });
    expect(wrong.envelope.error).toMatchObject({ reason: 'CONFIG_INVALID', field: 'registry' });
  });

  it('reports a missing config file', async () => {
    const run = await listJson(['--config', 'absent.json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.envelope.error).toMatchObject({ reason: 'CONFIG_UNREADABLE', path: join(root, 'absent.json') });
  });
});
