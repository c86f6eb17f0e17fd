// The one entry point for every call from the renderer, used by the Electron adapter and by the
// browser test harness alike: known channel → arguments parsed by the contract → handler → IpcResult.
import type { z } from 'zod';
import { channels, type ChannelArgs, type ChannelName, type ChannelResult } from '../../shared/ipc/contract.js';
import type { IpcResult } from '../../shared/ipc/api.js';
import { PromptPMError } from '../../core/errors.js';
import { ipcError, toErrorObject } from './error-object.js';

export type Handlers = { [C in ChannelName]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ');
}

/** What a call from any frame other than our window's main frame gets: nothing done, a typed refusal. */
export function untrustedSenderResult(channel: string): IpcResult<never> {
  const error = ipcError('UNTRUSTED_SENDER', `Call refused: ${channel.slice(0, 100)} came from an unexpected sender`, 'Only the PromptPM window may call the main process.');
  return { ok: false, error: toErrorObject(error, '') };
}

/** A handler's result that breaks the contract: a bug in main, refused here rather than sent to the renderer. */
function resultMismatch(channel: ChannelName, error: z.ZodError): PromptPMError {
  return new PromptPMError('INTERNAL_ERROR', `The result of ${channel} does not match the IPC contract: ${describeIssues(error)}`, {
    hint: 'This is a bug in PromptPM; please report it with what you were doing.',
    path: '',
    reason: 'IPC_RESULT_INVALID',
  });
}

export async function dispatch(handlers: Handlers, channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: toErrorObject(ipcError('IPC_UNKNOWN_CHANNEL', `Unknown IPC channel: ${String(channel).slice(0, 100)}`, 'The renderer and main process are out of step; restart PromptPM.'), '') };
  }
  const spec = channels[channel];
  const parsed = spec.args.safeParse(args);
  if (!parsed.success) {
    const error = ipcError('IPC_ARGS_INVALID', `Invalid arguments for ${channel}: ${describeIssues(parsed.error)}`, 'This call was refused before doing anything; it is a bug in the window that sent it.');
    return { ok: false, error: toErrorObject(error, '') };
  }
  try {
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
    // Every result is checked (cheap next to the handler's work) and what the contract parsed is sent, so
    // nothing the contract does not name (an extra field, a stray object) reaches the renderer.
    const checked = spec.result.safeParse(await handler(...(parsed.data as unknown[])));
    if (!checked.success) throw resultMismatch(channel, checked.error);
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toErrorObject(error, '') };
  }
}
