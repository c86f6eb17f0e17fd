// One version's index entry, read from its folder with the module loader (so the index holds exactly
// what validation understands). Runs in index-worker threads when the index is built cold.
import { basename } from 'node:path';
import { loadModule } from '../module/index.js';
import type { IndexEntry } from './types.js';

export interface StoredVersion extends IndexEntry {
  /** Inode of the version folder: a folder replaced under the same name is rescanned. */
  ino: string;
  /** Manifest file name inside the version folder, or null when none loads. */
  source: string | null;
}

export interface EntryJob {
  dir: string;
  name: string;
  version: string;
  ino: string;
}

export async function loadEntry(job: EntryJob): Promise<StoredVersion> {
  const mod = await loadModule(job.dir);
  const m = mod.manifest;
  return {
    ino: job.ino,
    source: mod.source === null ? null : basename(mod.source),
    description: m?.module.description ?? '',
    tags: m?.module.tags ?? [],
    dependencies: m?.dependencies.map((d) => ({ name: d.name, range: d.range })) ?? [],
    verification: 'unverified',
    inputTypes: m?.interface.inputs.map((i) => i.type) ?? [],
    outputTypes: m?.interface.outputs.map((o) => o.type) ?? [],
  };
}
