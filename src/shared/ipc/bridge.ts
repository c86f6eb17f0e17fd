// The API object the page gets as `window.promptpm`, built once for every host: the preload builds it over
// Electron's IPC and the e2e harness over Playwright bindings, so the page under test holds exactly the
// object the app ships. Each channel `a.b` becomes api.a.b; events are subscriptions returning an
// unsubscribe; nothing generic (no invoke, no raw listener with its IPC event) reaches the page.
import { splitChannel, type PromptPMApi } from './api.js';
import { channelNames, events, type ChannelName, type EventName } from './contract.js';

/** How a host carries calls, events and dropped files between the page and main. */
export interface BridgeTransport {
  /** Sends one call; resolves with main's IpcResult. */
  invoke(channel: ChannelName, args: unknown[]): Promise<unknown>;
  /** Starts delivering an event's payloads (the payload only) to `listener`. */
  on(event: EventName, listener: (payload: unknown) => void): void;
  /** Stops delivering to a listener given to `on`. */
  off(event: EventName, listener: (payload: unknown) => void): void;
  /** Paths of files really dropped from disk (others give none); main is told about them. */
  pathsForFiles(files: readonly File[]): string[];
}

export function createBridge(transport: BridgeTransport): PromptPMApi {
  const api: Record<string, unknown> = {};
  for (const channel of channelNames) {
    const [domain, verb] = splitChannel(channel);
    const methods = (api[domain] ??= {}) as Record<string, unknown>;
    methods[verb] = (...args: unknown[]) => transport.invoke(channel, args);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(events, event) || typeof listener !== 'function') throw new Error(`Unknown event: ${String(event)}`);
    // One forwarder per subscription, so subscribing the same listener twice unsubscribes each on its own.
    const forward = (payload: unknown) => listener(payload);
    transport.on(event, forward);
    return () => transport.off(event, forward);
  };
  api.pathsForFiles = (files: readonly File[]) => transport.pathsForFiles(files);
  // contextBridge hands the page a frozen copy; the harness's page gets the object itself, frozen the same way.
  for (const value of Object.values(api)) if (typeof value === 'object' && value) Object.freeze(value);
  return Object.freeze(api) as PromptPMApi;
}
