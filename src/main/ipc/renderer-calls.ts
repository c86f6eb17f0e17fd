// What main does with a message from a renderer frame, whatever carries it: the Electron adapter
// (electron/ipc.ts) and the e2e harness both describe the sender and hand over the raw message here.
import type { IpcResult } from '../../shared/ipc/api.js';
import { dispatch, untrustedSenderResult, type Handlers } from './dispatch.js';
import type { DroppedPaths } from './dropped-paths.js';
import { isTrustedSender, type Sender } from './sender.js';

export interface RendererCalls {
  handlers: Handlers;
  dropped: DroppedPaths;
  /** The page our window shows; a frame showing anything else is refused. */
  appUrl: string;
}

/** A contract call: refused unless our window's main frame sent it; run once the drops granted before it are in. */
export async function handleRendererCall(calls: RendererCalls, sender: Sender, channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(sender, calls.appUrl)) {
    console.warn(`Refused IPC ${String(channel).slice(0, 100)} from ${sender.url ?? 'a destroyed frame'}`);
    return untrustedSenderResult(String(channel));
  }
  await calls.dropped.settled();
  return dispatch(calls.handlers, channel, args);
}

/** The preload's private message with the paths of files really dropped: granted only from our window's main frame. */
export function handleDroppedPaths(calls: RendererCalls, sender: Sender, paths: unknown): Promise<void> {
  return isTrustedSender(sender, calls.appUrl) ? calls.dropped.grant(paths) : Promise.resolve();
}
