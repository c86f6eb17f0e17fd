// Verification on the worker pool: sync hashing per thread, one thread per core; full results are
// rebuilt here from the packed ones the threads send back.
import { runPool, type PoolRun } from './pool.js';
import { unpackVerification, verifyPacked, type VerifyJob } from './verify-one.js';
import type { VersionVerification } from './types.js';

export function runVerifyJobs(jobs: VerifyJob[], onResult: (r: VersionVerification) => void, signal?: AbortSignal): Promise<PoolRun<VersionVerification>> {
  return runPool('verify', verifyPacked, jobs, (packed, i) => onResult(unpackVerification(jobs[i]!, packed)), signal).then(({ results, cancelled }) => ({
    results: results.map((packed, i) => (packed === undefined ? undefined : unpackVerification(jobs[i]!, packed))),
    cancelled,
  }));
}
