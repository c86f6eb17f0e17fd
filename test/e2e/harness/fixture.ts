// Playwright fixture of the Chromium bridge harness. Import `test` and `expect` from here:
//
//   import { test, expect } from './harness/fixture.js';
//   test.use({ registry: '/abs/fixture-registry', dialogFolders: ['/abs/other-registry', null] });
//   test('browse', async ({ page, harness }) => { await expect(page.getByText('technical-summarizer')).toBeVisible(); });
//
// Before each test the `page` is already on the app (built renderer from out/renderer, served on
// 127.0.0.1 with the production CSP) and `globalThis.promptpm` is the app's own API object (createBridge,
// bundled into the page) over Playwright bindings, backed by the REAL main-side handlers running in the
// test process (fresh temporary userData per test) through main's own sender check and dispatch, with the
// app's built registry worker (out/main/registry-worker.js) doing the work the app gives its threads.
//
// Options (test.use):
//   registry         absolute path of the registry the app opens at start, as if chosen in an earlier
//                    session (it is current, on the recent list and allow-listed). Default undefined:
//                    first run, the default registry is created in the temporary userData.
//   copyRegistry     false (default): `registry` is used in place; main writes its index cache into
//                    <registry>/.promptpm/, so point it at a registry the spec built, not at test/fixtures.
//                    true: the app opens a fresh copy in the test's temp folder (harness.registryPath),
//                    which the test may tamper with freely.
//   dialogFolders    what the native folder dialog answers, in order; null = the user cancels. When the
//                    list is used up every further dialog is cancelled. Default [].
//   recentRegistries more folders on the recent list (allow-listed). Default [].
//   dropFolders      folders a drop can produce: api.pathsForFiles(files) maps each File whose name equals
//                    a folder's basename to that folder and allow-lists it (stands in for
//                    webUtils.getPathForFile). Default [].
//
// The `harness` fixture: appUrl, userDataDir, settingsFile, registryPath, calls (every channel call of the page with
// its outcome and the ms main spent on it), callTimings() (when each call of the current page started and settled,
// in page time), pageErrors (uncaught errors + console errors, CSP violations included), dialogRequests(), revealed(),
// open() (navigate to the app again, e.g. to time the first rows), invoke(channel, ...args) (call a
// handler from the test through the same dispatch), emit(event, payload) (push an event as main would).
import { randomUUID } from 'node:crypto';
import { test as base, expect, type Frame, type Page } from '@playwright/test';
import type { IpcResult } from '../../../src/shared/ipc/api.js';
import type { ChannelArgs, ChannelName, EventName, EventPayload } from '../../../src/shared/ipc/contract.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { handleDroppedPaths, handleRendererCall } from '../../../src/main/ipc/renderer-calls.js';
import type { Sender } from '../../../src/main/ipc/sender.js';
import { pageBridgeScript } from './bridge-script.js';
import type { CallTiming, PageBridgeConfig } from './page-bridge.js';
import { createMainSide, type MainSide } from './main-side.js';
import { serveRenderer, type RendererServer } from './server.js';

export interface HarnessOptions {
  registry: string | undefined;
  copyRegistry: boolean;
  dialogFolders: (string | null)[];
  recentRegistries: string[];
  dropFolders: string[];
}

export interface CallRecord {
  channel: string;
  args: unknown;
  ok: boolean;
  /** Time main spent on the call: the sender check, argument parsing, the handler, result validation. */
  ms: number;
  error?: { code: string; reason?: string; message: string };
}

export interface Harness {
  appUrl: string;
  userDataDir: string;
  settingsFile: string;
  /** The registry open at start: the copy of the `registry` option (or the folder itself), null on first run. */
  registryPath: string | null;
  main: MainSide;
  calls: CallRecord[];
  pageErrors: string[];
  dialogRequests(): number;
  /** Folders the page asked the file manager to show (shell.reveal), in order. */
  revealed(): string[];
  /** Folders the page started dragging out of the window (drafts.startDrag), in order. */
  dragged(): string[];
  open(): Promise<void>;
  /** When each call of the current page started and settled, in ms since its navigation. */
  callTimings(): Promise<CallTiming[]>;
  invoke<C extends ChannelName>(channel: C, ...args: ChannelArgs<C>): Promise<IpcResult<unknown>>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
}

async function emitInto(page: Page, emitKey: string, event: string, payload: unknown): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate(([key, name, data]) => (globalThis as unknown as Record<string, (n: string, d: unknown) => void>)[key]?.(name, data), [emitKey, event, payload] as const)
    .catch(() => undefined); // the page navigated or closed mid-event: main's send would be dropped too
}

const hookName = (what: string) => `__promptpm_${what}_${randomUUID().replaceAll('-', '')}`;

export const test = base.extend<HarnessOptions & { harness: Harness }, { rendererServer: RendererServer; bridgeScript: (config: PageBridgeConfig) => string }>({
  registry: [undefined, { option: true }],
  copyRegistry: [false, { option: true }],
  dialogFolders: [[], { option: true }],
  recentRegistries: [[], { option: true }],
  dropFolders: [[], { option: true }],
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  bridgeScript: [async ({}, use) => use(await pageBridgeScript()), { scope: 'worker' }],
  harness: [
    async ({ page, rendererServer, bridgeScript, registry, copyRegistry, dialogFolders, recentRegistries, dropFolders }, use) => {
      const config: PageBridgeConfig = {
        binding: hookName('call'),
        emitKey: hookName('emit'),
        dropFolders,
        dropBinding: hookName('drop'),
        timingsKey: hookName('timings'),
      };
      const main = await createMainSide({
        appUrl: rendererServer.appUrl,
        registry,
        copyRegistry,
        recentRegistries,
        dialogFolders,
        sendEvent: (event, payload) => void emitInto(page, config.emitKey, event, payload),
      });
      const calls: CallRecord[] = [];
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      // What the Electron adapter learns from an IPC event: the frame's identity and the URL it shows.
      const senderOf = (frame: Frame): Sender => ({ isOurMainFrame: frame === page.mainFrame(), url: frame.url() });

      await page.exposeBinding(config.binding, async ({ frame }, channel: unknown, args: unknown) => {
        const begin = performance.now();
        const result = await handleRendererCall(main.calls, senderOf(frame), channel, args);
        calls.push({
          channel: String(channel),
          args,
          ok: result.ok,
          ms: Math.round(performance.now() - begin),
          ...(!result.ok && { error: { code: result.error.code, message: result.error.message, ...(result.error.reason !== undefined && { reason: result.error.reason }) } }),
        });
        return JSON.stringify(result);
      });
      await page.exposeBinding(config.dropBinding, ({ frame }, paths: unknown) => handleDroppedPaths(main.calls, senderOf(frame), paths));
      await page.addInitScript({ content: bridgeScript(config) });

      const harness: Harness = {
        appUrl: rendererServer.appUrl,
        userDataDir: main.userDataDir,
        settingsFile: main.settingsFile,
        registryPath: main.registryPath,
        main,
        calls,
        pageErrors,
        dialogRequests: () => main.dialogRequests(),
        revealed: () => main.revealed(),
        dragged: () => main.dragged(),
        open: async () => {
          await page.goto(rendererServer.appUrl);
        },
        callTimings: () => page.evaluate((key) => [...((globalThis as unknown as Record<string, CallTiming[]>)[key] ?? [])], config.timingsKey),
        invoke: (channel, ...args) => dispatch(main.handlers, channel, args),
        emit: (event, payload) => emitInto(page, config.emitKey, event, payload),
      };
      await harness.open();
      await use(harness);
      main.jobs.cancelAll();
      await main.dispose();
    },
    { auto: true },
  ],
});

export { expect };
