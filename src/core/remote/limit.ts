// Bounded concurrency: at most `n` of the functions given to the limiter run at once, the rest wait in order.

export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

export function createLimiter(n: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Runs `task` for every item; on the first failure the others are told to stop (through the signal they get)
 * and are waited for, so nothing keeps writing after this rejects with that first failure.
 */
export async function allOrStop<T, R>(items: readonly T[], outer: AbortSignal | undefined, task: (item: T, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  if (outer?.aborted) onOuterAbort();
  let first: { error: unknown } | null = null;
  try {
    const settled = await Promise.allSettled(
      items.map((item) =>
        task(item, stop.signal).catch((error: unknown) => {
          if (first === null && !stop.signal.aborted) first = { error };
          stop.abort();
          throw error;
        }),
      ),
    );
    if (first !== null) throw (first as { error: unknown }).error;
    return settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
