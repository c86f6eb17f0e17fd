// Public API of the registry (common.md): the CLI and the app call only these.
export { resolveRegistryLocation } from './location.js';
export { publishModule } from './publish.js';
export { listRegistry } from './list.js';
export { readIndex } from './index-cache.js';
export { readModuleInfo, readVersion } from './read.js';
export { verifyRegistry, verifyVersion } from './verify.js';
export { versionPath } from './paths.js';
export { LIMITS } from './collect.js';
export { serializeManifest, parseManifest } from './manifest.js';
export type * from './types.js';
export type { ImmutableManifest, ManifestFile } from './manifest.js';
