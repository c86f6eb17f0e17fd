// The sandboxed preload: exposes one API object derived from the contract (channel `a.b` → api.a.b),
// events as subscriptions returning an unsubscribe, and dropped files as paths. No generic invoke and
// no ipcRenderer reach the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, DROPPED_PATHS_WIRE, eventWireName, splitChannel } from '../shared/ipc/api.js';
import { channelNames, events, type EventName } from '../shared/ipc/contract.js';

const api: Record<string, unknown> = {};
for (const channel of channelNames) {
  const [domain, verb] = splitChannel(channel);
  const methods = (api[domain] ??= {}) as Record<string, unknown>;
  methods[verb] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
}

api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!Object.hasOwn(events, event) || typeof listener !== 'function') throw new Error(`Unknown event: ${String(event)}`);
  const wire = eventWireName(event);
  // The IPC event object (with its sender) stays here; the page only gets the payload.
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(wire, forward);
  return () => {
    ipcRenderer.removeListener(wire, forward);
  };
};

api.pathsForFiles = (files: readonly File[]) => {
  // Only files really dropped from disk have a path; a File made up in the page gives ''.
  const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
  if (paths.length > 0) ipcRenderer.send(DROPPED_PATHS_WIRE, paths);
  return paths;
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
