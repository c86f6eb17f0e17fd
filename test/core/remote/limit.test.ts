// Bounded concurrency and stopping siblings: what keeps a failed pull from writing after it has failed.
import { describe, expect, it } from 'vitest';
import { allOrStop, createLimiter } from '../../../src/core/remote/limit.js';

describe('limits', () => {
  it('runs at most n tasks at once', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const tasks = Array.from({ length: 5 }, () =>
      limit(async () => {
        peak = Math.max(peak, ++running);
        await gate;
        running--;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(running).toBe(2);
    open();
    await Promise.all(tasks);
    expect(peak).toBe(2);
  });

  it('on the first failure signals the others to stop, waits for them, and rejects with that failure', async () => {
    const finished: string[] = [];
    const run = allOrStop(['fails', 'waits'], undefined, async (item, signal) => {
      if (item === 'fails') throw new Error('first');
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      finished.push(item);
    });
    await expect(run).rejects.toThrow('first');
    // The sibling saw the stop and had finished before allOrStop rejected.
    expect(finished).toEqual(['waits']);
  });
});
