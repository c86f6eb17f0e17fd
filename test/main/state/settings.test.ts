import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, MAX_RECENT, parseSettings, SETTINGS_FILE, SettingsStore, withRecent } from '../../../src/main/state/settings.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promptpm-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings schema', () => {
  it('never throws on hostile text; anything invalid gives the defaults', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify(v) ?? '')), (text) => {
        const settings = parseSettings(text);
        expect(settings.version).toBe(1);
        expect(Array.isArray(settings.recentRegistries)).toBe(true);
      }),
    );
    expect(parseSettings('{"version":1,"recentRegistries":"x","currentRegistry":null,"window":null}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"version":2,"recentRegistries":[],"currentRegistry":null,"window":null}')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a valid file back', () => {
    const valid = { version: 1, recentRegistries: ['/a'], currentRegistry: '/a', window: { width: 900, height: 700, maximized: true }, draftAreas: ['/d'] };
    expect(parseSettings(JSON.stringify(valid))).toEqual(valid);
  });

  it('reads a file written before drafts folders were remembered, with none', () => {
    const earlier = { version: 1, recentRegistries: ['/a'], currentRegistry: '/a', window: null };
    expect(parseSettings(JSON.stringify(earlier))).toEqual({ ...earlier, draftAreas: [] });
  });

  it('keeps the recent list most-recent-first, unique and bounded', () => {
    let s = DEFAULT_SETTINGS;
    for (let i = 0; i < MAX_RECENT + 5; i++) s = withRecent(s, `/r${i}`);
    s = withRecent(s, '/r10');
    expect(s.recentRegistries).toHaveLength(MAX_RECENT);
    expect(s.recentRegistries[0]).toBe('/r10');
    expect(new Set(s.recentRegistries).size).toBe(MAX_RECENT);
    expect(s.currentRegistry).toBe('/r10');
  });
});

describe('settings store', () => {
  it('starts from defaults on first run and writes the file atomically', async () => {
    const store = await SettingsStore.load(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await Promise.all([store.update((s) => withRecent(s, '/one')), store.update((s) => withRecent(s, '/two'))]);
    const written = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'));
    expect(written.recentRegistries).toEqual(['/two', '/one']);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    expect((await SettingsStore.load(dir)).get()).toEqual(written);
  });

  it('ignores a damaged file and replaces it on the next write', async () => {
    await writeFile(join(dir, SETTINGS_FILE), '{"version":1,"recentRegistries":[');
    const store = await SettingsStore.load(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update((s) => withRecent(s, '/ok'));
    expect(parseSettings(await readFile(join(dir, SETTINGS_FILE), 'utf8')).currentRegistry).toBe('/ok');
  });

  it('refuses to store an invalid state', async () => {
    const store = await SettingsStore.load(dir);
    expect(() => store.update((s) => ({ ...s, window: { width: 1, height: 1, maximized: false } }))).toThrow();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });
});
