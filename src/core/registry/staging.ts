// Staging folders in <registry>/.promptpm/staging/<pid>.<ms>.<random>: a publish copies the module there,
// then one rename moves the whole folder into modules/. A staging folder is only ever removed when its
// owner process is gone or it is older than an hour, never while a live publisher is using it.
import { closeSync, mkdirSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { PromptPMError } from '../errors.js';
import type { LongWorkOptions } from '../progress.js';
import type { ModuleFile } from '../module/index.js';
import { LIMITS } from './limits.js';
import { fsyncDir, pidAlive, uniqueToken, writeNewFileDurable } from './durable.js';
import { openRegular } from './hash.js';
import type { ManifestFile } from './manifest.js';
import { stagingDir } from './paths.js';

const MAX_AGE_MS = 60 * 60 * 1000;

export function createStaging(registry: string): string {
  const root = stagingDir(registry);
  mkdirSync(root, { recursive: true });
  const dir = join(root, uniqueToken());
  mkdirSync(dir);
  return dir;
}

/** Removes staging folders of dead publishers and any older than an hour. Best effort: never throws. */
export function cleanupStaging(registry: string): void {
  const root = stagingDir(registry);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of names) {
    const [pidText, msText] = entry.split('.');
    const pid = Number(pidText);
    const path = join(root, entry);
    try {
      const started = Number(msText) || statSync(path).mtimeMs;
      const old = Date.now() - started > MAX_AGE_MS;
      if (old || (pid !== process.pid && !pidAlive(pid))) rmSync(path, { recursive: true, force: true });
    } catch {
      // Raced with its owner or another cleaner: fine either way.
    }
  }
}

/** Reads a whole source file, refusing it if it is no longer a regular file or grew past the limit. */
function readSource(file: ModuleFile): Buffer {
  const { fd, size } = openRegular(file.abs);
  try {
    if (size > LIMITS.fileBytes) throw new RangeError(`File is larger than the limit: ${file.path}`);
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** Copies files into the staging folder, hashing each as it is copied; returns the manifest's `files`. */
export function copyIntoStaging(modulePath: string, staging: string, files: ModuleFile[], opts: LongWorkOptions = {}): ManifestFile[] {
  const made = new Set<string>([staging]);
  const out: ManifestFile[] = [];
  for (const [i, file] of files.entries()) {
    opts.signal?.throwIfAborted();
    let data: Buffer;
    try {
      data = readSource(file);
    } catch (err) {
      throw new PromptPMError('VALIDATION_ERROR', `File changed or became unreadable while publishing: ${file.path}`, {
        hint: 'Publish again once nothing else is writing to the module folder.',
        path: modulePath,
        reason: 'UNREADABLE_FILE',
        file: file.abs,
        data: { cause: (err as Error).message },
      });
    }
    const target = join(staging, ...file.path.split('/'));
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      // Every folder created on the way needs its own fsync for its entries to survive a crash.
      for (let d = parent; !made.has(d); d = dirname(d)) made.add(d);
    }
    writeNewFileDurable(target, data);
    out.push({ path: file.path, sha256: createHash('sha256').update(data).digest('hex') });
    opts.onProgress?.({ phase: 'copy', done: i + 1, total: files.length, current: file.path });
  }
  for (const dir of made) fsyncDir(dir);
  return out;
}
