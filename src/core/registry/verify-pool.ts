// Runs verify jobs on a pool of worker threads (one per core), in batches so progress stays live and a
// cancel takes effect quickly. Small jobs, and builds where the worker file is not beside this module
// (sources run by a test runner, bundles), run in-process, yielding to the event loop between versions.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldNow } from 'node:timers/promises';
import { verifyVersionDir, type VerifyJob } from './verify-one.js';
import type { VersionVerification } from './types.js';

const BATCH = 32;
const IN_PROCESS_MAX = 64;

export interface PoolRun {
  results: Array<VersionVerification | undefined>;
  cancelled: boolean;
}

type OnResult = (result: VersionVerification, index: number) => void;

function workerFile(): string | null {
  try {
    const path = fileURLToPath(new URL('./verify-worker.js', import.meta.url));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function runInProcess(jobs: VerifyJob[], onResult: OnResult, signal?: AbortSignal): Promise<PoolRun> {
  const results: PoolRun['results'] = new Array(jobs.length);
  for (const [i, job] of jobs.entries()) {
    if (signal?.aborted) return { results, cancelled: true };
    const r = verifyVersionDir(job);
    results[i] = r;
    onResult(r, i);
    await yieldNow();
  }
  return { results, cancelled: false };
}

function runOnWorkers(file: string, jobs: VerifyJob[], onResult: OnResult, signal?: AbortSignal): Promise<PoolRun> {
  const results: PoolRun['results'] = new Array(jobs.length);
  const batches = Math.ceil(jobs.length / BATCH);
  const count = Math.max(1, Math.min(availableParallelism(), batches));
  const workers = Array.from({ length: count }, () => new Worker(file));
  let nextBatch = 0;
  let finished = 0;
  return new Promise<PoolRun>((resolve, reject) => {
    let settled = false;
    const done = (run: PoolRun | Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (run instanceof Error) reject(run);
      else resolve(run);
    };
    const onAbort = (): void => done({ results, cancelled: true });
    const feed = (w: Worker): void => {
      if (nextBatch >= batches) return;
      const id = nextBatch++;
      w.postMessage({ id, jobs: jobs.slice(id * BATCH, (id + 1) * BATCH) });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    for (const w of workers) {
      w.on('message', (msg: { id: number; results: VersionVerification[] }) => {
        if (settled) return;
        msg.results.forEach((r, k) => {
          results[msg.id * BATCH + k] = r;
          onResult(r, msg.id * BATCH + k);
        });
        if (++finished === batches) done({ results, cancelled: false });
        else feed(w);
      });
      w.on('error', (err) => done(err));
      feed(w);
    }
    if (signal?.aborted) onAbort();
  });
}

export function runVerifyJobs(jobs: VerifyJob[], onResult: OnResult, signal?: AbortSignal): Promise<PoolRun> {
  const file = jobs.length > IN_PROCESS_MAX ? workerFile() : null;
  return file ? runOnWorkers(file, jobs, onResult, signal) : runInProcess(jobs, onResult, signal);
}
