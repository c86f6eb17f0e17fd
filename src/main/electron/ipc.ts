// The Electron side of IPC, kept thin: every contract channel is registered from the table, and each
// message goes with a description of its sender to renderer-calls.ts — the path the browser harness uses too.
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { DROPPED_PATHS_WIRE, eventWireName } from '../../shared/ipc/api.js';
import { channelNames, events, type EventName, type EventPayload } from '../../shared/ipc/contract.js';
import type { Handlers } from '../ipc/dispatch.js';
import type { DroppedPaths } from '../ipc/dropped-paths.js';
import { handleDroppedPaths, handleRendererCall, type RendererCalls } from '../ipc/renderer-calls.js';
import type { Sender } from '../ipc/sender.js';

export interface IpcWiring {
  window(): BrowserWindow | null;
  appUrl: string;
  handlers: Handlers;
  dropped: DroppedPaths;
  /** Development: check events against the contract (results are always checked, by dispatch). */
  validate: boolean;
}

/** Who sent a message: whether it is our window's main frame (by identity), and the URL it shows. */
function senderOf(event: IpcMainEvent | IpcMainInvokeEvent, wiring: IpcWiring): Sender {
  const win = wiring.window();
  const frame = event.senderFrame;
  const main = win && !win.isDestroyed() ? win.webContents.mainFrame : null;
  const isOurMainFrame =
    !!win && !!frame && !!main && event.sender === win.webContents && frame.processId === main.processId && frame.routingId === main.routingId;
  return { isOurMainFrame, url: frame?.url ?? null };
}

export function registerIpc(wiring: IpcWiring): void {
  const calls: RendererCalls = { handlers: wiring.handlers, dropped: wiring.dropped, appUrl: wiring.appUrl };
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleRendererCall(calls, senderOf(event, wiring), channel, args));
  }
  ipcMain.on(DROPPED_PATHS_WIRE, (event, paths: unknown) => void handleDroppedPaths(calls, senderOf(event, wiring), paths));
}

export function eventSender(wiring: Pick<IpcWiring, 'window' | 'validate'>) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    if (wiring.validate) events[event].parse(payload);
    const win = wiring.window();
    if (win && !win.isDestroyed()) win.webContents.send(eventWireName(event), payload);
  };
}
