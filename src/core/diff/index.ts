// Public API of the version comparison (docs/semver-rules.md): the CLI's `diff` and the app's compare view
// call these. Both sides are checked before anything is compared: a published version against its
// immutability manifest (tampered → DEPENDENCY_ERROR naming its files), a folder by validation.
import { PromptPMError } from '../errors.js';
import { resolveRegistryLocation } from '../registry/index.js';
import { diffModules, type DiffOptions } from './compare.js';
import { folderSide, registrySide } from './sides.js';
import type { FileTexts, FileTextsRequest } from './file-texts.js';
import type { VersionDiff } from './types.js';

export type * from './types.js';
export type { FileTexts, FileTextsRequest } from './file-texts.js';
export type { DiffOptions } from './compare.js';

/** Compares two published versions of one module; `a` is the old one. */
export async function diffVersions(registry: string, name: string, a: string, b: string, options: DiffOptions = {}): Promise<VersionDiff> {
  const root = await resolveRegistryLocation(registry);
  const before = await registrySide(root, name, a);
  const after = await registrySide(root, name, b);
  return diffModules(before, after, options);
}

/** Compares a module folder (work in progress) with a published version of the same module. */
export async function diffFolderAgainstVersion(registry: string, name: string, version: string, folder: string, options: DiffOptions = {}): Promise<VersionDiff> {
  const root = await resolveRegistryLocation(registry);
  const after = await folderSide(folder, root);
  if (after.ref.name !== name) {
    throw new PromptPMError('VALIDATION_ERROR', `The folder holds module ${after.ref.name}, not ${name}: ${after.ref.path}`, {
      hint: `Compare it with a version of ${after.ref.name}, or pass the folder of ${name}.`,
      path: after.ref.path,
      reason: 'NAME_MISMATCH',
    });
  }
  const before = await registrySide(root, name, version);
  return diffModules(before, after, options);
}

/** diffVersions on the registry's task thread where the host has one (the app), so its main thread never reads or diffs large files. */
export async function diffVersionsOffMainThread(registry: string, name: string, a: string, b: string): Promise<VersionDiff> {
  const { runOffMainThread } = await import('../registry/pool.js');
  return runOffMainThread('diffVersions', async (job) => (await import('./tasks.js')).diffVersionsTask(job), { registry, name, a, b });
}

/** The whole texts of one changed file of a comparison, read off the main thread where the host can. */
export async function fileTextsOffMainThread(registry: string, req: FileTextsRequest): Promise<FileTexts> {
  const { runOffMainThread } = await import('../registry/pool.js');
  return runOffMainThread('fileTexts', async (job) => (await import('./tasks.js')).fileTextsTask(job), { registry, ...req });
}
