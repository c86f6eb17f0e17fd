// Public API of the registry (common.md): the CLI and the app call only these. Publishing and reading a
// version need the module loader (YAML, TOML, validation, the test runner), and verifying needs hashing
// and the worker pool; each loads its code on first call, so `list` starts without any of it.
import type { LongWorkOptions } from '../progress.js';
import type { TestReport } from '../testing/index.js';
import type { InfoResult, PublishResult, VersionDetail, VersionVerification, VerifyReport } from './types.js';

export { resolveRegistryLocation } from './location.js';
export { listRegistry, listRegistryRows } from './list.js';
export { readIndex } from './index-cache.js';
export { versionPath } from './paths.js';
export { LIMITS } from './limits.js';
export type * from './types.js';
export type { ImmutableManifest, ManifestFile } from './manifest.js';

export async function publishModule(registry: string, moduleDir: string, opts?: LongWorkOptions): Promise<PublishResult> {
  return (await import('./publish.js')).publishModule(registry, moduleDir, opts);
}

export async function readModuleInfo(registry: string, name: string, version?: string): Promise<InfoResult> {
  return (await import('./read.js')).readModuleInfo(registry, name, version);
}

export async function readVersion(registry: string, name: string, version: string): Promise<VersionDetail> {
  return (await import('./read.js')).readVersion(registry, name, version);
}

export async function verifyRegistry(registry: string, opts?: { name?: string; version?: string } & LongWorkOptions): Promise<VerifyReport> {
  return (await import('./verify.js')).verifyRegistry(registry, opts);
}

export async function verifyVersion(registry: string, name: string, version: string): Promise<VersionVerification> {
  return (await import('./verify.js')).verifyVersion(registry, name, version);
}

/** readVersion on the registry's task thread where the host has one (the app), so its main thread never hashes a version (nor loads the code). */
export async function readVersionOffMainThread(registry: string, name: string, version: string): Promise<VersionDetail> {
  const { runOffMainThread } = await import('./pool.js');
  return runOffMainThread('readVersion', async (job) => (await import('./version-tasks.js')).readVersionTask(job), { registry, name, version });
}

/** Runs a published version's tests (refused unless it is intact) on the registry's task thread where the host has one. */
export async function testVersionOffMainThread(registry: string, name: string, version: string): Promise<TestReport> {
  const { runOffMainThread } = await import('./pool.js');
  return runOffMainThread('testVersion', async (job) => (await import('./version-tasks.js')).testVersionTask(job), { registry, name, version });
}

/** The module names under modules/, sorted, read without the index: what a registry opened for the first time shows at once. */
export async function listModuleNames(registry: string): Promise<string[]> {
  const { resolveRegistryLocation } = await import('./location.js');
  const root = await resolveRegistryLocation(registry);
  const { scanNames } = await import('./scan.js');
  return (await scanNames(root)).names;
}
