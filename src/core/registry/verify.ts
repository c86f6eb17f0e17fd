// verify: recompute every hash of one version or of the whole registry (parallel, cancellable), and
// remember each result as the version's last known verification in the index. The fresh index lists the
// versions and stray entries of the whole registry, so a full verify reads no folder twice; the worker
// threads boot while it loads.
import { lstat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { LongWorkOptions } from '../progress.js';
import { moduleNotFound } from './errors.js';
import { freshen, loadIndexFile, recordInOrder, recordVerification, versionCount, type IndexFile } from './index-cache.js';
import { resolveRegistryLocation } from './location.js';
import { isSafeName, isSafeVersion, moduleDir, modulesDir, versionPath } from './paths.js';
import { IN_PROCESS_MAX, TaskPool } from './pool.js';
import { scanVersions } from './scan.js';
import { verifyVersionDir, type VerifyJob } from './verify-one.js';
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
  if (!isSafeName(name) || !isSafeVersion(version)) throw moduleNotFound(name, version);
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

type Progress = (r: VersionVerification) => void;

/** Every version of the registry, in name then semver order, and every stray entry, from the fresh index. */
async function planAll(root: string, pool: TaskPool): Promise<Plan & { index: IndexFile }> {
  const stored = loadIndexFile(root);
  if (versionCount(stored) > IN_PROCESS_MAX) pool.prestart();
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
  if (!isSafeName(name) || !(await isRealDir(moduleDir(root, name)))) throw moduleNotFound(name, version);
  const scan = await scanVersions(root, name);
  const jobs = scan.versions.filter((v) => version === undefined || v === version).map((v) => ({ dir: versionPath(root, name, v), name, version: v }));
  if (version !== undefined && jobs.length === 0) throw moduleNotFound(name, version);
  return { jobs, stray: version === undefined ? scan.stray : [] };
}

export async function verifyRegistry(registry: string, opts: { name?: string; version?: string } & LongWorkOptions = {}): Promise<VerifyReport> {
  const root = await resolveRegistryLocation(registry);
  const pool = new TaskPool();
  let done = 0;
  const progress =
    (total: number): Progress =>
    (r) =>
      opts.onProgress?.({ phase: 'verify', done: ++done, total, current: `${r.name}@${r.version}` });
  try {
    const plan: Plan & { index?: IndexFile } = opts.name === undefined ? await planAll(root, pool) : await planOne(root, opts.name, opts.version);
    opts.onProgress?.({ phase: 'verify', done, total: plan.jobs.length });
    const run = await pool.run('verify', verifyVersionDir, plan.jobs, progress(plan.jobs.length), opts.signal);
    const outcome = { ...run, stray: plan.stray, index: plan.index };
    const report: VerifyReport = { registry_path: root, total: 0, ok: 0, tampered: 0, unreadable: 0, cancelled: outcome.cancelled, versions: [], stray: outcome.stray };
    for (const r of outcome.results) {
      if (r === undefined) continue;
      report.versions.push({ name: r.name, version: r.version, status: r.status, changed: r.changed, missing: r.missing, extra: r.extra });
      report[r.status]++;
    }
    report.total = report.versions.length;
    // Whole-registry results are the fresh index's versions in order; a module's are recorded by key.
    if (outcome.index) await recordInOrder(root, outcome.index, outcome.results.map((r) => r?.status));
    else await recordVerification(root, new Map(report.versions.map((v): [string, Verification] => [`${v.name}@${v.version}`, v.status])));
    return report;
  } finally {
    pool.close();
  }
}
