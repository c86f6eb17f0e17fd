// One module version as an OCI artifact (docs/remote.md): an image manifest whose config blob is the
// version's .promptpm_immutable.json and whose layers are its files, one each, titled with the file's path.
// The manifest is a function of the immutability manifest and the file sizes only, serialized with sorted
// keys and no whitespace, so every machine pushing the same version produces the same manifest digest.
import { hash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import { PromptPMError } from '../errors.js';
import { LIMITS } from '../module/limits.js';
import { parseManifest, type ImmutableManifest } from '../registry/manifest.js';
import { isSafeRelativePath, MANIFEST_FILE } from '../registry/paths.js';
import { MODULE_ARTIFACT, MODULE_CONFIG, MODULE_FILE, OCI_MANIFEST, TITLE_ANNOTATION } from './media-types.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/** A version ready to push or just fetched: its manifest bytes and digest, config and file layers. */
export interface Artifact {
  bytes: Buffer;
  digest: string;
  config: Descriptor;
  /** In the immutability manifest's order; `path` is the title annotation. */
  files: Array<Descriptor & { path: string }>;
}

export const sha256Digest = (bytes: Uint8Array): string => `sha256:${hash('sha256', bytes, 'hex')}`;

/** The artifact of a local version: `config` is its .promptpm_immutable.json bytes, `sizes` its files' sizes. */
export function buildArtifact(config: Buffer, manifest: ImmutableManifest, sizes: number[]): Artifact {
  const configDesc: Descriptor = { mediaType: MODULE_CONFIG, digest: sha256Digest(config), size: config.length };
  const files = manifest.files.map((f, i) => ({ mediaType: MODULE_FILE, digest: `sha256:${f.sha256}`, size: sizes[i]!, annotations: { [TITLE_ANNOTATION]: f.path }, path: f.path }));
  const body = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: MODULE_ARTIFACT,
    config: configDesc,
    layers: files.map(({ path: _path, ...layer }) => layer),
  };
  const bytes = Buffer.from(canonicalJson(body), 'utf8');
  return { bytes, digest: sha256Digest(bytes), config: configDesc, files };
}

function notOurs(reference: string, why: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Remote artifact is not a PromptPM module version: ${reference} (${why})`, {
    hint: 'Push module versions with `promptpm push`; this tag holds something else, or was altered.',
    path: reference,
    reason: 'REMOTE_NOT_MODULE',
  });
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

function descriptorOf(value: unknown, mediaType: string): Descriptor | null {
  if (typeof value !== 'object' || value === null) return null;
  const d = value as Record<string, unknown>;
  if (d.mediaType !== mediaType || typeof d.digest !== 'string' || !DIGEST.test(d.digest)) return null;
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) return null;
  const annotations = typeof d.annotations === 'object' && d.annotations !== null ? (d.annotations as Record<string, string>) : undefined;
  return { mediaType, digest: d.digest, size: d.size, ...(annotations && { annotations }) };
}

/**
 * Checks fetched manifest bytes before anything is downloaded: our artifact type and media types, safe and
 * unique file paths (no `..`, no absolute path, not the manifest file itself), sizes within a module's limits.
 */
export function parseArtifact(bytes: Buffer, reference: string): Artifact {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notOurs(reference, 'manifest is not JSON');
  }
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (m.schemaVersion !== 2 || m.mediaType !== OCI_MANIFEST) throw notOurs(reference, 'not an OCI image manifest');
  if (m.artifactType !== MODULE_ARTIFACT) throw notOurs(reference, `artifactType is not ${MODULE_ARTIFACT}`);
  const config = descriptorOf(m.config, MODULE_CONFIG);
  if (config === null) throw notOurs(reference, `config is not a ${MODULE_CONFIG} blob`);
  if (!Array.isArray(m.layers)) throw notOurs(reference, 'no layers');
  if (m.layers.length > LIMITS.files) throw notOurs(reference, `more than ${LIMITS.files} files`);
  const seen = new Set<string>();
  let total = 0;
  const files = (m.layers as unknown[]).map((layer, i) => {
    const d = descriptorOf(layer, MODULE_FILE);
    if (d === null) throw notOurs(reference, `layer ${i} is not a ${MODULE_FILE} blob`);
    const path = d.annotations?.[TITLE_ANNOTATION];
    if (typeof path !== 'string' || !isSafeRelativePath(path) || path === MANIFEST_FILE || path.startsWith('/')) {
      throw notOurs(reference, `layer ${i} has an unsafe or missing path: ${JSON.stringify(path ?? null)}`);
    }
    if (seen.has(path)) throw notOurs(reference, `file listed twice: ${path}`);
    seen.add(path);
    if (d.size > LIMITS.fileBytes) throw notOurs(reference, `file larger than the limit: ${path}`);
    total += d.size;
    return { ...d, path };
  });
  if (total > LIMITS.moduleBytes) throw notOurs(reference, 'files larger in total than a module may be');
  // A file cannot also be a folder of another file (`a` and `a/b`).
  for (const path of seen) {
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      if (seen.has(path.slice(0, i))) throw notOurs(reference, `file is also a folder: ${path.slice(0, i)}`);
    }
  }
  return { bytes, digest: sha256Digest(bytes), config, files };
}

/**
 * The config blob as the version's immutability manifest: it must parse, name this module and version, and
 * list exactly the layers' files, in their order, with their digests.
 */
export function checkConfig(artifact: Artifact, config: Buffer, name: string, version: string, reference: string): ImmutableManifest {
  const manifest = parseManifest(config.toString('utf8'));
  if (manifest === null) throw notOurs(reference, 'config is not a valid immutability manifest');
  if (manifest.name !== name || manifest.version !== version) throw notOurs(reference, `config names ${manifest.name}@${manifest.version}`);
  const same =
    manifest.files.length === artifact.files.length &&
    manifest.files.every((f, i) => f.path === artifact.files[i]!.path && `sha256:${f.sha256}` === artifact.files[i]!.digest);
  if (!same) throw notOurs(reference, 'layers do not match the files of its immutability manifest');
  return manifest;
}
