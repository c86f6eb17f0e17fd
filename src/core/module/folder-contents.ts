// What a module folder holds for publishing (docs/registry-format.md, "Publish"). One sorted walk decides both
// the files publish copies and what it refuses, so `validate` reports exactly what `publish` would refuse,
// all at once, each naming its file.
import { lstatSync, statSync, type Stats } from 'node:fs';
import { isRegistryFolder, MANIFEST_FILE } from '../registry-folder.js';
import { sortedWalk, type WalkEntry } from '../sorted-walk.js';
import type { DiagnosticCode } from './codes.js';
import type { Finding } from './diagnostics.js';
import { LIMITS } from './limits.js';

/** Version-control folders are never copied into a registry. */
const VCS_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);
const SKIP_TOP_LEVEL: ReadonlySet<string> = new Set([MANIFEST_FILE]);

export interface ModuleFile {
  /** POSIX path relative to the module folder. */
  path: string;
  abs: string;
  size: number;
}

export interface FolderContents {
  /** What publish copies, in sorted-walk order. */
  files: ModuleFile[];
  /** What publish refuses. */
  errors: Finding[];
  /** Registries inside the folder, which publish leaves out. */
  warnings: Finding[];
}

const MiB = (n: number): string => `${n / (1024 * 1024)} MiB`;

const finding = (code: DiagnosticCode, message: string, hint: string, file: string | null): Finding => ({
  code,
  field: null,
  message,
  hint,
  at: { file, line: null, column: null },
});

/** The refusal of an entry that is not a regular file with a storable name, or null. */
function refusal(e: WalkEntry): Finding | null {
  if (e.kind === 'symlink') {
    return finding('SYMLINK', `Symbolic links cannot be published: ${e.path}`, 'Replace the link with the file it points to, or remove it.', e.abs);
  }
  if (e.kind === 'special') {
    return finding('SPECIAL_FILE', `Only regular files can be published, found a device, pipe or socket: ${e.path}`, 'Remove it from the module folder.', e.abs);
  }
  if (!e.utf8 || e.path.includes('\\')) {
    return finding('UNSAFE_FILE_NAME', `File name cannot be stored in a registry: ${JSON.stringify(e.path)}`, 'Rename it with valid UTF-8 and no backslash.', e.abs);
  }
  return null;
}

const sameFolder = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Walks the module folder. `registry` is the registry being published to: wherever it lies inside the folder it
 * is left out, like any other folder that is a registry (registry-folder.ts).
 */
export function scanModuleFolder(dir: string, registry?: string): FolderContents {
  const out: FolderContents = { files: [], errors: [], warnings: [] };
  const target = registry === undefined ? null : statOrNull(registry);
  let total = 0;
  const skipDir = (name: string, abs: string, path: string): boolean => {
    if (VCS_FOLDERS.has(name)) return true;
    const isTarget = target !== null && sameFolder(lstatSync(abs), target);
    if (!isTarget && !isRegistryFolder(abs)) return false;
    out.warnings.push(
      finding('REGISTRY_INSIDE_MODULE', `Registry folder inside the module, left out of published versions: ${path}`, 'Keep registries outside module folders (for example --registry ../registry).', abs),
    );
    return true;
  };
  const visit = (e: WalkEntry): void => {
    const refused = refusal(e);
    if (refused) {
      out.errors.push(refused);
      return;
    }
    const size = lstatSync(e.abs).size;
    if (out.files.length === LIMITS.files) {
      out.errors.push(finding('TOO_MANY_FILES', `Module has more than ${LIMITS.files} files, from ${e.path} on`, 'Remove files the module does not need.', e.abs));
    }
    if (size > LIMITS.fileBytes) {
      out.errors.push(finding('FILE_TOO_LARGE', `File is larger than ${MiB(LIMITS.fileBytes)}: ${e.path}`, 'Keep large data out of prompt modules.', e.abs));
    }
    if (total <= LIMITS.moduleBytes && total + size > LIMITS.moduleBytes) {
      out.errors.push(finding('MODULE_TOO_LARGE', `Module is larger than ${MiB(LIMITS.moduleBytes)} in all, from ${e.path} on`, 'Keep large data out of prompt modules.', e.abs));
    }
    total += size;
    out.files.push({ path: e.path, abs: e.abs, size });
  };
  try {
    sortedWalk(dir, { skipTopLevel: SKIP_TOP_LEVEL, skipDir, visit });
  } catch (err) {
    const where = (err as NodeJS.ErrnoException).path ?? dir;
    out.errors.push(finding('UNREADABLE_MODULE', `Module folder cannot be read: ${(err as Error).message}`, 'Check the folder exists and its permissions.', where));
  }
  return out;
}
