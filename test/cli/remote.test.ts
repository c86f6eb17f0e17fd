// `promptpm remote|push|pull` end to end: the built CLI against a real registry server on loopback.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { registryMissing, startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { moduleFiles, tempDir, writeTree, type Envelope } from './helpers.js';

const missing = registryMissing();
if (missing) console.warn(`skipping registry-server tests: ${missing}`);


describe('promptpm remote', () => {
  const env = { XDG_CONFIG_HOME: tempDir() };
  const cli = async (...args: string[]): Promise<{ code: number | null; env: Envelope }> => {
    const run = await runCli([...args, '--json'], { env });
    return { code: run.code, env: run.json as Envelope };
  };

  it('adds, lists and removes remotes in the user config folder', async () => {
    expect((await cli('remote', 'add', 'team', 'ghcr.io/acme/prompts')).code).toBe(0);
    expect((await cli('remote', 'add', 'lab', 'registry.lan:5000/p', '--insecure')).code).toBe(0);
    const listed = await cli('remote', 'list');
    expect(listed.env.data).toMatchObject({ count: 2, remotes: [{ name: 'team', url: 'ghcr.io/acme/prompts', insecure: false }, { name: 'lab', insecure: true }] });
    expect(JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME, 'promptpm/remotes.json'), 'utf8')).remotes).toHaveLength(2);
    expect((await runCli(['remote', 'list', '--pretty'], { env })).stdout.split('\n')).toEqual([
      'NAME  URL',
      'team  ghcr.io/acme/prompts',
      'lab   registry.lan:5000/p   plain HTTP allowed',
      `2 remotes in ${join(env.XDG_CONFIG_HOME, 'promptpm/remotes.json')}`,
      '',
    ]);
    expect((await cli('remote', 'remove', 'lab')).env.data).toMatchObject({ removed: 'lab', count: 1 });
    expect((await runCli(['remote', 'remove', 'team', '--pretty'], { env })).stdout).toMatch(/^✔ Removed remote team\nNo remotes configured\. Add one: promptpm remote add <name> <url>\n$/);
  });

  it('refuses a bad URL, a duplicate name and plain HTTP to another host (exit 1), an unknown remote (exit 3)', async () => {
    expect(await cli('remote', 'add', 'bad', 'ghcr.io/Upper')).toMatchObject({ code: 1, env: { error: { reason: 'REMOTE_URL' } } });
    expect(await cli('remote', 'add', 'plain', 'http://registry.lan/p')).toMatchObject({ code: 1, env: { error: { reason: 'REMOTE_URL' } } });
    await cli('remote', 'add', 'dup', 'ghcr.io/a');
    expect(await cli('remote', 'add', 'dup', 'ghcr.io/b')).toMatchObject({ code: 1, env: { error: { reason: 'REMOTE_EXISTS' } } });
    expect(await cli('remote', 'remove', 'nope')).toMatchObject({ code: 3, env: { error: { reason: 'REMOTE_NOT_CONFIGURED' } } });
    expect(await cli('remote', 'frobnicate')).toMatchObject({ code: 1, env: { error: { reason: 'USAGE' } } });
  });
});

describe.skipIf(missing !== null)('promptpm push and pull', () => {
  let server: TestRegistry;
  const env = { XDG_CONFIG_HOME: tempDir(), DOCKER_CONFIG: tempDir() };
  const cli = async (...args: string[]): Promise<{ code: number | null; env: Envelope }> => {
    const run = await runCli([...args, '--json'], { env });
    return { code: run.code, env: run.json as Envelope };
  };

  beforeAll(async () => {
    server = await startRegistry();
    await cli('remote', 'add', 'team', `${server.host}/prompts`);
  });
  afterAll(async () => server?.stop());

  async function publish(registry: string, name: string, version: string, note: string): Promise<void> {
    const folder = writeTree(tempDir(), { ...moduleFiles({ name, version }), 'notes.md': note });
    expect((await cli('--registry', registry, 'publish', folder)).code).toBe(0);
  }

  it('pushes a version, pulls it into another registry that then verifies, and a second push is a no-op', async () => {
    const source = join(tempDir(), 'source');
    await publish(source, 'summarizer', '1.0.0', 'one\n');
    await publish(source, 'summarizer', '1.1.0+build.5', 'two\n');
    const pushed = await cli('--registry', source, 'push', '--all');
    expect(pushed).toMatchObject({ code: 0, env: { data: { count: 2, pushed: 2, remote_name: 'team' } } });
    expect((pushed.env.data.versions as Array<{ tag: string }>).map((v) => v.tag)).toEqual(['1.0.0', '1.1.0_build.5']);
    expect(await cli('--registry', source, 'push', 'summarizer@1.0.0')).toMatchObject({ code: 0, env: { data: { pushed: 0, unchanged: 1 } } });
    const again = (await runCli(['--registry', source, 'push', '--all', '--pretty'], { env })).stdout.split('\n');
    expect(again[0]).toBe(`✔ Pushed 0 versions to team ${server.host}/prompts (2 already there)`);
    expect(again[1]).toMatch(new RegExp(`^  summarizer@1\\.0\\.0 +unchanged +${server.host}/prompts/summarizer:1\\.0\\.0 +nothing to send$`));

    const target = join(tempDir(), 'target');
    const pulled = await cli('--registry', target, 'pull', 'summarizer@^1.1.0-0', '--remote', 'team');
    expect(pulled).toMatchObject({ code: 0, env: { data: { pulled: 1, versions: [{ version: '1.1.0+build.5' }] } } });
    const pulledPretty = (await runCli(['--registry', target, 'pull', 'summarizer', '--pretty'], { env })).stdout.split('\n');
    expect(pulledPretty[0]).toBe(`✔ Pulled 1 version from team ${server.host}/prompts (1 already here)`);
    expect(pulledPretty.slice(1, 3).map((line) => line.trim().split(/ +/).slice(0, 2))).toEqual([
      ['summarizer@1.0.0', 'pulled'],
      ['summarizer@1.1.0+build.5', 'present'],
    ]);
    expect(pulledPretty[3]).toBe(`  into ${target}`);
    expect(await cli('--registry', target, 'verify')).toMatchObject({ code: 0, env: { data: { total: 2, ok: 2 } } });
  });

  it('exits 4 when the tag holds other contents, and the remote keeps its copy', async () => {
    const first = join(tempDir(), 'first');
    const second = join(tempDir(), 'second');
    await publish(first, 'contested', '1.0.0', 'first\n');
    await publish(second, 'contested', '1.0.0', 'second\n');
    expect((await cli('--registry', first, 'push', 'contested@1.0.0')).code).toBe(0);
    expect(await cli('--registry', second, 'push', 'contested@1.0.0')).toMatchObject({ code: 4, env: { error: { code: 'PUBLISH_CONFLICT', reason: 'REMOTE_TAG_EXISTS' } } });
    // Pulling into the registry that holds the other 1.0.0 is a conflict too: nothing is replaced.
    expect(await cli('--registry', second, 'pull', 'contested')).toMatchObject({ code: 4, env: { error: { reason: 'REMOTE_DIFFERS' } } });
    expect(readFileSync(join(second, 'modules/contested/1.0.0/notes.md'), 'utf8')).toBe('second\n');
  });

  it('exits 3 for a module the remote lacks, and 1 for a malformed command line', async () => {
    const target = join(tempDir(), 'target');
    expect(await cli('--registry', target, 'pull', 'absent')).toMatchObject({ code: 3, env: { error: { reason: 'REMOTE_NOT_FOUND' } } });
    expect(existsSync(target)).toBe(false);
    expect(await cli('--registry', target, 'push', 'summarizer')).toMatchObject({ code: 1, env: { error: { reason: 'USAGE' } } });
    expect(await cli('--registry', target, 'pull')).toMatchObject({ code: 1, env: { error: { reason: 'USAGE' } } });
  });
});
