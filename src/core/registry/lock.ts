// Short-lived exclusive locks in <registry>/.promptpm/locks/: a file created with O_EXCL holding the owner's
// pid and a token. Held only around the final check-and-rename of a publish (and index writes), so a lock
// whose owner is dead, or that is older than STALE_MS, is abandoned and may be broken.
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { locksDir } from './paths.js';
import { pidAlive, uniqueToken, writeNewFileDurable } from './durable.js';

const STALE_MS = 60_000;
const WAIT_MS = 30_000;

export type Release = () => void;

function readOwner(path: string): { pid: number; token: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; token?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.token === 'string' ? { pid: parsed.pid, token: parsed.token } : null;
  } catch {
    return null;
  }
}

function isStale(path: string): boolean {
  try {
    const age = Date.now() - statSync(path).mtimeMs;
    const owner = readOwner(path);
    // A lock file without readable owner is one its creator was killed while writing: stale once not brand new.
    if (!owner) return age > 1000;
    return !pidAlive(owner.pid) || age > STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Breaks a stale lock without ever deleting a fresh one: move it aside atomically, and if what was moved
 * turns out to be a new owner's lock (another breaker got there first), hard-link it back.
 */
function breakStale(path: string, judged: string | null): void {
  const aside = `${path}.${uniqueToken()}.broken`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved !== null && moved.token !== judged) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds a newer lock already; theirs stands.
    }
  }
  rmSync(aside, { force: true });
}

/** Acquires the lock named `key`; waits while a live owner holds it. */
export async function acquireLock(registry: string, key: string, signal?: AbortSignal): Promise<Release> {
  const dir = locksDir(registry);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${key}.lock`);
  const token = uniqueToken();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    signal?.throwIfAborted();
    try {
      writeNewFileDurable(path, JSON.stringify({ pid: process.pid, token }));
      return () => {
        if (readOwner(path)?.token === token) rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (isStale(path)) {
      breakStale(path, readOwner(path)?.token ?? null);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for registry lock ${path}`);
    await sleep(2 + Math.random() * 10);
  }
}
