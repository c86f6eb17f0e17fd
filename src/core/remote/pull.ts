// pull (docs/remote.md): the remote's versions of a module (all, or those in a range) that the local registry
// lacks are fetched, checked and landed like a publish: the manifest must be ours, every blob must match
// its digest and size, the config must be the version's immutability manifest listing exactly the layers;
// the files are written into a staging folder, verified there, and made visible by the same one rename
// under the per-name lock as publish. An interrupted pull leaves nothing visible.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { PromptPMError } from '../errors.js';
import { isModuleName } from '../module/name-version.js';
import { countSteps } from '../progress.js';
import { fsyncDir } from '../registry/durable.js';
import { writeNewFileDurableAsync } from './durable-async.js';
import { recordVerification } from '../registry/index-cache.js';
import { resolveRegistryLocation } from '../registry/location.js';
import { MANIFEST_FILE, versionPath } from '../registry/paths.js';
import { commit } from '../registry/publish.js';
import { findEqualVersion } from '../registry/scan.js';
import { cleanupStaging, createStaging } from '../registry/staging.js';
import { readManifestBytes, verifyVersionDir } from '../registry/verify-one.js';
import { parseStrictVersion } from '../module/strict-version.js';
import { checkConfig, parseArtifact, sha256Digest, type Artifact } from './artifact.js';
import { integrityMismatch } from './errors.js';
import { allOrStop, createLimiter, type Limiter } from './limit.js';
import { moduleNameOf, repositoryOf, tagOf, versionOf } from './reference.js';
import { openSession, type RemoteTarget, type RemoteWorkOptions, type Session } from './session.js';

export interface PullRequest {
  name: string;
  /** A semver range or one exact version; every remote version without it. */
  range?: string;
}

export interface PulledVersion {
  name: string;
  version: string;
  repository: string;
  tag: string;
  /** The remote manifest's digest. */
  digest: string;
  /** `present`: the local registry already holds this very version (same immutability manifest). */
  status: 'pulled' | 'present';
}

export interface PullResult {
  registry_path: string;
  remote: string;
  count: number;
  pulled: number;
  present: number;
  versions: PulledVersion[];
}

function notOnRemote(remote: string, what: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Module not found on the remote: ${what}`, {
    hint: 'Check the name and range; `promptpm push` puts versions on the remote.',
    path: remote,
    reason: 'REMOTE_NOT_FOUND',
  });
}

function localDiffers(registry: string, name: string, version: string, existing: string, digest: string): PromptPMError {
  return new PromptPMError('PUBLISH_CONFLICT', `Local version differs from the remote: ${name}@${version}`, {
    hint: existing === version ? 'The same version has other contents here and there: one of them was published elsewhere or altered. Compare them before using either.' : `The local ${existing} has the same semver precedence; versions are immutable.`,
    path: versionPath(registry, name, existing),
    reason: 'REMOTE_DIFFERS',
    data: { identifier: `${name}@${version}`, existing: `${name}@${existing}`, remote_digest: digest },
  });
}

/** Every version the remote holds of a module (its tags that are versions); none when it has no repository. */
export async function remoteVersions(s: Session, name: string, signal?: AbortSignal): Promise<string[]> {
  const tags = await s.client.listTags(repositoryOf(s.location, name), signal);
  return tags.map(versionOf).filter((v): v is string => v !== null);
}

/** The remote versions a request names, in semver order. */
async function versionsWanted(s: Session, remote: string, req: PullRequest, signal?: AbortSignal): Promise<string[]> {
  const versions = await remoteVersions(s, req.name, signal);
  const range = req.range;
  const picked = range === undefined ? versions : validRange(range) === null ? [] : versions.filter((v) => v === range || satisfies(v, range));
  if (picked.length === 0) throw notOnRemote(remote, range === undefined ? req.name : `${req.name}@${range}`);
  return picked.sort((a, b) => parseStrictVersion(a)!.compareBuild(parseStrictVersion(b)!));
}

/** Downloads the blobs into a new staging folder and verifies it; removes the folder on any failure. */
async function stage(s: Session, blobs: Limiter, registry: string, repository: string, artifact: Artifact, config: Buffer, name: string, version: string, signal?: AbortSignal): Promise<string> {
  const staging = createStaging(registry);
  try {
    const byDigest = new Map<string, Promise<Buffer>>();
    const made = new Set<string>([staging]);
    await allOrStop(artifact.files, signal, async (file, stop) => {
      let bytes = byDigest.get(file.digest);
      if (bytes === undefined) byDigest.set(file.digest, (bytes = blobs(() => s.client.fetchBlob(repository, file, stop))));
      const data = await bytes;
      stop.throwIfAborted();
      const target = join(staging, ...file.path.split('/'));
      const parent = dirname(target);
      mkdirSync(parent, { recursive: true });
      for (let d = parent; !made.has(d); d = dirname(d)) made.add(d);
      // On the thread pool: the fsyncs of one version's files overlap each other and the downloads.
      await writeNewFileDurableAsync(target, data);
    });
    await writeNewFileDurableAsync(join(staging, MANIFEST_FILE), config);
    for (const dir of made) fsyncDir(dir);
    const check = verifyVersionDir({ dir: staging, name, version });
    if (check.status !== 'ok') throw integrityMismatch(`${name}@${version}`, 'files that verify against its manifest', [...check.changed, ...check.missing, ...check.extra].join(', '), repository);
    return staging;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

async function pullOne(s: Session, blobs: Limiter, registry: string, remote: string, name: string, version: string, onFile: (path: string, done: number, total: number) => void, signal?: AbortSignal): Promise<PulledVersion> {
  const repository = repositoryOf(s.location, name);
  const tag = tagOf(version);
  const reference = `${remote}/${name}:${tag}`;
  const bytes = await s.client.fetchManifest(repository, tag, signal);
  if (bytes === null) throw notOnRemote(remote, `${name}@${version}`);
  const artifact = parseArtifact(bytes, reference);
  const row: PulledVersion = { name, version, repository, tag, digest: artifact.digest, status: 'pulled' };
  const existing = await findEqualVersion(registry, name, version);
  if (existing !== null) {
    const local = existing === version ? readManifestBytes(versionPath(registry, name, version)) : null;
    if (local !== null && sha256Digest(local) === artifact.config.digest) return { ...row, status: 'present' };
    throw localDiffers(registry, name, version, existing, artifact.digest);
  }
  const config = await blobs(() => s.client.fetchBlob(repository, artifact.config, signal));
  checkConfig(artifact, config, name, version, reference);
  // Progress counts distinct blobs: files with equal contents are one download.
  const total = new Set(artifact.files.map((f) => f.digest)).size;
  let done = 0;
  const counted: Limiter = (fn) =>
    blobs(fn).then((value) => {
      onFile(`${name}@${version}`, ++done, total);
      return value;
    });
  const staging = await stage(s, counted, registry, repository, artifact, config, name, version, signal);
  try {
    await commit(registry, staging, reference, name, version, signal);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return row;
}

/** The modules under the remote's prefix, from the catalog; a registry without one (GHCR, Docker Hub) is told so. */
async function catalogNames(s: Session, signal?: AbortSignal): Promise<string[]> {
  let repositories: string[];
  try {
    repositories = await s.client.catalog(signal);
  } catch (err) {
    if (!(err instanceof PromptPMError) || !['REMOTE_NOT_FOUND', 'REMOTE_UNAUTHORIZED', 'REMOTE_FORBIDDEN'].includes(err.reason ?? '')) throw err;
    throw new PromptPMError('DEPENDENCY_ERROR', `Remote registry does not list its repositories: ${err.message}`, {
      hint: 'This registry offers no catalog to these credentials: pull the modules by name (`promptpm pull <name>`).',
      path: err.path,
      reason: 'REMOTE_NO_CATALOG',
    });
  }
  return repositories.map((r) => moduleNameOf(s.location, r)).filter((n): n is string => n !== null && isModuleName(n));
}

/** Lands these remote versions in the registry (those already there with the same contents are `present`). */
export async function landVersions(s: Session, root: string, remote: string, wanted: ReadonlyArray<{ name: string; version: string }>, opts: RemoteWorkOptions): Promise<PulledVersion[]> {
  cleanupStaging(root);
  const blobs = createLimiter(s.concurrency);
  const versions = createLimiter(Math.max(1, Math.ceil(s.concurrency / 2)));
  const step = countSteps(opts.onProgress, 'pull', wanted.length, 'versions');
  const onFile = (current: string, done: number, total: number): void => opts.onProgress?.({ phase: 'download', done, total, unit: 'files', current });
  const rows = await allOrStop(wanted, opts.signal, ({ name, version }, stop) =>
    versions(async () => {
      stop.throwIfAborted();
      const row = await pullOne(s, blobs, root, remote, name, version, onFile, stop);
      step(`${name}@${version}`);
      return row;
    }),
  );
  // Once for the whole pull (each is intact: verified before it landed); the index rescans what a killed pull landed.
  const landed = rows.filter((r) => r.status === 'pulled');
  if (landed.length > 0) await recordVerification(root, new Map(landed.map((r) => [`${r.name}@${r.version}`, 'ok'])));
  return rows;
}

export function pullResult(root: string, remote: string, rows: PulledVersion[]): PullResult {
  return {
    registry_path: root,
    remote,
    count: rows.length,
    pulled: rows.filter((r) => r.status === 'pulled').length,
    present: rows.filter((r) => r.status === 'present').length,
    versions: rows,
  };
}

/** Pulls what the requests name (or every module under the remote's prefix, through the catalog). */
export async function pullVersions(registry: string, remote: RemoteTarget, which: PullRequest[] | 'all', opts: RemoteWorkOptions = {}): Promise<PullResult> {
  // Not created here: the first staged version creates it, so a pull that finds nothing writes nothing.
  const root = await resolveRegistryLocation(registry);
  const s = await openSession(remote, opts);
  const requests = which === 'all' ? (await catalogNames(s, opts.signal)).map((name) => ({ name })) : which;
  const wanted: Array<{ name: string; version: string }> = [];
  for (const req of requests) for (const version of await versionsWanted(s, remote.url, req, opts.signal)) wanted.push({ name: req.name, version });
  return pullResult(root, remote.url, await landVersions(s, root, remote.url, wanted, opts));
}
