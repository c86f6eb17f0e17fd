// Runs jobs on a pool of worker threads (one per core), in batches so progress stays live and a cancel
// takes effect quickly; two batches are kept in flight per thread so no thread waits on the main one.
// Where the host lets it (worker-script.ts), the main thread is one of the lanes, taking batches from the
// same queue and yielding between them so the threads' replies are handled.
// The threads are reused across runs of one pool (an index rebuild, then recording). Small runs, and
// hosts that named no worker script (worker-script.ts), run in-process instead.
// A single heavy task (runOffMainThread) goes to one thread kept for such tasks, unless the host's main
// thread has nothing else to do.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldNow } from 'node:timers/promises';
import type { TaskName } from './registry-worker.js';
import { fromThreadError, type ThreadError } from './thread-error.js';
import { mainThreadShares, registryWorkerScript } from './worker-script.js';

const BATCH = 64;
const MIN_BATCH = 8;
const IN_FLIGHT = 2;
const IN_PROCESS_MAX = 64;

// Where the main thread takes a share (the CLI), a thread pays for itself only on a large run: it boots
// (some 40 ms here) and warms up its own copy of the code, about 0.3 s of CPU on an index build. Measured on
// 2 cores, a first list of 300 and 1,000 modules ran in 0.84x and 0.90x the time on the main thread alone,
// 10,000 in 1.38x; a first verify of 1,000 modules in 0.95x. Up to these many jobs it works alone.
const MAIN_THREAD_ALONE: Partial<Record<TaskName, number>> = { index: 1500, verifyModule: 1000 };

/** The most jobs of `task` a run does in-process rather than on threads. */
export const inProcessMax = (task: TaskName): number => (mainThreadShares() ? (MAIN_THREAD_ALONE[task] ?? IN_PROCESS_MAX) : IN_PROCESS_MAX);

// A thread keeps little between batches, yet over a long run (a first verify of 30k modules) its young
// generation grew to V8's default of two 16 MB semi-spaces, three times what it kept. Half that limit
// measured no slower and saves its difference in peak memory.
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 16 };

export interface PoolRun<R> {
  results: Array<R | undefined>;
  cancelled: boolean;
}

async function runInProcess<J, R>(fn: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal?: AbortSignal, keep = true): Promise<PoolRun<R>> {
  const results: Array<R | undefined> = new Array(keep ? jobs.length : 0);
  for (const [i, job] of jobs.entries()) {
    if (signal?.aborted) return { results, cancelled: true };
    const r = await fn(job);
    if (keep) results[i] = r;
    onResult(r, i);
    await yieldNow();
  }
  return { results, cancelled: false };
}

/** A thread's answer to one message: the results of its jobs, or why a job threw. */
type Reply = { id: number; results: unknown[]; error?: undefined } | { id: number; error: ThreadError };

export class TaskPool {
  private workers: Worker[] = [];

  /** Starts the threads ahead of the first run, so they boot (and load `preload`'s code) while the caller prepares the jobs. */
  prestart(preload?: TaskName): void {
    const file = registryWorkerScript();
    if (file === null || this.workers.length > 0) return;
    const threads = availableParallelism() - (mainThreadShares() ? 1 : 0);
    this.workers = Array.from({ length: Math.max(1, threads) }, () => {
      const w = new Worker(file, { workerData: { preload }, resourceLimits: THREAD_LIMITS });
      // A run listens for its own failures; between runs a thread that dies just leaves the pool.
      w.on('error', () => undefined);
      w.once('exit', () => (this.workers = this.workers.filter((x) => x !== w)));
      return w;
    });
  }

  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
  }

  /**
   * Runs `task` over `jobs`; `inProcess` is the same work for small runs or when no worker is available. With
   * `keep` false, results are only handed to `onResult` (the run's `results` stay empty): for a caller that
   * writes them out as they come and must not hold them all.
   */
  run<J, R>(task: TaskName, inProcess: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal?: AbortSignal, keep = true): Promise<PoolRun<R>> {
    const alone = jobs.length <= inProcessMax(task);
    if (!alone) this.prestart(task);
    if (alone || this.workers.length === 0) return runInProcess(inProcess, jobs, onResult, signal, keep);
    return this.runOnWorkers(task, inProcess, jobs, onResult, signal, keep);
  }

  private runOnWorkers<J, R>(task: TaskName, inProcess: (job: J) => R | Promise<R>, jobs: J[], onResult: (r: R, index: number) => void, signal: AbortSignal | undefined, keep: boolean): Promise<PoolRun<R>> {
    const workers = this.workers;
    const results: Array<R | undefined> = new Array(keep ? jobs.length : 0);
    const next = batchesOf(jobs.length, workers.length + (mainThreadShares() ? 1 : 0));
    // Where each batch handed out starts, by its id.
    const starts: number[] = [];
    let finished = 0;
    return new Promise<PoolRun<R>>((resolve, reject) => {
      let settled = false;
      const onMessage = (w: Worker) => (msg: Reply) => {
        if (settled) return;
        if (msg.error) return done(fromThreadError(msg.error));
        const base = starts[msg.id]!;
        for (let k = 0; k < msg.results.length; k++) {
          const r = msg.results[k] as R;
          if (keep) results[base + k] = r;
          onResult(r, base + k);
        }
        finished += msg.results.length;
        if (finished === jobs.length) done({ results, cancelled: false });
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
        const batch = next();
        if (batch === null) return;
        w.postMessage({ id: starts.push(batch.start) - 1, task, jobs: jobs.slice(batch.start, batch.end) });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      workers.forEach((w, i) => {
        w.on('message', listeners[i]!);
        w.on('error', onError);
        w.on('exit', onExit);
      });
      const mainLane = async (): Promise<void> => {
        for (let batch = next(); batch !== null && !settled && !signal?.aborted; batch = next()) {
          for (let k = batch.start; k < batch.end; k++) {
            const pending = inProcess(jobs[k]!);
            const r = pending instanceof Promise ? await pending : pending;
            // A cancel or a thread's failure may have ended the run meanwhile (even from inside onResult).
            if (settled) return;
            if (keep) results[k] = r;
            onResult(r, k);
          }
          finished += batch.end - batch.start;
          if (finished === jobs.length) done({ results, cancelled: false });
          else await yieldNow();
        }
      };
      for (let round = 0; round < IN_FLIGHT; round++) for (const w of workers) feed(w);
      if (mainThreadShares()) mainLane().catch(done);
      if (signal?.aborted) onAbort();
    });
  }
}

/**
 * Hands out `total` jobs in batches that shrink as the queue empties (guided scheduling): BATCH while there is
 * plenty left, then about what each lane's share of the rest allows, down to MIN_BATCH. A lane that runs out of
 * work then waits for the others' last batches only briefly, where batches of one size left it idle for up to
 * IN_FLIGHT of them (measured: 15 to 60 ms of an install's 0.2 s of hashing on 2 lanes).
 */
export function batchesOf(total: number, lanes: number): () => { start: number; end: number } | null {
  let start = 0;
  return () => {
    if (start >= total) return null;
    const share = Math.ceil((total - start) / (lanes * (IN_FLIGHT + 1)));
    const batch = { start, end: Math.min(total, start + Math.max(MIN_BATCH, Math.min(BATCH, share))) };
    start = batch.end;
    return batch;
  };
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

/** The thread single tasks run on: started on first use, kept between tasks, never keeping the process alive while idle. */
class TaskThread {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  private readonly worker: Worker;

  constructor(
    readonly file: string,
    onGone: () => void,
  ) {
    this.worker = new Worker(file);
    this.worker.unref();
    this.worker.on('message', (msg: Reply) => {
      const call = this.pending.get(msg.id);
      if (!call) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) this.worker.unref();
      if (msg.error) call.reject(fromThreadError(msg.error));
      else call.resolve(msg.results[0]);
    });
    const fail = (error: Error): void => {
      onGone();
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`A registry worker thread stopped (exit code ${code})`)));
  }

  close(): void {
    void this.worker.terminate();
  }

  run(task: TaskName, job: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, task, jobs: [job] });
    });
  }
}

let taskThread: TaskThread | null = null;

/**
 * Runs one job of `task` on the registry's task thread, so a host's main thread stays responsive while it
 * works; `inProcess` is the same work, run here when the host named no worker script or shares its main thread.
 */
export async function runOffMainThread<J, R>(task: TaskName, inProcess: (job: J) => Promise<R>, job: J): Promise<R> {
  const file = registryWorkerScript();
  if (file === null || mainThreadShares()) return inProcess(job);
  if (taskThread?.file !== file) {
    taskThread?.close();
    const thread: TaskThread = new TaskThread(file, () => {
      if (taskThread === thread) taskThread = null;
    });
    taskThread = thread;
  }
  return (await taskThread.run(task, job)) as R;
}
