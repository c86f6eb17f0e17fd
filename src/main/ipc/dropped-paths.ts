// Paths of files the user dropped on the window, sent by the preload (never by page code) and added to
// the allow-list. Calls wait for pending grants, so a call made right after a drop sees its paths.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { AllowList } from '../state/allow-list.js';

export const droppedPathsSchema = z.array(z.string().min(1).max(4096).refine(isAbsolute, 'not an absolute path')).max(1000);

export class DroppedPaths {
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly allowList: AllowList) {}

  /** Adds valid dropped paths; malformed messages are ignored (a bug or a hostile sender). */
  grant(raw: unknown): Promise<void> {
    const parsed = droppedPathsSchema.safeParse(raw);
    if (!parsed.success) return this.pending;
    this.pending = this.pending.then(async () => {
      for (const path of parsed.data) await this.allowList.add(path, 'drop');
    });
    return this.pending;
  }

  settled(): Promise<void> {
    return this.pending;
  }
}
