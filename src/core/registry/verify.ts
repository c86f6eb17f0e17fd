// verify: recompute every hash of one version or of the whole registry (parallel, cancellable), and
// remember each result as the version's last known verification in the index. The fresh index lists the
// versions and stray entries of the whole registry, so a full verify reads no folder twice; the worker
// threads boot while it loads.
import { lstat } from 'node:fs/promises';
import { sep } from 'node:path';
import { isModuleName, isStrictSemver } from '../module/name-version.js';
import type { LongWorkOptions } from '../progress.js';
import { moduleNotFound } from './errors.js';
import { freshen, parseIndexText, readIndexText, recordInOrder, recordVerification, versionCount, type IndexFile } from './index-cache.js';
import { resolveRegistryLocation } from './location.js';
import { moduleDir, modulesDir, versionPath } from './paths.js';
import { IN_PROCESS_MAX, TaskPool } from './pool.js';
import { scanVersions } from './scan.js';
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

interface Plan {
  jobs: VerifyJob[];
  stray: string[];
}

/** An index this long lists more versions than are verified in-process (about 100 bytes per version). */
const PRESTART_INDEX_CHARS = IN_PROCESS_MAX * 100;

/** Every version of the registry, in name then semver order, and every stray entry, from the fresh index. */
async function planAll(root: string, pool: TaskPool): Promise<Plan & { index: IndexFile }> {
  // The threads boot (and load the verify code) while the index is parsed and refreshed: a missing index
  // is rebuilt on them too.
  const text = readIndexText(root);
  if (text === null || text.length > PRESTART_INDEX_CHARS) pool.prestart('verify');
  const stored = parseIndexText(text);
  if (versionCount(stored) > IN_PROCESS_MAX) pool.prestart('verify');
  const index = await freshen(root, stored, pool);
  const jobs: VerifyJob[] = [];
  const stray = [...index.stray];
  const base = modulesDir(root) + sep;
  for (const [name, mod] of index.names) {
    stray.push(...mod.stray);
    // Index names and versions are checked path segments; versionPath would re-parse every version.
    for (const version of mod.versions) jobs.push({ dir: base + name + sep + version, name, version });
  }
  return { jobs, stray, index };
}

async function planOne(root: string, name: string, version?: string): Promise<Plan> {
  if (!isModuleName(name) || !(await isRealDir(moduleDir(root, name)))) throw moduleNotFound(name, version);
  const scan = await scanVersions(root, name);
  const jobs = scan.versions.filter((v) => version === undefined || v === version).map((v) => ({ dir: versionPath(root, name, v), name, version: v }));
  if (version !== undefined && jobs.length === 0) throw moduleNotFound(name, version);
  return { jobs, stray: version === undefined ? scan.stray : [] };
}

export async function verifyRegistry(registry: string, opts: { name?: string; version?: string } & LongWorkOptions = {}): Promise<VerifyReport> {
  const root = await resolveRegistryLocation(registry);
  const pool = new TaskPool();
  let done = 0;
  try {
    const plan: Plan & { index?: IndexFile } = opts.name === undefined ? await planAll(root, pool) : await planOne(root, opts.name, opts.version);
    const { jobs } = plan;
    const total = jobs.length;
    opts.onProgress?.({ phase: 'verify', done, total });
    const progress = (_: unknown, i: number): void => {
      const job = jobs[i]!;
      opts.onProgress?.({ phase: 'verify', done: ++done, total, current: `${job.name}@${job.version}` });
    };
    const run = await pool.run('verify', verifyPacked, jobs, opts.onProgress ? progress : () => undefined, opts.signal);
    const report: VerifyReport = { registry_path: root, total: 0, ok: 0, tampered: 0, unreadable: 0, cancelled: run.cancelled, versions: [], stray: plan.stray };
    const states: Array<Verification | undefined> = new Array(total);
    for (let i = 0; i < total; i++) {
      const packed = run.results[i];
      if (packed === undefined) continue;
      const r = unpackVerification(jobs[i]!, packed);
      // Keys in sorted order, the order the CLI prints them in.
      report.versions.push({ changed: r.changed, extra: r.extra, missing: r.missing, name: r.name, status: r.status, version: r.version });
      report[r.status]++;
      states[i] = r.status;
    }
    report.total = report.versions.length;
    // Whole-registry results are the fresh index's versions in order; a module's are recorded by key.
    if (plan.index) await recordInOrder(root, plan.index, states);
    else await recordVerification(root, new Map(report.versions.map((v): [string, Verification] => [`${v.name}@${v.version}`, v.status])));
    return report;
  } finally {
    pool.close();
  }
}
