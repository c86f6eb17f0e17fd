// `registry.list` in pages. A first page (no snapshot) reads the registry afresh and keeps that listing
// as a snapshot; later pages are cut from it, so the renderer shows its first rows without waiting for
// tens of thousands of rows to cross IPC, and the pages of one listing always fit together.
import { randomUUID } from 'node:crypto';
import type { ProgressListener } from '../../core/progress.js';
import { listRegistry, type ListResult } from '../../core/registry/index.js';
import type { ListingPage, ListingPageRequest, PackageRow } from '../../shared/ipc/schemas.js';
import { ipcError } from '../ipc/error-object.js';

/** Snapshots kept: the current listing and the one a refetch may still be reading. */
const KEPT_SNAPSHOTS = 2;

interface Snapshot {
  id: string;
  registry: string;
  count: number;
  packages: PackageRow[];
}

function rowsOf(list: ListResult): PackageRow[] {
  const states = list.versionStates;
  return list.packages.map((p) => ({
    name: p.name,
    versions: p.versions.map((version) => ({ version, verification: states[`${p.name}@${version}`] ?? 'unverified' })),
    latest: p.latest,
    description: p.description,
    tags: p.tags,
    verification: p.verification,
    inputTypes: p.inputTypes,
    outputTypes: p.outputTypes,
  }));
}

export class ListingPages {
  private readonly snapshots: Snapshot[] = [];

  /** `onProgress` hears a first page's reading of the registry (its index rebuilt, when it must be). */
  async page(registry: string, request: ListingPageRequest, onProgress?: ProgressListener): Promise<ListingPage> {
    const snapshot = request.snapshot === undefined ? await this.fresh(registry, onProgress) : this.kept(registry, request.snapshot);
    return {
      registry_path: snapshot.registry,
      snapshot: snapshot.id,
      count: snapshot.count,
      total: snapshot.packages.length,
      offset: request.offset,
      packages: snapshot.packages.slice(request.offset, request.offset + request.limit),
    };
  }

  private async fresh(registry: string, onProgress?: ProgressListener): Promise<Snapshot> {
    const list = await listRegistry(registry, { onProgress });
    const snapshot: Snapshot = { id: randomUUID(), registry: list.registry_path, count: list.count, packages: rowsOf(list) };
    this.snapshots.unshift(snapshot);
    this.snapshots.length = Math.min(this.snapshots.length, KEPT_SNAPSHOTS);
    return snapshot;
  }

  private kept(registry: string, id: string): Snapshot {
    const snapshot = this.snapshots.find((s) => s.id === id && s.registry === registry);
    if (!snapshot) {
      throw ipcError('LISTING_EXPIRED', 'The registry listing being read is no longer current', 'Reload the module list.', registry);
    }
    return snapshot;
  }
}
