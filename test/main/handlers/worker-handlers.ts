// The real handlers with a registry chosen in the dialog, optionally with the registry's worker script named
// as the app names its own (the CLI's build, test/global-setup.ts); plus what work was posted to threads.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { vi } from 'vitest';
import { useRegistryWorker } from '../../../src/core/registry/worker-script.js';
import { createHandlers, type MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import { AllowList } from '../../../src/main/state/allow-list.js';
import { SettingsStore } from '../../../src/main/state/settings.js';
import { testEncryptor } from '../../support/encryptor.js';

const builtWorker = join(import.meta.dirname, '../../../out/cli/core/registry/registry-worker.js');

/** Handlers over `registry` with work on the worker thread; call `stopWorker` in afterAll. */
export async function handlersOnWorker(registry: string, work: string): Promise<MainHandlers> {
  useRegistryWorker(builtWorker);
  return openHandlers(registry, work);
}

/** The real handlers, their userData in `work`, with `registry` chosen in the (fixture) dialog. */
export async function openHandlers(registry: string, work: string): Promise<MainHandlers> {
  const userData = join(work, 'userdata');
  const main = await createHandlers({
    dialog: { chooseFolder: async () => registry, chooseFolders: async () => [] },
    shell: { reveal: () => undefined, startDrag: () => undefined },
    encryptor: testEncryptor,
    allowList: new AllowList(),
    settings: await SettingsStore.load(userData),
    userDataDir: userData,
    sendEvent: () => undefined,
    app: { name: 'PromptPM', version: '1.0.0', platform: 'linux' },
  });
  await main.handlers['registry.choose']();
  return main;
}

/** Names no existing worker script, so later tests in the process run in-process again. */
export const stopWorker = (work: string): void => useRegistryWorker(join(work, 'none'));

/** The tasks posted to worker threads while `call` runs. */
export async function tasksDuring<T>(call: () => Promise<T>): Promise<{ result: T; tasks: unknown[] }> {
  const posted = vi.spyOn(Worker.prototype, 'postMessage');
  try {
    const result = await call();
    return { result, tasks: posted.mock.calls.map(([message]) => (message as { task: unknown }).task) };
  } finally {
    posted.mockRestore();
  }
}
