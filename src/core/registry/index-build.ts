// The first index of a registry (no usable .promptpm/index.json): module folders are read on the pool and each is
// written into the index's columns as soon as it and every module before it in name order have arrived, then
// dropped. The columns' text waits in a temporary file (spill.ts), so a first list or verify keeps about as much
// in memory for 30,000 modules as for 1,000: the module names, the results still out of order, a byte per version
// for its state. The CLI's first list writes its listing text (list-text.ts) in the same pass. Where the index
// cannot be written (a read-only registry, a folder that is not a registry yet), nothing is built here and the
// caller reads the registry as an index in memory (index-cache.ts).
import { mkdirSync } from 'node:fs';
import { acquireLock } from './lock.js';
import { writeFileAtomicSync } from '../atomic-write.js';
import { countSteps, type ProgressListener } from '../progress.js';
import { isRegistryFolder } from '../registry-folder.js';
import { decodeIndex, loadDetail, type IndexFile } from './index-format.js';
import { keepTheirStates, loadIndexFile } from './index-cache.js';
import { ArrayText, encodeIndex, IndexColumns } from './index-encode.js';
import { scanModule, type ModuleScan, type ModuleScanJob } from './index-scan.js';
import { modulesFolderJson, packageRowOf, versionRowsJson } from './list-rows.js';
import { writeListParts, type ListText } from './list-text.js';
import { indexFile, modulesDir, toolDir } from './paths.js';
import { TaskPool } from './pool.js';
import { scanNames } from './scan.js';
import { SpillFile } from './spill.js';
import { fileIdentity, stamp, statDir } from './stamps.js';

/** What a first build wrote: the index, and the listing text when asked for and it could be recorded. */
export interface FirstIndex {
  listText: ListText | null;
}

/** The listing's two arrays, made as modules are added. */
interface Listing {
  /** modulesFolderJson of the registry. */
  folder: string;
  modules: ArrayText;
  packages: ArrayText;
  count: number;
}

/** What a first build starts from: modules/ as read. */
export interface FirstIndexTop {
  /** When modules/ was read, and its mtime then (read before it was listed). */
  now: number;
  modulesMtimeMs: number;
  /** How many module folders its listing named (each is put), and its stray entries. */
  modules: number;
  stray: string[];
  /** Also make the CLI's listing text. */
  listText: boolean;
}

/** One first build: modules are put in any order (by their position in name order) and written in order. */
export class FirstIndexBuild {
  private readonly columns: IndexColumns;
  private readonly listing: Listing | null;
  private readonly waiting = new Map<number, { name: string; scan: ModuleScan | null }>();
  private next = 0;
  private failed = false;

  private constructor(
    private readonly root: string,
    private readonly top: FirstIndexTop,
    private readonly spill: SpillFile,
  ) {
    this.columns = new IndexColumns(spill, stamp(top.modulesMtimeMs, top.now), top.stray);
    this.listing = top.listText ? { folder: modulesFolderJson(root), modules: new ArrayText(spill), packages: new ArrayText(spill), count: 0 } : null;
  }

  /** A build for the registry at `root` (see FirstIndexTop); null when the index cannot be kept there. */
  static open(root: string, top: FirstIndexTop): FirstIndexBuild | null {
    // Reading a folder never makes it a registry: the cache is kept only in one that already is.
    if (!isRegistryFolder(root)) return null;
    try {
      mkdirSync(toolDir(root), { recursive: true });
      return new FirstIndexBuild(root, top, SpillFile.beside(indexFile(root)));
    } catch {
      return null;
    }
  }

  /**
   * Module `name`, the `at`-th in name order: its scan, or null when it was not read (it is left out). Never
   * throws (it runs where results arrive): a failed write of the temporary file fails the build instead.
   */
  put(at: number, name: string, scan: ModuleScan | null): void {
    if (this.failed) return;
    this.waiting.set(at, { name, scan });
    try {
      for (let m = this.waiting.get(this.next); m !== undefined; m = this.waiting.get(this.next)) {
        this.waiting.delete(this.next++);
        if (m.scan !== null) this.add(m.name, m.scan);
      }
    } catch {
      // A full disk, say: the index is a cache, and the caller reads the registry without it.
      this.failed = true;
      this.waiting.clear();
    }
  }

  private add(name: string, scan: ModuleScan): void {
    // A folder gone since its name was read is no module.
    if (scan.mtimeMs === null) return;
    const { versions, entries } = scan;
    const entry = (i: number): NonNullable<ModuleScan['entries'][number]> => entries[i]!;
    this.columns.add(name, { mtime: stamp(scan.mtimeMs, this.top.now), versions, stray: scan.stray }, entry);
    if (this.listing === null || versions.length === 0) return;
    this.listing.modules.add(versionRowsJson(this.listing.folder, name, versions));
    // A row object made with its keys in canonical order: its JSON is the listing's text.
    this.listing.packages.add(JSON.stringify(packageRowOf(name, versions, (i) => entry(i).verification, entry)));
    this.listing.count += versions.length;
  }

  /**
   * Writes the index (and the listing text, when asked for); nothing unless every module was put. States recorded meanwhile
   * by someone else in an index written since are kept for the same version folders, unless `authoritative` (the
   * states put are a verify's). Null when the index could not be written.
   */
  async finish(authoritative: boolean): Promise<FirstIndex | null> {
    if (this.failed || this.next < this.top.modules) return null;
    try {
      const path = indexFile(this.root);
      const release = await acquireLock(this.root, 'index');
      let merged = false;
      let origin: string;
      try {
        const theirs = authoritative ? null : recordedStates(this.root);
        let text: Iterable<string | Uint8Array> = this.columns.text();
        if (theirs !== null) {
          // Spilled pieces share one buffer: each is copied as it comes.
          const ours = decodeIndex(Buffer.concat(Array.from(text, (piece) => Buffer.from(piece))))!;
          keepTheirStates(theirs, ours, new Set());
          text = encodeIndex(ours, this.spill);
          merged = true;
        }
        // 0o644 as every file of a registry: readable by all who share it.
        origin = fileIdentity(writeFileAtomicSync(path, text, 0o644));
      } finally {
        release();
      }
      return { listText: merged ? null : this.writeListing(origin) };
    } catch {
      return null;
    }
  }

  private writeListing(index: string): ListText | null {
    const { listing, columns } = this;
    const modulesMtime = columns.modulesMtime;
    if (listing === null || modulesMtime === null || !columns.allStamped) return null;
    return writeListParts(this.root, {
      index,
      modulesMtime,
      count: listing.count,
      names: columns.namesText(),
      mtimes: columns.mtimesText(),
      modules: listing.modules.pieces(),
      packages: listing.packages.pieces(),
    });
  }

  /** Ends the build; its temporary file goes with it. */
  close(): void {
    this.spill.close();
  }
}

/** The index on disk with its entries loaded when it records a state besides unverified (someone verified), else null. */
function recordedStates(root: string): IndexFile | null {
  const disk = loadIndexFile(root, true);
  if (disk.columns === null || !/[^u]/.test(disk.columns.states)) return null;
  // The entries from the lines already read, not a second read of the file.
  return loadDetail(disk) ? disk : null;
}

/**
 * Builds the first index of the registry at `root` on a pool of its own; null when modules/ is missing or the
 * index cannot be kept there (nothing was written then).
 */
export async function buildFirstIndex(root: string, opts: { onProgress?: ProgressListener; listText?: boolean } = {}): Promise<FirstIndex | null> {
  const now = Date.now();
  // Stamped before listing, as a refresh does: a module added meanwhile leaves a newer mtime.
  const top = statDir(modulesDir(root));
  if (top === null) return null;
  const { names, stray } = await scanNames(root);
  const build = FirstIndexBuild.open(root, { now, modulesMtimeMs: top.mtimeMs, modules: names.length, stray, listText: opts.listText === true });
  if (build === null) return null;
  const pool = new TaskPool();
  try {
    const jobs: ModuleScanJob[] = names.map((name) => ({ registry: root, name, known: [] }));
    const step = countSteps(opts.onProgress, 'index', jobs.length, 'modules');
    const arrived = (scan: ModuleScan, i: number): void => {
      build.put(i, names[i]!, scan);
      step(names[i]!);
    };
    await pool.run('index', scanModule, jobs, arrived, undefined, false);
    return await build.finish(false);
  } finally {
    pool.close();
    build.close();
  }
}
