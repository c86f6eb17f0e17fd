// The index cache, <registry>/.promptpm/index.json (layout in index-format.ts): per version the metadata
// list and the resolver need, plus the last known verification. It is derived from modules/ and can be
// deleted at any time. Staleness is detected from folder mtimes (modules/ and each modules/<name>/) and
// each version folder's inode; an mtime too recent to trust (the clock may not have ticked since) is
// stored as null so the next reader rescans that folder: a publish can never hide behind an unchanged
// timestamp. The file is rewritten only when something in it changed. A warm read that finds nothing
// changed loads none of the code for rescanning, the worker pool or writing (imported on first need).
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { decodeIndex, emptyIndex, entriesOf, entryAt, loadDetail, newName, stateAt, type IndexFile, type IndexText, type StoredName } from './index-format.js';
import type { ModuleScan, ModuleScanJob } from './index-scan.js';
import { indexFile, modulesDir, toolDir } from './paths.js';
import { fileIdentity, stamp, statDir } from './stamps.js';
import { sameStrings } from './dependency-lists.js';
import { isRegistryFolder } from '../registry-folder.js';
import { countSteps, type ProgressListener } from '../progress.js';
import { setImmediate as yieldNow } from 'node:timers/promises';
import type { IndexEntry, RegistryIndex, Verification } from './types.js';
import type { ListText } from './list-text.js';

export type { IndexFile } from './index-format.js';

/** The index file's bytes and identity (stamps.ts), or null when it is missing or unreadable (it is only a cache: rebuilt then). */
function readIndexBytes(registry: string): { text: Buffer; origin: string } | null {
  let fd: number;
  try {
    fd = openSync(indexFile(registry), 'r');
  } catch {
    return null;
  }
  try {
    // One descriptor for both: the identity is that of the bytes read, even if the file is replaced meanwhile.
    return { origin: fileIdentity(fstatSync(fd, { bigint: true })), text: readFileSync(fd) };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The index file's bytes, or null when it is missing or unreadable (it is only a cache: rebuilt then). */
export const readIndexText = (registry: string): IndexText | null => readIndexBytes(registry)?.text ?? null;

/**
 * The index in `text` (not checked for freshness); empty when missing, corrupt or of another format.
 * `lazy` leaves the per-version section unparsed until `loadDetail` (only `refresh` and the list need this).
 */
export const parseIndexText = (text: IndexText | null, lazy = false): IndexFile => (text === null ? null : decodeIndex(text, { lazy })) ?? emptyIndex();

/** The index as stored (not checked for freshness); empty when missing, corrupt or of another format. */
export function loadIndexFile(registry: string, lazy = false): IndexFile {
  const read = readIndexBytes(registry);
  const idx = parseIndexText(read?.text ?? null, lazy);
  if (read !== null && idx.columns !== null) idx.origin = read.origin;
  return idx;
}

/** Applies one module rescan; returns whether the stored module changed. */
function apply(idx: IndexFile, stored: StoredName, scan: ModuleScan, mtime: number | null): boolean {
  let changed = mtime !== stored.mtime || !sameStrings(scan.versions, stored.versions) || !sameStrings(scan.stray, stored.stray);
  const old = entriesOf(idx, stored);
  const versions: string[] = [];
  const entries: NonNullable<StoredName['entries']> = [];
  for (const [i, version] of scan.versions.entries()) {
    const entry = scan.entries[i]!;
    const kept = entry ?? old[stored.versions.indexOf(version)];
    if (entry !== null) changed = true;
    if (kept === undefined) continue;
    versions.push(version);
    entries.push(kept);
  }
  // Copies of their length: pushing leaves room for more items, and the index keeps these for every module.
  Object.assign(stored, { versions: versions.slice(), entries: entries.slice(), stray: scan.stray, mtime });
  return changed;
}

/** How a refresh runs: progress per module rescanned. */
export interface RefreshOptions {
  onProgress?: ProgressListener;
  /** Check only these module folders (and the list of them): the others stay as stored, to be checked by their next reader. */
  only?: ReadonlySet<string>;
}

/** Rescans module folders on a pool of their own. */
async function rescan(jobs: ModuleScanJob[], opts: RefreshOptions): Promise<Array<ModuleScan | undefined>> {
  const [{ TaskPool }, { scanModule, ScanCompactor }] = await Promise.all([import('./pool.js'), import('./index-scan.js')]);
  const compactor = new ScanCompactor();
  const pool = new TaskPool();
  const step = countSteps(opts.onProgress, 'index', jobs.length, 'modules');
  try {
    const run = await pool.run('index', scanModule, jobs, (scan, i) => {
      compactor.compact(scan);
      step(jobs[i]!.name);
    });
    return run.results;
  } finally {
    pool.close();
  }
}

/** Brings `idx` up to date with modules/ (rescanning the module folders that changed); returns whether anything changed. */
async function refresh(registry: string, idx: IndexFile, opts: RefreshOptions): Promise<boolean> {
  const now = Date.now();
  const top = statDir(modulesDir(registry));
  if (top === null) {
    const had = idx.names.size > 0 || idx.stray.length > 0 || idx.modulesMtime !== null;
    Object.assign(idx, emptyIndex());
    return had;
  }
  let changed = false;
  const topStamp = stamp(top.mtimeMs, now);
  if (topStamp === null || topStamp !== idx.modulesMtime) {
    const { names, stray } = await (await import('./scan.js')).scanNames(registry);
    const next: IndexFile['names'] = new Map();
    for (const n of names) next.set(n, idx.names.get(n) ?? newName(null, [], [], []));
    changed = topStamp !== idx.modulesMtime || !sameStrings(names, [...idx.names.keys()]) || !sameStrings(stray, idx.stray);
    idx.names = next;
    idx.stray = stray;
    idx.modulesMtime = topStamp;
  }
  const pending: Array<[string, StoredName]> = [];
  // Plain concatenation: names in the index are checked path segments, and this runs for every module.
  const base = modulesDir(registry) + sep;
  let checked = 0;
  for (const [name, stored] of idx.names) {
    if (opts.only !== undefined && !opts.only.has(name)) continue;
    // Let the event loop breathe now and then: a host's main thread (the app's) answers meanwhile.
    if ((++checked & 1023) === 0) await yieldNow();
    // A folder without a trusted mtime (every one, in a registry whose first index could not be written) is
    // rescanned whatever it holds now: its job reads the mtime on the pool instead of a stat here.
    if (stored.mtime !== null) {
      const st = statDir(base + name);
      if (st === null) {
        idx.names.delete(name);
        changed = true;
        continue;
      }
      if (stamp(st.mtimeMs, now) === stored.mtime) continue;
    }
    pending.push([name, stored]);
  }
  if (pending.length === 0 && !changed) return false;
  // Rescans and rewrites need the per-version section; a damaged one means rebuilding from scratch.
  if (!loadDetail(idx)) return (await refresh(registry, idx, opts)) || true;
  if (pending.length === 0) return changed;
  const jobs: ModuleScanJob[] = pending.map(([name, stored]) => ({ registry, name, known: stored.versions.map((v, i) => [v, entryAt(idx, stored, i).ino]) }));
  const results = await rescan(jobs, opts);
  jobs.forEach((job, i) => {
    const stored = idx.names.get(job.name);
    const scan = results[i]!;
    if (scan.mtimeMs === null) changed = idx.names.delete(job.name) || changed;
    else if (stored && apply(idx, stored, scan, stamp(scan.mtimeMs, now))) changed = true;
  });
  return changed;
}

/**
 * Takes into `idx` the verification states `disk` (the index file as it is now) records for the same version
 * folders (same inode), where someone else recorded them since `idx` was read, unless `authoritative` names them.
 */
export function keepTheirStates(disk: IndexFile, idx: IndexFile, authoritative: ReadonlySet<string>): void {
  for (const [name, stored] of idx.names) {
    const theirs = disk.names.get(name);
    if (theirs === undefined) continue;
    for (const [i, version] of stored.versions.entries()) {
      const at = theirs.versions.indexOf(version);
      if (at < 0 || authoritative.has(`${name}@${version}`)) continue;
      const theirState = stateAt(disk, theirs, at);
      if (theirState === 'unverified' || theirState === stateAt(idx, stored, i)) continue;
      const mine = entriesOf(idx, stored)[i]!;
      if (entryAt(disk, theirs, at).ino === mine.ino) mine.verification = theirState;
    }
  }
}

/**
 * Writes the index under the index lock. Verification states on disk that are for the same version folder
 * (same inode) and were recorded by someone else meanwhile are kept unless `authoritative` names them.
 */
async function writeIndex(registry: string, idx: IndexFile, authoritative: ReadonlySet<string> = new Set()): Promise<void> {
  // Changed in memory: no file holds it unless the write below succeeds.
  idx.origin = null;
  // Reading a folder never makes it a registry: the cache is kept only in one that already is.
  if (!isRegistryFolder(registry)) return;
  mkdirSync(toolDir(registry), { recursive: true });
  const [{ acquireLock }, { writeFileAtomicSync }, { encodeIndex }, { SpillFile }] = await Promise.all([import('./lock.js'), import('../atomic-write.js'), import('./index-encode.js'), import('./spill.js')]);
  const release = await acquireLock(registry, 'index');
  try {
    keepTheirStates(loadIndexFile(registry), idx, authoritative);
    // 0o644 as every file of a registry: readable by all who share it.
    const spill = SpillFile.beside(indexFile(registry));
    try {
      idx.origin = fileIdentity(writeFileAtomicSync(indexFile(registry), encodeIndex(idx, spill), 0o644));
    } finally {
      spill.close();
    }
  } finally {
    release();
  }
}

async function writeBestEffort(registry: string, idx: IndexFile): Promise<void> {
  try {
    await writeIndex(registry, idx);
  } catch {
    // A read-only registry still answers; it just cannot keep its cache.
  }
}

/** Brings a loaded index up to date in place and writes it back when it changed. */
export async function freshen(registry: string, idx: IndexFile, opts: RefreshOptions = {}): Promise<IndexFile> {
  if (await refresh(registry, idx, opts)) await writeBestEffort(registry, idx);
  return idx;
}

/**
 * Brings up to date only the module folders named (and the list of module folders), writing the index back
 * when that changed it; returns whether it did. For the resolver: it reads a few hundred modules of a
 * registry that may hold tens of thousands, and need not stat the others.
 */
export async function freshenModules(registry: string, idx: IndexFile, names: ReadonlySet<string>): Promise<boolean> {
  const changed = await refresh(registry, idx, { only: names });
  if (changed) await writeBestEffort(registry, idx);
  return changed;
}

/**
 * The fresh index with its storage details (inode, manifest file name). With `lazy` (the list), the
 * per-version section may be left unparsed: then only `sourceAt`, `stateAt` and `summaryAt` may be used.
 */
export async function loadFreshIndex(registry: string, lazy = false, onProgress?: ProgressListener): Promise<IndexFile> {
  // Asked for no listing text, it gives the index.
  return (await openFreshIndex(registry, { lazy, onProgress })).idx!;
}

/** The fresh index; or, when `listText` asks for it and a first build wrote it, the listing text instead (the CLI's list). */
export type FreshIndex = { idx: IndexFile; listText: null } | { idx: null; listText: ListText };

/**
 * The fresh index (see loadFreshIndex). A registry without a usable index file has its first one built as its
 * module folders are read, never held whole in memory (index-build.ts), and then read back from the file.
 */
export async function openFreshIndex(registry: string, opts: { lazy?: boolean; onProgress?: ProgressListener; listText?: boolean } = {}): Promise<FreshIndex> {
  const stored = loadIndexFile(registry, opts.lazy);
  if (stored.columns === null) {
    const first = await (await import('./index-build.js')).buildFirstIndex(registry, opts);
    if (first?.listText) return { idx: null, listText: first.listText };
    const built = first === null ? stored : loadIndexFile(registry, opts.lazy);
    if (built.columns !== null) return { idx: built, listText: null };
  }
  return { idx: await freshen(registry, stored, { onProgress: opts.onProgress }), listText: null };
}

export async function readIndex(registry: string): Promise<RegistryIndex> {
  const idx = await loadFreshIndex(registry);
  const modules: RegistryIndex['modules'] = {};
  for (const [name, stored] of idx.names) {
    if (stored.versions.length === 0) continue;
    const versions: Record<string, IndexEntry> = {};
    for (const [i, v] of stored.versions.entries()) {
      const e = entryAt(idx, stored, i);
      versions[v] = {
        description: e.description,
        tags: e.tags,
        dependencies: e.dependencies,
        verification: e.verification,
        inputTypes: e.inputTypes,
        outputTypes: e.outputTypes,
        invalid: e.invalid,
      };
    }
    modules[name] = versions;
  }
  return { modules };
}

/** Sets one version's last known verification; returns whether it changed. */
function setState(idx: IndexFile, stored: StoredName, i: number, state: Verification): boolean {
  if (stateAt(idx, stored, i) === state) return false;
  entriesOf(idx, stored)[i]!.verification = state;
  return true;
}

/** Stores verification results (keyed `name@version`) as the last known state. Writes only when something changed. Best effort. */
export async function recordVerification(registry: string, states: Map<string, Verification>): Promise<void> {
  if (states.size === 0) return;
  try {
    const idx = loadIndexFile(registry);
    let changed = await refresh(registry, idx, {});
    for (const [key, state] of states) {
      // Module names never contain `@`, so the first one separates name and version.
      const at = key.indexOf('@');
      const stored = idx.names.get(key.slice(0, at));
      const i = stored ? stored.versions.indexOf(key.slice(at + 1)) : -1;
      if (stored && i >= 0 && setState(idx, stored, i, state)) changed = true;
    }
    if (changed) await writeIndex(registry, idx, new Set(states.keys()));
  } catch {
    // The cache is optional; verification results were already returned to the caller.
  }
}

/**
 * Stores verification results in a loaded index: `states` holds one state per version in the index's order
 * (undefined where there is none: a version a cancelled run did not get to, or one of a module whose folder
 * no longer matches the index). Writes only when something changed.
 */
export async function recordInOrder(registry: string, idx: IndexFile, states: Array<Verification | undefined>): Promise<void> {
  const differs = (stored: StoredName, i: number, k: number): boolean => states[k] !== undefined && states[k] !== stateAt(idx, stored, i);
  let k = 0;
  let changed = false;
  for (const stored of idx.names.values()) for (let i = 0; i < stored.versions.length; i++, k++) changed ||= differs(stored, i, k);
  // Changing entries needs the per-version section of a lazily read index; a damaged one is left to be rebuilt.
  if (!changed || !loadDetail(idx)) return;
  const verified = new Set<string>();
  k = 0;
  for (const [name, stored] of idx.names) {
    for (let i = 0; i < stored.versions.length; i++, k++) {
      const state = states[k];
      if (state === undefined) continue;
      setState(idx, stored, i, state);
      verified.add(`${name}@${stored.versions[i]}`);
    }
  }
  try {
    await writeIndex(registry, idx, verified);
  } catch {
    // The cache is optional; verification results were already returned to the caller.
  }
}

/** After a publish: the new version is known good (we just hashed every byte of it). */
export async function recordPublished(registry: string, name: string, version: string): Promise<void> {
  await recordVerification(registry, new Map([[`${name}@${version}`, 'ok']]));
}
