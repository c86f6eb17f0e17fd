// list (§6): answered from the index cache, never hashing; one row per version plus one per package.
// A warm list of tens of thousands of versions runs on every `promptpm list`: the CLI's is written from the
// listing text kept for an unchanged registry (list-text.ts), and only when that no longer holds is the index
// read and the rows made (list-rows.ts, loaded then), with their keys in sorted order, the order the CLI prints them in.
import type { FreshIndex } from './index-cache.js';
import type { IndexFile } from './index-format.js';
import type { GeneratedListRows } from './list-rows.js';
import { readListText, writeListText, type ListText } from './list-text.js';
import { resolveRegistryLocation } from './location.js';
import type { ProgressListener } from '../progress.js';
import type { ListResult, ListRows, Verification } from './types.js';

export type { GeneratedListRows } from './list-rows.js';

/**
 * The listing. `versionStates` (one key per version) is for the app; the CLI leaves it out, which saves
 * building a 30k-key object on every warm `list`.
 */
export async function listRegistry(registry: string, opts?: { onProgress?: ProgressListener }): Promise<ListResult>;
export async function listRegistry(registry: string, opts: { versionStates: false; onProgress?: ProgressListener }): Promise<ListRows>;
export async function listRegistry(registry: string, opts: { versionStates?: boolean; onProgress?: ProgressListener } = {}): Promise<ListRows | ListResult> {
  const root = await resolveRegistryLocation(registry);
  const [idx, { generatedRows }, { stateAt }] = await Promise.all([freshIndex(root, opts.onProgress), import('./list-rows.js'), import('./index-format.js')]);
  const rows = generatedRows(root, idx);
  const modules = rows.modules.make(0, rows.count);
  const packages = rows.packages.make(0, rows.packages.length);
  if (opts.versionStates === false) return { registry_path: root, count: rows.count, modules, packages };
  const versionStates: Record<string, Verification> = {};
  for (const [name, stored] of idx.names) stored.versions.forEach((version, i) => (versionStates[`${name}@${version}`] = stateAt(idx, stored, i)));
  return { registry_path: root, count: rows.count, modules, packages, versionStates };
}

/**
 * listRegistry's rows, for writing out as JSON (the CLI's `list`): as the text last written for this registry
 * while it still holds (list-text.ts), else made from the index, written as that text and read back from it,
 * or (when it cannot be written) made as they are printed.
 */
export async function listRegistryRows(registry: string, opts: { onProgress?: ProgressListener } = {}): Promise<GeneratedListRows | ListText> {
  const root = await resolveRegistryLocation(registry);
  const written = readListText(root);
  if (written !== null) return written;
  const [fresh, { generatedRows }] = await Promise.all([freshIndexOrText(root, opts.onProgress), import('./list-rows.js')]);
  // A first build wrote the listing text as it went.
  if (fresh.idx === null) return fresh.listText;
  const rows = generatedRows(root, fresh.idx);
  return writeListText(root, fresh.idx, rows) ?? rows;
}

// Lazy: a warm list reads only the index's first line. Progress comes only from rescanning changed module
// folders (phase `index`): all of them the first time a registry is listed.

/** The fresh index of the registry at `root`. */
async function freshIndex(root: string, onProgress?: ProgressListener): Promise<IndexFile> {
  return (await import('./index-cache.js')).loadFreshIndex(root, true, onProgress);
}

/** The fresh index of the registry at `root`, or the listing text a first build of it wrote as it went. */
async function freshIndexOrText(root: string, onProgress?: ProgressListener): Promise<FreshIndex> {
  return (await import('./index-cache.js')).openFreshIndex(root, { lazy: true, onProgress, listText: true });
}
