// The main window's options as plain data, so the hardening is unit-tested without Electron.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowState } from '../state/settings.js';

export interface WindowOptionsInput {
  preloadPath: string;
  /** Remembered bounds, already fitted to the current displays. */
  state: WindowState | null;
  dev: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;

export function hardenedWebPreferences(preloadPath: string, dev: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: dev,
  };
}

export function mainWindowOptions({ preloadPath, state, dev }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: state?.width ?? DEFAULT_SIZE.width,
    height: state?.height ?? DEFAULT_SIZE.height,
    ...(state?.x !== undefined && state.y !== undefined && { x: state.x, y: state.y }),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'PromptPM',
    webPreferences: hardenedWebPreferences(preloadPath, dev),
  };
}
