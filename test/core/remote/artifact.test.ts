// What pull accepts as a module version: our artifact type and media types, safe unique paths, a config that
// is the version's immutability manifest listing exactly the layers; and manifests that are byte-deterministic.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical-json.js';
import { buildArtifact } from '../../../src/core/remote/index.js';
import { checkConfig, parseArtifact } from '../../../src/core/remote/artifact.js';
import { serializeManifest, type ImmutableManifest } from '../../../src/core/registry/manifest.js';

const HEX = 'a'.repeat(64);
const manifest: ImmutableManifest = { algorithm: 'sha256', files: [{ path: 'promptpm.yaml', sha256: HEX }, { path: 'tests/t.txt', sha256: 'b'.repeat(64) }], name: 'demo', version: '1.0.0' };
const config = Buffer.from(serializeManifest(manifest));
const good = buildArtifact(config, manifest, [10, 20]);

interface RawManifest {
  artifactType?: string;
  layers: Array<{ annotations: Record<string, string>; mediaType: string }>;
}

/** The good manifest with `edit` applied to its parsed JSON. */
function edited(edit: (m: RawManifest) => void): Buffer {
  const m = JSON.parse(good.bytes.toString('utf8')) as RawManifest;
  edit(m);
  return Buffer.from(canonicalJson(m));
}

describe('module artifacts', () => {
  it('serializes the same version to the same bytes, so two machines push the same digest', () => {
    const again = buildArtifact(Buffer.from(serializeManifest(manifest)), manifest, [10, 20]);
    expect(again.bytes.equals(good.bytes)).toBe(true);
    expect(again.digest).toBe(good.digest);
    expect(good.bytes.toString()).toContain('"artifactType":"application/vnd.promptpm.module.v1"');
  });

  it('reads back what it writes', () => {
    const parsed = parseArtifact(good.bytes, 'ref');
    expect(parsed.files.map((f) => f.path)).toEqual(['promptpm.yaml', 'tests/t.txt']);
    expect(checkConfig(parsed, config, 'demo', '1.0.0', 'ref')).toEqual(manifest);
  });

  it.each([
    ['another artifact type', (m: RawManifest) => (m.artifactType = 'application/vnd.cncf.helm.config.v1+json')],
    ['a path with ..', (m: RawManifest) => (m.layers[1]!.annotations['org.opencontainers.image.title'] = '../evil')],
    ['an absolute path', (m: RawManifest) => (m.layers[1]!.annotations['org.opencontainers.image.title'] = '/etc/passwd')],
    ['a duplicate path', (m: RawManifest) => (m.layers[1]!.annotations['org.opencontainers.image.title'] = 'promptpm.yaml')],
    ['the manifest file as a layer', (m: RawManifest) => (m.layers[1]!.annotations['org.opencontainers.image.title'] = '.promptpm_immutable.json')],
    ['a layer of another media type', (m: RawManifest) => (m.layers[0]!.mediaType = 'application/vnd.oci.image.layer.v1.tar')],
  ])('refuses %s', (_what, edit) => {
    expect(() => parseArtifact(edited(edit), 'ref')).toThrow(/not a PromptPM module version/);
  });

  it('refuses a config that names another version or lists other files', () => {
    const parsed = parseArtifact(good.bytes, 'ref');
    expect(() => checkConfig(parsed, config, 'demo', '2.0.0', 'ref')).toThrow(/config names demo@1.0.0/);
    const other = Buffer.from(serializeManifest({ ...manifest, files: [manifest.files[0]!] }));
    expect(() => checkConfig(parsed, other, 'demo', '1.0.0', 'ref')).toThrow(/layers do not match/);
    expect(() => checkConfig(parsed, Buffer.from('{}'), 'demo', '1.0.0', 'ref')).toThrow(/not a valid immutability manifest/);
  });
});
