// Runs IN THE PAGE, before any of its scripts: bundled for the page by bridge-script.ts, it installs the
// app's own API object (createBridge, as the preload does) over a transport of Playwright bindings in place
// of Electron's IPC. Only the transport is the harness's: the object the page holds is the one the app ships.
import { API_GLOBAL } from '../../../src/shared/ipc/api.js';
import { createBridge, type BridgeTransport } from '../../../src/shared/ipc/bridge.js';
import type { EventName } from '../../../src/shared/ipc/contract.js';

export interface PageBridgeConfig {
  /** Name of the Playwright binding that carries calls to main in the test process. */
  binding: string;
  /** Hidden hook the test process calls to deliver events (random, non-enumerable). */
  emitKey: string;
  /** Folder paths a dropped File maps to, by basename (stands in for webUtils.getPathForFile). */
  dropFolders: string[];
  /** Binding that tells main in the test process which paths were dropped (the preload's private message). */
  dropBinding: string;
  /** Hidden page global holding when each call started and settled (performance.now(), ms since navigation). */
  timingsKey: string;
}

export interface CallTiming {
  channel: string;
  start: number;
  end: number;
}

export function installPageBridge(config: PageBridgeConfig): void {
  const page = globalThis as unknown as Record<string, unknown>;
  // Results come as JSON text: Playwright's own serializer walks every value of a result and takes seconds
  // on a large listing, where Electron's structured clone (like JSON) takes milliseconds.
  const call = page[config.binding] as (channel: string, args: unknown[]) => Promise<string>;
  const grantDropped = page[config.dropBinding] as (paths: string[]) => Promise<void>;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const timings: CallTiming[] = [];
  Object.defineProperty(globalThis, config.timingsKey, { enumerable: false, value: timings });
  Object.defineProperty(globalThis, config.emitKey, {
    enumerable: false,
    value: (event: EventName, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  });

  const bindingTransport: BridgeTransport = {
    invoke: async (channel, args) => {
      const start = performance.now();
      try {
        return JSON.parse(await call(channel, args));
      } finally {
        timings.push({ channel, start, end: performance.now() });
      }
    },
    on: (event, listener) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
    },
    off: (event, listener) => {
      listeners.get(event)?.delete(listener);
    },
    pathsForFiles: (files) => {
      const pathOf = (file: File) => config.dropFolders.find((folder) => folder.split(/[\\/]/).pop() === file.name) ?? '';
      const paths = Array.from(files, pathOf).filter((path) => path !== '');
      if (paths.length > 0) void grantDropped(paths);
      return paths;
    },
  };
  Object.defineProperty(globalThis, API_GLOBAL, { value: createBridge(bindingTransport), enumerable: true });
}
