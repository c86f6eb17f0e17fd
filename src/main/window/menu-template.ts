// The native menu as data: standard roles and shortcuts, Open Registry…, DevTools only in development.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openRegistry(): void;
  /** The page shows the import preview and asks for module folders. */
  importModules(): void;
  /** The page asks for the new module's name and version. */
  newModule(): void;
  showAbout(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  dev: boolean;
  appName: string;
  actions: MenuActions;
}

export function menuTemplate({ platform, dev, appName, actions }: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() };
  const openRegistry: MenuItemConstructorOptions = { label: 'Open Registry…', accelerator: 'CmdOrCtrl+O', click: () => actions.openRegistry() };
  const importModules: MenuItemConstructorOptions = { label: 'Import Modules…', accelerator: 'CmdOrCtrl+I', click: () => actions.importModules() };
  const newModule: MenuItemConstructorOptions = { label: 'New Module…', accelerator: 'CmdOrCtrl+N', click: () => actions.newModule() };
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    ...(dev ? [{ role: 'toggleDevTools' } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac
      ? [{ label: appName, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    { label: 'File', submenu: [openRegistry, importModules, newModule, { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    ...(mac ? [] : [{ role: 'help', submenu: [about] } satisfies MenuItemConstructorOptions]),
  ];
}

export function aboutText(appName: string, version: string, electronVersion: string): { message: string; detail: string } {
  return { message: `${appName} ${version}`, detail: `A package manager for prompts.\nElectron ${electronVersion}` };
}
