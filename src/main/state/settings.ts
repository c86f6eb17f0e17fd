// The app's small settings file in userData: recent registries, the open one, window state, drafts folders. Read with
// a schema (a damaged or hostile file falls back to defaults, it never crashes the app) and written
// atomically, one write at a time.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/atomic-write.js';

export const MAX_RECENT = 10;

const pathString = z.string().min(1).max(4096);

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const settingsSchema = z.object({
  version: z.literal(1),
  /** Most recent first, no duplicates. */
  recentRegistries: z.array(pathString).max(MAX_RECENT),
  currentRegistry: pathString.nullable(),
  window: windowStateSchema.nullable(),
  /** Drafts folders the user added (the app's own one is always there); absent in files of earlier versions. */
  draftAreas: z.array(pathString).max(50).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, recentRegistries: [], currentRegistry: null, window: null, draftAreas: [] };

export const SETTINGS_FILE = 'settings.json';

/** Parses settings text; anything invalid gives the defaults. */
export function parseSettings(text: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return structuredClone(DEFAULT_SETTINGS);
  }
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}

export function withRecent(settings: Settings, path: string): Settings {
  const recent = [path, ...settings.recentRegistries.filter((p) => p !== path)].slice(0, MAX_RECENT);
  return { ...settings, recentRegistries: recent, currentRegistry: path };
}

export class SettingsStore {
  private current: Settings = structuredClone(DEFAULT_SETTINGS);
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  static async load(userDataDir: string): Promise<SettingsStore> {
    const store = new SettingsStore(join(userDataDir, SETTINGS_FILE));
    try {
      store.current = parseSettings(await readFile(store.file, 'utf8'));
    } catch {
      // No file yet (first run) or unreadable: start from defaults.
    }
    return store;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Applies a change, validates the result, and queues the atomic write; resolves when it is on disk. */
  update(change: (settings: Settings) => Settings): Promise<void> {
    this.current = settingsSchema.parse(change(this.get()));
    const text = JSON.stringify(this.current, null, 2) + '\n';
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.file, text, 0o600));
    return this.writing;
  }
}
