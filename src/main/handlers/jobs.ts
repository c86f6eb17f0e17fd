// Long work the renderer can cancel: one AbortController per job id, forgotten when the work ends.
import { PromptPMError } from '../../core/errors.js';
import type { ProgressListener } from '../../core/progress.js';
import type { ProgressEvent } from '../../shared/ipc/schemas.js';

/** At most one progress event per interval per job (plus the last one), so IPC is never flooded. */
export const PROGRESS_INTERVAL_MS = 50;

export class Jobs {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` under a fresh signal for `jobId`; a job id already running is refused. */
  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) {
      throw new PromptPMError('VALIDATION_ERROR', `Job already running: ${jobId}`, {
        hint: 'Use a new job id for each piece of work.',
        path: '',
        reason: 'JOB_ID_IN_USE',
      });
    }
    const controller = new AbortController();
    this.running.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(jobId);
    }
  }

  /** True when a running job was told to stop. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Stops every running job (the window closed). */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  get size(): number {
    return this.running.size;
  }
}

/** A core progress listener that forwards throttled events for one job. */
export function progressForwarder(jobId: string, send: (event: ProgressEvent) => void, now: () => number = Date.now): ProgressListener {
  let last = -Infinity;
  // Results of the steps between two events travel with the next one.
  let results: NonNullable<ProgressEvent['results']> = [];
  return (progress) => {
    if (progress.results) results = results.concat(progress.results);
    const t = now();
    const final = progress.done >= progress.total;
    if (!final && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    const event: ProgressEvent = { jobId, phase: progress.phase, done: progress.done, total: progress.total };
    if (progress.unit !== undefined) event.unit = progress.unit;
    if (progress.current !== undefined) event.current = progress.current;
    if (results.length > 0) event.results = results;
    results = [];
    send(event);
  };
}
