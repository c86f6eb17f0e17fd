// Runs jobs on a pool of worker threads (one per core), in batches so progress stays live and a cancel
// takes effect quickly. Small runs, and builds where the worker file is not beside this module (sources run
// by a test runner, bundles), run in-process, yielding to the event loop between jobs.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldNow } from 'node:timers/promises';

const BATCH = 32;
const IN_PROCESS_MAX = 64;

export interface PoolRun<R> {
  results: Array<R | undefined>;
  cancelled: boolean;
}

export interface PoolSpec<J, R> {
  /** File name of the worker script beside this module (it answers {id, jobs} with {id, results}). */
  workerFile: string;
  /** The same work in-process, for small runs and when there is no worker file. */
  inProcess: (job: J) => R | Promise<R>;
}

function workerPath(name: string): string | null {
  try {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function runInProcess<J, R>(spec: PoolSpec<J, R>, jobs: J[], onResult: (r: R) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
  const results: Array<R | undefined> = new Array(jobs.length);
  for (const [i, job] of jobs.entries()) {
    if (signal?.aborted) return { results, cancelled: true };
    const r = await spec.inProcess(job);
    results[i] = r;
    onResult(r);
    await yieldNow();
  }
  return { results, cancelled: false };
}

function runOnWorkers<J, R>(file: string, jobs: J[], onResult: (r: R) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
  const results: Array<R | undefined> = new Array(jobs.length);
  const batches = Math.ceil(jobs.length / BATCH);
  const workers = Array.from({ length: Math.max(1, Math.min(availableParallelism(), batches)) }, () => new Worker(file));
  let nextBatch = 0;
  let finished = 0;
  return new Promise<PoolRun<R>>((resolve, reject) => {
    let settled = false;
    const done = (run: PoolRun<R> | Error): void => {
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
      w.on('message', (msg: { id: number; results: R[] }) => {
        if (settled) return;
        msg.results.forEach((r, k) => {
          results[msg.id * BATCH + k] = r;
          onResult(r);
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

export function runPool<J, R>(spec: PoolSpec<J, R>, jobs: J[], onResult: (r: R) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
  const file = jobs.length > IN_PROCESS_MAX ? workerPath(spec.workerFile) : null;
  return file ? runOnWorkers(file, jobs, onResult, signal) : runInProcess(spec, jobs, onResult, signal);
}
