// The API object the preload exposes as `window.promptpm`, derived from the contract's table:
// channel `registry.list` becomes `api.registry.list()`. Results come wrapped in IpcResult because
// Electron does not carry an Error's own fields across contextBridge; the renderer's client unwraps it.
import type { ChannelArgs, ChannelName, ChannelResult, EventName, EventPayload } from './contract.js';
import type { ErrorObject } from './schemas.js';

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorObject };

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}.${infer V}` ? V : never;

export type PromptPMApi = {
  [D in DomainOf<ChannelName>]: {
    [V in VerbOf<ChannelName, D>]: `${D}.${V}` extends infer C extends ChannelName
      ? (...args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>
      : never;
  };
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Turns dropped File objects into paths main will accept (webUtils.getPathForFile in the preload). */
  pathsForFiles?(files: readonly File[]): string[];
};

/** Splits `domain.verb` into its two parts; createBridge (bridge.ts) builds the API with it. */
export function splitChannel(channel: ChannelName): [string, string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}

export const API_GLOBAL = 'promptpm';

/** Wire name of an event (main → renderer); invoke channels travel under their contract name. */
export function eventWireName(event: EventName): string {
  return `promptpm:event:${event}`;
}

/**
 * Private preload → main message carrying the paths of files the user really dropped, so main can
 * add them to its allow-list. It is not part of the API object: the renderer cannot send it.
 */
export const DROPPED_PATHS_WIRE = 'promptpm:dropped-paths';
