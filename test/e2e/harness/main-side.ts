// The main process of the harness: the REAL handlers (src/main/handlers) built in the test's Node
// process with a fixture dialog, a temporary userData folder and the real allow-list and settings.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers, type MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import type { SendEvent } from '../../../src/main/handlers/deps.js';
import { DroppedPaths } from '../../../src/main/ipc/dropped-paths.js';
import { AllowList } from '../../../src/main/state/allow-list.js';
import { SETTINGS_FILE, SettingsStore, type Settings } from '../../../src/main/state/settings.js';

export interface MainSideOptions {
  registry: string | undefined;
  recentRegistries: string[];
  dialogFolders: (string | null)[];
  sendEvent: SendEvent;
}

export interface MainSide extends MainHandlers {
  userDataDir: string;
  settingsFile: string;
  allowList: AllowList;
  dropped: DroppedPaths;
  /** How many times the page opened the native folder dialog. */
  dialogRequests(): number;
  dispose(): Promise<void>;
}

export async function createMainSide(options: MainSideOptions): Promise<MainSide> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'promptpm-e2e-userdata-'));
  const settingsFile = join(userDataDir, SETTINGS_FILE);
  const recent = [...(options.registry ? [options.registry] : []), ...options.recentRegistries].map((p) => resolve(p));
  if (recent.length > 0) {
    const seeded: Settings = { version: 1, recentRegistries: [...new Set(recent)].slice(0, 10), currentRegistry: recent[0] ?? null, window: null };
    await writeFile(settingsFile, JSON.stringify(seeded));
  }
  const answers = [...options.dialogFolders];
  let dialogRequests = 0;
  const allowList = new AllowList();
  const main = await createHandlers({
    dialog: {
      chooseFolder: async () => {
        dialogRequests += 1;
        return answers.length > 0 ? (answers.shift() ?? null) : null;
      },
    },
    allowList,
    settings: await SettingsStore.load(userDataDir),
    userDataDir,
    sendEvent: options.sendEvent,
    app: { name: 'PromptPM', version: '0.0.0-harness', platform: process.platform },
  });
  return {
    ...main,
    userDataDir,
    settingsFile,
    allowList,
    dropped: new DroppedPaths(allowList),
    dialogRequests: () => dialogRequests,
    dispose: () => rm(userDataDir, { recursive: true, force: true }),
  };
}
