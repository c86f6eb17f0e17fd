// Progress of long jobs (verify, resolve), fed by the one `progress` event stream. Each job has an id the
// renderer makes up and passes to the call; views read the latest event for their job. Listeners are told
// at most once per animation frame, so a flood of events never floods React with renders.
import { useSyncExternalStore } from 'react';
import type { ProgressEvent } from '../../shared/ipc/schemas';
import { subscribe } from './client';

const latest = new Map<string, ProgressEvent>();
const listeners = new Set<() => void>();
let unsubscribeBridge: (() => void) | null = null;
let frame = 0;

function notifySoon(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    for (const listener of listeners) listener();
  });
}

function listen(listener: () => void): () => void {
  unsubscribeBridge ??= subscribe('progress', (event) => {
    latest.set(event.jobId, event);
    notifySoon();
  });
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge();
      unsubscribeBridge = null;
      latest.clear();
    }
  };
}

export function newJobId(): string {
  return crypto.randomUUID();
}

/** The latest progress event of a job, or null before the first one arrives. */
export function useJobProgress(jobId: string | null): ProgressEvent | null {
  return useSyncExternalStore(listen, () => (jobId ? (latest.get(jobId) ?? null) : null));
}

export function forgetJob(jobId: string): void {
  latest.delete(jobId);
}
