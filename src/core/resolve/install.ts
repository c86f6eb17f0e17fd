// install [path] [--frozen]: validate the module, resolve and verify its dependencies, and keep
// promptpm.lock in step — rewritten only when its bytes change, never written under --frozen.
import { lstat, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { PromptPMError, validationFailure } from '../errors.js';
import { loadModule } from '../module/load.js';
import type { LongWorkOptions } from '../progress.js';
import { resolveRegistryLocation } from '../registry/location.js';
import { LOCK_FILE, lockDifferences, serializeLock } from './lockfile.js';
import { resolveInRegistry } from './resolve.js';
import type { InstallResult } from './types.js';

export async function installModule(moduleDir: string, registry: string, opts: { frozen?: boolean } & LongWorkOptions = {}): Promise<InstallResult> {
  const registryPath = await resolveRegistryLocation(registry);
  const mod = await loadModule(moduleDir);
  if (!mod.manifest || mod.errors.length > 0) throw validationFailure(mod.path, mod.errors, mod.warnings);
  const { name, version } = mod.manifest.module;
  const resolution = await resolveInRegistry(registryPath, { name, version, dependencies: mod.manifest.dependencies }, mod.path, opts);

  const lockPath = join(mod.path, LOCK_FILE);
  const text = serializeLock(resolution.lock);
  const existing = await readLock(lockPath);
  if (opts.frozen) checkFrozen(lockPath, existing, text, resolution.lock);
  else if (existing !== text) await writeFileAtomic(lockPath, text);
  return {
    module_path: mod.path,
    registry_path: registryPath,
    count: resolution.installed.length,
    installed: resolution.installed,
    lock_path: lockPath,
    tree: resolution.root,
  };
}

/** The lock's text, or null when there is none; anything but a regular file there is refused. */
async function readLock(lockPath: string): Promise<string | null> {
  try {
    if (!(await lstat(lockPath)).isFile()) throw lockError(lockPath, `${LOCK_FILE} is not a regular file`, 'LOCK_INVALID', []);
    return await readFile(lockPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function checkFrozen(lockPath: string, existing: string | null, text: string, lock: Parameters<typeof lockDifferences>[1]): void {
  if (existing === null) {
    throw lockError(lockPath, `${LOCK_FILE} is missing; --frozen needs an existing lock`, 'LOCK_MISSING', [], 'Run `promptpm install` without --frozen to create it.');
  }
  if (existing === text) return;
  const { differences, integrity } = lockDifferences(existing, lock);
  if (integrity.length > 0) {
    throw lockError(lockPath, `Integrity differs from ${LOCK_FILE}: ${integrity.join('; ')}`, 'INTEGRITY_MISMATCH', [...integrity, ...differences]);
  }
  const found = differences.length > 0 ? differences : [`${LOCK_FILE} is not in canonical form (sorted keys, two-space indent, final newline)`];
  throw lockError(lockPath, `${LOCK_FILE} is out of date: ${found.join('; ')}`, 'LOCK_OUTDATED', found);
}

function lockError(lockPath: string, message: string, reason: string, differences: string[], hint?: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', message, {
    hint: hint ?? 'Run `promptpm install` without --frozen to update the lock, and review the change.',
    path: dirname(lockPath),
    reason,
    file: lockPath,
    data: { lock_path: lockPath, differences },
  });
}
