// Integrity of every resolved version, hashed in parallel on the registry's verify pool. Results are not
// written back to the index: rewriting the whole cache would cost more than the hashing itself.
import type { LongWorkOptions } from '../progress.js';
import { versionPath } from '../registry/paths.js';
import type { VersionVerification } from '../registry/types.js';
import type { TaskPool } from '../registry/pool.js';
import { runVerifyJobs } from '../registry/verify-pool.js';
import { SolveCancelled } from './cancelled.js';

/** Verification of each `name@version` (keyed by name: one version per name), on `pool` when given. */
export async function verifyResolved(
  registry: string,
  versions: ReadonlyMap<string, string>,
  { onProgress, signal }: LongWorkOptions = {},
  pool?: TaskPool,
): Promise<Map<string, VersionVerification>> {
  const jobs = [...versions].map(([name, version]) => ({ dir: versionPath(registry, name, version), name, version }));
  let done = 0;
  onProgress?.({ phase: 'verify', done, total: jobs.length });
  const run = await runVerifyJobs(
    jobs,
    (r) => onProgress?.({ phase: 'verify', done: ++done, total: jobs.length, current: `${r.name}@${r.version}` }),
    signal,
    pool,
  );
  if (run.cancelled) throw new SolveCancelled();
  const byName = new Map<string, VersionVerification>();
  for (const r of run.results) if (r) byName.set(r.name, r);
  return byName;
}
