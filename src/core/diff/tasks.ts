// The comparison as tasks of the registry's worker thread (registry-worker.ts): a host whose main thread
// must stay responsive (the app's main process) never reads, hashes or diffs large files on it.
import { diffVersions } from './index.js';
import { readFileTexts, type FileTexts, type FileTextsRequest } from './file-texts.js';
import type { VersionDiff } from './types.js';

export interface DiffJob {
  registry: string;
  name: string;
  a: string;
  b: string;
}

export const diffVersionsTask = (job: DiffJob): Promise<VersionDiff> => diffVersions(job.registry, job.name, job.a, job.b);

export const fileTextsTask = (job: FileTextsRequest & { registry: string }): Promise<FileTexts> => readFileTexts(job.registry, job);
