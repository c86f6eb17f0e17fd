// Dependency resolution, its explanations and promptpm.lock (docs/lockfile.md).
export { installModule } from './install.js';
export { LOCK_FILE, serializeLock } from './lockfile.js';
export { resolveDependencies } from './resolve.js';
export { solveDependencies } from './solve.js';
export { installOrder } from './graph.js';
export type { ConflictClash, ConflictFact } from './explain.js';
export type { ResolvedGraph, Cycle } from './graph.js';
export type * from './types.js';
