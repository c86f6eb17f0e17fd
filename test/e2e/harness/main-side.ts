// The main process of the harness: the REAL handlers (src/main/handlers) built in the test's Node
// process with a fixture dialog, a temporary userData folder and the real allow-list and settings, and
// the registry worker of the app's build, named to the core as src/main/index.ts names it.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useRegistryWorker } from '../../../src/core/registry/worker-script.js';
import { createHandlers, type MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import type { SendEvent } from '../../../src/main/handlers/deps.js';
import { DroppedPaths } from '../../../src/main/ipc/dropped-paths.js';
import type { RendererCalls } from '../../../src/main/ipc/renderer-calls.js';
import { AllowList } from '../../../src/main/state/allow-list.js';
import { SETTINGS_FILE, SettingsStore, type Settings } from '../../../src/main/state/settings.js';
import { testEncryptor } from '../../support/encryptor.js';

export const APP_REGISTRY_WORKER = fileURLToPath(new URL('../../../out/main/registry-worker.js', import.meta.url));

export interface MainSideOptions {
  /** The page main accepts calls from. */
  appUrl: string;
  registry: string | undefined;
  /** Open a copy of `registry` (in the test's temp folder) instead of the folder itself. */
  copyRegistry: boolean;
  recentRegistries: string[];
  dialogFolders: (string | null)[];
  sendEvent: SendEvent;
}

export interface MainSide extends MainHandlers {
  userDataDir: string;
  settingsFile: string;
  /** The registry open at start (the copy when copyRegistry), or null on first run. */
  registryPath: string | null;
  allowList: AllowList;
  /** Where the page's calls and dropped paths go, as the Electron adapter sends them. */
  calls: RendererCalls;
  /** How many times the page opened the native folder dialog. */
  dialogRequests(): number;
  /** Folders the page asked the file manager to show, in order. */
  revealed(): string[];
  /** Folders the page started dragging out of the window (webContents.startDrag in the app), in order. */
  dragged(): string[];
  dispose(): Promise<void>;
}

export async function createMainSide(options: MainSideOptions): Promise<MainSide> {
  if (!existsSync(APP_REGISTRY_WORKER)) {
    throw new Error(`The app's registry worker is missing (${APP_REGISTRY_WORKER}). Run \`npm run build\` first (npm run test:e2e does).`);
  }
  useRegistryWorker(APP_REGISTRY_WORKER);
  const workDir = await mkdtemp(join(tmpdir(), 'promptpm-e2e-'));
  const userDataDir = join(workDir, 'userdata');
  await mkdir(userDataDir);
  const settingsFile = join(userDataDir, SETTINGS_FILE);
  let registryPath = options.registry ? resolve(options.registry) : null;
  if (registryPath && options.copyRegistry) {
    const copy = join(workDir, basename(registryPath));
    await cp(registryPath, copy, { recursive: true, verbatimSymlinks: true });
    registryPath = copy;
  }
  const recent = [...(registryPath ? [registryPath] : []), ...options.recentRegistries].map((p) => resolve(p));
  if (recent.length > 0) {
    const seeded: Settings = { version: 1, recentRegistries: [...new Set(recent)].slice(0, 10), currentRegistry: recent[0] ?? null, window: null, draftAreas: [] };
    await writeFile(settingsFile, JSON.stringify(seeded));
  }
  const answers = [...options.dialogFolders];
  let dialogRequests = 0;
  const revealed: string[] = [];
  const dragged: string[] = [];
  const allowList = new AllowList();
  const main = await createHandlers({
    dialog: {
      chooseFolder: async () => {
        dialogRequests += 1;
        return answers.length > 0 ? (answers.shift() ?? null) : null;
      },
      // The same answers, one folder each: a multi-folder choice is a list of drops in the e2e specs.
      chooseFolders: async () => {
        dialogRequests += 1;
        const answer = answers.shift();
        return typeof answer === 'string' ? [answer] : [];
      },
    },
    shell: { reveal: (path) => void revealed.push(path), startDrag: (path) => void dragged.push(path) },
    encryptor: testEncryptor,
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
    registryPath,
    allowList,
    calls: { handlers: main.handlers, dropped: new DroppedPaths(allowList), appUrl: options.appUrl },
    dialogRequests: () => dialogRequests,
    revealed: () => [...revealed],
    dragged: () => [...dragged],
    dispose: () => rm(workDir, { recursive: true, force: true }),
  };
}
