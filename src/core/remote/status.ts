// How the local registry and a remote compare, version by version (docs/remote.md): here only, there only,
// the same manifest digest on both sides, or a different one — an integrity alarm, since a published
// version never changes. Local digests come from the verified local versions, remote ones from the tags.
import { compareCodePoints } from '../text-order.js';
import { parseStrictVersion } from '../module/strict-version.js';
import { countSteps } from '../progress.js';
import { listRegistry } from '../registry/list.js';
import { resolveRegistryLocation } from '../registry/location.js';
import { existingVersionPath } from '../registry/verify.js';
import { createLimiter } from './limit.js';
import { localArtifact } from './push.js';
import { moduleNameOf, repositoryOf, versionOf } from './reference.js';
import { openSession, type RemoteTarget, type RemoteWorkOptions } from './session.js';

export type SyncState = 'same' | 'different' | 'local-only' | 'remote-only';

export interface VersionSync {
  version: string;
  state: SyncState;
  /** Manifest digests; null on the side that does not have the version (local: also when it is not intact). */
  local: string | null;
  remote: string | null;
  /** Why the local digest is missing though the version is here (tampered, unreadable), else null. */
  localProblem: string | null;
}

export interface ModuleSync {
  name: string;
  versions: VersionSync[];
}

export interface RemoteStatus {
  registry_path: string;
  remote: string;
  modules: ModuleSync[];
  /** Whether modules that exist only on the remote were listed (the registry's catalog may be closed). */
  catalog: boolean;
}

/** Semver order; a tag that is not a strict version (not ours) sorts last, by its text. */
function bySemver(a: string, b: string): number {
  const [x, y] = [parseStrictVersion(a), parseStrictVersion(b)];
  if (x && y) return x.compare(y);
  return x ? -1 : y ? 1 : compareCodePoints(a, b);
}

async function localDigest(registry: string, name: string, version: string): Promise<{ digest: string | null; problem: string | null }> {
  try {
    const dir = await existingVersionPath(registry, name, version);
    return { digest: localArtifact(dir, { name, version }).digest, problem: null };
  } catch (error) {
    return { digest: null, problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function remoteStatus(registry: string, remote: RemoteTarget, opts: RemoteWorkOptions = {}): Promise<RemoteStatus> {
  const root = await resolveRegistryLocation(registry, { mustExist: true });
  const local = new Map<string, string[]>();
  for (const { name, version } of (await listRegistry(root, { versionStates: false })).modules) local.set(name, [...(local.get(name) ?? []), version]);
  const s = await openSession(remote, opts);
  // Modules only the remote has show up through the catalog, where the registry offers one under our prefix.
  let catalog = true;
  try {
    for (const repository of await s.client.catalog(opts.signal)) {
      const name = moduleNameOf(s.location, repository);
      if (name !== null && !local.has(name)) local.set(name, []);
    }
  } catch {
    catalog = false;
  }
  const names = [...local.keys()].sort(compareCodePoints);
  const step = countSteps(opts.onProgress, 'status', names.length, 'modules');
  const limit = createLimiter(s.concurrency);
  const modules = await Promise.all(
    names.map((name) =>
      limit(async (): Promise<ModuleSync> => {
        opts.signal?.throwIfAborted();
        const repository = repositoryOf(s.location, name);
        const tags = await s.client.listTags(repository, opts.signal);
        const remoteVersions = new Map(tags.flatMap((tag) => (versionOf(tag) === null ? [] : [[versionOf(tag)!, tag] as const])));
        const all = [...new Set([...(local.get(name) ?? []), ...remoteVersions.keys()])].sort(bySemver);
        const versions: VersionSync[] = [];
        for (const version of all) {
          const here = local.get(name)?.includes(version) ?? false;
          const tag = remoteVersions.get(version);
          const mine = here ? await localDigest(root, name, version) : { digest: null, problem: null };
          const theirs = tag === undefined ? null : await s.client.manifestDigest(repository, tag, opts.signal);
          const state: SyncState = !here ? 'remote-only' : theirs === null ? 'local-only' : mine.digest === theirs ? 'same' : 'different';
          versions.push({ version, state, local: mine.digest, remote: theirs, localProblem: mine.problem });
        }
        step(name);
        return { name, versions };
      }),
    ),
  );
  return { registry_path: root, remote: remote.url, modules, catalog };
}
