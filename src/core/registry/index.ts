// Public API of the registry (common.md): the CLI and the app call only these. Publishing and reading a
// version need the module loader (YAML, TOML, validation, the test runner); they load it on first call,
// so `list` and `verify` start without it.
import type { LongWorkOptions } from '../progress.js';
import type { InfoResult, PublishResult, VersionDetail } from './types.js';

export { resolveRegistryLocation } from './location.js';
export { listRegistry } from './list.js';
export { readIndex } from './index-cache.js';
export { verifyRegistry, verifyVersion } from './verify.js';
export { versionPath } from './paths.js';
export { LIMITS } from './collect.js';
export { serializeManifest, parseManifest } from './manifest.js';
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
