// Creates the one app window: hardened options, navigation guard, remembered bounds, and a way back
// when the page crashes or hangs (a dialog offering to reload, never a dead window).
import { BrowserWindow, dialog, screen, type WebContents } from 'electron';
import type { SettingsStore } from '../state/settings.js';
import { mainWindowOptions } from '../window/hardening.js';
import { isNavigationAllowed, windowOpenDecision } from '../window/navigation.js';
import { fitToDisplays, stateOf } from '../window/window-state.js';

export interface MainWindowInput {
  preloadPath: string;
  appUrl: string;
  dev: boolean;
  settings: SettingsStore;
}

/** Applied to every webContents the app creates, the main window's included. */
export function guardContents(contents: WebContents, appUrl: string): void {
  const deny = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, appUrl)) {
      event.preventDefault();
      console.warn(`Blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', (event) => deny(event, event.url));
  contents.on('will-redirect', (event) => deny(event, event.url));
  contents.on('will-frame-navigate', (event) => deny(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

function rememberBounds(win: BrowserWindow, settings: SettingsStore): void {
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const state = stateOf(win.getNormalBounds(), win.isMaximized());
    void settings.update((s) => ({ ...s, window: state })).catch((error: unknown) => console.error('Could not save window state', error));
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

function offerRecovery(win: BrowserWindow, appUrl: string): void {
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        message: 'The PromptPM window stopped working.',
        detail: `Reason: ${details.reason}. Nothing was written. Reload to continue where the registry is.`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
      })
      .then(({ response }) => (response === 0 ? win.loadURL(appUrl) : win.close()));
  });
  win.on('unresponsive', () => {
    void dialog
      .showMessageBox(win, { type: 'warning', message: 'The PromptPM window is not responding.', buttons: ['Wait', 'Reload'], defaultId: 0 })
      .then(({ response }) => {
        if (response === 1 && !win.isDestroyed()) {
          win.webContents.forcefullyCrashRenderer();
          void win.loadURL(appUrl);
        }
      });
  });
}

export function createMainWindow({ preloadPath, appUrl, dev, settings }: MainWindowInput): BrowserWindow {
  const state = fitToDisplays(
    settings.get().window,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(mainWindowOptions({ preloadPath, state, dev }));
  if (state?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  rememberBounds(win, settings);
  offerRecovery(win, appUrl);
  void win.loadURL(appUrl);
  return win;
}
