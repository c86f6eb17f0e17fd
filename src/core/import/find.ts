// Finds the module folders in what a person dropped or named: each path must be a real folder; a folder
// holding a manifest is a module (not searched further), a registry is reported (open it instead), any other
// folder is searched to a bounded depth without following symlinks, skipping hidden folders and node_modules.
// The walk is bounded in folders read and modules found, so a drop of a whole disk stops with a message.
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MANIFEST_TOML, MANIFEST_YAML } from '../module/index.js';
import { isRegistryFolder } from '../registry-folder.js';
import { compareCodePoints } from '../text-order.js';
import type { FindOptions, FindProblem, FindProblemCode, FoundModules } from './types.js';

export const FIND_DEFAULTS = { maxDepth: 6, maxFolders: 20_000, maxModules: 1_000 } as const;

const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);

/** Thrown inside the walk when a limit is reached; the problem says which. */
class LimitReached extends Error {}

const problem = (code: FindProblemCode, path: string, message: string, hint: string): FindProblem => ({ code, path, message, hint });

const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? '';

class Search {
  readonly modules: string[] = [];
  readonly problems: FindProblem[] = [];
  private readonly seen = new Set<string>();
  /** Module folders reached, counting one given twice: a path that reaches only known modules is no problem. */
  private reached = 0;
  private folders = 0;
  private readonly limits: Required<Omit<FindOptions, 'signal'>>;

  constructor(private readonly opts: FindOptions) {
    this.limits = {
      maxDepth: opts.maxDepth ?? FIND_DEFAULTS.maxDepth,
      maxFolders: opts.maxFolders ?? FIND_DEFAULTS.maxFolders,
      maxModules: opts.maxModules ?? FIND_DEFAULTS.maxModules,
    };
  }

  /** Searches one given path; adds a problem when it is not a folder or holds no module. */
  async root(path: string): Promise<void> {
    const abs = resolve(path);
    const refused = await this.refuseRoot(abs);
    if (refused) return void this.problems.push(refused);
    const before = { reached: this.reached, problems: this.problems.length };
    await this.folder(abs, 0);
    if (this.reached === before.reached && this.problems.length === before.problems) this.problems.push(this.noModule(abs));
  }

  private async refuseRoot(abs: string): Promise<FindProblem | null> {
    try {
      const st = await lstat(abs);
      if (st.isSymbolicLink()) return problem('SYMLINK', abs, `Symbolic links are not followed: ${abs}`, 'Choose the folder the link points to.');
      if (!st.isDirectory()) return problem('NOT_A_FOLDER', abs, `Not a folder: ${abs}`, 'Choose a module folder (the one holding promptpm.yaml), or a folder that contains module folders.');
      return null;
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return problem('PATH_NOT_FOUND', abs, `No such folder: ${abs}`, 'Check the path; it may have been moved or deleted.');
      return this.unreadable(abs, err);
    }
  }

  private unreadable(abs: string, err: unknown): FindProblem {
    return problem('UNREADABLE_FOLDER', abs, `Folder cannot be read: ${abs} (${errnoOf(err) || (err as Error).message})`, 'Check the folder permissions.');
  }

  private noModule(abs: string): FindProblem {
    const where = this.limits.maxDepth === 0 ? 'in' : `in or below (${this.limits.maxDepth} levels)`;
    return problem(
      'NO_MODULE_FOUND',
      abs,
      `No module folder (${MANIFEST_YAML} or ${MANIFEST_TOML}) ${where} ${abs}`,
      this.limits.maxDepth === 0 ? 'Choose the module folder itself, or search inside this folder for module folders.' : 'Choose module folders, or a folder that contains them.',
    );
  }

  private async folder(abs: string, depth: number): Promise<void> {
    this.opts.signal?.throwIfAborted();
    if (++this.folders > this.limits.maxFolders) {
      this.problems.push(
        problem('TOO_MANY_FOLDERS', abs, `Stopped searching after ${this.limits.maxFolders} folders: too many to import at once`, 'Choose the module folders themselves, or a smaller folder that contains them.'),
      );
      throw new LimitReached();
    }
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      return void this.problems.push(this.unreadable(abs, err));
    }
    if (entries.some((e) => e.name === MANIFEST_YAML || e.name === MANIFEST_TOML)) return this.module(abs);
    if (isRegistryFolder(abs)) {
      return void this.problems.push(problem('REGISTRY_FOLDER', abs, `This folder is a registry, not a module: ${abs}`, 'Open it as a registry instead of importing it.'));
    }
    if (depth >= this.limits.maxDepth) return;
    // Dirent kinds come from readdir without following links: a symlink to a folder is not a directory here.
    const subfolders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)).map((e) => e.name);
    for (const name of subfolders.sort(compareCodePoints)) await this.folder(join(abs, name), depth + 1);
  }

  private module(abs: string): void {
    this.reached++;
    if (this.seen.has(abs)) return;
    if (this.modules.length === this.limits.maxModules) {
      this.problems.push(
        problem('TOO_MANY_MODULES', abs, `Stopped searching after ${this.limits.maxModules} modules: too many to import at once`, 'Import the modules in smaller groups of folders.'),
      );
      throw new LimitReached();
    }
    this.seen.add(abs);
    this.modules.push(abs);
  }
}

/** The module folders in `paths` (docs/cli.md, "publish"): never throws for what it finds, only when cancelled. */
export async function findModules(paths: readonly string[], opts: FindOptions = {}): Promise<FoundModules> {
  const search = new Search(opts);
  try {
    for (const path of paths) await search.root(path);
  } catch (err) {
    if (!(err instanceof LimitReached)) throw err;
    return { modules: search.modules, problems: search.problems, complete: false };
  }
  return { modules: search.modules, problems: search.problems, complete: true };
}
