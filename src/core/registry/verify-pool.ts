// Verification on the worker pool: sync hashing per thread, one thread per core; full results are
// rebuilt here from the packed ones the threads send back.
import { runPool, type PoolRun, type TaskPool } from './pool.js';
import { unpackVerification, verifyPacked, type PackedVerification, type VerifyJob } from './verify-one.js';
import type { VersionVerification } from './types.js';

/** Runs on `pool` when given (its threads perhaps started ahead), else on a pool of its own. */
export function runVerifyJobs(jobs: VerifyJob[], onResult: (r: VersionVerification) => void, signal?: AbortSignal, pool?: TaskPool): Promise<PoolRun<VersionVerification>> {
  const each = (packed: PackedVerification, i: number) => onResult(unpackVerification(jobs[i]!, packed));
  const run = pool ? pool.run('verify', verifyPacked, jobs, each, signal) : runPool('verify', verifyPacked, jobs, each, signal);
  return run.then(({ results, cancelled }) => ({
    results: results.map((packed, i) => (packed === undefined ? undefined : unpackVerification(jobs[i]!, packed))),
    cancelled,
  }));
}
