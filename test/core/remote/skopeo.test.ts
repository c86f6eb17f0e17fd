// Independent check with a standard OCI client (Debian's skopeo): what we push is a readable OCI artifact that
// skopeo inspects and copies, and a version that skopeo pushes in our layout (manifest written by hand, with
// other key order and whitespace) pulls and verifies.
import { execFileSync, spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishModule, verifyRegistry } from '../../../src/core/registry/index.js';
import { pullVersions, pushVersions } from '../../../src/core/remote/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../../support/oci-registry.js';
import { makeModule, tempDir } from '../registry/helpers.js';

const missing = registryMissing() ?? (spawnSync('sh', ['-c', 'command -v skopeo'], { stdio: 'ignore' }).status === 0 ? null : 'skopeo is not installed (Debian: apt-get install -y skopeo)');
if (missing) console.warn(`skipping skopeo tests: ${missing}`);

const skopeo = (...args: string[]): string => execFileSync('skopeo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const sha = (bytes: Buffer | string): string => hash('sha256', bytes, 'hex');

/** Writes an OCI image layout holding one module version in our layout, built here by hand. */
function handMadeLayout(dir: string, files: Record<string, string>, name: string, version: string): void {
  const blob = (data: Buffer): string => {
    mkdirSync(join(dir, 'blobs/sha256'), { recursive: true });
    writeFileSync(join(dir, 'blobs/sha256', sha(data)), data);
    return `sha256:${sha(data)}`;
  };
  const paths = Object.keys(files);
  const config = Buffer.from(JSON.stringify({ version, name, files: paths.map((path) => ({ sha256: sha(files[path]!), path })), algorithm: 'sha256' }));
  const manifest = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.promptpm.module.config.v1+json', size: config.length, digest: blob(config) },
        layers: paths.map((path) => ({ mediaType: 'application/vnd.promptpm.module.file.v1', size: Buffer.byteLength(files[path]!), digest: blob(Buffer.from(files[path]!)), annotations: { 'org.opencontainers.image.title': path } })),
        artifactType: 'application/vnd.promptpm.module.v1',
      },
      null,
      2,
    ),
  );
  const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: blob(manifest), size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': version } }] };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
}

describe.skipIf(missing !== null)('skopeo and our artifacts', () => {
  let server: TestRegistry;
  beforeAll(async () => {
    server = await startRegistry();
  });
  afterAll(async () => server?.stop());

  it('inspects and copies what we push; the copy pulls and verifies', async () => {
    const registry = join(tempDir(), 'reg');
    await publishModule(registry, makeModule(tempDir(), 'inspected', '1.0.0+b.1'));
    const pushed = (await pushVersions(registry, { url: `${server.host}/ours` }, 'all')).versions[0]!;
    const ref = `docker://${server.host}/ours/inspected:1.0.0_b.1`;
    const raw = skopeo('inspect', '--raw', '--tls-verify=false', ref);
    expect(`sha256:${sha(raw)}`).toBe(pushed.digest);
    expect(JSON.parse(raw)).toMatchObject({ artifactType: 'application/vnd.promptpm.module.v1' });
    expect(skopeo('inspect', '--config', '--raw', '--tls-verify=false', ref)).toBe(readFileSync(join(registry, 'modules/inspected/1.0.0+b.1/.promptpm_immutable.json'), 'utf8'));

    skopeo('copy', '--preserve-digests', '--src-tls-verify=false', '--dest-tls-verify=false', ref, `docker://${server.host}/theirs/inspected:1.0.0_b.1`);
    const target = join(tempDir(), 'target');
    const pulled = await pullVersions(target, { url: `${server.host}/theirs` }, [{ name: 'inspected' }]);
    expect(pulled.versions[0]).toMatchObject({ version: '1.0.0+b.1', digest: pushed.digest });
    expect(await verifyRegistry(target)).toMatchObject({ total: 1, ok: 1 });
  });

  it('pulls and verifies a version that skopeo pushed from a hand-made OCI layout', async () => {
    const files = makeModuleFiles();
    const layout = join(tempDir(), 'layout');
    handMadeLayout(layout, files, 'handmade', '2.1.0');
    skopeo('copy', '--dest-tls-verify=false', `oci:${layout}:2.1.0`, `docker://${server.host}/hand/handmade:2.1.0`);
    const target = join(tempDir(), 'target');
    expect(await pullVersions(target, { url: `${server.host}/hand` }, [{ name: 'handmade', range: '^2.0.0' }])).toMatchObject({ pulled: 1 });
    expect(await verifyRegistry(target)).toMatchObject({ total: 1, ok: 1 });
    expect(readFileSync(join(target, 'modules/handmade/2.1.0/template.prompt'), 'utf8')).toBe(files['template.prompt']);
  });
});

/** The files of a small valid module named handmade@2.1.0, in sorted-walk order. */
function makeModuleFiles(): Record<string, string> {
  const dir = makeModule(tempDir(), 'handmade', '2.1.0');
  return { 'promptpm.yaml': readFileSync(join(dir, 'promptpm.yaml'), 'utf8'), 'template.prompt': readFileSync(join(dir, 'template.prompt'), 'utf8') };
}
