// Runs IN THE PAGE, before any of its scripts (Playwright init script): builds window.promptpm from the
// contract's channel list exactly as the preload does, over one exposed binding instead of ipcRenderer.
// Self-contained on purpose: Playwright serializes this function's source into the page.

export interface PageBridgeConfig {
  apiGlobal: string;
  channels: string[];
  events: string[];
  /** Name of the Playwright binding that carries calls to the handlers in the test process. */
  binding: string;
  /** Hidden hook the test process calls to deliver events (random, non-enumerable). */
  emitKey: string;
  /** Folder paths a dropped File maps to, by basename (stands in for webUtils.getPathForFile). */
  dropFolders: string[];
  /** Hidden hook the page bridge uses to tell the test process which paths were dropped. */
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
  const w = globalThis as unknown as Record<string, unknown>;
  // Results come as JSON text: Playwright's own serializer walks every value of a result and takes seconds
  // on a large listing, where Electron's structured clone (like JSON) takes milliseconds.
  const binding = w[config.binding] as (channel: string, args: unknown[]) => Promise<string>;
  const invoke = async (channel: string, args: unknown[]): Promise<unknown> => JSON.parse(await binding(channel, args));
  const grantDropped = w[config.dropBinding] as (paths: string[]) => Promise<void>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  for (const event of config.events) listeners.set(event, new Set());
  const timings: CallTiming[] = [];
  Object.defineProperty(globalThis, config.timingsKey, { enumerable: false, value: timings });

  Object.defineProperty(globalThis, config.emitKey, {
    enumerable: false,
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  });

  const api: Record<string, unknown> = {};
  for (const channel of config.channels) {
    const dot = channel.indexOf('.');
    const domain = channel.slice(0, dot);
    const verb = channel.slice(dot + 1);
    const methods = (api[domain] ??= {}) as Record<string, unknown>;
    methods[verb] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await invoke(channel, args);
      } finally {
        timings.push({ channel, start, end: performance.now() });
      }
    };
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event);
    if (!set || typeof listener !== 'function') throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (payload: unknown) => listener(payload);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };
  api.pathsForFiles = (files: readonly File[]) => {
    const paths: string[] = [];
    for (const file of Array.from(files)) {
      const match = config.dropFolders.find((folder) => folder.split(/[\\/]/).pop() === file.name);
      if (match) paths.push(match);
    }
    if (paths.length > 0) void grantDropped(paths);
    return paths;
  };
  // contextBridge hands the page a frozen copy; freeze ours the same way.
  for (const value of Object.values(api)) if (typeof value === 'object' && value) Object.freeze(value);
  Object.defineProperty(globalThis, config.apiGlobal, { value: Object.freeze(api), enumerable: true });
}
