// createBridge: the one API object both the preload and the e2e harness install, over any transport.
import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from '../../src/shared/ipc/bridge.js';
import { channelNames, type EventName } from '../../src/shared/ipc/contract.js';

function recordingTransport() {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: async (channel, args) => (invoked.push([channel, args]), { ok: true, value: null }),
    on: (_event, listener) => void listeners.add(listener),
    off: (_event, listener) => void listeners.delete(listener),
    pathsForFiles: (files) => Array.from(files, (f) => `/dropped/${f.name}`),
  };
  return { transport, invoked, emit: (payload: unknown) => [...listeners].forEach((l) => l(payload)), listeners };
}

describe('createBridge', () => {
  it('gives every channel its verb, sending the channel and its arguments', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createBridge(transport) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    for (const channel of channelNames) {
      const [domain, verb] = channel.split('.') as [string, string];
      await api[domain]![verb]!('a', 1);
    }
    expect(invoked).toEqual(channelNames.map((channel) => [channel, ['a', 1]]));
  });

  it('subscribes each listener on its own, so one unsubscribe leaves the other', () => {
    const { transport, emit, listeners } = recordingTransport();
    const api = createBridge(transport);
    const got: unknown[] = [];
    const listener = (p: unknown) => got.push(p);
    const offFirst = api.on('progress', listener);
    api.on('progress', listener);
    offFirst();
    emit('x');
    expect(got).toEqual(['x']);
    expect(listeners.size).toBe(1);
    expect(() => api.on('nope' as EventName, listener)).toThrow('Unknown event: nope');
  });

  it('is frozen, domains included, with nothing generic on it', () => {
    const api = createBridge(recordingTransport().transport);
    expect(Object.isFrozen(api) && Object.isFrozen(api.registry)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...new Set(channelNames.map((c) => c.split('.')[0]!)), 'on', 'pathsForFiles'].sort());
    expect(api.pathsForFiles?.([{ name: 'm' } as File])).toEqual(['/dropped/m']);
  });
});
