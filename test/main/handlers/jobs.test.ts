import { describe, expect, it } from 'vitest';
import { Jobs, progressForwarder, PROGRESS_INTERVAL_MS } from '../../../src/main/handlers/jobs.js';
import type { ProgressEvent } from '../../../src/shared/ipc/schemas.js';

describe('jobs', () => {
  it('cancels a running job through its signal, and forgets it when done', async () => {
    const jobs = new Jobs();
    let release!: () => void;
    const running = jobs.run('j', (signal) => new Promise<boolean>((resolve) => (release = () => resolve(signal.aborted))));
    expect(jobs.cancel('j')).toBe(true);
    release();
    expect(await running).toBe(true);
    expect(jobs.cancel('j')).toBe(false);
    expect(jobs.size).toBe(0);
  });

  it('refuses a job id already in use, and frees it after a failure', async () => {
    const jobs = new Jobs();
    let release!: () => void;
    const first = jobs.run('j', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(jobs.run('j', async () => 1)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'JOB_ID_IN_USE' });
    release();
    await first;
    await expect(jobs.run('j', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await jobs.run('j', async () => 2)).toBe(2);
  });

  it('cancelAll stops every running job', async () => {
    const jobs = new Jobs();
    const signals: AbortSignal[] = [];
    const pending = ['a', 'b'].map((id) => jobs.run(id, (signal) => new Promise<void>((resolve) => {
      signals.push(signal);
      signal.addEventListener('abort', () => resolve());
    })));
    jobs.cancelAll();
    await Promise.all(pending);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});

describe('progress forwarding', () => {
  it('throttles events per job but always sends the last one', () => {
    const sent: ProgressEvent[] = [];
    let clock = 0;
    const forward = progressForwarder('job', (e) => sent.push(e), () => clock);
    for (let done = 1; done <= 100; done++) {
      clock += 1;
      forward({ phase: 'verify', done, total: 100, current: `m@${done}` });
    }
    expect(sent[0]).toEqual({ jobId: 'job', phase: 'verify', done: 1, total: 100, current: 'm@1' });
    expect(sent.at(-1)).toMatchObject({ done: 100, total: 100 });
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(100 / PROGRESS_INTERVAL_MS) + 2);
  });

  it('carries the results of the steps it skipped with the next event it sends', () => {
    const sent: ProgressEvent[] = [];
    // The clock stands still: only the first and the final step are sent.
    const forward = progressForwarder('job', (e) => sent.push(e), () => 0);
    const check = (version: string) => ({ name: 'm', version, status: 'ok' as const, changed: [], missing: [], extra: [] });
    forward({ phase: 'verify', done: 1, total: 3, results: [check('1.0.0')] });
    forward({ phase: 'verify', done: 2, total: 3, results: [check('2.0.0')] });
    forward({ phase: 'verify', done: 3, total: 3, results: [check('3.0.0')] });
    expect(sent.map((e) => e.results?.map((r) => r.version))).toEqual([['1.0.0'], ['2.0.0', '3.0.0']]);
  });
});
