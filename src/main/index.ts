// Electron entry: one instance, one hardened window, IPC from the contract to the core-backed handlers.
import { join } from 'node:path';
import { app, dialog, Menu, nativeImage, safeStorage, session, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { DRAG_ICON_DATA_URL } from './electron/drag-icon.js';
import { useRegistryWorker } from '../core/registry/worker-script.js';
import { createHandlers } from './handlers/create-handlers.js';
import { toErrorObject } from './ipc/error-object.js';
import { DroppedPaths } from './ipc/dropped-paths.js';
import { AllowList } from './state/allow-list.js';
import { SettingsStore } from './state/settings.js';
import { APP_URL } from './window/app-files.js';
import { aboutText, menuTemplate } from './window/menu-template.js';
import { eventSender, registerIpc } from './electron/ipc.js';
import { createMainWindow, guardContents } from './electron/main-window.js';
import { hardenSession, registerAppScheme, serveRenderer } from './electron/protocol.js';

const APP_NAME = 'PromptPM';
const devServerUrl = (!app.isPackaged && process.env['ELECTRON_RENDERER_URL']) || undefined;
const dev = devServerUrl !== undefined;
const appUrl = devServerUrl ?? APP_URL;
// Tests start the unpackaged app against a temporary profile.
if (!app.isPackaged && process.env['PROMPTPM_USER_DATA_DIR']) app.setPath('userData', process.env['PROMPTPM_USER_DATA_DIR']);

// electron.vite.config.ts emits the registry's worker script beside this bundle.
useRegistryWorker(join(import.meta.dirname, 'registry-worker.js'));

let mainWindow: BrowserWindow | null = null;
const currentWindow = () => mainWindow;

async function chooseFolders(options: OpenDialogOptions): Promise<string[]> {
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function start(): Promise<void> {
  app.setName(APP_NAME);
  const userDataDir = app.getPath('userData');
  const settings = await SettingsStore.load(userDataDir);
  const allowList = new AllowList();
  const validate = !app.isPackaged;
  const sendEvent = eventSender({ window: currentWindow, validate });
  const main = await createHandlers({
    dialog: {
      chooseFolder: async () => (await chooseFolders({ title: 'Open Registry', properties: ['openDirectory', 'createDirectory'] }))[0] ?? null,
      chooseFolders: ({ title, multiple }) => chooseFolders({ title, properties: ['openDirectory', 'createDirectory', ...(multiple ? (['multiSelections'] as const) : [])] }),
    },
    shell: {
      reveal: (path) => shell.showItemInFolder(path),
      startDrag: (path) => mainWindow?.webContents.startDrag({ file: path, icon: nativeImage.createFromDataURL(DRAG_ICON_DATA_URL) }),
    },
    encryptor: {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (text) => safeStorage.encryptString(text),
      decrypt: (data) => safeStorage.decryptString(data),
    },
    allowList,
    settings,
    userDataDir,
    sendEvent,
    app: { name: APP_NAME, version: app.getVersion(), platform: process.platform },
  });

  const csp = devServerUrl ? { devServerOrigin: new URL(devServerUrl).origin } : {};
  hardenSession(session.defaultSession, csp);
  serveRenderer(session.defaultSession, join(import.meta.dirname, '../renderer'));
  registerIpc({ window: currentWindow, appUrl, handlers: main.handlers, dropped: new DroppedPaths(allowList), validate });

  const openRegistry = async () => {
    try {
      const chosen = await main.handlers['registry.choose']();
      if (chosen) sendEvent('registryChanged', chosen);
    } catch (error) {
      const { message, hint } = toErrorObject(error, '');
      dialog.showErrorBox('Could not open the registry', `${message}\n\n${hint}`);
    }
  };
  const showAbout = () => {
    const { message, detail } = aboutText(APP_NAME, app.getVersion(), process.versions.electron ?? '');
    void dialog.showMessageBox({ type: 'info', title: `About ${APP_NAME}`, message, detail, buttons: ['OK'] });
  };
  const actions = {
    openRegistry: () => void openRegistry(),
    importModules: () => sendEvent('command', 'import'),
    newModule: () => sendEvent('command', 'newModule'),
    showAbout,
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, dev, appName: APP_NAME, actions })));

  const openWindow = () => {
    mainWindow = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), appUrl, dev, settings });
    mainWindow.on('closed', () => {
      main.jobs.cancelAll();
      mainWindow = null;
    });
  };
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  openWindow();
}

registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardContents(contents, appUrl));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('PromptPM could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
