// verify: recompute every hash of one version or of the whole registry (parallel, streamed, cancellable),
// and remember each result as the version's last known verification in the index.
import { lstat } from 'node:fs/promises';
import type { LongWorkOptions } from '../progress.js';
import { moduleNotFound } from './errors.js';
import { recordVerification } from './index-cache.js';
import { resolveRegistryLocation } from './location.js';
import { isSafeName, isSafeVersion, moduleDir, versionPath } from './paths.js';
import { scanNames, scanVersions } from './scan.js';
import { runVerifyJobs } from './verify-pool.js';
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

async function collectJobs(root: string, name?: string, version?: string): Promise<{ jobs: VerifyJob[]; stray: string[] }> {
  if (name !== undefined && (!isSafeName(name) || !(await isRealDir(moduleDir(root, name))))) throw moduleNotFound(name, version);
  const scanned = name === undefined ? await scanNames(root) : { names: [name], stray: [] };
  const perName = await Promise.all(scanned.names.map(async (n) => ({ n, ...(await scanVersions(root, n)) })));
  const jobs: VerifyJob[] = [];
  const stray = [...scanned.stray];
  for (const { n, versions, stray: s } of perName) {
    stray.push(...s);
    for (const v of versions) if (version === undefined || v === version) jobs.push({ dir: versionPath(root, n, v), name: n, version: v });
  }
  if (version !== undefined && jobs.length === 0) throw moduleNotFound(name ?? '', version);
  return { jobs, stray: version === undefined ? stray : [] };
}

export async function verifyRegistry(registry: string, opts: { name?: string; version?: string } & LongWorkOptions = {}): Promise<VerifyReport> {
  const root = await resolveRegistryLocation(registry);
  const { jobs, stray } = await collectJobs(root, opts.name, opts.version);
  let done = 0;
  opts.onProgress?.({ phase: 'verify', done, total: jobs.length });
  const run = await runVerifyJobs(
    jobs,
    (r) => opts.onProgress?.({ phase: 'verify', done: ++done, total: jobs.length, current: `${r.name}@${r.version}` }),
    opts.signal,
  );
  const report: VerifyReport = { registry_path: root, total: 0, ok: 0, tampered: 0, unreadable: 0, cancelled: run.cancelled, versions: [], stray };
  const states = new Map<string, Verification>();
  for (const r of run.results) {
    if (r === undefined) continue;
    report.versions.push({ name: r.name, version: r.version, status: r.status, changed: r.changed, missing: r.missing, extra: r.extra });
    report[r.status]++;
    states.set(`${r.name}@${r.version}`, r.status);
  }
  report.total = report.versions.length;
  await recordVerification(root, states);
  return report;
}
