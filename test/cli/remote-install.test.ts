// `promptpm install --remote`: dependency versions the registry lacks are pulled first (transitively), then
// resolved and locked as usual; the lock's integrity is the remote config blob's digest.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { registryMissing, startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { moduleFiles, tempDir, writeTree, type Envelope } from './helpers.js';

const missing = registryMissing();
if (missing) console.warn(`skipping registry-server tests: ${missing}`);


describe.skipIf(missing !== null)('promptpm install --remote', () => {
  let server: TestRegistry;
  const env = { XDG_CONFIG_HOME: tempDir(), DOCKER_CONFIG: tempDir() };
  const cli = async (...args: string[]): Promise<{ code: number | null; env: Envelope }> => {
    const run = await runCli([...args, '--json'], { env });
    return { code: run.code, env: run.json as Envelope };
  };
  const shared = join(tempDir(), 'shared');
  const app = (): string => writeTree(tempDir(), moduleFiles({ name: 'app', deps: { 'dep-a': '^1.0.0' } }));

  beforeAll(async () => {
    server = await startRegistry();
    await cli('remote', 'add', 'team', `${server.host}/deps`);
    for (const files of [moduleFiles({ name: 'dep-b', version: '1.2.0' }), moduleFiles({ name: 'dep-a', version: '1.0.0', deps: { 'dep-b': '^1.0.0' } })]) {
      expect((await cli('--registry', shared, 'publish', writeTree(tempDir(), files))).code).toBe(0);
    }
    expect((await cli('--registry', shared, 'push', '--all')).code).toBe(0);
  });
  afterAll(async () => server?.stop());

  it('pulls the missing dependencies transitively, then locks them with the remote config digests as integrity', async () => {
    const local = join(tempDir(), 'local');
    const folder = app();
    const run = await cli('--registry', local, 'install', folder, '--remote', 'team');
    expect(run.code).toBe(0);
    expect((run.env.data.pulled as Array<{ name: string; version: string }>).map((v) => `${v.name}@${v.version}`)).toEqual(['dep-a@1.0.0', 'dep-b@1.2.0']);
    const lock = JSON.parse(readFileSync(join(folder, 'promptpm.lock'), 'utf8')) as { modules: Record<string, { integrity: string }> };
    const sharedManifest = readFileSync(join(shared, 'modules/dep-a/1.0.0/.promptpm_immutable.json'));
    expect(lock.modules['dep-a']!.integrity).toBe(hash('sha256', sharedManifest, 'hex'));

    // Everything is local now: a second install pulls nothing.
    expect(await cli('--registry', local, 'install', folder, '--remote', 'team')).toMatchObject({ code: 0, env: { data: { pulled: [] } } });
  });

  it('stays local without --remote, and refuses --remote with --frozen', async () => {
    const empty = join(tempDir(), 'empty');
    expect(await cli('--registry', empty, 'install', app())).toMatchObject({ code: 3, env: { error: { code: 'DEPENDENCY_ERROR' } } });
    expect(await cli('--registry', empty, 'install', app(), '--frozen', '--remote', 'team')).toMatchObject({ code: 1, env: { error: { reason: 'USAGE' } } });
  });
});
