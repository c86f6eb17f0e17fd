// The sandboxed preload: the contract's API object (src/shared/ipc/bridge.ts) over Electron's IPC. The IPC
// event object (with its sender) stays here, and no ipcRenderer reaches the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, DROPPED_PATHS_WIRE, eventWireName } from '../shared/ipc/api.js';
import { createBridge, type BridgeTransport } from '../shared/ipc/bridge.js';

type Listener = (payload: unknown) => void;
const forwarders = new Map<Listener, (event: IpcRendererEvent, payload: unknown) => void>();

const electronTransport: BridgeTransport = {
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  on: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    forwarders.set(listener, forward);
    ipcRenderer.on(eventWireName(event), forward);
  },
  off: (event, listener) => {
    const forward = forwarders.get(listener);
    if (forward) ipcRenderer.removeListener(eventWireName(event), forward);
    forwarders.delete(listener);
  },
  pathsForFiles: (files) => {
    // Only files really dropped from disk have a path; a File made up in the page gives ''.
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    if (paths.length > 0) ipcRenderer.send(DROPPED_PATHS_WIRE, paths);
    return paths;
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, createBridge(electronTransport));
