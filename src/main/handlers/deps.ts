// What the handlers need from the outside world, injected so that the Electron adapter and the browser
// test harness can each supply their own (a native dialog there, fixture answers here).
import type { EventName, EventPayload } from '../../shared/ipc/contract.js';
import type { AllowList } from '../state/allow-list.js';
import type { Encryptor } from '../state/remote-credentials.js';
import type { SettingsStore } from '../state/settings.js';

export interface FolderDialog {
  /** Asks the user for a registry folder; null when they cancel. */
  chooseFolder(): Promise<string | null>;
  /** Asks for one or several folders (module folders to import, where to create one); empty when cancelled. */
  chooseFolders(options: { title: string; multiple: boolean }): Promise<string[]>;
}

export type SendEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface HandlerDeps {
  dialog: FolderDialog;
  allowList: AllowList;
  settings: SettingsStore;
  /** The default registry lives in `<userDataDir>/registry`, created on first run. */
  userDataDir: string;
  sendEvent: SendEvent;
  /** The system's secure storage (Electron's safeStorage) for the remotes' tokens. */
  encryptor: Encryptor;
  /** The system's file manager (Electron's shell), showing a folder the user chose. */
  shell: {
    reveal(path: string): void;
    /** Starts the operating system's drag of a folder out of the window (Electron's webContents.startDrag). */
    startDrag(path: string): void;
  };
  app: { name: string; version: string; platform: string };
}
