// Long work in core reports progress through a callback and stops when its AbortSignal fires.
import type { VerifyReport } from './registry/types.js';

export interface Progress {
  /** What is being done, e.g. `verify`, `resolve`, `publish`. */
  phase: string;
  done: number;
  total: number;
  /** What `done` and `total` count, as a plural noun (`versions`, `modules`), when that is not obvious. */
  unit?: string;
  /** The item just finished (e.g. `name@version`), for a status line. */
  current?: string;
  /** What verify found about the versions of this step, so views fill in their states as it goes. */
  results?: VerifyReport['versions'];
}

export type ProgressListener = (progress: Progress) => void;

/**
 * Reports the start of `total` steps at once, and returns what reports each finished step: the shape every
 * counted piece of long work (verify, the index rebuild) gives its progress.
 */
export function countSteps(onProgress: ProgressListener | undefined, phase: string, total: number, unit: string): (current: string, results?: Progress['results']) => void {
  let done = 0;
  onProgress?.({ phase, done, total, unit });
  return (current, results) => onProgress?.({ phase, done: ++done, total, unit, current, ...(results && { results }) });
}

export interface LongWorkOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}
