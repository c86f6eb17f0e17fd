// The app's remotes through the real handlers and a real registry server with sign-in (htpasswd): a token
// is kept sealed and never returned, push from one registry, status, pull into a second that verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishModule, verifyRegistry } from '../../../src/core/registry/index.js';
import type { MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { RemoteCredentials } from '../../../src/main/state/remote-credentials.js';
import type { ChannelName } from '../../../src/shared/ipc/contract.js';
import { testEncryptor } from '../../support/encryptor.js';
import { registryMissing, startRegistry, type TestRegistry } from '../../support/oci-registry.js';
import { makeModule, tempDir } from '../../core/registry/helpers.js';
import { openHandlers } from './worker-handlers.js';

const missing = registryMissing();
if (missing) console.warn(`skipping the app's remote handler tests: ${missing}`);

const handlersFor = (work: string, registry: string): Promise<MainHandlers> => openHandlers(registry, work);

async function ok(main: MainHandlers, channel: ChannelName, ...args: unknown[]): Promise<unknown> {
  const result = await dispatch(main.handlers, channel, args);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value;
}

describe('credentials kept by the app', () => {
  it('stores nothing without secure storage, and reads back what it sealed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptpm-creds-'));
    const none = new RemoteCredentials(join(dir, 'a.json'), { ...testEncryptor, available: () => false });
    await expect(none.set('team', { username: 'ada', password: 's3cret' })).rejects.toMatchObject({ reason: 'SECURE_STORAGE_UNAVAILABLE' });
    const store = new RemoteCredentials(join(dir, 'b.json'), testEncryptor);
    await store.set('team', { username: 'ada', password: 's3cret' });
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).not.toContain('s3cret');
    expect(await store.get('team')).toEqual({ username: 'ada', password: 's3cret' });
    await store.delete('team');
    expect(await store.has('team')).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(missing !== null)('remotes in the app', () => {
  let server: TestRegistry;
  let work: string;
  beforeAll(async () => {
    server = await startRegistry({ htpasswd: { ada: 's3cret' } });
    work = mkdtempSync(join(tmpdir(), 'promptpm-app-remotes-'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('pushes from one registry and pulls into another, signed in with a token it never gives back', async () => {
    const [first, second] = [join(work, 'first'), join(work, 'second')];
    // A folder the user chose to hold a registry: empty until the first pull.
    mkdirSync(second);
    await publishModule(first, makeModule(tempDir(), 'echo', '1.0.0'));
    await publishModule(first, makeModule(tempDir(), 'echo', '1.1.0', { 'notes.md': 'more\n' }));
    const a = await handlersFor(join(work, 'a'), first);
    const url = `${server.host}/team`;

    // Without the token the registry refuses, in words; signing in afterwards is enough.
    await ok(a, 'remotes.add', { name: 'anon', url, insecure: false });
    await expect(ok(a, 'remotes.status', { jobId: 's0', remote: 'anon' })).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'REMOTE_UNAUTHORIZED' });
    expect(await ok(a, 'remotes.signIn', { name: 'anon', username: 'ada', token: 's3cret' })).toContainEqual({ name: 'anon', url, insecure: false, signedIn: true });
    await ok(a, 'remotes.status', { jobId: 's0b', remote: 'anon' });

    const listed = await ok(a, 'remotes.add', { name: 'team', url, insecure: false, username: 'ada', token: 's3cret' });
    expect(listed).toContainEqual({ name: 'team', url, insecure: false, signedIn: true });
    expect(JSON.stringify(listed)).not.toContain('s3cret');
    expect(readFileSync(join(work, 'a', 'userdata', 'remote-credentials.json'), 'utf8')).not.toContain('s3cret');

    const before = (await ok(a, 'remotes.status', { jobId: 's1', remote: 'team' })) as { modules: { versions: { state: string }[] }[] };
    expect(before.modules[0]!.versions.map((v) => v.state)).toEqual(['local-only', 'local-only']);
    await ok(a, 'remotes.push', { jobId: 'p1', remote: 'team', versions: [{ name: 'echo', version: '1.0.0' }, { name: 'echo', version: '1.1.0' }] });
    const after = (await ok(a, 'remotes.status', { jobId: 's2', remote: 'team' })) as { modules: { versions: { state: string }[] }[] };
    expect(after.modules[0]!.versions.map((v) => v.state)).toEqual(['same', 'same']);

    const b = await handlersFor(join(work, 'b'), second);
    await ok(b, 'remotes.add', { name: 'team', url, insecure: false, username: 'ada', token: 's3cret' });
    const remoteOnly = (await ok(b, 'remotes.status', { jobId: 's3', remote: 'team' })) as { modules: { name: string; versions: { state: string }[] }[] };
    expect(remoteOnly.modules).toEqual([{ name: 'echo', versions: [expect.objectContaining({ state: 'remote-only' }), expect.objectContaining({ state: 'remote-only' })] }]);
    await ok(b, 'remotes.pull', { jobId: 'p2', remote: 'team', versions: [{ name: 'echo', version: '1.1.0' }] });
    const report = await verifyRegistry(second);
    expect(report.versions.map((v) => [v.version, v.status])).toEqual([['1.1.0', 'ok']]);

    expect(await ok(b, 'remotes.remove', 'team')).toEqual([]);
    expect(readFileSync(join(work, 'b', 'userdata', 'remote-credentials.json'), 'utf8')).toBe('{}');
  });
});
