// Push and pull against a real registry server (docker-registry on loopback): a 50-module round trip, dedupe
// of unchanged files, the tag conflict, an interrupted pull, a tampered blob, an artifact that is not ours.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishModule, verifyRegistry } from '../../../src/core/registry/index.js';
import { canonicalJson } from '../../../src/core/canonical-json.js';
import { serializeManifest } from '../../../src/core/registry/manifest.js';
import { sha256Digest } from '../../../src/core/remote/artifact.js';
import { OciClient } from '../../../src/core/remote/client.js';
import { parseRemoteUrl, pullVersions, pushVersions, type RetryPolicy } from '../../../src/core/remote/index.js';
import { MODULE_ARTIFACT, MODULE_CONFIG, MODULE_FILE, OCI_MANIFEST, TITLE_ANNOTATION } from '../../../src/core/remote/media-types.js';
import { registryMissing, startRegistry, type TestRegistry } from '../../support/oci-registry.js';
import { makeModule, tempDir } from '../registry/helpers.js';
import { rejection } from '../../support/rejection.js';

const missing = registryMissing();
if (missing) console.warn(`skipping registry-server tests: ${missing}`);

// Fast retries: a killed server is given up on quickly.
const retry: RetryPolicy = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };


/** Every file under a folder (relative path → bytes), for comparing two registries' modules/. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path), 'base64'));
    }
  };
  walk('');
  return out;
}

async function publishVersion(registry: string, name: string, version: string, extra: Record<string, string> = {}): Promise<void> {
  const folder = makeModule(tempDir(), name, version, { 'notes.md': 'Shared notes\n', 'tests/example.txt': 'example\n', ...extra });
  await publishModule(registry, folder);
}

describe.skipIf(missing !== null)('push and pull through a registry server', () => {
  let server: TestRegistry;
  const remote = (prefix: string): { url: string } => ({ url: `${server.host}/${prefix}` });

  beforeAll(async () => {
    server = await startRegistry();
  });
  afterAll(async () => server?.stop());

  it('round-trips a 50-module registry that then verifies, file for file', async () => {
    const source = join(tempDir(), 'source');
    execFileSync(process.execPath, ['scripts/generate-registry.mjs', '--out', source, '--modules', '50', '--versions', '2'], { stdio: 'ignore' });
    const pushed = await pushVersions(source, remote('round'), 'all', { retry });
    expect(pushed).toMatchObject({ count: 100, pushed: 100, unchanged: 0 });

    const target = join(tempDir(), 'target');
    const pulled = await pullVersions(target, remote('round'), 'all', { retry });
    expect(pulled).toMatchObject({ count: 100, pulled: 100, present: 0 });
    const report = await verifyRegistry(target);
    expect(report).toMatchObject({ total: 100, ok: 100 });
    expect(tree(join(target, 'modules'))).toEqual(tree(join(source, 'modules')));

    // The same versions again: nothing to send or fetch.
    expect(await pushVersions(source, remote('round'), 'all', { retry })).toMatchObject({ pushed: 0, unchanged: 100 });
    expect(await pullVersions(target, remote('round'), 'all', { retry })).toMatchObject({ pulled: 0, present: 100 });
  });

  it('sends only the changed files of a second version (unchanged ones are shared blobs)', async () => {
    const registry = join(tempDir(), 'reg');
    await publishVersion(registry, 'dedupe', '1.0.0');
    await publishVersion(registry, 'dedupe', '1.1.0', { 'template.prompt': 'Echo twice: {{text}} {{text}}\n' });
    const first = await pushVersions(registry, remote('dd'), [{ name: 'dedupe', version: '1.0.0' }], { retry });
    expect(first.versions[0]!.uploaded).toEqual(['notes.md', 'promptpm.yaml', 'template.prompt', 'tests/example.txt']);
    const second = await pushVersions(registry, remote('dd'), [{ name: 'dedupe', version: '1.1.0' }], { retry });
    // promptpm.yaml carries the version; template.prompt was edited; notes.md and the test file are shared.
    expect(second.versions[0]).toMatchObject({ status: 'pushed', uploaded: ['promptpm.yaml', 'template.prompt'], config_uploaded: true });
  });

  it('refuses to overwrite a tag holding other contents (conflict), and re-pushing the same version is a no-op', async () => {
    const ours = join(tempDir(), 'ours');
    const theirs = join(tempDir(), 'theirs');
    await publishVersion(ours, 'clash', '1.0.0');
    await publishVersion(theirs, 'clash', '1.0.0', { 'notes.md': 'Other notes\n' });
    const pushed = await pushVersions(ours, remote('cf'), 'all', { retry });
    const err = await rejection(pushVersions(theirs, remote('cf'), 'all', { retry }));
    expect(err.code).toBe('PUBLISH_CONFLICT');
    expect(err.exitCode).toBe(4);
    expect(err.data).toMatchObject({ existing_digest: pushed.versions[0]!.digest });
    expect(await pushVersions(ours, remote('cf'), 'all', { retry })).toMatchObject({ unchanged: 1, pushed: 0 });
    // The remote still holds our version: it pulls and matches.
    const copy = join(tempDir(), 'copy');
    await pullVersions(copy, remote('cf'), [{ name: 'clash', range: '1.0.0' }], { retry });
    expect(readFileSync(join(copy, 'modules/clash/1.0.0/notes.md'), 'utf8')).toBe('Shared notes\n');
  });

  it('leaves nothing visible when the server dies mid-pull, and the retry succeeds', async () => {
    const registry = join(tempDir(), 'reg');
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`docs/part-${i}.md`, `part ${i}\n`]));
    await publishVersion(registry, 'crashy', '2.0.0', files);
    await pushVersions(registry, remote('int'), 'all', { retry });

    const target = join(tempDir(), 'target');
    const err = await rejection(
      pullVersions(target, remote('int'), [{ name: 'crashy' }], {
        retry,
        concurrency: 2,
        onProgress: (p) => {
          if (p.phase === 'download' && p.done === 3) server.kill();
        },
      }),
    );
    expect(err.reason).toBe('REMOTE_UNREACHABLE');
    expect(existsSync(join(target, 'modules/crashy/2.0.0'))).toBe(false);
    expect(readdirSync(join(target, '.promptpm/staging'))).toEqual([]);

    await server.restart();
    expect(await pullVersions(target, remote('int'), [{ name: 'crashy' }], { retry })).toMatchObject({ pulled: 1 });
    expect(await verifyRegistry(target)).toMatchObject({ total: 1, ok: 1 });
  });

  it('detects a blob altered on the server and writes nothing', async () => {
    const registry = join(tempDir(), 'reg');
    await publishVersion(registry, 'tampered', '1.0.0', { 'notes.md': 'Original text\n' });
    const pushed = await pushVersions(registry, remote('tp'), 'all', { retry });
    const notes = join(registry, 'modules/tampered/1.0.0/notes.md');
    const digest = `sha256:${(await import('node:crypto')).hash('sha256', readFileSync(notes), 'hex')}`;
    expect(pushed.versions[0]!.uploaded).toContain('notes.md');
    writeFileSync(server.blobFile(digest), 'Altered text\n');

    const target = join(tempDir(), 'target');
    const err = await rejection(pullVersions(target, remote('tp'), [{ name: 'tampered' }], { retry }));
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'REMOTE_DIGEST_MISMATCH' });
    expect(existsSync(join(target, 'modules/tampered'))).toBe(false);
    expect(readdirSync(join(target, '.promptpm/staging'))).toEqual([]);
  });

  it('never pushes a local version that was tampered with', async () => {
    const registry = join(tempDir(), 'reg');
    await publishVersion(registry, 'edited', '1.0.0');
    writeFileSync(join(registry, 'modules/edited/1.0.0/notes.md'), 'edited after publishing\n');
    const err = await rejection(pushVersions(registry, remote('tl'), 'all', { retry }));
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED' });
    const tags = await fetch(`http://${server.host}/v2/tl/edited/tags/list`);
    expect(tags.status).toBe(404);
  });

  it('uploads a large blob in chunks and reads it back checked', async () => {
    const client = new OciClient(parseRemoteUrl(`${server.host}/chunks`), { credentials: async () => null, retry, chunkBytes: 1000 });
    const bytes = Buffer.from(Array.from({ length: 2500 }, (_, i) => i % 251));
    const digest = sha256Digest(bytes);
    await client.uploadBlob('chunks/blob', digest, bytes);
    expect(await client.hasBlob('chunks/blob', digest)).toBe(true);
    expect((await client.fetchBlob('chunks/blob', { mediaType: MODULE_FILE, digest, size: bytes.length })).equals(bytes)).toBe(true);
  });

  it('refuses an artifact whose file path climbs out of the version, before downloading anything', async () => {
    const client = new OciClient(parseRemoteUrl(`${server.host}/evil`), { credentials: async () => null, retry });
    const file = Buffer.from('owned\n');
    const config = Buffer.from(serializeManifest({ algorithm: 'sha256', files: [{ path: 'x', sha256: sha256Digest(file).slice(7) }], name: 'climber', version: '1.0.0' }));
    for (const blob of [file, config]) await client.uploadBlob('evil/climber', sha256Digest(blob), blob);
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: MODULE_ARTIFACT,
      config: { mediaType: MODULE_CONFIG, digest: sha256Digest(config), size: config.length },
      layers: [{ mediaType: MODULE_FILE, digest: sha256Digest(file), size: file.length, annotations: { [TITLE_ANNOTATION]: '../../escape' } }],
    };
    await client.putManifest('evil/climber', '1.0.0', Buffer.from(canonicalJson(manifest)));
    const target = join(tempDir(), 'target');
    const err = await rejection(pullVersions(target, remote('evil'), [{ name: 'climber' }], { retry }));
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'REMOTE_NOT_MODULE' });
    expect(err.message).toContain('unsafe or missing path');
    expect(existsSync(target)).toBe(false);
  });
});
