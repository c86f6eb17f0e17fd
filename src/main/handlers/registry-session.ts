// Which registry is open. Only allow-listed folders can become current; the choice is remembered in
// the settings file (current + recent list), so the next start reopens it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveRegistryLocation } from '../../core/registry/index.js';
import { withRecent } from '../state/settings.js';
import type { AllowSource } from '../state/allow-list.js';
import type { RecentRegistry, RegistryInfo } from '../../shared/ipc/schemas.js';
import { ipcError } from '../ipc/error-object.js';
import type { HandlerDeps } from './deps.js';

export const DEFAULT_REGISTRY_FOLDER = 'registry';

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export class RegistrySession {
  private currentPath: Promise<string> | null = null;
  private defaultPath = '';

  constructor(private readonly deps: HandlerDeps) {}

  /** Seeds the allow-list with what the user chose in earlier sessions and the default registry. */
  async init(): Promise<void> {
    this.defaultPath = await this.deps.allowList.add(
      await resolveRegistryLocation(join(this.deps.userDataDir, DEFAULT_REGISTRY_FOLDER), { create: true }),
      'default',
    );
    for (const recent of this.deps.settings.get().recentRegistries) await this.deps.allowList.add(recent, 'recent');
  }

  async current(): Promise<RegistryInfo> {
    this.currentPath ??= this.pickStartRegistry();
    return this.info(await this.currentPath);
  }

  /** The remembered registries, most recent first, then the default one: the user can always get back to it. */
  async recent(): Promise<RecentRegistry[]> {
    const remembered = this.deps.settings.get().recentRegistries;
    const paths = remembered.includes(this.defaultPath) ? remembered : [...remembered, this.defaultPath];
    return Promise.all(paths.map(async (path) => ({ path, exists: await isFolder(path), isDefault: path === this.defaultPath })));
  }

  /** Adds a folder the user chose (dialog or drop) to the allow-list and opens it. */
  async openChosen(path: string, source: AllowSource): Promise<RegistryInfo> {
    const location = await resolveRegistryLocation(path);
    return this.switchTo(await this.deps.allowList.add(location, source));
  }

  /** Opens a folder already on the allow-list; any other path is refused. */
  async openAllowed(path: string): Promise<RegistryInfo> {
    const allowed = await this.deps.allowList.lookup(path);
    if (!allowed) {
      throw ipcError('PATH_NOT_ALLOWED', `Folder not chosen by the user: ${path}`, 'Open the folder with File › Open Registry… first.', path);
    }
    return this.switchTo(await resolveRegistryLocation(allowed));
  }

  private async switchTo(path: string): Promise<RegistryInfo> {
    this.currentPath = Promise.resolve(path);
    await this.deps.settings.update((s) => withRecent(s, path));
    return this.info(path);
  }

  private async pickStartRegistry(): Promise<string> {
    const remembered = this.deps.settings.get().currentRegistry;
    if (remembered && (await this.deps.allowList.lookup(remembered)) && (await isFolder(remembered))) return remembered;
    return this.defaultPath;
  }

  private info(path: string): RegistryInfo {
    return { path, isDefault: path === this.defaultPath };
  }
}
