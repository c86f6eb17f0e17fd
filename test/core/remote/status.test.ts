// What the Remotes view shows: each version here only, there only, the same on both sides, or published
// twice with different contents (an integrity alarm) — against a real registry server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { publishModule } from '../../../src/core/registry/index.js';
import { pushVersions, remoteStatus } from '../../../src/core/remote/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../../support/oci-registry.js';
import { makeModule, tempDir } from '../registry/helpers.js';

const missing = registryMissing();
if (missing) console.warn(`skipping remote status tests: ${missing}`);

describe.skipIf(missing !== null)('remote status', () => {
  let server: TestRegistry;
  beforeAll(async () => {
    server = await startRegistry();
  });
  afterAll(async () => server?.stop());

  it('tells local-only, remote-only, same and different versions apart, in semver order', async () => {
    const remote = { url: `${server.host}/status` };
    const [mine, theirs] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    await publishModule(mine, makeModule(tempDir(), 'echo', '1.0.0'));
    await publishModule(mine, makeModule(tempDir(), 'echo', '1.10.0'));
    await publishModule(mine, makeModule(tempDir(), 'echo', '1.2.0', { 'notes.md': 'mine\n' }));
    // Another machine published 1.2.0 with other contents, and a module this registry never had.
    await publishModule(theirs, makeModule(tempDir(), 'echo', '1.2.0', { 'notes.md': 'theirs\n' }));
    await publishModule(theirs, makeModule(tempDir(), 'other', '0.1.0'));
    await publishModule(theirs, makeModule(tempDir(), 'echo', '1.0.0'));
    await pushVersions(theirs, remote, 'all');

    const status = await remoteStatus(mine, remote);
    const states = Object.fromEntries(status.modules.map((m) => [m.name, m.versions.map((v) => [v.version, v.state])]));
    expect(states).toEqual({
      echo: [
        ['1.0.0', 'same'],
        ['1.2.0', 'different'],
        ['1.10.0', 'local-only'],
      ],
      other: [['0.1.0', 'remote-only']],
    });
    const different = status.modules[0]!.versions[1]!;
    expect(different.local).toMatch(/^sha256:/);
    expect(different.remote).toMatch(/^sha256:/);
    expect(different.local).not.toBe(different.remote);
    expect(status.catalog).toBe(true);
  });
});
