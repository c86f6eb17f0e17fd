// The Electron side of IPC, kept thin: every contract channel is registered from the table, the
// sender is checked, and the call goes to dispatch() — the same path the browser harness uses.
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { DROPPED_PATHS_WIRE, eventWireName } from '../../shared/ipc/api.js';
import { channelNames, events, type EventName, type EventPayload } from '../../shared/ipc/contract.js';
import { dispatch, untrustedSenderResult, type Handlers } from '../ipc/dispatch.js';
import type { DroppedPaths } from '../ipc/dropped-paths.js';
import { isTrustedSender } from '../ipc/sender.js';

export interface IpcWiring {
  window(): BrowserWindow | null;
  appUrl: string;
  handlers: Handlers;
  dropped: DroppedPaths;
  /** Development: check events against the contract (results are always checked, by dispatch). */
  validate: boolean;
}

function fromOurWindow(event: IpcMainEvent | IpcMainInvokeEvent, wiring: IpcWiring): boolean {
  const win = wiring.window();
  const frame = event.senderFrame;
  const main = win && !win.isDestroyed() ? win.webContents.mainFrame : null;
  const isOurMainFrame =
    !!win && !!frame && !!main && event.sender === win.webContents && frame.processId === main.processId && frame.routingId === main.routingId;
  return isTrustedSender({ isOurMainFrame, url: frame?.url ?? null }, wiring.appUrl);
}

export function registerIpc(wiring: IpcWiring): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!fromOurWindow(event, wiring)) {
        console.warn(`Refused IPC ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return untrustedSenderResult(channel);
      }
      await wiring.dropped.settled();
      return dispatch(wiring.handlers, channel, args);
    });
  }
  ipcMain.on(DROPPED_PATHS_WIRE, (event, paths: unknown) => {
    if (fromOurWindow(event, wiring)) void wiring.dropped.grant(paths);
  });
}

export function eventSender(wiring: Pick<IpcWiring, 'window' | 'validate'>) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    if (wiring.validate) events[event].parse(payload);
    const win = wiring.window();
    if (win && !win.isDestroyed()) win.webContents.send(eventWireName(event), payload);
  };
}
