// Authentication against a real registry server: Basic (htpasswd) with credentials from a Docker config
// file, and the Bearer token flow through a loopback token service the registry trusts (docker-registry's
// own `auth.token`, verifying ES256 tokens signed by a key whose self-signed certificate it is given).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishModule, verifyRegistry } from '../../../src/core/registry/index.js';
import { dockerCredentials, pullVersions, pushVersions, type RetryPolicy } from '../../../src/core/remote/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../../support/oci-registry.js';
import { startTokenService, type TokenService } from '../../support/token-service.js';
import { makeModule, tempDir } from '../registry/helpers.js';
import { rejection } from '../../support/rejection.js';

const missing = registryMissing();
if (missing) console.warn(`skipping registry-server tests: ${missing}`);

const retry: RetryPolicy = { retries: 1, baseDelayMs: 5, maxDelayMs: 20 };


/** A Docker config folder holding `auths` for the host, as `docker login` writes it. */
function dockerConfig(host: string, user: string, password: string): NodeJS.ProcessEnv {
  const dir = tempDir();
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } } }));
  return { DOCKER_CONFIG: dir };
}

async function oneVersion(): Promise<string> {
  const registry = join(tempDir(), 'reg');
  await publishModule(registry, makeModule(tempDir(), 'secured', '1.0.0'));
  return registry;
}

describe.skipIf(missing !== null)('Basic auth (htpasswd)', () => {
  let server: TestRegistry;
  beforeAll(async () => {
    server = await startRegistry({ htpasswd: { alice: 's3cret' } });
  });
  afterAll(async () => server?.stop());

  it('pushes and pulls with the Docker config credentials', async () => {
    const credentials = dockerCredentials(dockerConfig(server.host, 'alice', 's3cret'));
    const remote = { url: `${server.host}/team` };
    expect(await pushVersions(await oneVersion(), remote, 'all', { retry, credentials })).toMatchObject({ pushed: 1 });
    const target = join(tempDir(), 'target');
    expect(await pullVersions(target, remote, [{ name: 'secured' }], { retry, credentials })).toMatchObject({ pulled: 1 });
    expect(await verifyRegistry(target)).toMatchObject({ ok: 1 });
  });

  it('says "sign in" without credentials, and refuses wrong ones', async () => {
    const remote = { url: `${server.host}/team` };
    const registry = await oneVersion();
    expect(await rejection(pushVersions(registry, remote, 'all', { retry }))).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'REMOTE_UNAUTHORIZED' });
    const wrong = dockerCredentials(dockerConfig(server.host, 'alice', 'wrong'));
    const err = await rejection(pushVersions(registry, remote, 'all', { retry, credentials: wrong }));
    expect(err.reason).toBe('REMOTE_UNAUTHORIZED');
    expect(err.message).toContain('sign in');
  });
});

describe.skipIf(missing !== null)('Bearer token flow', () => {
  let server: TestRegistry;
  let tokens: TokenService;
  beforeAll(async () => {
    tokens = await startTokenService(tempDir(), { bob: 'hunter2' });
    server = await startRegistry({ token: tokens });
  });
  afterAll(async () => {
    await server?.stop();
    await tokens?.close();
  });

  it('trades the credentials for tokens scoped per repository, cached across requests', async () => {
    const credentials = dockerCredentials(dockerConfig(server.host, 'bob', 'hunter2'));
    const remote = { url: `${server.host}/acme/prompts` };
    tokens.requests.length = 0;
    expect(await pushVersions(await oneVersion(), remote, 'all', { retry, credentials })).toMatchObject({ pushed: 1 });
    // One token for the push scope serves the manifest check, every blob and the manifest.
    expect(tokens.requests).toEqual([{ scope: 'repository:acme/prompts/secured:pull,push', user: 'bob' }]);

    const target = join(tempDir(), 'target');
    expect(await pullVersions(target, remote, [{ name: 'secured' }], { retry, credentials })).toMatchObject({ pulled: 1 });
    expect(await verifyRegistry(target)).toMatchObject({ ok: 1 });
  });

  it('is refused without credentials: the token carries no access', async () => {
    const err = await rejection(pushVersions(await oneVersion(), { url: `${server.host}/acme/prompts` }, 'all', { retry }));
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'REMOTE_UNAUTHORIZED' });
  });

  it('says to pull by name when the catalog is closed to the caller', async () => {
    const err = await rejection(pullVersions(join(tempDir(), 'target'), { url: `${server.host}/acme/prompts` }, 'all', { retry }));
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'REMOTE_NO_CATALOG' });
  });
});
