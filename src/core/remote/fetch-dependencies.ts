// install --remote (docs/remote.md): before resolving, the dependency versions the local registry lacks are
// pulled from the remote, so resolution then runs on the local registry as always. Walks the module's ranges
// transitively: a range some local version satisfies keeps the highest such version (nothing is fetched);
// otherwise the remote's highest satisfying version is pulled (checked and landed like any pull), and its
// own dependencies are walked in turn. What neither side has is left for resolution to report.
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { isPromptPMError } from '../errors.js';
import { loadModule } from '../module/index.js';
import { isModuleName } from '../module/name-version.js';
import { parseStrictVersion } from '../module/strict-version.js';
import { resolveRegistryLocation } from '../registry/location.js';
import { versionPath } from '../registry/paths.js';
import { scanVersions } from '../registry/scan.js';
import { landVersions, pullResult, remoteVersions, type PulledVersion, type PullResult } from './pull.js';
import { openSession, type RemoteTarget, type RemoteWorkOptions, type Session } from './session.js';

interface Range {
  name: string;
  range: string;
}

const highest = (versions: string[]): string | undefined =>
  versions.reduce<string | undefined>((best, v) => (best === undefined || parseStrictVersion(v)!.compareBuild(parseStrictVersion(best)!) > 0 ? v : best), undefined);

async function dependenciesOf(dir: string): Promise<Range[]> {
  const mod = await loadModule(dir);
  return mod.manifest?.dependencies.map((d) => ({ name: d.name, range: d.range })) ?? [];
}

/** The remote's versions, or none when the module cannot be named there (its name is no OCI repository). */
async function onRemote(s: Session, name: string, signal?: AbortSignal): Promise<string[]> {
  try {
    return await remoteVersions(s, name, signal);
  } catch (err) {
    if (isPromptPMError(err) && err.reason === 'REMOTE_NAME') return [];
    throw err;
  }
}

/** Pulls the versions the module's dependency ranges need and the local registry lacks, transitively. */
export async function pullMissingDependencies(registry: string, moduleDir: string, remote: RemoteTarget, opts: RemoteWorkOptions = {}): Promise<PullResult> {
  const root = await resolveRegistryLocation(registry);
  const queue = await dependenciesOf(moduleDir);
  const seen = new Set<string>();
  const pulled: PulledVersion[] = [];
  let session: Session | undefined;
  for (let dep = queue.shift(); dep !== undefined; dep = queue.shift()) {
    const key = `${dep.name}\u0000${dep.range}`;
    if (seen.has(key) || !isModuleName(dep.name) || validRange(dep.range) === null) continue;
    seen.add(key);
    const fits = (v: string): boolean => satisfies(v, dep!.range);
    let version = highest((await scanVersions(root, dep.name)).versions.filter(fits));
    if (version === undefined) {
      session ??= await openSession(remote, opts);
      version = highest((await onRemote(session, dep.name, opts.signal)).filter(fits));
      if (version === undefined) continue;
      pulled.push(...(await landVersions(session, root, remote.url, [{ name: dep.name, version }], opts)));
    }
    queue.push(...(await dependenciesOf(versionPath(root, dep.name, version))));
  }
  return pullResult(root, remote.url, pulled);
}
