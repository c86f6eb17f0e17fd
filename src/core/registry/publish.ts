// publish (§4): registry location (3), validation (1), tests (2), existing version (4); then copy into
// staging, write the manifest, fsync, and make the version visible with ONE rename under a per-name lock.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { PromptPMError, validationFailure } from '../errors.js';
import { loadModule, type LoadedModule, type ModuleFile } from '../module/index.js';
import type { LongWorkOptions } from '../progress.js';
import { runModuleTests } from '../testing/index.js';
import { fsyncDir, writeNewFileDurable } from './durable.js';
import { recordPublished } from './index-cache.js';
import { acquireLock } from './lock.js';
import { resolveRegistryLocation } from './location.js';
import { serializeManifest } from './manifest.js';
import { MANIFEST_FILE, moduleDir, modulesDir, versionPath } from './paths.js';
import { findEqualVersion } from './scan.js';
import { cleanupStaging, copyIntoStaging, createStaging } from './staging.js';
import type { PublishResult } from './types.js';
import { join } from 'node:path';
import { isModuleName } from '../module/name-version.js';
import { isStrictSemver } from '../module/strict-version.js';

function conflict(modulePath: string, registry: string, name: string, version: string, existing: string): PromptPMError {
  const same = existing === version;
  return new PromptPMError('PUBLISH_CONFLICT', `Published version already exists: ${name}@${version}`, {
    hint: same
      ? 'Published versions are immutable: bump the version in promptpm.yaml and publish again.'
      : `${version} has the same semver precedence as the published ${existing}; bump the version and publish again.`,
    path: modulePath,
    reason: 'VERSION_EXISTS',
    data: { identifier: `${name}@${version}`, existing: `${name}@${existing}`, published_path: versionPath(registry, name, existing) },
  });
}

const isConflictErrno = (err: unknown): boolean =>
  ['EEXIST', 'ENOTEMPTY', 'ENOTDIR', 'EISDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

/** Moves the staged folder to modules/<name>/<version> unless an equal version exists; both under the lock (also lands pulled versions). */
export async function commit(registry: string, staging: string, modulePath: string, name: string, version: string, signal?: AbortSignal): Promise<string> {
  const release = await acquireLock(registry, `module.${name}`, signal);
  try {
    const existing = await findEqualVersion(registry, name, version);
    if (existing !== null) throw conflict(modulePath, registry, name, version, existing);
    signal?.throwIfAborted();
    mkdirSync(moduleDir(registry, name), { recursive: true });
    const target = versionPath(registry, name, version);
    try {
      renameSync(staging, target);
    } catch (err) {
      if (isConflictErrno(err)) throw conflict(modulePath, registry, name, version, version);
      throw err;
    }
    fsyncDir(moduleDir(registry, name));
    fsyncDir(modulesDir(registry));
    return target;
  } finally {
    release();
  }
}

export async function publishModule(registry: string, moduleDir_: string, opts: LongWorkOptions = {}): Promise<PublishResult> {
  const registryPath = await resolveRegistryLocation(registry);
  opts.onProgress?.({ phase: 'validate', done: 0, total: 1 });
  const valid = await validateForPublish(registryPath, moduleDir_);
  opts.onProgress?.({ phase: 'test', done: 0, total: 1 });
  const result = await writeVersion(registryPath, await testForPublish(valid), opts);
  await recordPublished(registryPath, result.name, result.version);
  opts.onProgress?.({ phase: 'commit', done: 1, total: 1, current: result.identifier });
  return result;
}

/** A module folder that passed publish's validation (1). */
export interface ValidModule {
  mod: LoadedModule;
  files: ModuleFile[];
  name: string;
  version: string;
}

/** ...and its tests (2). */
export interface CheckedModule extends ValidModule {
  tests: PublishResult['tests'];
}

/** Validation (1) as publish runs it; `registryPath` is left out of the module's files. */
export async function validateForPublish(registryPath: string, moduleDir_: string): Promise<ValidModule> {
  // Validation includes what the copy would refuse; its file list is what is copied (folder-contents.ts).
  const mod = await loadModule(moduleDir_, { contents: { registry: registryPath } });
  if (mod.errors.length > 0 || mod.manifest === null || mod.files === undefined) {
    throw validationFailure(mod.path, mod.errors, mod.warnings, { path: mod.path, source: mod.source });
  }
  const { name, version } = mod.manifest.module;
  if (!isModuleName(name) || !isStrictSemver(version)) {
    throw new PromptPMError('VALIDATION_ERROR', `Module name or version is not a safe path segment: ${name}@${version}`, {
      hint: 'Use a name matching [A-Za-z0-9][A-Za-z0-9._+-]* and a strict SemVer version.',
      path: mod.path,
      reason: 'UNSAFE_SEGMENT',
    });
  }
  return { mod, files: mod.files, name, version };
}

/** Tests (2) as publish runs them. */
export async function testForPublish(valid: ValidModule): Promise<CheckedModule> {
  const { mod } = valid;
  const report = await runModuleTests(mod);
  if (report.failed > 0) {
    throw new PromptPMError('TEST_FAILURE', `Module tests failed: ${report.failed} of ${report.total} failed`, {
      hint: 'Run `promptpm test` to see each failing assertion, fix them, then publish again.',
      path: mod.path,
      // The earlier tool's shape for a refused publish (docs/cli.md): counts and the failures rows of `test`.
      data: { tests: { total: report.total, passed: report.passed, failed: report.failed }, failures: report.failures },
    });
  }
  return { ...valid, tests: { total: report.total, passed: report.passed, failed: report.failed } };
}

/** Existing version (4), then the atomic write. Updating the index cache is the caller's (recordPublished). */
export async function writeVersion(registryPath: string, checked: CheckedModule, opts: LongWorkOptions = {}): Promise<PublishResult> {
  const { mod, files, name, version } = checked;
  const early = await findEqualVersion(registryPath, name, version);
  if (early !== null) throw conflict(mod.path, registryPath, name, version, early);

  cleanupStaging(registryPath);
  const staging = createStaging(registryPath);
  let published: string;
  try {
    const entries = copyIntoStaging(mod.path, staging, files, opts);
    writeNewFileDurable(join(staging, MANIFEST_FILE), serializeManifest({ algorithm: 'sha256', files: entries, name, version }));
    fsyncDir(staging);
    opts.onProgress?.({ phase: 'commit', done: 0, total: 1 });
    published = await commit(registryPath, staging, mod.path, name, version, opts.signal);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return {
    identifier: `${name}@${version}`,
    name,
    version,
    module_path: mod.path,
    published_path: published,
    registry_path: registryPath,
    tests: checked.tests,
  };
}
