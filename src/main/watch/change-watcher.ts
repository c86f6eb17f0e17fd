// Watches the open registry and the drafts areas and reports, debounced, what became stale (invalidation.ts).
// `fs.watch` with `recursive` is enough on Linux from Node 20 (it also follows folders created or moved in
// later, as publish's rename does), as on macOS and Windows natively; it runs off the main thread (tree-watch.ts). Each burst of writes (a publish, a
// sync tool, the CLI) is reported once when the folders have been quiet for `debounceMs`, and at the latest
// after `maxWaitMs`, each invalidation once.
import { join } from 'node:path';
import { invalidationFor, invalidationKey, type Invalidation, type WatchRoots } from './invalidation.js';
import { watchTree, type TreeWatch } from './tree-watch.js';

export interface ChangeWatcherOptions {
  onChanges: (changes: Invalidation[]) => void;
  debounceMs?: number;
  maxWaitMs?: number;
}

export class ChangeWatcher {
  private watchers: TreeWatch[] = [];
  private roots: WatchRoots = { registry: null, areas: [] };
  private pending = new Map<string, Invalidation>();
  private quiet: ReturnType<typeof setTimeout> | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: ChangeWatcherOptions) {}

  /** Watches these folders from now on (a folder that cannot be watched, e.g. missing, is left out); settles once live. */
  async watch(roots: WatchRoots): Promise<void> {
    if (sameRoots(roots, this.roots)) return;
    this.closeWatchers();
    this.roots = { registry: roots.registry, areas: [...roots.areas] };
    for (const root of [...roots.areas, ...(roots.registry === null ? [] : [roots.registry])]) {
      this.watchers.push(watchTree(root, (file) => this.changed(file === null ? root : join(root, file))));
    }
    await Promise.all(this.watchers.map((w) => w.ready));
  }

  close(): void {
    this.closeWatchers();
    this.pending.clear();
    for (const timer of [this.quiet, this.deadline]) if (timer !== null) clearTimeout(timer);
    this.quiet = this.deadline = null;
  }

  private closeWatchers(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  private changed(path: string): void {
    const change = invalidationFor(this.roots, path);
    if (change === null) return;
    this.pending.set(invalidationKey(change), change);
    if (this.quiet !== null) clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.flush(), this.opts.debounceMs ?? 200);
    this.deadline ??= setTimeout(() => this.flush(), this.opts.maxWaitMs ?? 2000);
  }

  private flush(): void {
    for (const timer of [this.quiet, this.deadline]) if (timer !== null) clearTimeout(timer);
    this.quiet = this.deadline = null;
    const changes = [...this.pending.values()];
    this.pending.clear();
    if (changes.length > 0) this.opts.onChanges(changes);
  }
}

function sameRoots(a: WatchRoots, b: WatchRoots): boolean {
  return a.registry === b.registry && a.areas.length === b.areas.length && a.areas.every((area, i) => area === b.areas[i]);
}
