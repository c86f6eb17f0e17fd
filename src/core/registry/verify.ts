// verify: recompute every hash of one version or of the whole registry (parallel, cancellable), and
// remember each result as the version's last known verification in the index. A whole-registry verify
// hands module names to the worker threads, which list each module folder themselves: nothing waits for
// the index, which is read meanwhile only to record the results in.
import { statSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { isModuleName } from '../module/name-version.js';
import { isStrictSemver } from '../module/strict-version.js';
import { countSteps, type LongWorkOptions } from '../progress.js';
import { moduleNotFound } from './errors.js';
import { PromptPMError } from '../errors.js';
import { parseIndexText, readIndexText, recordInOrder, recordVerification, type IndexFile } from './index-cache.js';
import { FirstIndexBuild } from './index-build.js';
import { recordsAllOk } from './index-format.js';
import { resolveRegistryLocation } from './location.js';
import { indexFile, moduleDir, modulesDir, versionPath } from './paths.js';
import { statDir } from './stamps.js';
import { inProcessMax, TaskPool } from './pool.js';
import { mainThreadShares } from './worker-script.js';
import { ScanCompactor } from './index-scan.js';
import { scanNames, scanVersions } from './scan.js';
import { verifyModule, type ModuleJob, type ModuleVerification } from './verify-module.js';
import { unpackVerification, verifyPacked, verifyVersionDir, type VerifyJob } from './verify-one.js';
import type { Verification, VersionVerification, VerifyReport } from './types.js';

async function isRealDir(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Absolute folder of an existing version; DEPENDENCY_ERROR `Module not found` otherwise. */
export async function existingVersionPath(registry: string, name: string, version: string): Promise<string> {
  if (!isModuleName(name) || !isStrictSemver(version)) throw moduleNotFound(name, version);
  const dir = versionPath(registry, name, version);
  if (!(await isRealDir(dir))) throw moduleNotFound(name, version);
  return dir;
}

export async function verifyVersion(registry: string, name: string, version: string): Promise<VersionVerification> {
  const root = await resolveRegistryLocation(registry);
  const dir = await existingVersionPath(root, name, version);
  const result = verifyVersionDir({ dir, name, version });
  await recordVerification(root, new Map([[`${name}@${version}`, result.status]]));
  return result;
}

/** An index this large lists more modules than are verified in-process (some 350 bytes per module of three versions). */
const prestartIndexBytes = (): number => inProcessMax('verifyModule') * 400;

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

type Row = VerifyReport['versions'][number];

interface Outcome {
  rows: Row[];
  stray: string[];
  cancelled: boolean;
}

// Keys in sorted order, the order the CLI prints them in.
const rowOf = (r: Pick<VersionVerification, 'changed' | 'extra' | 'missing' | 'name' | 'status' | 'version'>): Row => ({
  changed: r.changed,
  extra: r.extra,
  missing: r.missing,
  name: r.name,
  status: r.status,
  version: r.version,
});

// The changed, extra and missing paths of every intact version: one frozen empty list rather than three
// arrays for each of tens of thousands of versions.
const NONE = Object.freeze([]) as readonly string[] as string[];

/** Appends one row per version of module `name` to `rows`. */
function addRows(rows: Row[], name: string, m: ModuleVerification): Row[] {
  m.versions.forEach((version, i) => {
    const r = m.results[i];
    rows.push(r ? rowOf(r) : { changed: NONE, extra: NONE, missing: NONE, name, status: 'ok', version });
  });
  return rows;
}

function unlistedError(root: string, name: string, why: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Module folder cannot be read: ${name} (${why})`, {
    hint: 'Check that the folder and its permissions are intact, then verify again.',
    path: moduleDir(root, name),
    reason: 'UNREADABLE',
  });
}

/** One state per version of `index`, in its order: the result where that module's versions are the ones verified. */
function statesInIndexOrder(index: IndexFile, jobs: ModuleJob[], results: Array<ModuleVerification | undefined>): Array<Verification | undefined> {
  const byName = new Map(jobs.map((job, i) => [job.name, results[i]]));
  const states: Array<Verification | undefined> = [];
  for (const [name, stored] of index.names) {
    const m = byName.get(name);
    const same = m !== undefined && m.versions.length === stored.versions.length && m.versions.every((v, i) => v === stored.versions[i]);
    for (let i = 0; i < stored.versions.length; i++) states.push(same ? (m.results[i]?.status ?? 'ok') : undefined);
  }
  return states;
}

/** Every version of the registry, module by module in name order; progress counts modules. */
async function verifyAll(root: string, pool: TaskPool, opts: LongWorkOptions): Promise<Outcome> {
  // The threads boot while the module names are read when the index says the registry is large. Without an
  // index, only where the main thread does not share the work: where it does, it does a small run alone, and
  // the run itself starts the threads for a large one.
  const indexSize = fileSize(indexFile(root));
  if (indexSize === null ? !mainThreadShares() : indexSize > prestartIndexBytes()) pool.prestart('verifyModule');
  const now = Date.now();
  // Stamped before listing, as a rescan does: a module added meanwhile leaves a newer mtime.
  const modules = indexSize === null ? statDir(modulesDir(root)) : null;
  const top = await scanNames(root);
  // Without an index yet, the threads also read each version's entry from the files they hash, and the first
  // index is written from those as they arrive, with the states just found (index-build.ts).
  const build = modules === null ? null : FirstIndexBuild.open(root, { now, modulesMtimeMs: modules.mtimeMs, modules: top.names.length, stray: top.stray, listText: false });
  try {
    const jobs: ModuleJob[] = top.names.map((name) => ({ registry: root, name, index: build !== null }));
    const step = countSteps(opts.onProgress, 'verify', jobs.length, 'modules');
    const compactor = new ScanCompactor();
    // A module's rows are made for a listener and dropped: the report's rows are made at the end from the
    // modules' results, which keep only what is not intact.
    const arrived = (m: ModuleVerification, i: number): void => {
      if (build !== null) {
        build.put(i, jobs[i]!.name, m.scan ?? null);
        delete m.scan;
      }
      m.versions = m.versions.map(compactor.string);
      step(jobs[i]!.name, opts.onProgress && addRows([], jobs[i]!.name, m));
    };
    const running = pool.run('verifyModule', verifyModule, jobs, arrived, opts.signal);
    // Read while the threads hash: only to record the results in, so it need not be fresh.
    const text = build === null ? readIndexText(root) : null;
    const run = await running;
    const unlisted = run.results.findIndex((m) => m?.unlisted !== undefined);
    if (unlisted >= 0) throw unlistedError(root, jobs[unlisted]!.name, run.results[unlisted]!.unlisted!);
    const allOk = run.results.every((m) => m === undefined || m.results.every((r) => r === null));
    if (build !== null) {
      if (!run.cancelled) await build.finish(true);
    } else if (text !== null && !(allOk && recordsAllOk(text))) {
      const stored = parseIndexText(text, true);
      await recordInOrder(root, stored, statesInIndexOrder(stored, jobs, run.results));
    }
    const stray = [...top.stray];
    const rows: Row[] = [];
    run.results.forEach((m, i) => {
      if (m === undefined) return;
      stray.push(...m.stray);
      addRows(rows, jobs[i]!.name, m);
    });
    return { rows, stray, cancelled: run.cancelled };
  } finally {
    build?.close();
  }
}

async function planOne(root: string, name: string, version?: string): Promise<{ jobs: VerifyJob[]; stray: string[] }> {
  if (!isModuleName(name) || !(await isRealDir(moduleDir(root, name)))) throw moduleNotFound(name, version);
  const scan = await scanVersions(root, name);
  const jobs = scan.versions.filter((v) => version === undefined || v === version).map((v) => ({ dir: versionPath(root, name, v), name, version: v }));
  if (version !== undefined && jobs.length === 0) throw moduleNotFound(name, version);
  return { jobs, stray: version === undefined ? scan.stray : [] };
}

/** The versions of one module (or one version); progress counts versions. */
async function verifyOne(root: string, pool: TaskPool, name: string, version: string | undefined, opts: LongWorkOptions): Promise<Outcome> {
  const { jobs, stray } = await planOne(root, name, version);
  // Kept at each job's place: results arrive as the threads finish them, the report lists them in semver order.
  const found: Array<Row | undefined> = new Array(jobs.length);
  const step = countSteps(opts.onProgress, 'verify', jobs.length, 'versions');
  const run = await pool.run('verify', verifyPacked, jobs, (packed, i) => step(`${name}@${jobs[i]!.version}`, [(found[i] = rowOf(unpackVerification(jobs[i]!, packed)))]), opts.signal);
  const rows = found.filter((row): row is Row => row !== undefined);
  await recordVerification(root, new Map(rows.map((r): [string, Verification] => [`${r.name}@${r.version}`, r.status])));
  return { rows, stray, cancelled: run.cancelled };
}

export async function verifyRegistry(registry: string, opts: { name?: string; version?: string } & LongWorkOptions = {}): Promise<VerifyReport> {
  // Verifying nothing is no success: a mistyped registry path must not pass with 0 versions.
  const root = await resolveRegistryLocation(registry, { mustExist: true });
  const pool = new TaskPool();
  try {
    const { rows, stray, cancelled } = opts.name === undefined ? await verifyAll(root, pool, opts) : await verifyOne(root, pool, opts.name, opts.version, opts);
    const report: VerifyReport = { registry_path: root, total: rows.length, ok: 0, tampered: 0, unreadable: 0, cancelled, versions: rows, stray };
    for (const r of rows) report[r.status]++;
    return report;
  } finally {
    pool.close();
  }
}
