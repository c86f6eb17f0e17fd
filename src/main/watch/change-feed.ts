// Turns the watcher's invalidations into `changed` events for the renderer. A changed version is verified
// again first (which also records its state in the registry's index cache), so a version tampered with on
// disk is marked as such without the user asking; a version that is gone makes its module stale instead.
import type { VersionStatus } from '../../core/registry/index.js';
import type { ChangedEvent } from '../../shared/ipc/draft-schemas.js';
import { ChangeWatcher } from './change-watcher.js';
import type { Invalidation, WatchRoots } from './invalidation.js';

export interface ChangeFeedDeps {
  verify: (registry: string, name: string, version: string) => Promise<VersionStatus>;
  send: (event: ChangedEvent) => void;
  debounceMs?: number;
}

export class ChangeFeed {
  private roots: WatchRoots = { registry: null, areas: [] };
  private readonly watcher: ChangeWatcher;

  constructor(private readonly deps: ChangeFeedDeps) {
    this.watcher = new ChangeWatcher({ onChanges: (changes) => void this.report(changes), ...(deps.debounceMs !== undefined && { debounceMs: deps.debounceMs }) });
  }

  /** Watches the open registry and the drafts areas (called again whenever either changes); settles once live. */
  async follow(roots: WatchRoots): Promise<void> {
    this.roots = roots;
    await this.watcher.watch(roots);
  }

  close(): void {
    this.watcher.close();
  }

  private async report(changes: Invalidation[]): Promise<void> {
    const registry = this.roots.registry;
    const sent = new Set<string>();
    const send = (event: ChangedEvent): void => {
      const key = JSON.stringify(event);
      if (!sent.has(key)) this.deps.send(event);
      sent.add(key);
    };
    for (const change of changes) {
      if (change.kind !== 'version') send(change);
      else if (registry !== null) {
        try {
          send({ ...change, verification: await this.deps.verify(registry, change.name, change.version) });
        } catch {
          send({ kind: 'module', name: change.name });
        }
      }
    }
  }
}
