// The real handlers over the real core, with an injected dialog and a temporary userData: what the
// Electron adapter and the browser harness both run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishModule } from '../../../src/core/registry/index.js';
import { createHandlers, type MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { AllowList } from '../../../src/main/state/allow-list.js';
import { SettingsStore } from '../../../src/main/state/settings.js';
import { channels, type ChannelName, type EventPayload } from '../../../src/shared/ipc/contract.js';
import type { ListingPage } from '../../../src/shared/ipc/schemas.js';
import { testEncryptor } from '../../support/encryptor.js';

let work: string;
let generated: string;
let crafted: string;

function manifest(name: string, version: string, deps: [string, string][]): string {
  const dependencies = deps.length ? `dependencies:\n${deps.map(([n, r]) => `  - { name: ${n}, version: "${r}" }\n`).join('')}` : '';
  return `module:\n  name: ${name}\n  version: ${version}\n  description: Module ${name}\nprompt:\n  template: template.prompt\n  placeholders: [text]\ninterface:\n  intent: Echo text.\n  inputs:\n    - { name: text, type: plain_text, description: Text, required: true }\n  outputs:\n    - { type: plain_text, description: Echo }\n${dependencies}tests:\n  - name: echoes\n    inputs: { text: hello }\n    assertions:\n      - contains: hello\n`;
}

async function publish(registry: string, name: string, version: string, deps: [string, string][] = []): Promise<void> {
  const dir = join(work, 'src', `${name}-${version}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'promptpm.yaml'), manifest(name, version, deps));
  await writeFile(join(dir, 'template.prompt'), 'Say {{text}}\n');
  await publishModule(registry, dir);
}

interface Setup extends MainHandlers {
  userData: string;
  events: EventPayload<'progress'>[];
  call(channel: ChannelName, ...args: unknown[]): Promise<unknown>;
}

async function setup(dialogAnswers: (string | null)[] = []): Promise<Setup> {
  const userData = await mkdtemp(join(work, 'userdata-'));
  const events: EventPayload<'progress'>[] = [];
  const main = await createHandlers({
    dialog: {
      chooseFolder: async () => dialogAnswers.shift() ?? null,
      chooseFolders: async () => [dialogAnswers.shift()].filter((p): p is string => typeof p === 'string'),
    },
    shell: { reveal: () => undefined, startDrag: () => undefined },
    encryptor: testEncryptor,
    allowList: new AllowList(),
    settings: await SettingsStore.load(userData),
    userDataDir: userData,
    sendEvent: (event, payload) => {
      if (event === 'progress') events.push(payload as EventPayload<'progress'>);
    },
    app: { name: 'PromptPM', version: '1.0.0', platform: 'linux' },
  });
  const call = async (channel: ChannelName, ...args: unknown[]) => {
    const result = await dispatch(main.handlers, channel, args);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    // Every result the renderer sees matches the contract.
    expect(channels[channel].result.safeParse(result.value).success).toBe(true);
    return result.value;
  };
  return { ...main, userData, events, call };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'promptpm-handlers-'));
  generated = join(work, 'generated');
  execFileSync(process.execPath, [join(process.cwd(), 'scripts/generate-registry.mjs'), '--out', generated, '--modules', '4', '--versions', '2']);
  await appendFile(join(generated, 'modules/module-00001/1.1.1/template.prompt'), 'tampered\n');
  crafted = join(work, 'crafted');
  await mkdir(crafted);
  await publish(crafted, 'c', '1.0.0');
  await publish(crafted, 'c', '2.0.0');
  await publish(crafted, 'a', '1.0.0', [['c', '^2.0.0']]);
  await publish(crafted, 'b', '1.0.0', [['c', '^1.0.0']]);
  await publish(crafted, 'app', '1.0.0', [['a', '^1.0.0'], ['b', '^1.0.0']]);
  await publish(crafted, 'ok', '1.0.0', [['a', '^1.0.0']]);
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('registry handlers', () => {
  it('creates and opens the default registry in userData on first run', async () => {
    const s = await setup();
    const current = (await s.call('registry.current')) as { path: string; isDefault: boolean };
    expect(current).toMatchObject({ isDefault: true });
    expect(current.path.startsWith(s.userData)).toBe(true);
    expect((await stat(current.path)).isDirectory()).toBe(true);
    expect(await s.call('registry.list', { offset: 0, limit: 100 })).toMatchObject({ count: 0, total: 0, offset: 0, packages: [] });
    expect(await s.call('app.info')).toEqual({ name: 'PromptPM', version: '1.0.0', platform: 'linux' });
  });

  it('opens a folder chosen in the dialog, remembers it, and reopens it from the recent list only', async () => {
    const s = await setup([generated, null]);
    expect(await s.call('registry.choose')).toEqual({ path: generated, isDefault: false });
    expect(await s.call('registry.choose')).toBeNull();
    expect((await s.call('registry.current')) as object).toEqual({ path: generated, isDefault: false });
    expect(await s.call('registry.recent')).toEqual([
      { path: generated, exists: true, isDefault: false },
      { path: expect.stringContaining(s.userData), exists: true, isDefault: true },
    ]);
    const saved = JSON.parse(await readFile(join(s.userData, 'settings.json'), 'utf8'));
    expect(saved).toMatchObject({ currentRegistry: generated, recentRegistries: [generated] });

    await expect(s.call('registry.open', crafted)).rejects.toMatchObject({ reason: 'PATH_NOT_ALLOWED' });
    await expect(s.call('registry.open', '/')).rejects.toMatchObject({ reason: 'PATH_NOT_ALLOWED' });
    expect(await s.call('registry.open', generated)).toEqual({ path: generated, isDefault: false });
  });

  it('keeps the default registry on the recent list, so the user can always get back to it', async () => {
    const s = await setup([generated]);
    const start = (await s.call('registry.current')) as { path: string };
    expect(await s.call('registry.recent')).toEqual([{ path: start.path, exists: true, isDefault: true }]);
    await s.call('registry.choose');
    expect(await s.call('registry.recent')).toEqual([
      { path: generated, exists: true, isDefault: false },
      { path: start.path, exists: true, isDefault: true },
    ]);
    expect(await s.call('registry.open', start.path)).toEqual({ path: start.path, isDefault: true });
    expect(await s.call('registry.recent')).toEqual([
      { path: start.path, exists: true, isDefault: true },
      { path: generated, exists: true, isDefault: false },
    ]);
  });

  it('lists packages with their states, reads a version, and runs its tests', async () => {
    const s = await setup([generated]);
    await s.call('registry.choose');
    const listing = (await s.call('registry.list', { offset: 0, limit: 100 })) as ListingPage;
    expect(listing).toMatchObject({ count: 8, total: 4, offset: 0 });
    expect(listing.packages.map((p) => p.name)).toEqual(['module-00000', 'module-00001', 'module-00002', 'module-00003']);
    // Each version carries its own state (the generator's registry was never verified), the row its worst.
    expect(listing.packages[2]).toMatchObject({
      latest: '1.1.1',
      verification: 'unverified',
      versions: [
        { version: '1.0.0', verification: 'unverified' },
        { version: '1.1.1', verification: 'unverified' },
      ],
    });
    const detail = await s.call('module.read', { name: 'module-00002', version: '1.1.1' });
    expect(detail).toMatchObject({ name: 'module-00002', version: '1.1.1', verification: 'ok', metadata: { description: 'Synthetic module 2 version 1' } });
    expect(await s.call('module.runTests', { name: 'module-00002', version: '1.1.1' })).toMatchObject({ total: 1, passed: 1, failed: 0 });
  });

  it('shows a tampered version with its changed files and refuses to run its tests', async () => {
    const s = await setup([generated]);
    await s.call('registry.choose');
    expect(await s.call('module.read', { name: 'module-00001', version: '1.1.1' })).toMatchObject({
      verification: 'tampered',
      integrity: { changed: ['template.prompt'] },
    });
    await expect(s.call('module.runTests', { name: 'module-00001', version: '1.1.1' })).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED' });
  });

  it('verifies the registry with progress events for its job', async () => {
    const s = await setup([generated]);
    await s.call('registry.choose');
    const report = await s.call('registry.verify', { jobId: 'v1' });
    expect(report).toMatchObject({ total: 8, ok: 7, tampered: 1, cancelled: false });
    expect(s.events.length).toBeGreaterThan(0);
    expect(s.events.every((e) => e.jobId === 'v1')).toBe(true);
    // A whole-registry verify counts modules (4 of them, 2 versions each).
    expect(s.events.at(-1)).toMatchObject({ done: 4, total: 4, unit: 'modules', current: 'module-00003' });
    expect(await s.call('jobs.cancel', 'v1')).toBe(false);
    expect(await s.call('registry.verify', { jobId: 'v2', name: 'module-00003' })).toMatchObject({ total: 2, ok: 2 });
  });
});

describe('registry.list pages', () => {
  const page = (s: Setup, request: object) => s.call('registry.list', request) as Promise<ListingPage>;

  it('cuts later pages from the first page\'s snapshot, so they fit together even if the registry changes', async () => {
    const s = await setup([crafted]);
    await s.call('registry.choose');
    const first = await page(s, { offset: 0, limit: 2 });
    expect(first).toMatchObject({ total: 5, count: 6, offset: 0 });
    expect(first.packages.map((p) => p.name)).toEqual(['a', 'app']);
    await publish(crafted, 'aa', '1.0.0');
    const rest = await page(s, { offset: 2, limit: 10, snapshot: first.snapshot });
    expect(rest).toMatchObject({ snapshot: first.snapshot, total: 5, offset: 2 });
    expect(rest.packages.map((p) => p.name)).toEqual(['b', 'c', 'ok']);
    expect(rest.packages[1]?.versions.map((v) => v.version)).toEqual(['1.0.0', '2.0.0']);
    // A listing without a snapshot reads the registry afresh.
    const fresh = await page(s, { offset: 0, limit: 10 });
    expect(fresh.snapshot).not.toBe(first.snapshot);
    expect(fresh.packages.map((p) => p.name)).toEqual(['a', 'aa', 'app', 'b', 'c', 'ok']);
  });

  it('reports the index being built for a first page that asks, under its job id, and nothing once built', async () => {
    const cold = join(work, 'cold');
    execFileSync(process.execPath, [join(process.cwd(), 'scripts/generate-registry.mjs'), '--out', cold, '--modules', '5', '--versions', '1']);
    // Folder times old enough to be trusted, so the second listing finds nothing to rescan.
    const old = new Date(Date.now() - 60_000);
    for (const folder of ['', ...Array.from({ length: 5 }, (_, i) => `module-0000${i}`)]) await utimes(join(cold, 'modules', folder), old, old);
    const s = await setup([cold]);
    await s.call('registry.choose');
    await page(s, { offset: 0, limit: 10, jobId: 'listing' });
    expect(s.events.every((e) => e.jobId === 'listing' && e.phase === 'index' && e.unit === 'modules' && e.total === 5)).toBe(true);
    expect(s.events.at(-1)).toMatchObject({ done: 5, total: 5 });
    s.events.length = 0;
    await page(s, { offset: 0, limit: 10, jobId: 'listing' });
    expect(s.events).toEqual([]);
  });

  it('refuses a snapshot it no longer keeps, or one of another registry', async () => {
    const s = await setup([crafted, generated]);
    await s.call('registry.choose');
    const old = await page(s, { offset: 0, limit: 1 });
    await page(s, { offset: 0, limit: 1 });
    await page(s, { offset: 0, limit: 1 });
    await expect(page(s, { offset: 1, limit: 1, snapshot: old.snapshot })).rejects.toMatchObject({ reason: 'LISTING_EXPIRED' });
    const kept = await page(s, { offset: 0, limit: 1 });
    await s.call('registry.choose');
    await expect(page(s, { offset: 1, limit: 1, snapshot: kept.snapshot })).rejects.toMatchObject({ reason: 'LISTING_EXPIRED' });
  });

  it('marks a version tampered in its row once a read found it so', async () => {
    const s = await setup([generated]);
    await s.call('registry.choose');
    await s.call('module.read', { name: 'module-00001', version: '1.1.1' });
    const [row] = (await page(s, { offset: 1, limit: 1 })).packages;
    expect(row).toMatchObject({ name: 'module-00001', verification: 'tampered', versions: [{ version: '1.0.0' }, { version: '1.1.1', verification: 'tampered' }] });
  });
});

describe('module.resolve', () => {
  it('returns the resolved tree with the range that chose each version', async () => {
    const s = await setup([crafted]);
    await s.call('registry.choose');
    const view = await s.call('module.resolve', { name: 'ok', version: '1.0.0', jobId: 'r1' });
    expect(view).toEqual({
      ok: true,
      count: 2,
      root: expect.objectContaining({
        name: 'ok',
        version: '1.0.0',
        children: [expect.objectContaining({ name: 'a', version: '1.0.0', range: '^1.0.0', children: [expect.objectContaining({ name: 'c', version: '2.0.0', range: '^2.0.0' })] })],
      }),
    });
  });

  it('answers a conflict with the explained error instead of failing', async () => {
    const s = await setup([crafted]);
    await s.call('registry.choose');
    const view = (await s.call('module.resolve', { name: 'app', version: '1.0.0', jobId: 'r2' })) as { ok: boolean; error: { code: string; reason?: string }; explanation: string[] };
    expect(view.ok).toBe(false);
    expect(view.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'CONFLICT' });
    expect(view.explanation.length).toBeGreaterThan(0);
    expect(view.explanation.join(' ')).toContain('c');
  });

  it('fails for a version that is not in the registry', async () => {
    const s = await setup([crafted]);
    await s.call('registry.choose');
    await expect(s.call('module.resolve', { name: 'nope', version: '1.0.0', jobId: 'r3' })).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR' });
  });
});
