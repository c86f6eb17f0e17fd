// Verification on the worker pool: sync hashing per thread, one thread per core.
import { runPool, type PoolRun } from './pool.js';
import { verifyVersionDir, type VerifyJob } from './verify-one.js';
import type { VersionVerification } from './types.js';

export function runVerifyJobs(jobs: VerifyJob[], onResult: (r: VersionVerification) => void, signal?: AbortSignal): Promise<PoolRun<VersionVerification>> {
  return runPool('verify', verifyVersionDir, jobs, onResult, signal);
}
