// Runs jobs on a pool of worker threads (one per core), in batches so progress stays live and a cancel
// takes effect quickly; two batches are kept in flight per thread so no thread waits on the main one.
// Where the host lets it (worker-script.ts), the main thread is one of the lanes, taking batches from the
// same queue and yielding between them so the threads' replies are handled.
// The threads are reused across runs of one pool (an index rebuild, then recording). Small runs, and
// hosts that named no worker script (worker-script.ts), run in-process instead.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldNow } from 'node:timers/promises';
import type { TaskName } from './registry-worker.js';
import { mainThreadShares, registryWorkerScript } from './worker-script.js';

const BATCH = 64;
const IN_FLIGHT = 2;
export const IN_PROCESS_MAX = 64;

export interface PoolRun<R> {
  results: Array<R | undefined>;
  cancelled: boolean;
}

async function runInProcess<J, R>(fn: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
  const results: Array<R | undefined> = new Array(jobs.length);
  for (const [i, job] of jobs.entries()) {
    if (signal?.aborted) return { results, cancelled: true };
    const r = await fn(job);
    results[i] = r;
    onResult(r, i);
    await yieldNow();
  }
  return { results, cancelled: false };
}

interface Reply {
  id: number;
  results: unknown[];
}

export class TaskPool {
  private workers: Worker[] = [];

  /** Starts the threads ahead of the first run, so they boot (and load `preload`'s code) while the caller prepares the jobs. */
  prestart(preload?: TaskName): void {
    const file = registryWorkerScript();
    if (file === null || this.workers.length > 0) return;
    const threads = availableParallelism() - (mainThreadShares() ? 1 : 0);
    this.workers = Array.from({ length: Math.max(1, threads) }, () => {
      const w = new Worker(file, { workerData: { preload } });
      // A run listens for its own failures; between runs a thread that dies just leaves the pool.
      w.on('error', () => undefined);
      w.once('exit', () => (this.workers = this.workers.filter((x) => x !== w)));
      return w;
    });
  }

  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
  }

  /** Runs `task` over `jobs`; `inProcess` is the same work for small runs or when no worker is available. */
  run<J, R>(task: TaskName, inProcess: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
    if (jobs.length > IN_PROCESS_MAX) this.prestart(task);
    if (jobs.length <= IN_PROCESS_MAX || this.workers.length === 0) return runInProcess(inProcess, jobs, onResult, signal);
    return this.runOnWorkers(task, inProcess, jobs, onResult, signal);
  }

  private runOnWorkers<J, R>(task: TaskName, inProcess: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
    const workers = this.workers;
    const results: Array<R | undefined> = new Array(jobs.length);
    const batches = Math.ceil(jobs.length / BATCH);
    let nextBatch = 0;
    let finished = 0;
    return new Promise<PoolRun<R>>((resolve, reject) => {
      let settled = false;
      const onMessage = (w: Worker) => (msg: Reply) => {
        if (settled) return;
        const base = msg.id * BATCH;
        for (let k = 0; k < msg.results.length; k++) {
          const r = msg.results[k] as R;
          results[base + k] = r;
          onResult(r, base + k);
        }
        if (++finished === batches) done({ results, cancelled: false });
        else feed(w);
      };
      const listeners = workers.map((w) => onMessage(w));
      const onError = (err: Error): void => done(err);
      const onExit = (code: number): void => done(new Error(`A registry worker thread stopped (exit code ${code})`));
      const onAbort = (): void => done({ results, cancelled: true });
      const done = (run: PoolRun<R> | Error): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        workers.forEach((w, i) => {
          w.off('message', listeners[i]!);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        // Threads still busy with batches of a cancelled or failed run cannot be reused.
        if (run instanceof Error || run.cancelled) this.close();
        if (run instanceof Error) reject(run);
        else resolve(run);
      };
      const feed = (w: Worker): void => {
        if (nextBatch >= batches) return;
        const id = nextBatch++;
        w.postMessage({ id, task, jobs: jobs.slice(id * BATCH, (id + 1) * BATCH) });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      workers.forEach((w, i) => {
        w.on('message', listeners[i]!);
        w.on('error', onError);
        w.on('exit', onExit);
      });
      const mainLane = async (): Promise<void> => {
        while (!settled && nextBatch < batches && !signal?.aborted) {
          const base = nextBatch++ * BATCH;
          for (let k = base; k < Math.min(jobs.length, base + BATCH); k++) {
            const pending = inProcess(jobs[k]!);
            const r = pending instanceof Promise ? await pending : pending;
            // A cancel or a thread's failure may have ended the run meanwhile (even from inside onResult).
            if (settled) return;
            results[k] = r;
            onResult(r, k);
          }
          if (++finished === batches) done({ results, cancelled: false });
          else await yieldNow();
        }
      };
      for (let round = 0; round < IN_FLIGHT; round++) for (const w of workers) feed(w);
      if (mainThreadShares()) mainLane().catch(done);
      if (signal?.aborted) onAbort();
    });
  }
}

/** One run on a pool of its own. */
export async function runPool<J, R>(task: TaskName, inProcess: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal?: AbortSignal): Promise<PoolRun<R>> {
  const pool = new TaskPool();
  try {
    return await pool.run(task, inProcess, jobs, onResult, signal);
  } finally {
    pool.close();
  }
}
