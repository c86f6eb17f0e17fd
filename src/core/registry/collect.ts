// What publish copies: every regular file of the module folder in sorted-walk order, refusing symlinks,
// devices, unnameable files and anything over the limits (§4) before a single byte is written.
import { lstatSync } from 'node:fs';
import { PromptPMError } from '../errors.js';
import { LIMITS } from './limits.js';
import { MANIFEST_FILE, VCS_DIRS } from './paths.js';
import { sortedWalk, type WalkEntry } from './walk.js';


export interface CollectedFile {
  path: string;
  abs: string;
  size: number;
}

const MiB = (n: number): string => `${n / (1024 * 1024)} MiB`;

function reject(modulePath: string, reason: string, message: string, hint: string, file?: string): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint, path: modulePath, reason, file: file ?? null });
}

function checkEntry(modulePath: string, e: WalkEntry): void {
  if (e.kind === 'symlink') {
    throw reject(modulePath, 'SYMLINK', `Symbolic links cannot be published: ${e.path}`, 'Replace the link with the file it points to, or remove it.', e.abs);
  }
  if (e.kind === 'special') {
    throw reject(modulePath, 'SPECIAL_FILE', `Only regular files can be published, found a device, pipe or socket: ${e.path}`, 'Remove it from the module folder.', e.abs);
  }
  if (!e.utf8 || e.path.includes('\\')) {
    throw reject(modulePath, 'UNSAFE_FILE_NAME', `File name cannot be stored in a registry: ${JSON.stringify(e.path)}`, 'Rename it with valid UTF-8 and no backslash.', e.abs);
  }
}

/** Lists and checks the files to publish; throws VALIDATION_ERROR on the first problem. */
export function collectModuleFiles(modulePath: string): CollectedFile[] {
  const files: CollectedFile[] = [];
  let total = 0;
  const visit = (e: WalkEntry): void => {
    checkEntry(modulePath, e);
    if (files.length >= LIMITS.files) {
      throw reject(modulePath, 'TOO_MANY_FILES', `Module has more than ${LIMITS.files} files`, 'Remove files the module does not need.');
    }
    const size = lstatSync(e.abs).size;
    if (size > LIMITS.fileBytes) {
      throw reject(modulePath, 'FILE_TOO_LARGE', `File is larger than ${MiB(LIMITS.fileBytes)}: ${e.path}`, 'Keep large data out of prompt modules.', e.abs);
    }
    total += size;
    if (total > LIMITS.moduleBytes) {
      throw reject(modulePath, 'MODULE_TOO_LARGE', `Module is larger than ${MiB(LIMITS.moduleBytes)}`, 'Keep large data out of prompt modules.');
    }
    files.push({ path: e.path, abs: e.abs, size });
  };
  try {
    sortedWalk(modulePath, { skipTopLevel: new Set([MANIFEST_FILE]), skipDirs: VCS_DIRS, visit });
  } catch (err) {
    if (err instanceof PromptPMError) throw err;
    throw reject(modulePath, 'UNREADABLE_MODULE', `Module folder cannot be read: ${(err as Error).message}`, 'Check the folder exists and its permissions.');
  }
  return files;
}
