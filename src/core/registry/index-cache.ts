// The index cache, <registry>/.promptpm/index.json: per version the metadata list and the resolver need,
// plus the last known verification. It is derived from modules/ and can be deleted at any time.
// Staleness is detected from folder mtimes (modules/ and each modules/<name>/) and each version folder's
// inode; an mtime too recent to trust (the clock may not have ticked since) is stored as null so the next
// reader rescans that folder: a publish can never hide behind an unchanged timestamp.
import { mkdirSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { loadEntry, type EntryJob, type StoredVersion } from './index-entry.js';
import { runPool } from './pool.js';
import { atomicWriteFile } from './durable.js';
import { acquireLock } from './lock.js';
import { indexFile, moduleDir, modulesDir, toolDir, versionPath } from './paths.js';
import { compareVersions, scanNames, scanVersions } from './scan.js';
import type { IndexEntry, RegistryIndex, Verification } from './types.js';

const FORMAT = 1;
const SETTLE_MS = 2000;

interface StoredName {
  mtime: string | null;
  versions: Record<string, StoredVersion>;
}

export interface IndexFile {
  format: number;
  modulesMtime: string | null;
  names: Record<string, StoredName>;
}

/** Own-property lookup: module names such as `constructor` must never reach Object.prototype. */
const own = <T>(obj: Record<string, T>, key: string): T | undefined => (Object.hasOwn(obj, key) ? obj[key] : undefined);

const empty = (): IndexFile => ({ format: FORMAT, modulesMtime: null, names: {} });

function loadIndexFile(registry: string): IndexFile {
  try {
    const parsed = JSON.parse(readFileSync(indexFile(registry), 'utf8')) as IndexFile;
    if (parsed?.format === FORMAT && typeof parsed.names === 'object' && parsed.names !== null) return parsed;
  } catch {
    // Missing or corrupt: the index is only a cache, rebuild it.
  }
  return empty();
}

function statBig(path: string): BigIntStats | null {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return null;
  }
}

/** The folder's mtime as a comparable stamp, or null while it is too recent to be trusted. */
function stamp(st: BigIntStats): string | null {
  return Date.now() - Number(st.mtimeMs) > SETTLE_MS ? st.mtimeNs.toString() : null;
}

/** Brings `idx` up to date with modules/; returns whether anything changed. */
async function refresh(registry: string, idx: IndexFile): Promise<boolean> {
  const top = statBig(modulesDir(registry));
  if (!top?.isDirectory()) {
    const had = Object.keys(idx.names).length > 0;
    idx.names = {};
    idx.modulesMtime = null;
    return had;
  }
  let changed = false;
  const topStamp = stamp(top);
  if (topStamp === null || topStamp !== idx.modulesMtime) {
    const { names } = await scanNames(registry);
    const next: Record<string, StoredName> = {};
    for (const n of names) next[n] = own(idx.names, n) ?? { mtime: null, versions: {} };
    const before = Object.keys(idx.names);
    changed = topStamp !== idx.modulesMtime || before.length !== names.length || before.some((n) => !Object.hasOwn(next, n));
    idx.names = next;
    idx.modulesMtime = topStamp;
  }
  const toLoad: EntryJob[] = [];
  for (const [name, stored] of Object.entries(idx.names)) {
    const st = statBig(moduleDir(registry, name));
    if (!st?.isDirectory()) {
      delete idx.names[name];
      changed = true;
      continue;
    }
    const s = stamp(st);
    if (s !== null && s === stored.mtime) continue;
    const { versions } = await scanVersions(registry, name);
    const kept: Record<string, StoredVersion> = {};
    for (const v of versions) {
      const ino = statBig(versionPath(registry, name, v))?.ino.toString() ?? '';
      const old = own(stored.versions, v);
      if (old && old.ino === ino) kept[v] = old;
      else toLoad.push({ dir: versionPath(registry, name, v), name, version: v, ino });
    }
    changed ||= s !== stored.mtime || Object.keys(kept).length !== Object.keys(stored.versions).length;
    stored.versions = kept;
    stored.mtime = s;
  }
  const loaded = await runPool({ workerFile: 'index-worker.js', inProcess: loadEntry }, toLoad, () => undefined);
  toLoad.forEach((job, i) => {
    const entry = own(idx.names, job.name);
    const value = loaded.results[i];
    if (entry && value) entry.versions[job.version] = value;
  });
  for (const name of new Set(toLoad.map((j) => j.name))) {
    const entry = own(idx.names, name);
    if (entry) entry.versions = sortedVersions(entry.versions);
  }
  return changed || toLoad.length > 0;
}

function sortedVersions(versions: Record<string, StoredVersion>): Record<string, StoredVersion> {
  const out: Record<string, StoredVersion> = {};
  for (const v of Object.keys(versions).sort(compareVersions)) out[v] = versions[v] as StoredVersion;
  return out;
}

/**
 * Writes the index under the index lock. Verification states on disk that are for the same version folder
 * (same inode) and were recorded by someone else meanwhile are kept unless `authoritative` names them.
 */
async function writeIndex(registry: string, idx: IndexFile, authoritative: ReadonlySet<string> = new Set()): Promise<void> {
  mkdirSync(toolDir(registry), { recursive: true });
  const release = await acquireLock(registry, 'index');
  try {
    const disk = loadIndexFile(registry);
    for (const [name, stored] of Object.entries(idx.names)) {
      for (const [version, entry] of Object.entries(stored.versions)) {
        const theirs = own(disk.names, name)?.versions;
        const prior = theirs ? own(theirs, version) : undefined;
        if (!authoritative.has(`${name}@${version}`) && prior && prior.ino === entry.ino && prior.verification !== 'unverified') {
          entry.verification = prior.verification;
        }
      }
    }
    atomicWriteFile(indexFile(registry), JSON.stringify(idx));
  } finally {
    release();
  }
}

/** The fresh index with its storage details (inode, manifest file name); writes it back when it changed. */
export async function loadFreshIndex(registry: string): Promise<IndexFile> {
  const idx = loadIndexFile(registry);
  if (await refresh(registry, idx)) {
    try {
      await writeIndex(registry, idx);
    } catch {
      // A read-only registry still answers; it just cannot keep its cache.
    }
  }
  return idx;
}

export async function readIndex(registry: string): Promise<RegistryIndex> {
  const idx = await loadFreshIndex(registry);
  const modules: RegistryIndex['modules'] = {};
  for (const [name, stored] of Object.entries(idx.names)) {
    const versions: Record<string, IndexEntry> = {};
    for (const [v, e] of Object.entries(stored.versions)) {
      versions[v] = {
        description: e.description,
        tags: e.tags,
        dependencies: e.dependencies,
        verification: e.verification,
        inputTypes: e.inputTypes,
        outputTypes: e.outputTypes,
      };
    }
    if (Object.keys(versions).length > 0) modules[name] = versions;
  }
  return { modules };
}

/** Stores verification results (keyed `name@version`) as the last known state. Best effort. */
export async function recordVerification(registry: string, states: Map<string, Verification>): Promise<void> {
  try {
    const idx = loadIndexFile(registry);
    await refresh(registry, idx);
    for (const [name, stored] of Object.entries(idx.names)) {
      for (const [version, entry] of Object.entries(stored.versions)) {
        const s = states.get(`${name}@${version}`);
        if (s !== undefined) entry.verification = s;
      }
    }
    await writeIndex(registry, idx, new Set(states.keys()));
  } catch {
    // The cache is optional; verification results were already returned to the caller.
  }
}

/** After a publish: the new version is known good (we just hashed every byte of it). */
export async function recordPublished(registry: string, name: string, version: string): Promise<void> {
  await recordVerification(registry, new Map([[`${name}@${version}`, 'ok']]));
}
