// The folders main may act on: only those the user chose (native dialog, recent list, drop) plus the
// default registry main created itself. Paths are compared after resolving symlinks, so a link to an
// allowed folder is the allowed folder, and a link elsewhere is not.
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';

export type AllowSource = 'dialog' | 'recent' | 'drop' | 'default';

async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    return absolute;
  }
}

export class AllowList {
  private readonly entries = new Map<string, AllowSource>();

  /** Adds a folder and returns its canonical path. */
  async add(path: string, source: AllowSource): Promise<string> {
    const key = await canonical(path);
    if (!this.entries.has(key)) this.entries.set(key, source);
    return key;
  }

  /** The canonical path when the folder itself was chosen, else null. Only absolute paths qualify. */
  async lookup(path: string): Promise<string | null> {
    if (!isAbsolute(path)) return null;
    const key = await canonical(path);
    return this.entries.has(key) ? key : null;
  }

  /**
   * The canonical path when it is a chosen folder or lies inside one (a module found in a dropped folder of
   * modules), else null.
   */
  async lookupWithin(path: string): Promise<string | null> {
    if (!isAbsolute(path)) return null;
    const key = await canonical(path);
    for (const folder of this.entries.keys()) if (key === folder || key.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return key;
    return null;
  }

  sourceOf(canonicalPath: string): AllowSource | undefined {
    return this.entries.get(canonicalPath);
  }
}
