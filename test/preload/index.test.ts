// The preload's bridge, with Electron's three preload modules stood in by recorders (the real ones
// only exist inside Electron): what the page receives, and what reaches ipcRenderer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../src/shared/ipc/contract.js';
import { DROPPED_PATHS_WIRE, eventWireName } from '../../src/shared/ipc/api.js';

const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const sent: unknown[][] = [];
const listeners = new Map<string, Set<(...a: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    send: (...args: unknown[]) => sent.push(args),
    on: (wire: string, fn: (...a: unknown[]) => void) => listeners.set(wire, (listeners.get(wire) ?? new Set()).add(fn)),
    removeListener: (wire: string, fn: (...a: unknown[]) => void) => listeners.get(wire)?.delete(fn),
  },
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
}));

type Api = Record<string, Record<string, (...a: unknown[]) => unknown>> & {
  on(event: string, fn: (p: unknown) => void): () => void;
  pathsForFiles(files: unknown[]): string[];
};
let api: Api;

beforeAll(async () => {
  await import('../../src/preload/index.js');
  api = exposed.promptpm as Api;
});

describe('preload bridge', () => {
  it('exposes one verb per channel and nothing generic', () => {
    expect(Object.keys(exposed)).toEqual(['promptpm']);
    expect(Object.keys(api).sort()).toEqual([...new Set(channelNames.map((c) => c.split('.')[0]!)), 'on', 'pathsForFiles'].sort());
    for (const channel of channelNames) {
      const [domain, verb] = channel.split('.') as [string, string];
      expect(typeof api[domain]?.[verb]).toBe('function');
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });

  it('sends each verb on its own channel with its arguments', async () => {
    await api.module!.read!({ name: 'x', version: '1.0.0' });
    expect(invoked.at(-1)).toEqual(['module.read', { name: 'x', version: '1.0.0' }]);
  });

  it('delivers only the payload of events and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.on('progress', (p) => got.push(p));
    const wire = eventWireName('progress');
    for (const fn of listeners.get(wire) ?? []) fn({ sender: 'secret' }, { jobId: 'j' });
    off();
    for (const fn of listeners.get(wire) ?? []) fn({ sender: 'secret' }, { jobId: 'k' });
    expect(got).toEqual([{ jobId: 'j' }]);
    expect(() => api.on('not-an-event', () => undefined)).toThrow();
  });

  it('turns only real dropped files into paths and tells main about them', () => {
    expect(api.pathsForFiles([{ path: '/home/u/module' }, {}])).toEqual(['/home/u/module']);
    expect(sent.at(-1)).toEqual([DROPPED_PATHS_WIRE, ['/home/u/module']]);
    const before = sent.length;
    expect(api.pathsForFiles([{}])).toEqual([]);
    expect(sent.length).toBe(before);
  });
});
