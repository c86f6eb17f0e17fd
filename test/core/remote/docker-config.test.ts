// Credentials as `docker login` leaves them: `auths` entries (with or without a scheme in the key) and
// credential helpers (`credHelpers` per host, else `credsStore`), here a fake helper on the PATH.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerCredentials } from '../../../src/core/remote/index.js';
import { tempDir } from '../registry/helpers.js';

function configDir(config: object): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** A `docker-credential-<name>` that answers for one server URL read from stdin, as real helpers do. */
function fakeHelper(name: string, server: string): string {
  const bin = tempDir();
  const script = join(bin, `docker-credential-${name}`);
  writeFileSync(script, `#!/bin/sh\nread host\nif [ "$1" = get ] && [ "$host" = "${server}" ]; then echo '{"ServerURL":"${server}","Username":"helper-user","Secret":"helper-secret"}'; else echo "credentials not found in native keychain"; exit 1; fi\n`);
  chmodSync(script, 0o755);
  return bin;
}

const auth = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');

describe('Docker config credentials', () => {
  it('reads auths by host, whatever scheme the key was written with, and Docker Hub under its index URL', async () => {
    const dir = configDir({ auths: { 'https://ghcr.io': { auth: auth('me', 'pat') }, 'https://index.docker.io/v1/': { auth: auth('hub', 'pw') } } });
    const source = dockerCredentials({ DOCKER_CONFIG: dir });
    expect(await source('ghcr.io')).toEqual({ username: 'me', password: 'pat' });
    expect(await source('registry-1.docker.io')).toEqual({ username: 'hub', password: 'pw' });
    expect(await source('quay.io')).toBeNull();
  });

  it('asks the host\'s credential helper first, then credsStore, and falls back to auths when a helper knows nothing', async () => {
    const bin = fakeHelper('fake', 'localhost:5000');
    const env = { PATH: `${bin}:${process.env.PATH}` };
    const perHost = dockerCredentials({ ...env, DOCKER_CONFIG: configDir({ credHelpers: { 'localhost:5000': 'fake' } }) });
    expect(await perHost('localhost:5000')).toEqual({ username: 'helper-user', password: 'helper-secret' });
    const store = dockerCredentials({ ...env, DOCKER_CONFIG: configDir({ credsStore: 'fake', auths: { 'other:1': { auth: auth('a', 'b') } } }) });
    expect(await store('localhost:5000')).toEqual({ username: 'helper-user', password: 'helper-secret' });
    expect(await store('other:1')).toEqual({ username: 'a', password: 'b' });
    const absent = dockerCredentials({ ...env, DOCKER_CONFIG: configDir({ credsStore: 'not-installed' }) });
    expect(await absent('localhost:5000')).toBeNull();
  });
});
