// The one path a renderer message takes in main, for the Electron adapter and the e2e harness alike:
// sender check, then (for calls) the drops granted before it, then dispatch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/main/ipc/dispatch.js';
import { DroppedPaths } from '../../../src/main/ipc/dropped-paths.js';
import { handleDroppedPaths, handleRendererCall, type RendererCalls } from '../../../src/main/ipc/renderer-calls.js';
import { AllowList } from '../../../src/main/state/allow-list.js';

const APP_URL = 'app://promptpm/index.html';
const ours = { isOurMainFrame: true, url: 'app://promptpm/index.html#/module/x' };
const folder = mkdtempSync(join(tmpdir(), 'promptpm-renderer-calls-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Calls whose registry.open records, per run, whether its path was on the allow-list when it ran. */
function rendererCalls(): RendererCalls & { allowedWhenRun: boolean[] } {
  const allowList = new AllowList();
  const allowedWhenRun: boolean[] = [];
  const handlers = {
    'registry.open': async (path: string) => {
      allowedWhenRun.push((await allowList.lookup(path)) !== null);
      return { path, isDefault: false };
    },
  } as unknown as Handlers;
  return { handlers, dropped: new DroppedPaths(allowList), appUrl: APP_URL, allowedWhenRun };
}

describe('renderer calls', () => {
  it.each([
    ['a subframe', { isOurMainFrame: false, url: APP_URL }],
    ['another page', { isOurMainFrame: true, url: 'https://example.com/index.html' }],
    ['a destroyed frame', { isOurMainFrame: true, url: null }],
  ])('refuses a call from %s without running its handler', async (_, sender) => {
    const calls = rendererCalls();
    const result = await handleRendererCall(calls, sender, 'registry.open', [folder]);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', reason: 'UNTRUSTED_SENDER' } });
    expect(calls.allowedWhenRun).toEqual([]);
  });

  it('runs a call from our page once the drop sent before it is granted', async () => {
    const calls = rendererCalls();
    void handleDroppedPaths(calls, ours, [folder]);
    expect(await handleRendererCall(calls, ours, 'registry.open', [folder])).toEqual({ ok: true, value: { path: folder, isDefault: false } });
    expect(calls.allowedWhenRun).toEqual([true]);
  });

  it('ignores dropped paths from any other frame', async () => {
    const calls = rendererCalls();
    await handleDroppedPaths(calls, { isOurMainFrame: false, url: APP_URL }, [folder]);
    await handleRendererCall(calls, ours, 'registry.open', [folder]);
    expect(calls.allowedWhenRun).toEqual([false]);
  });
});
