// push (docs/remote.md): each local version, verified first, becomes one OCI manifest under its tag. A tag
// that already points at this manifest is left alone; one pointing at another manifest is a conflict and is
// never overwritten. Blobs the repository already has (HEAD) are not sent again, so a new version sends
// only its changed files (and its config).
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { PromptPMError } from '../errors.js';
import { countSteps } from '../progress.js';
import { integrityError } from '../registry/errors.js';
import { readRegularFile } from '../registry/hash.js';
import { listRegistry } from '../registry/list.js';
import { resolveRegistryLocation } from '../registry/location.js';
import { parseManifest } from '../registry/manifest.js';
import { existingVersionPath } from '../registry/verify.js';
import { readManifestBytes, verifyVersionDir } from '../registry/verify-one.js';
import { buildArtifact, sha256Digest, type Artifact } from './artifact.js';
import { allOrStop, createLimiter, type Limiter } from './limit.js';
import { repositoryOf, tagOf } from './reference.js';
import { openSession, type RemoteTarget, type RemoteWorkOptions, type Session } from './session.js';

export interface VersionRef {
  name: string;
  version: string;
}

export interface PushedVersion {
  name: string;
  version: string;
  repository: string;
  tag: string;
  /** The manifest digest of the local version. */
  digest: string;
  /** `conflict`: the tag points at another manifest (`remote_digest`), which was left as it is. */
  status: 'pushed' | 'unchanged' | 'conflict';
  remote_digest?: string;
  /** Paths of the files whose blobs were sent (others were on the remote already). */
  uploaded: string[];
  config_uploaded: boolean;
  bytes_uploaded: number;
}

export interface PushResult {
  registry_path: string;
  remote: string;
  count: number;
  pushed: number;
  unchanged: number;
  versions: PushedVersion[];
}

/** A local version as an artifact: verified first, so a tampered version is never pushed. */
export function localArtifact(dir: string, ref: VersionRef): Artifact {
  const check = verifyVersionDir({ dir, ...ref });
  const config = readManifestBytes(dir);
  const manifest = config === null ? null : parseManifest(config.toString('utf8'));
  if (check.status !== 'ok' || config === null || manifest === null) throw integrityError(ref.name, ref.version, check.status === 'ok' ? 'unreadable' : check.status, check);
  const sizes = manifest.files.map((f) => lstatSync(join(dir, ...f.path.split('/'))).size);
  return buildArtifact(config, manifest, sizes);
}

/** The bytes of a blob to send, re-checked against its digest (the folder was verified, but may change). */
function blobBytes(dir: string, artifact: Artifact, digest: string, ref: VersionRef): Buffer {
  const config = readManifestBytes(dir);
  const file = artifact.files.find((f) => f.digest === digest);
  const bytes = digest === artifact.config.digest ? config : file ? readRegularFile(join(dir, ...file.path.split('/')), file.size) : null;
  if (bytes === null || sha256Digest(bytes) !== digest) throw integrityError(ref.name, ref.version, 'tampered', { changed: file ? [file.path] : [], missing: [], extra: [] });
  return bytes;
}

async function pushOne(s: Session, blobs: Limiter, registry: string, ref: VersionRef, signal?: AbortSignal): Promise<PushedVersion> {
  const dir = await existingVersionPath(registry, ref.name, ref.version);
  const repository = repositoryOf(s.location, ref.name);
  const tag = tagOf(ref.version);
  const artifact = localArtifact(dir, ref);
  const row: PushedVersion = { ...ref, repository, tag, digest: artifact.digest, status: 'pushed', uploaded: [], config_uploaded: false, bytes_uploaded: 0 };
  const existing = await s.client.manifestDigest(repository, tag, signal);
  if (existing === artifact.digest) return { ...row, status: 'unchanged' };
  if (existing !== null) return { ...row, status: 'conflict', remote_digest: existing };
  const digests = [...new Set([artifact.config.digest, ...artifact.files.map((f) => f.digest)])];
  const sent = new Set<string>();
  const ensured = s.known.get(repository) ?? new Map<string, Promise<void>>();
  s.known.set(repository, ensured);
  await allOrStop(digests, signal, (digest, stop) =>
    blobs(async () => {
      stop.throwIfAborted();
      // Versions pushed side by side share files: one of them checks (and sends) a blob, the others wait for
      // it, so the registry never gets two uploads of one blob at once.
      let ready = ensured.get(digest);
      if (ready === undefined) {
        ready = (async () => {
          if (await s.client.hasBlob(repository, digest, stop)) return;
          const bytes = blobBytes(dir, artifact, digest, ref);
          await s.client.uploadBlob(repository, digest, bytes, stop);
          sent.add(digest);
          row.bytes_uploaded += bytes.length;
        })();
        ensured.set(digest, ready);
        // A failed attempt leaves the blob unknown: a later version checks it again.
        ready.catch(() => ensured.delete(digest));
      }
      await ready;
    }),
  );
  // Blobs first: a registry refuses a manifest whose blobs it does not have.
  await s.client.putManifest(repository, tag, artifact.bytes, signal);
  row.config_uploaded = sent.has(artifact.config.digest);
  row.uploaded = artifact.files.filter((f) => sent.has(f.digest)).map((f) => f.path);
  return row;
}

function conflictError(remote: string, result: PushResult): PromptPMError {
  const clashes = result.versions.filter((v) => v.status === 'conflict');
  const first = clashes[0]!;
  return new PromptPMError('PUBLISH_CONFLICT', `Remote tag already exists with another digest: ${clashes.map((v) => `${v.name}@${v.version}`).join(', ')}`, {
    hint: 'Published versions are immutable: the remote keeps its copy. Compare the two, then publish a new version.',
    path: remote,
    reason: 'REMOTE_TAG_EXISTS',
    data: { ...result, identifier: `${first.name}@${first.version}`, existing_digest: first.remote_digest },
  });
}

/** Pushes versions (or every version of the registry); PUBLISH_CONFLICT after the others when a tag differs. */
export async function pushVersions(registry: string, remote: RemoteTarget, which: VersionRef[] | 'all', opts: RemoteWorkOptions = {}): Promise<PushResult> {
  const root = await resolveRegistryLocation(registry, { mustExist: true });
  const refs = which === 'all' ? (await listRegistry(root, { versionStates: false })).modules.map(({ name, version }) => ({ name, version })) : which;
  const s = await openSession(remote, opts);
  const blobs = createLimiter(s.concurrency);
  const versions = createLimiter(Math.max(1, Math.ceil(s.concurrency / 2)));
  const step = countSteps(opts.onProgress, 'push', refs.length, 'versions');
  const rows = await allOrStop(refs, opts.signal, (ref, stop) =>
    versions(async () => {
      stop.throwIfAborted();
      const row = await pushOne(s, blobs, root, ref, stop);
      step(`${ref.name}@${ref.version}`);
      return row;
    }),
  );
  const result: PushResult = {
    registry_path: root,
    remote: remote.url,
    count: rows.length,
    pushed: rows.filter((r) => r.status === 'pushed').length,
    unchanged: rows.filter((r) => r.status === 'unchanged').length,
    versions: rows,
  };
  if (rows.some((r) => r.status === 'conflict')) throw conflictError(remote.url, result);
  return result;
}
