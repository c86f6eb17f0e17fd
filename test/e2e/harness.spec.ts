// Smoke test of the bridge harness itself: the page's globalThis.promptpm reaches the real handlers over
// the contract, malformed calls are refused by main's validation, and events arrive in the page.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelNames } from '../../src/shared/ipc/contract.js';
import { test, expect } from './harness/fixture.js';

test('calls reach the real handlers and come back as IpcResult', async ({ page, harness }) => {
  const info = await page.evaluate(() => globalThis.promptpm.app.info());
  expect(info).toEqual({ ok: true, value: { name: 'PromptPM', version: '0.0.0-harness', platform: process.platform } });

  const current = await page.evaluate(() => globalThis.promptpm.registry.current());
  expect(current.ok && current.value.isDefault).toBe(true);
  expect(current.ok && current.value.path.startsWith(harness.userDataDir)).toBe(true);

  const listing = await page.evaluate(() => globalThis.promptpm.registry.list({ offset: 0, limit: 100 }));
  expect(listing.ok && listing.value.count).toBe(0);
  expect(harness.calls.map((c) => c.channel)).toEqual(expect.arrayContaining(['app.info', 'registry.current', 'registry.list']));
});

test('malformed arguments are refused by main, never reaching a handler', async ({ page, harness }) => {
  const results = await page.evaluate(async () => {
    const api = globalThis.promptpm as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    return Promise.all([
      api.registry!.open!(42),
      api.module!.read!({ name: '../etc', version: '1.0.0' }),
      api.jobs!.cancel!(),
      api.registry!.list!('extra'),
    ]);
  });
  for (const result of results) {
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', reason: 'IPC_ARGS_INVALID' } });
  }
  expect(harness.dialogRequests()).toBe(0);
});

test.describe('with a dialog answer', () => {
  test.use({ dialogFolders: [null] });

  test('a cancelled dialog gives null and paths never chosen are refused', async ({ page, harness }) => {
    expect(await page.evaluate(() => globalThis.promptpm.registry.choose())).toEqual({ ok: true, value: null });
    expect(harness.dialogRequests()).toBe(1);
    const refused = await page.evaluate(() => globalThis.promptpm.registry.open('/etc'));
    expect(refused).toMatchObject({ ok: false, error: { reason: 'PATH_NOT_ALLOWED' } });
  });
});

test('events from main reach listeners in the page, and unsubscribe works', async ({ page, harness }) => {
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (globalThis as unknown as { seen: unknown[] }).seen = seen;
    const off = globalThis.promptpm.on('progress', (event) => {
      seen.push(event);
      off();
    });
  });
  const event = { jobId: 'j1', phase: 'verify', done: 1, total: 2 };
  await harness.emit('progress', event);
  await harness.emit('progress', { ...event, done: 2 });
  expect(await page.evaluate(() => (globalThis as unknown as { seen: unknown[] }).seen)).toEqual([event]);
});

test('the API object is frozen and exposes no generic invoke', async ({ page }) => {
  const shape = await page.evaluate(() => ({
    frozen: Object.isFrozen(globalThis.promptpm),
    keys: Object.keys(globalThis.promptpm).sort(),
    invoke: 'invoke' in globalThis.promptpm,
  }));
  const domains = [...new Set(channelNames.map((c) => c.split('.')[0]!)), 'on', 'pathsForFiles'].sort();
  expect(shape).toEqual({ frozen: true, keys: domains, invoke: false });
});

test('the page runs under the strict CSP without violations', async ({ page, harness }) => {
  const response = await page.request.get(harness.appUrl);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.waitForLoadState('networkidle');
  expect(harness.pageErrors).toEqual([]);
});

test.describe('with a registry copied for the test', () => {
  const source = join(tmpdir(), `promptpm-harness-source-${process.pid}`);
  test.use({ registry: source, copyRegistry: true });
  test.beforeAll(() => mkdirSync(join(source, 'modules'), { recursive: true }));
  test.afterAll(() => rmSync(source, { recursive: true, force: true }));

  test('opens the copy, allow-listed and remembered, and leaves the source untouched', async ({ page, harness }) => {
    expect(harness.registryPath).not.toBe(source);
    const current = await page.evaluate(() => globalThis.promptpm.registry.current());
    expect(current).toEqual({ ok: true, value: { path: harness.registryPath, isDefault: false } });
    expect(await page.evaluate(() => globalThis.promptpm.registry.list({ offset: 0, limit: 100 }))).toMatchObject({ ok: true, value: { count: 0 } });
    expect(existsSync(join(source, '.promptpm'))).toBe(false);
  });
});

test.describe('with a dropped folder', () => {
  const dropped = join(tmpdir(), `promptpm-harness-drop-${process.pid}`);
  test.use({ dropFolders: [dropped] });
  test.beforeAll(() => mkdirSync(dropped, { recursive: true }));
  test.afterAll(() => rmSync(dropped, { recursive: true, force: true }));

  test('a dropped folder becomes a path main accepts; a made-up one does not', async ({ page }) => {
    const name = dropped.split('/').pop()!;
    const outcome = await page.evaluate(async (fileName) => {
      const api = globalThis.promptpm;
      const paths = api.pathsForFiles!([new File([], fileName), new File([], 'made-up')]);
      return { paths, opened: await api.registry.open(paths[0]!) };
    }, name);
    expect(outcome).toEqual({ paths: [dropped], opened: { ok: true, value: { path: dropped, isDefault: false } } });
  });
});
