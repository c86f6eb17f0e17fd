// Work on one published version that hashes the whole version: reading it and running its tests. Both run
// as tasks of the registry's worker thread (registry-worker.ts), so a host whose main thread must stay
// responsive (the app's main process) never hashes a large version on it.
import { PromptPMError, validationFailure } from '../errors.js';
import { loadModule } from '../module/index.js';
import { runModuleTests, type TestReport } from '../testing/index.js';
import { versionPath } from './paths.js';
import { readVersion } from './read.js';
import { verifyVersion } from './verify.js';
import type { VersionDetail } from './types.js';

export interface VersionJob {
  registry: string;
  name: string;
  version: string;
}

export function readVersionTask(job: VersionJob): Promise<VersionDetail> {
  return readVersion(job.registry, job.name, job.version);
}

/** Runs the tests of a version after checking it is intact: results of altered files would mislead. */
export async function testVersionTask(job: VersionJob): Promise<TestReport> {
  const folder = versionPath(job.registry, job.name, job.version);
  const check = await verifyVersion(job.registry, job.name, job.version);
  if (check.status !== 'ok') {
    throw new PromptPMError('DEPENDENCY_ERROR', `Version ${job.name}@${job.version} is ${check.status}; its tests were not run`, {
      hint: 'Verify the registry to see which files differ from what was published.',
      path: folder,
      reason: 'TAMPERED',
      data: { changed: check.changed, missing: check.missing, extra: check.extra },
    });
  }
  const loaded = await loadModule(folder);
  if (loaded.errors.length > 0) throw validationFailure(folder, loaded.errors, loaded.warnings);
  return runModuleTests(loaded);
}
