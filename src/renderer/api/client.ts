// The typed client over `window.promptpm`. Channels, arguments and results all come from the shared
// contract's types: `call('module.read', ref)` is `api.module.read(ref)` with its IpcResult unwrapped
// into the value, or thrown as an AppError carrying the core's error object.
import { API_GLOBAL, splitChannel, type IpcResult, type PromptPMApi } from '../../shared/ipc/api';
import type { ChannelArgs, ChannelName, ChannelResult, EventName, EventPayload } from '../../shared/ipc/contract';
import { AppError, toAppError } from './errors';

type Method = (...args: unknown[]) => Promise<IpcResult<unknown>>;

const bridgeMissing = new AppError({
  code: 'INTERNAL_ERROR',
  message: 'The connection to the PromptPM main process is missing.',
  hint: 'Restart PromptPM. If this keeps happening, reinstall it.',
  path: '',
});

function bridge(): PromptPMApi {
  const api = (globalThis as Record<string, unknown>)[API_GLOBAL] as PromptPMApi | undefined;
  if (!api) throw bridgeMissing;
  return api;
}

export async function call<C extends ChannelName>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const [domain, verb] = splitChannel(channel);
  const methods = (bridge() as unknown as Record<string, Record<string, Method> | undefined>)[domain];
  const method = methods?.[verb];
  if (!method) throw bridgeMissing;
  let result: IpcResult<unknown>;
  try {
    result = await method(...args);
  } catch (error) {
    throw toAppError(error);
  }
  if (!result.ok) throw new AppError(result.error);
  return result.value as ChannelResult<C>;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, listener);
}

/** Paths of the files in a drop, as the preload reads them from disk; files made up by a page give none. */
export function pathsOfDroppedFiles(files: readonly File[]): string[] {
  return bridge().pathsForFiles?.(files) ?? [];
}
